/**
 * The set of code points a layer's spans of one label cover, as sorted disjoint intervals.
 * Token coding, f1_overlap and alpha_u all ask "does this range share a code point with any span
 * of that label?", which the union answers with one forward pass.
 */
export type IntervalList = { starts: number[]; ends: number[] };

/**
 * Adds [start, end) to a union built from ranges arriving in ascending order of start. Ranges
 * that overlap (share a code point) become one interval; ranges that only touch stay apart
 * (alpha_u counts them as separate units); an empty range covers no code point and is dropped.
 */
export function extendUnion(union: IntervalList, start: number, end: number): void {
  if (end <= start) return;
  const { starts, ends } = union;
  const last = ends.length - 1;
  if (last >= 0 && start < ends[last]) {
    if (end > ends[last]) ends[last] = end;
  } else {
    starts.push(start);
    ends.push(end);
  }
}

/**
 * For ranges sorted by start, which share at least one code point with the union: 1 or 0 per
 * range, written to `marks` from `offset` on (a new array by default). O(ranges + union)
 * because both move forward only.
 */
export function markRangesMeetingUnion(
  rangeStarts: ArrayLike<number>,
  rangeEnds: ArrayLike<number>,
  union: IntervalList,
  marks: Uint8Array = new Uint8Array(rangeStarts.length),
  offset = 0,
): Uint8Array {
  const { starts, ends } = union;
  let k = 0;
  for (let i = 0; i < rangeStarts.length; i++) {
    const start = rangeStarts[i];
    const end = rangeEnds[i];
    if (end <= start) continue;
    // The first union interval that ends after this range starts; earlier ones end before every
    // later range starts too, since ranges come sorted by start.
    while (k < ends.length && ends[k] <= start) k++;
    if (k < ends.length && starts[k] < end) marks[offset + i] = 1;
  }
  return marks;
}

/** How many of the ranges (sorted by start) share a code point with the union; as above. */
export function countRangesMeetingUnion(
  rangeStarts: ArrayLike<number>,
  rangeEnds: ArrayLike<number>,
  union: IntervalList,
): number {
  const { starts, ends } = union;
  let count = 0;
  let k = 0;
  for (let i = 0; i < rangeStarts.length; i++) {
    const start = rangeStarts[i];
    const end = rangeEnds[i];
    if (end <= start) continue;
    while (k < ends.length && ends[k] <= start) k++;
    if (k < ends.length && starts[k] < end) count++;
  }
  return count;
}
