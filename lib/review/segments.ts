import { OffsetIndex } from "../text/code-points";

export type TextSegment = {
  /** Code points. */
  start: number;
  end: number;
  text: string;
  /** Indices (into the ranges given) of the ranges covering the segment, innermost (shortest) first. */
  covering: number[];
};

/**
 * Cuts a text at every range boundary, once, so the board draws units (which may nest) over one
 * read-only rendering of the text: each segment knows which ranges cover it. O((n + k) log n).
 */
export function segmentText(text: string, ranges: readonly { start: number; end: number }[]): TextSegment[] {
  const index = new OffsetIndex(text);
  const cuts = new Set<number>([0, index.length]);
  for (const range of ranges) {
    cuts.add(Math.max(0, Math.min(range.start, index.length)));
    cuts.add(Math.max(0, Math.min(range.end, index.length)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const order = ranges.map((_, i) => i).sort((a, b) => ranges[a].start - ranges[b].start);
  const segments: TextSegment[] = [];
  let next = 0;
  let active: number[] = [];
  for (let p = 0; p + 1 < points.length; p++) {
    const start = points[p];
    const end = points[p + 1];
    while (next < order.length && ranges[order[next]].start <= start) active.push(order[next++]);
    active = active.filter((i) => ranges[i].end > start);
    const covering = active.filter((i) => ranges[i].start <= start).sort((a, b) => ranges[a].end - ranges[a].start - (ranges[b].end - ranges[b].start));
    segments.push({ start, end, text: index.slice(start, end), covering });
  }
  return segments;
}
