import { describe, expect, it } from "vitest";
import { OffsetIndex, codePointToUtf16 } from "./code-points";
import type { Granularity } from "./segment-window";
import { graphemeSafe, snapToWordBounds, tidySelection, trimWhitespace } from "./selection";
import {
  E_ACUTE_DECOMPOSED,
  FAMILY,
  FLAGS,
  THUMBS_UP_MEDIUM,
  ZOE_DECOMPOSED,
  longArticle,
  randomInt,
  randomMixedText,
  seededRandom,
} from "./test-support";

/** The reference the windowed functions must match: segmenting the whole text. */
function wholeTextSegment(text: string, index: number, granularity: Granularity, locale?: string) {
  const segment = new Intl.Segmenter(locale, { granularity }).segment(text).containing(index);
  if (!segment || segment.index === index) return null;
  return { from: segment.index, to: segment.index + segment.segment.length, isWordLike: segment.isWordLike === true };
}

function referenceSnap(text: string, start: number, end: number, locale?: string) {
  const index = new OffsetIndex(text);
  const cp = (i: number) => (index.toCodePoint(i) as { value: number }).value;
  const startWord = wholeTextSegment(text, index.toUtf16(start), "word", locale);
  const endWord = wholeTextSegment(text, index.toUtf16(end), "word", locale);
  const from = startWord?.isWordLike ? startWord.from : index.toUtf16(start);
  const to = endWord?.isWordLike ? endWord.to : index.toUtf16(end);
  return {
    start: cp(wholeTextSegment(text, from, "grapheme")?.from ?? from),
    end: cp(wholeTextSegment(text, to, "grapheme")?.to ?? to),
  };
}

describe("trimWhitespace", () => {
  it.each([
    ["  minister  ", 0, 12, { start: 2, end: 10 }],
    ["\t\r\nsaid\r\n", 0, 9, { start: 3, end: 7 }],
    ["\u00a0\u3000習近平\u2028", 0, 6, { start: 2, end: 5 }],
    ["\u2003\u202fשלום\u205f", 0, 7, { start: 2, end: 6 }],
    [`${FAMILY} `, 0, 8, { start: 0, end: 7 }],
    [` ${FLAGS}`, 0, 5, { start: 1, end: 5 }],
    ["a\u200bb", 0, 3, { start: 0, end: 3 }], // a zero-width space is not White_Space
    ["keep inner  spaces", 0, 18, { start: 0, end: 18 }],
    ["x  y", 1, 3, null],
    ["abc", 1, 1, null],
    ["", 0, 0, null],
  ])("%j %i–%i", (text, start, end, expected) => {
    expect(trimWhitespace(text, start, end)).toEqual(expected);
  });

  it("throws a RangeError on offsets outside the text", () => {
    expect(() => trimWhitespace("abc", 2, 1)).toThrow(RangeError);
    expect(() => trimWhitespace("abc", 0, 4)).toThrow(RangeError);
    expect(() => trimWhitespace("abc", -1, 2)).toThrow(RangeError);
  });
});

describe("graphemeSafe", () => {
  it.each([
    ["inside a ZWJ family", `a${FAMILY}b`, 3, 4, { start: 1, end: 8 }],
    ["on the family's first code point", `a${FAMILY}b`, 1, 2, { start: 1, end: 8 }],
    ["inside the first flag", FLAGS, 1, 2, { start: 0, end: 2 }],
    ["across two flags' halves", FLAGS, 1, 3, { start: 0, end: 4 }],
    ["on the second flag", FLAGS, 2, 4, { start: 2, end: 4 }],
    ["before a skin tone", THUMBS_UP_MEDIUM, 0, 1, { start: 0, end: 2 }],
    ["on a skin tone alone", THUMBS_UP_MEDIUM, 1, 2, { start: 0, end: 2 }],
    ["before a combining acute", E_ACUTE_DECOMPOSED, 0, 1, { start: 0, end: 2 }],
    ["on a decomposed diaeresis", ZOE_DECOMPOSED, 3, 4, { start: 2, end: 4 }],
    ["inside a CRLF", "a\r\nb", 1, 2, { start: 1, end: 3 }],
    ["inside Hangul jamo", "\u1100\u1161\u11a8", 1, 2, { start: 0, end: 3 }],
    ["collapsed inside a cluster", E_ACUTE_DECOMPOSED, 1, 1, { start: 0, end: 2 }],
    ["already on bounds", "café 習近平", 1, 3, { start: 1, end: 3 }],
    ["around Arabic with a vowel mark", "قَال", 0, 1, { start: 0, end: 2 }],
  ])("%s", (_name, text, start, end, expected) => {
    expect(graphemeSafe(text, start, end)).toEqual(expected);
  });

  it("keeps a Devanagari conjunct whole as the engine's Unicode version defines it", () => {
    const text = "\u0915\u094d\u0937\u093e"; // क्षा
    expect(graphemeSafe(text, 0, 1)).toEqual(referenceSnapGrapheme(text, 0, 1));
  });
});

