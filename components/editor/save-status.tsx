"use client";

import { useLayoutEffect, useRef, useState } from "react";
import type { Sender, SaveStatus } from "@/lib/editor/sender";

function describe(status: SaveStatus): { text: string; tone: string } {
  const pending = `${status.pending} change${status.pending === 1 ? "" : "s"}`;
  switch (status.state) {
    case "saved":
      return { text: "All changes saved", tone: "text-emerald-800" };
    case "saving":
      return { text: `Saving ${pending}…`, tone: "text-stone-700" };
    case "offline":
      return { text: `Offline: ${pending} waiting, saved here and sent when the server is back`, tone: "text-amber-900" };
    case "signed_out":
      return { text: `Signed out: ${pending} kept in this browser. Sign in again (in another tab) to save them.`, tone: "text-red-800" };
    case "error":
      return { text: `Not saved: ${status.lastError ?? "the server refused the changes"}`, tone: "text-red-800" };
  }
}

const className = (tone: string) => `text-xs font-medium ${tone}`;

export function SaveStatusLine({ sender }: { sender: Sender | null }) {
  if (!sender) return <p className="text-xs text-stone-600">Read-only layer</p>;
  return <LiveStatus sender={sender} />;
}

/**
 * The status changes with every tag, in the key press's task: it is written into the line's DOM
 * directly, not rendered by React. A React commit there would cost more than the change itself:
 * while the article has focus, every commit reads the selection's offset in it (React saves the
 * focused element's selection around a commit), walking the article's DOM, 2–4 ms in a long
 * article, before the frame that shows the tag. React renders the line once, with the status
 * it had then, and never re-renders it differently; the effect keeps it current.
 */
function LiveStatus({ sender }: { sender: Sender }) {
  const ref = useRef<HTMLParagraphElement>(null);
  const [first] = useState(() => sender.getSnapshot());
  useLayoutEffect(() => {
    let shown: SaveStatus | null = null;
    const show = () => {
      const element = ref.current;
      const status = sender.getSnapshot();
      if (!element || status === shown) return;
      shown = status;
      const { text, tone } = describe(status);
      if (element.textContent !== text) element.textContent = text;
      element.dataset.saveState = status.state;
      element.className = className(tone);
    };
    show();
    return sender.subscribe(show);
  }, [sender]);
  const { text, tone } = describe(first);
  return (
    <p ref={ref} role="status" aria-live="polite" data-save-state={first.state} className={className(tone)}>
      {text}
    </p>
  );
}
