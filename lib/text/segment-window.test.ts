import { describe, expect, it } from "vitest";
import { OffsetIndex } from "./code-points";
import { enclosingSegment, graphemeEndAtOrAfter, graphemeStartAtOrBefore, type Granularity } from "./segment-window";
import { FAMILY, FLAGS, randomInt, randomMixedText, seededRandom } from "./test-support";

/** The reference: segmenting the whole text. */
function wholeTextSegment(text: string, index: number, granularity: Granularity, locale?: string) {
  const segment = new Intl.Segmenter(locale, { granularity }).segment(text).containing(index);
  if (!segment || segment.index === index) return null;
  return { from: segment.index, to: segment.index + segment.segment.length, isWordLike: segment.isWordLike === true };
}

function expectSameAtEveryBoundary(text: string, granularity: Granularity, locale?: string) {
  const index = new OffsetIndex(text);
  for (let cp = 0; cp <= index.length; cp++) {
    const at = index.toUtf16(cp);
    expect(enclosingSegment(text, at, granularity, locale), `${JSON.stringify(text)} at ${at}`).toEqual(
      wholeTextSegment(text, at, granularity, locale),
    );
  }
}

const TRICKY = [
  "a\t\tb  c   d",
  "x\r\ny\n\nz\r\rw",
  " \u0301 \u200d👍 \u200d",
  "e\u0301\u0301\u0301 o\u0308",
  `${FAMILY}${FAMILY} ${FLAGS}${FLAGS}`,
  "🇺🇦🇫",
  "don't stop. 3.14, 1,000 U.S.A. e.g. x:y",
  "\u0600١٢ \u0600x",
  "\u0915\u094d\u0937\u093f \u0915\u094d\u200d\u0937",
  "\u1100\u1161\u11a8\u1100 한국",
  "習近平表示，中國將繼續推進改革。「好」",
  "カタカナ\u3099ひらがな",
  "\u00a0a\u00a0b\u202fc\u2007d\u3000e\u3000\u3000f",
  "©\u200d© ‼\ufe0f",
  "\ud800 \udc00x\ud83d",
];

describe("enclosingSegment", () => {
  it("finds the word around an index", () => {
    expect(enclosingSegment("the minister said", 6, "word")).toEqual({ from: 4, to: 12, isWordLike: true });
    expect(enclosingSegment("the minister said", 4, "word")).toBeNull();
  });

  it("finds the grapheme cluster around an index", () => {
    const text = `a${FAMILY}b`;
    expect(enclosingSegment(text, 3, "grapheme")).toEqual({ from: 1, to: 1 + FAMILY.length, isWordLike: false });
    expect(graphemeStartAtOrBefore(text, 5)).toBe(1);
    expect(graphemeEndAtOrAfter(text, 5)).toBe(1 + FAMILY.length);
    expect(graphemeEndAtOrAfter(text, 1)).toBe(1);
  });
});

describe("windows agree with segmenting the whole text", () => {
  it.each(TRICKY)("on %j", (text) => {
    expectSameAtEveryBoundary(text, "grapheme");
    expectSameAtEveryBoundary(text, "word");
    expectSameAtEveryBoundary(text, "word", "ja");
  });

  it.each(["grapheme", "word"] as Granularity[])("for %s segments on random mixed texts", (granularity) => {
    const random = seededRandom(granularity === "word" ? 11 : 12);
    for (let round = 0; round < 300; round++) {
      expectSameAtEveryBoundary(randomMixedText(random, 1 + randomInt(random, 40)), granularity);
    }
  });

  it("for regional indicator runs of any parity", () => {
    for (let run = 1; run <= 9; run++) expectSameAtEveryBoundary(`x ${"🇺".repeat(run)} y`, "grapheme");
  });
});
