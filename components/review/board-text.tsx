"use client";

import { memo, useEffect, useMemo, useRef } from "react";
import { segmentText } from "@/lib/review/segments";

type TextUnit = { key: string; start: number; end: number; decided: boolean };

/**
 * The article text, rendered once and read-only, with the units drawn over it: undecided units
 * dashed, decided ones solid, the current one outlined. Clicking text selects the innermost unit
 * there. Or the gold spans, underlined in their label's colour. Each segment carries its code-point start (`data-start`) so a text selection maps back to
 * offsets for "add a span".
 */
export const BoardText = memo(function BoardText({
  text,
  units,
  current,
  onSelect,
  gold,
}: {
  text: string;
  units: TextUnit[];
  /** Draw these gold spans instead of the units. */
  gold?: { start: number; end: number; colour: string; title: string }[];
  current: number;
  onSelect: (index: number) => void;
}) {
  const segments = useMemo(() => segmentText(text, gold ?? units), [text, gold, units]);
  const currentRef = useRef<HTMLSpanElement | null>(null);
  useEffect(() => {
    currentRef.current?.scrollIntoView({ block: "nearest" });
  }, [current]);
  let firstOfCurrent = true;
  return (
    <div
      id="review-text"
      className="max-h-[70vh] overflow-y-auto whitespace-pre-wrap rounded-lg border border-stone-200 bg-white p-4 font-serif text-[15px] leading-7 text-stone-900"
      aria-label={gold ? "Article text with the gold spans marked" : "Article text with the units marked"}
      role="region"
      tabIndex={0}
    >
      {segments.map((segment) => {
        if (segment.covering.length === 0) return <span key={segment.start} data-start={segment.start}>{segment.text}</span>;
        if (gold) {
          const inner = gold[segment.covering[0]];
          return (
            <span key={segment.start} data-start={segment.start} className="bg-stone-100" style={{ boxShadow: `inset 0 -3px 0 ${inner.colour}` }} title={inner.title}>
              {segment.text}
            </span>
          );
        }
        const isCurrent = segment.covering.includes(current);
        const decided = segment.covering.every((i) => units[i].decided);
        const ref = isCurrent && firstOfCurrent ? currentRef : undefined;
        if (isCurrent) firstOfCurrent = false;
        return (
          <span
            key={segment.start}
            ref={ref}
            data-start={segment.start}
            onClick={() => onSelect(segment.covering[0])}
            className={[
              "cursor-pointer underline decoration-2 underline-offset-4",
              decided ? "decoration-solid decoration-stone-500" : "decoration-dashed decoration-amber-700",
              isCurrent ? "bg-sky-100 outline outline-2 outline-sky-800" : segment.covering.length > 1 ? "bg-stone-200" : "bg-stone-100",
            ].join(" ")}
          >
            {segment.text}
          </span>
        );
      })}
    </div>
  );
});

/** Code-point offsets of the browser's selection inside the text region, or null. */
export function selectedOffsets(): { start: number; end: number } | null {
  const selection = typeof window === "undefined" ? null : window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const at = (node: Node, offset: number): number | null => {
    const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
    const holder = element?.closest("[data-start]");
    if (!holder || !holder.closest("#review-text")) return null;
    const base = Number(holder.getAttribute("data-start"));
    if (node.nodeType !== Node.TEXT_NODE) return base;
    return base + [...(node as Text).data.slice(0, offset)].length;
  };
  const start = at(range.startContainer, range.startOffset);
  const end = at(range.endContainer, range.endOffset);
  return start !== null && end !== null && end > start ? { start, end } : null;
}
