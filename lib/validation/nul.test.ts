import { describe, expect, it } from "vitest";
import { containsNul, withoutNul } from "./nul";
import { decodeCursor, encodeCursor } from "./articles";

describe("NUL characters", () => {
  it("are found in strings, nested values and keys, and nowhere else", () => {
    expect(containsNul("a\u0000b")).toBe(true);
    expect(containsNul({ changes: [{ span: { note: "x\u0000" } }] })).toBe(true);
    expect(containsNul({ attributes: { "\u0000": 1 } })).toBe(true);
    expect(containsNul({ changes: [{ span: { note: "x\\u0000 written out", start: 0, ok: true, none: null } }] })).toBe(false);
    expect(containsNul("🚢 ‮ \u0001")).toBe(false);
  });

  it("are dropped from search terms, and a cursor holding one is ignored", () => {
    expect(withoutNul("a\u0000b\u0000")).toBe("ab");
    expect(decodeCursor(encodeCursor("2026-03-02", "id\u0000x"))).toBeNull();
    expect(decodeCursor(encodeCursor("2026-03-02", "id-x"))).toEqual(["2026-03-02", "id-x"]);
  });
});
