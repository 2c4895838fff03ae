import type { UnitInterval } from "./unitizing-study";

/**
 * One rater's units of one category, sorted and made disjoint, as two flat arrays of numbers:
 * the project-level continuum holds tens of thousands of units, and an object per unit would
 * dominate the run time. Plain arrays rather than typed ones, because most lists are an
 * article's few dozen units and a typed array costs more to create than to fill.
 */
export type SortedUnits = { begins: readonly number[]; ends: readonly number[]; count: number };

/**
 * Sorts by (begin, length), as DKPro's unit order does, and merges units that overlap as open
 * intervals into their union. DKPro requires one rater's units of a category not to overlap;
 * merging is what makes that true for arbitrary input. Touching units stay apart, and a
 * zero-length unit stays a unit of its own unless it lies strictly inside another one.
 */
export function sortAndMerge(intervals: readonly UnitInterval[]): SortedUnits {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const begins: number[] = [];
  const ends: number[] = [];
  for (const [begin, end] of sorted) {
    const last = ends.length - 1;
    if (last >= 0 && begin < ends[last]) {
      if (end > ends[last]) ends[last] = end;
      continue;
    }
    begins.push(begin);
    ends.push(end);
  }
  return { begins, ends, count: begins.length };
}

/**
 * Lengths of the rater's gaps: the stretches of [continuumBegin, continuumEnd) between its units,
 * found the way DKPro's expected-disagreement loop walks the continuum (a zero-length unit
 * splits a gap in two).
 */
export function gapLengths(units: SortedUnits, continuumBegin: number, continuumEnd: number, into: number[]): void {
  let pos = continuumBegin;
  for (let i = 0; i < units.count; i++) {
    if (units.begins[i] > pos) into.push(units.begins[i] - pos);
    if (units.ends[i] > pos) pos = units.ends[i];
  }
  if (pos < continuumEnd) into.push(continuumEnd - pos);
}
