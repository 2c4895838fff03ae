/**
 * Overlapping spans are drawn as segments: the text is cut at every span bound, and
 * each piece is styled by the set of spans covering it (innermost first). One
 * decoration per segment keeps nested and overlapping spans readable, where marks
 * (one per type) would overwrite each other.
 */
export type SegmentSpan = { id: string; start: number; end: number; label: string };

export type Segment = {
  start: number;
  end: number;
  /** Covering spans, innermost (shortest) first; ties by start, then id. */
  spans: SegmentSpan[];
};

export function segmentSpans(spans: readonly SegmentSpan[]): Segment[] {
  if (spans.length === 0) return [];
  const bounds = new Set<number>();
  for (const span of spans) {
    bounds.add(span.start);
    bounds.add(span.end);
  }
  const points = [...bounds].sort((a, b) => a - b);
  const byStart = [...spans].sort((a, b) => a.start - b.start);
  const active: SegmentSpan[] = [];
  const segments: Segment[] = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i];
    const to = points[i + 1];
    while (next < byStart.length && byStart[next].start <= from) active.push(byStart[next++]);
    for (let j = active.length - 1; j >= 0; j--) if (active[j].end <= from) active.splice(j, 1);
    if (active.length === 0) continue;
    const covering = active.filter((span) => span.start <= from && span.end >= to);
    if (covering.length === 0) continue;
    covering.sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start || (a.id < b.id ? -1 : 1));
    segments.push({ start: from, end: to, spans: covering });
  }
  return segments;
}

/** "#RRGGBB" → "rgba(r, g, b, alpha)". */
export function tint(colour: string, alpha: number): string {
  const value = Number.parseInt(colour.slice(1), 16);
  return `rgba(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}, ${alpha})`;
}

/**
 * The inline style of a segment: a light background of the innermost span's label, and
 * one underline per covering span (innermost lowest), so nesting depth stays visible.
 */
export function segmentStyle(segment: Segment, colourOf: (label: string) => string, selectedId: string | null): string {
  const inner = segment.spans[0];
  const lines = segment.spans.slice(0, 4).map((span, depth) => `inset 0 -${2 + depth * 3}px 0 ${colourOf(span.label)}`);
  const background = tint(colourOf(inner.label), segment.spans.some((span) => span.id === selectedId) ? 0.38 : 0.16);
  return `background-color:${background};box-shadow:${lines.join(",")};padding-bottom:${Math.min(segment.spans.length, 4) * 3 - 1}px`;
}
