import { describe, expect, it } from "vitest";
import { segmentText } from "./segments";

describe("cutting the text at unit bounds", () => {
  it("cuts nested ranges past an emoji, innermost first", () => {
    const text = "🚢 Kessler said no.";
    const segments = segmentText(text, [{ start: 2, end: 17 }, { start: 2, end: 9 }]);
    expect(segments.map((s) => [s.text, s.covering])).toEqual([
      ["🚢 ", []],
      ["Kessler", [1, 0]],
      [" said no", [0]],
      [".", []],
    ]);
    expect(segments.map((s) => s.text).join("")).toBe(text);
  });

  it("handles no ranges and ranges at the ends", () => {
    expect(segmentText("abc", [])).toEqual([{ start: 0, end: 3, text: "abc", covering: [] }]);
    expect(segmentText("abc", [{ start: 0, end: 3 }]).map((s) => s.covering)).toEqual([[0]]);
  });
});
