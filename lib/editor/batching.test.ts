import { describe, expect, it } from "vitest";
import { takeBatch } from "./batching";
import type { Change } from "./types";

const create = (id: string): Change => ({ id: `c-${id}`, op: "create", span: { id, start: 0, end: 1, label: "QUOTE", text: "x" } });
const update = (id: string, version: number): Change => ({ id: `u-${id}-${version}`, op: "update", span: { id, version, note: "n" } });

describe("takeBatch", () => {
  it("takes the oldest changes up to the limit", () => {
    const queue = ["a", "b", "c", "d"].map(create);
    expect(takeBatch(queue, 3)).toEqual(queue.slice(0, 3));
  });

  it("stops before a second versioned change on the same span", () => {
    const queue = [create("a"), update("a", 1), update("b", 4), update("a", 2), update("b", 5)];
    expect(takeBatch(queue, 100).map((c) => c.id)).toEqual(["c-a", "u-a-1", "u-b-4"]);
    expect(takeBatch(queue.slice(3), 100).map((c) => c.id)).toEqual(["u-a-2", "u-b-5"]);
  });

  it("always takes at least the first change", () => {
    expect(takeBatch([update("a", 1), update("a", 2)], 100)).toHaveLength(1);
  });
});
