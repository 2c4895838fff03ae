"use client";

import { useSyncExternalStore } from "react";
import type { Sender, SaveStatus } from "@/lib/editor/sender";

const IDLE: SaveStatus = { state: "saved", pending: 0 };
const noop = () => () => {};

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

export function SaveStatusLine({ sender }: { sender: Sender | null }) {
  const status = useSyncExternalStore(sender?.subscribe ?? noop, sender?.getSnapshot ?? (() => IDLE), () => IDLE);
  if (!sender) return <p className="text-xs text-stone-600">Read-only layer</p>;
  const { text, tone } = describe(status);
  return (
    <p role="status" aria-live="polite" data-save-state={status.state} className={`text-xs font-medium ${tone}`}>
      {text}
    </p>
  );
}
