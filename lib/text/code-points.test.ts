import { describe, expect, it } from "vitest";
import {
  OffsetIndex,
  codePointLength,
  codePointToUtf16,
  isSurrogatePairAt,
  sliceByCodePoints,
  utf16ToCodePoint,
} from "./code-points";
import { FAMILY, FLAGS, SAMPLES, longArticle, randomInt, randomMixedText, seededRandom } from "./test-support";

/** The reference: code points as the engine's string iterator sees them. */
const points = (text: string) => Array.from(text);

/** The first implementation, kept to prove the optimised one slices the same way. */
function referenceSlice(text: string, start: number, end: number): string {
  const toIndex = (offset: number) => {
    let cp = 0;
    let i = 0;
    while (i < text.length && cp < offset) {
      i += isSurrogatePairAt(text, i) ? 2 : 1;
      cp++;
    }
    return i;
  };
  return text.slice(toIndex(start), toIndex(end));
}

describe("codePointLength", () => {
  it.each([
    ["", 0],
    ["abc", 3],
    ["習近平", 3],
    [FAMILY, 7],
    [FLAGS, 4],
    ["👍🏽", 2],
    ["e\u0301", 2],
    ["\r\n", 2],
    ["a\ud800b", 3],
    ["\udc00\ud800", 2],
  ])("%j has %i code points", (text, length) => {
    expect(codePointLength(text)).toBe(length);
  });

  it.each(Object.entries(SAMPLES))("matches the string iterator on %s", (_name, text) => {
    expect(codePointLength(text)).toBe(points(text).length);
  });
});

describe("codePointToUtf16 and sliceByCodePoints", () => {
  it("maps each code point to its UTF-16 index", () => {
    const text = `a${FAMILY}b`;
    expect([0, 1, 2, 3, 8, 9].map((cp) => codePointToUtf16(text, cp))).toEqual([0, 1, 3, 4, 12, 13]);
  });

  it("clamps past the end", () => {
    expect(codePointToUtf16("a😀", 99)).toBe(3);
  });

  it.each(Object.entries(SAMPLES))("slices like the string iterator on %s", (_name, text) => {
    const cps = points(text);
    for (let start = 0; start <= cps.length; start++) {
      for (let end = start; end <= cps.length; end++) {
        expect(sliceByCodePoints(text, start, end)).toBe(cps.slice(start, end).join(""));
      }
    }
  });

  it("keeps the first implementation's behaviour for odd arguments", () => {
    const random = seededRandom(7);
    const odd = [-3, -0.5, 0, 0.5, 1, 2.5, 3, 7, 1e9, Infinity, NaN];
    for (let round = 0; round < 300; round++) {
      const text = randomMixedText(random, 8);
      const start = odd[randomInt(random, odd.length)];
      const end = odd[randomInt(random, odd.length)];
      expect(sliceByCodePoints(text, start, end)).toBe(referenceSlice(text, start, end));
    }
  });
});

describe("utf16ToCodePoint", () => {
  const text = `x${FAMILY}y`; // x, man, ZWJ, woman, ZWJ, girl, ZWJ, boy, y

  it.each([
    [0, 0],
    [1, 1],
    [3, 2],
    [4, 3],
    [12, 8],
    [13, 9],
  ])("index %i is code point %i", (index, cp) => {
    expect(utf16ToCodePoint(text, index)).toEqual({ ok: true, value: cp });
  });

  it.each([2, 5, 8, 11])("refuses index %i inside a surrogate pair", (index) => {
    expect(utf16ToCodePoint(text, index)).toMatchObject({ ok: false, code: "inside_surrogate_pair" });
  });

  it.each([
    [-1, "out_of_range"],
    [14, "out_of_range"],
    [1.5, "not_integer"],
    [NaN, "not_integer"],
  ])("refuses index %d with %s", (index, code) => {
    const result = utf16ToCodePoint(text, index);
    expect(result).toMatchObject({ ok: false, code });
    expect(result.ok || result.message.length > 10).toBe(true);
  });

  it("treats lone surrogates as one code point each", () => {
    expect(utf16ToCodePoint("a\ud800b\udc00", 4)).toEqual({ ok: true, value: 4 });
  });
});

describe("OffsetIndex", () => {
  const texts = { ...SAMPLES, long: longArticle(3_000) };

  it.each(Object.entries(texts))("agrees with the linear functions on %s", (_name, text) => {
    const index = new OffsetIndex(text);
    expect(index.length).toBe(codePointLength(text));
    expect(index.length16).toBe(text.length);
    for (let cp = 0; cp <= index.length; cp++) {
      const u = index.toUtf16(cp);
      expect(u).toBe(codePointToUtf16(text, cp));
      expect(index.toCodePoint(u)).toEqual({ ok: true, value: cp });
    }
    for (let i = 0; i <= text.length; i++) {
      expect(index.toCodePoint(i)).toEqual(utf16ToCodePoint(text, i));
    }
  });

  it("round-trips code point -> UTF-16 -> code point on random texts", () => {
    const random = seededRandom(42);
    for (let round = 0; round < 50; round++) {
      const text = randomMixedText(random, 40);
      const index = new OffsetIndex(text);
      for (let cp = 0; cp <= index.length; cp++) {
        expect(index.toCodePoint(index.toUtf16(cp))).toEqual({ ok: true, value: cp });
      }
    }
  });

  it("slices by code points", () => {
    const index = new OffsetIndex(`a${FLAGS}b`);
    expect(index.slice(1, 3)).toBe("🇺🇦");
    expect(index.slice(3, 6)).toBe("🇫🇷b");
    expect(index.hasAstral).toBe(true);
    expect(new OffsetIndex("plain").hasAstral).toBe(false);
  });

  it.each([-1, 4, 1.5, NaN])("throws a RangeError for code point %d", (cp) => {
    expect(() => new OffsetIndex("a😀b").toUtf16(cp)).toThrow(RangeError);
  });

  it("refuses an index inside a surrogate pair", () => {
    expect(new OffsetIndex("a😀b").toCodePoint(2)).toMatchObject({ ok: false, code: "inside_surrogate_pair" });
  });

  it("converts 2,000 offsets in a 100,000-character text quickly", () => {
    const text = longArticle(100_000);
    const began = performance.now();
    const index = new OffsetIndex(text);
    let sum = 0;
    for (let k = 0; k < 2_000; k++) {
      const cp = Math.floor((k * index.length) / 2_000);
      const u = index.toUtf16(cp);
      const back = index.toCodePoint(u);
      sum += back.ok ? back.value : 0;
    }
    expect(performance.now() - began).toBeLessThan(200);
    expect(sum).toBeGreaterThan(0);
  });
});
