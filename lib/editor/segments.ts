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

/** The spans last cut (by id) and the segments cut from them, in text order. */
export type Segmentation = { spans: ReadonlyMap<string, SegmentSpan>; segments: readonly Segment[] };

type Range = { start: number; end: number };

export function segmentation(spans: readonly SegmentSpan[]): Segmentation {
  return { spans: new Map(spans.map((span) => [span.id, span])), segments: segmentSpans(spans) };
}

/**
 * Cuts again only the stretches of text that changed since `previous`: those of added, removed,
 * moved or relabelled spans, of the `touched` ranges and of the `restyled` spans (by id: their
 * old and new bounds), each grown until no span (old or new) crosses its ends, so every segment
 * outside them is unchanged. Returns the segments to drop and to add, or null when so much
 * changed that cutting everything again is as cheap.
 */
export function resegment(
  previous: Segmentation,
  spans: readonly SegmentSpan[],
  touched: readonly Range[] = [],
  restyled: readonly string[] = [],
  changes?: SpanChanges,
): { next: Segmentation; removed: Segment[]; added: Segment[] } | null {
  if (changes && changes.changed.size <= 64) return resegmentChanges(previous, spans, changes.changed, touched, restyled);
  const byId = new Map<string, SegmentSpan>();
  const dirty: Range[] = [...touched];
  for (const span of spans) {
    byId.set(span.id, span);
    const before = previous.spans.get(span.id);
    if (before && before.start === span.start && before.end === span.end && before.label === span.label) continue;
    dirty.push(span);
    if (before) dirty.push(before);
  }
  for (const id of restyled) {
    for (const span of [previous.spans.get(id), byId.get(id)]) if (span) dirty.push(span);
  }
  for (const [id, before] of previous.spans) if (!byId.has(id)) dirty.push(before);
  if (dirty.length === 0) return { next: { spans: byId, segments: previous.segments }, removed: [], added: [] };
  if (dirty.length > spans.length / 4) return null;

  const regions = grow(dirty, [spans, [...previous.spans.values()]]);
  const inside = (range: Range) => regions.some((r) => r.start <= range.start && range.end <= r.end);
  const kept: Segment[] = [];
  const removed: Segment[] = [];
  for (const segment of previous.segments) (inside(segment) ? removed : kept).push(segment);
  const added = segmentSpans(spans.filter(inside));
  const segments: Segment[] = [];
  for (let i = 0, j = 0; i < kept.length || j < added.length; ) {
    segments.push(j >= added.length || (i < kept.length && kept[i].start < added[j].start) ? kept[i++] : added[j++]);
  }
  return { next: { spans: byId, segments }, removed, added };
}

/**
 * What changed from the list of spans a segmentation was cut from to `spans`: by id, each span
 * added, moved, relabelled or otherwise replaced (its new version) or removed (null). Every span
 * not named is the same in both lists.
 */
export type SpanChanges = { changed: ReadonlyMap<string, SegmentSpan | null> };

/** The first index of the segments (in text order, apart) whose end is past `at`. */
function segmentAfter(segments: readonly Segment[], at: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (segments[mid].end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const sameBounds = (a: SegmentSpan, b: SegmentSpan) => a.start === b.start && a.end === b.end && a.label === b.label;

/**
 * resegment when the changes are known: nothing walks all the spans or all the segments. The
 * spans crossing a point are found in the segment holding the code point before it (a span
 * crossing a point covers both code points around it), so a region grows by binary searches.
 */
function resegmentChanges(
  previous: Segmentation,
  spans: readonly SegmentSpan[],
  changed: ReadonlyMap<string, SegmentSpan | null>,
  touched: readonly Range[],
  restyled: readonly string[],
): { next: Segmentation; removed: Segment[]; added: Segment[] } {
  const byId = new Map(previous.spans);
  const dirty: Range[] = [...touched];
  const newer: SegmentSpan[] = [];
  for (const [id, span] of changed) {
    const before = previous.spans.get(id);
    if (span) {
      byId.set(id, span);
      newer.push(span);
    } else byId.delete(id);
    if (before && span && sameBounds(before, span)) continue;
    if (before) dirty.push(before);
    if (span) dirty.push(span);
  }
  for (const id of restyled) {
    for (const span of [previous.spans.get(id), byId.get(id)]) if (span) dirty.push(span);
  }
  const next = { spans: byId, segments: previous.segments };
  if (dirty.length === 0) return { next, removed: [], added: [] };

  const { segments } = previous;
  /** The widest bounds of the spans, old or new, that cross `at`, with `range` itself. */
  const widen = (range: Range, at: number) => {
    const k = segmentAfter(segments, at - 1);
    if (k < segments.length && segments[k].start < at) {
      for (const span of segments[k].spans) {
        if (span.end > at) {
          range.start = Math.min(range.start, span.start);
          range.end = Math.max(range.end, span.end);
        }
      }
    }
    for (const span of newer) {
      if (span.start < at && span.end > at) {
        range.start = Math.min(range.start, span.start);
        range.end = Math.max(range.end, span.end);
      }
    }
  };
  let regions = merge(dirty);
  for (let grown = true; grown; ) {
    grown = false;
    for (const region of regions) {
      const { start, end } = region;
      widen(region, start);
      widen(region, end);
      if (region.start !== start || region.end !== end) grown = true;
    }
    if (grown) regions = merge(regions);
  }

  const removed: Segment[] = [];
  const added: Segment[] = [];
  // The kept stretches are copied as slices (one native copy each), not segment by segment.
  const parts: (readonly Segment[])[] = [];
  let copied = 0;
  for (const region of regions) {
    const from = segmentAfter(segments, region.start);
    let to = from;
    while (to < segments.length && segments[to].start < region.end) to++;
    parts.push(segments.slice(copied, from));
    // The spans inside the region: those of its old segments that did not change, and the new ones.
    const inside = new Map<string, SegmentSpan>();
    for (let k = from; k < to; k++) {
      removed.push(segments[k]);
      for (const span of segments[k].spans) if (!changed.has(span.id)) inside.set(span.id, span);
    }
    for (const span of newer) if (span.start >= region.start && span.end <= region.end) inside.set(span.id, span);
    const cut = segmentSpans([...inside.values()]);
    added.push(...cut);
    parts.push(cut);
    copied = to;
  }
  parts.push(segments.slice(copied));
  return { next: { spans: byId, segments: ([] as Segment[]).concat(...parts) }, removed, added };
}

/** Merges `ranges` and widens them until no span of `sets` crosses an end of one. */
function grow(ranges: Range[], sets: readonly (readonly SegmentSpan[])[]): Range[] {
  let regions = merge(ranges);
  for (let changed = true; changed; ) {
    changed = false;
    for (const set of sets) {
      for (const span of set) {
        for (const region of regions) {
          if (span.start < region.end && span.end > region.start && (span.start < region.start || span.end > region.end)) {
            region.start = Math.min(region.start, span.start);
            region.end = Math.max(region.end, span.end);
            changed = true;
          }
        }
      }
    }
    if (changed) regions = merge(regions);
  }
  return regions;
}

function merge(ranges: readonly Range[]): Range[] {
  const sorted = ranges.map(({ start, end }) => ({ start, end })).sort((a, b) => a.start - b.start);
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push(range);
  }
  return merged;
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
