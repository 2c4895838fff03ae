import { describe, expect, it } from "vitest";
import { OffsetIndex, sliceByCodePoints } from "./code-points";
import { checkSpan, type SpanCheckCode } from "./span-check";
import { FAMILY, FLAGS, SAMPLES } from "./test-support";

const text = `He said ${FAMILY} 習近平 met «قال الوزير».`;
// code points: "He said " 0-7, family 8-14, " " 15, 習近平 16-18, " met «" 19-24, Arabic 25-34, "»." 35-36

describe("checkSpan accepts", () => {
  it.each([
    ["a whole astral sequence", 8, 15, FAMILY],
    ["CJK", 16, 19, "習近平"],
    ["right-to-left text", 25, 35, "قال الوزير"],
    ["the last character", 36, 37, "."],
    ["the whole text", 0, 37, text],
  ])("%s", (_name, start, end, covered) => {
    expect(checkSpan(text, { start, end, text: covered })).toEqual({ ok: true });
    expect(checkSpan(new OffsetIndex(text), { start, end, text: covered })).toEqual({ ok: true });
  });

  it("checks only the bounds when no covered text is given", () => {
    expect(checkSpan(text, { start: 9, end: 10 })).toEqual({ ok: true });
  });

  it("checks CRLF spans in code points", () => {
    const crlf = SAMPLES.crlf;
    expect(checkSpan(crlf, { start: 10, end: 13, text: ".\r\n" })).toEqual({ ok: true });
  });
});

describe("checkSpan refuses", () => {
  const cases: [string, { start: number; end: number; text?: string }, SpanCheckCode, RegExp][] = [
    ["a fractional start", { start: 1.5, end: 3 }, "not_integer", /start must be an integer/],
    ["a NaN end", { start: 1, end: NaN }, "not_integer", /end must be an integer/],
    ["a string offset", { start: "1" as unknown as number, end: 3 }, "not_integer", /start/],
    ["a negative start", { start: -1, end: 3 }, "negative", /start must not be negative/],
    ["a negative end", { start: 0, end: -2 }, "negative", /end must not be negative/],
    ["an empty span", { start: 4, end: 4 }, "empty_or_reversed", /empty/],
    ["a reversed span", { start: 5, end: 4 }, "empty_or_reversed", /comes before start/],
    ["an end past the text", { start: 30, end: 38 }, "out_of_range", /37 code points/],
    ["UTF-16 offsets taken for code points", { start: 8, end: 19, text: FAMILY }, "text_mismatch", /should cover/],
    ["a changed text (an orphan)", { start: 16, end: 19, text: "習近半" }, "text_mismatch", /習近半.*習近平/],
  ];

  it.each(cases)("%s", (_name, span, code, message) => {
    const result = checkSpan(text, span);
    expect(result).toMatchObject({ ok: false, code });
    expect(!result.ok && result.message).toMatch(message);
  });

  it("reports what the span expected and what the text has", () => {
    const result = checkSpan(text, { start: 8, end: 10, text: FLAGS });
    expect(result).toEqual({
      ok: false,
      code: "text_mismatch",
      expected: FLAGS,
      actual: sliceByCodePoints(text, 8, 10),
      message: expect.any(String),
    });
  });

  it("reports the text length when out of range", () => {
    expect(checkSpan(text, { start: 0, end: 100 })).toMatchObject({ code: "out_of_range", length: 37 });
  });

  it("refuses a span that splits a surrogate pair when read as UTF-16", () => {
    // The family emoji's first code point, "👨", is one code point but two UTF-16 units.
    expect(checkSpan(text, { start: 8, end: 9, text: "👨" })).toEqual({ ok: true });
    expect(checkSpan(text, { start: 8, end: 9, text: "\ud83d" })).toMatchObject({ code: "text_mismatch" });
  });

  it("shortens long texts in the message without cutting a surrogate pair", () => {
    const long = "😀".repeat(100);
    const result = checkSpan(long, { start: 0, end: 100, text: "x" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain("…");
    expect(result.message).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});
