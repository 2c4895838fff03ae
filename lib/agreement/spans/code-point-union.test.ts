import { describe, expect, it } from "vitest";
import { countRangesMeetingUnion, extendUnion, markRangesMeetingUnion, type IntervalList } from "./code-point-union";

function unionOf(ranges: [number, number][]): IntervalList {
  const union: IntervalList = { starts: [], ends: [] };
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1])) extendUnion(union, start, end);
  return union;
}

describe("union of spans", () => {
  it("merges overlapping spans, keeps touching spans apart and drops empty ones", () => {
    expect(unionOf([[10, 20], [0, 5], [15, 25], [5, 8], [30, 30], [12, 14]])).toEqual({ starts: [0, 5, 10], ends: [5, 8, 25] });
  });

  it("marks ranges that share a code point, not those that only touch", () => {
    const union = unionOf([[5, 10], [20, 30]]);
    // [0,5) touches, [4,6) overlaps, [7,7) is empty, [9,12) overlaps, [10,12) touches, [12,40) overlaps [20,30)
    const starts = [0, 4, 7, 9, 10, 12];
    const ends = [5, 6, 7, 12, 12, 40];
    expect(Array.from(markRangesMeetingUnion(starts, ends, union))).toEqual([0, 1, 0, 1, 0, 1]);
    expect(countRangesMeetingUnion(starts, ends, union)).toBe(3);
  });

  it("writes marks at an offset into a shared array", () => {
    const marks = new Uint8Array(6);
    markRangesMeetingUnion([0, 2], [1, 3], unionOf([[2, 3]]), marks, 4);
    expect(Array.from(marks)).toEqual([0, 0, 0, 0, 0, 1]);
  });
});