function referenceSnapGrapheme(text: string, start: number, end: number) {
  const index = new OffsetIndex(text);
  const from = index.toUtf16(start);
  const to = index.toUtf16(end);
  const cp = (i: number) => (index.toCodePoint(i) as { value: number }).value;
  return {
    start: cp(wholeTextSegment(text, from, "grapheme")?.from ?? from),
    end: cp(wholeTextSegment(text, to, "grapheme")?.to ?? to),
  };
}

describe("snapToWordBounds", () => {
  it.each([
    ["a start inside a word", "The minister said", 6, 12, { start: 4, end: 12 }],
    ["an end inside a word", "The minister said", 4, 6, { start: 4, end: 12 }],
    ["both ends inside words", "The minister said", 5, 15, { start: 4, end: 17 }],
    ["ends on spaces", "The minister said", 3, 13, { start: 3, end: 13 }],
    ["an apostrophe inside a word", "they don't know", 6, 8, { start: 5, end: 10 }],
    ["a decimal number", "rose 3.14 percent", 6, 7, { start: 5, end: 9 }],
    ["Hebrew", "שלום, אמר השר.", 1, 2, { start: 0, end: 4 }],
    ["Arabic", "قال الوزير", 6, 7, { start: 4, end: 10 }],
    ["a decomposed name", `Mrs ${ZOE_DECOMPOSED} said`, 5, 6, { start: 4, end: 8 }],
    ["inside an emoji sequence", `x ${FAMILY} y`, 4, 5, { start: 2, end: 9 }],
    ["inside a flag", `x ${FLAGS} y`, 3, 4, { start: 2, end: 4 }],
  ])("widens %s", (_name, text, start, end, expected) => {
    expect(snapToWordBounds(text, start, end)).toEqual(expected);
  });

  it("uses dictionary word segments for Chinese", () => {
    const text = "習近平表示，中國將繼續推進改革。";
    const snapped = snapToWordBounds(text, 1, 2, "zh");
    expect(snapped).toEqual(referenceSnap(text, 1, 2, "zh"));
    expect(snapped.start).toBeLessThanOrEqual(1);
    expect(snapped.end).toBeGreaterThan(2);
  });

  it("never shrinks a range", () => {
    const random = seededRandom(3);
    for (let round = 0; round < 200; round++) {
      const text = randomMixedText(random, 20);
      const length = Array.from(text).length;
      const start = randomInt(random, length + 1);
      const end = start + randomInt(random, length - start + 1);
      const snapped = snapToWordBounds(text, start, end);
      expect(snapped.start).toBeLessThanOrEqual(start);
      expect(snapped.end).toBeGreaterThanOrEqual(end);
    }
  });
});

describe("tidySelection", () => {
  it.each([
    ["  minister", 0, 7, { start: 2, end: 10 }],
    ["the  ", 1, 5, { start: 0, end: 3 }],
    [`  ${FAMILY} `, 0, 5, { start: 2, end: 9 }],
    [" \r\n ", 0, 4, null],
  ])("%j %i–%i", (text, start, end, expected) => {
    expect(tidySelection(text, start, end)).toEqual(expected);
  });
});

describe("property: snapping agrees with segmenting the whole text", () => {
  it("for word snapping with a Japanese locale", () => {
    const random = seededRandom(13);
    for (let round = 0; round < 200; round++) {
      const text = randomMixedText(random, 30);
      const length = Array.from(text).length;
      const start = randomInt(random, length + 1);
      const end = start + randomInt(random, length - start + 1);
      expect(snapToWordBounds(text, start, end, "ja")).toEqual(referenceSnap(text, start, end, "ja"));
    }
  });
});

describe("performance", () => {
  it("snaps 2,000 selections in a 100,000-character text without segmenting all of it", () => {
    const text = longArticle(100_000);
    const index = new OffsetIndex(text);
    const random = seededRandom(99);
    const began = performance.now();
    let widened = 0;
    for (let k = 0; k < 2_000; k++) {
      const start = randomInt(random, index.length - 40);
      const end = start + 1 + randomInt(random, 39);
      const tidy = tidySelection(index, start, end);
      if (tidy) widened += tidy.end - tidy.start;
    }
    expect(performance.now() - began).toBeLessThan(1_000);
    expect(widened).toBeGreaterThan(0);
    expect(codePointToUtf16(text, index.length)).toBe(text.length);
  });
});
