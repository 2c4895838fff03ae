import { describe, expect, it } from "vitest";
import { articleFiltersSchema, decodeCursor, encodeCursor } from "./articles";

describe("article filters", () => {
  it("drops invalid values instead of failing the page", () => {
    expect(articleFiltersSchema.parse({ status: "bogus", assignee: "x", label: "quote", q: " strike " })).toEqual({
      q: "strike",
      status: undefined,
      assignee: undefined,
      label: undefined,
      labelMin: undefined,
      labelMax: undefined,
      cursor: undefined,
    });
  });

  it("round-trips a cursor, including articles without a date and ids with any characters", () => {
    for (const [date, id] of [["2026-03-02", "velmora/1"], [null, "ß'\"; drop table x;--"]] as const) {
      expect(decodeCursor(encodeCursor(date, id))).toEqual([date ?? "9999-12-31", id]);
    }
    expect(decodeCursor("garbage")).toBeNull();
    expect(decodeCursor(Buffer.from('["x","y"]').toString("base64url"))).toBeNull();
  });
});
