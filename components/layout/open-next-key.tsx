"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { buttonClass } from "@/components/ui/button";

/** "Open next" in the queue: a button, and the key n anywhere on the page outside form fields. */
export function OpenNextKey({ href }: { href: string | null }) {
  const router = useRouter();
  useEffect(() => {
    if (!href) return;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== "n" || event.metaKey || event.ctrlKey || event.altKey) return;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      event.preventDefault();
      router.push(href);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [href, router]);
  if (!href) return null;
  return (
    <a href={href} className={buttonClass("primary")} aria-keyshortcuts="n">
      Open next <kbd className="rounded bg-white/20 px-1 text-xs">n</kbd>
    </a>
  );
}
