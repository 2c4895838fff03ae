import { describe, expect, it } from "vitest";
import { queuePage } from "./queue";

describe("a page of the review queue", () => {
  const rows = Array.from({ length: 120 }, (_, k) => k + 1);

  it("cuts the sorted queue in pages counted from 1", () => {
    expect(queuePage(rows, 1, 50)).toMatchObject({ page: 1, pages: 3, total: 120, first: 1, last: 50 });
    const third = queuePage(rows, 3, 50);
    expect(third).toMatchObject({ page: 3, first: 101, last: 120 });
    expect(third.items).toEqual(rows.slice(100));
  });

  it("shows the last page for a page past the end, and the first for nonsense", () => {
    expect(queuePage(rows, 9, 50)).toMatchObject({ page: 3, first: 101 });
    expect(queuePage(rows, 0, 50).page).toBe(1);
    expect(queuePage(rows, 2.7, 50).page).toBe(2);
  });

  it("has one empty page when the queue is empty", () => {
    expect(queuePage([], 4, 50)).toEqual({ items: [], page: 1, pages: 1, total: 0, first: 0, last: 0 });
  });
});
