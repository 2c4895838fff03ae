import { describe, expect, it } from "vitest";
import { sliceByCodePoints } from "./code-points";
import { tokenize } from "./tokens";
import { FAMILY, FLAGS, longArticle, randomMixedText, seededRandom } from "./test-support";

/** The definition, spelled out slowly: maximal runs of non-White_Space code points. */
function referenceTokens(text: string) {
  const tokens: { start: number; end: number }[] = [];
  Array.from(text).forEach((char, cp) => {
    if (/\p{White_Space}/u.test(char)) return;
    const last = tokens[tokens.length - 1];
    if (last && last.end === cp) last.end++;
    else tokens.push({ start: cp, end: cp + 1 });
  });
  return tokens;
}

const words = (text: string) => tokenize(text).map(({ start, end }) => sliceByCodePoints(text, start, end));

describe("tokenize", () => {
  it.each([
    ["", []],
    [" \t\r\n", []],
    ["word", ["word"]],
    ["  The minister\tsaid.\r\n", ["The", "minister", "said."]],
    [`${FAMILY} and ${FLAGS}!`, [FAMILY, "and", `${FLAGS}!`]],
    ["a\u00a0b\u3000c\u2028d\u0085e\u202ff", ["a", "b", "c", "d", "e", "f"]],
    ["zero\u200bwidth\u2060joiners", ["zero\u200bwidth\u2060joiners"]],
    ["Zoe\u0308 said", ["Zoe\u0308", "said"]],
    ["قال الوزير", ["قال", "الوزير"]],
    ["שלום, עולם", ["שלום,", "עולם"]],
    ["習近平表示，中國", ["習近平表示，中國"]],
    ["x\ud800 y", ["x\ud800", "y"]],
  ])("%j", (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it("counts code points, not UTF-16 units", () => {
    expect(tokenize(`${FAMILY} ok`)).toEqual([
      { start: 0, end: 7 },
      { start: 8, end: 10 },
    ]);
  });

  it("matches the definition on random mixed texts", () => {
    const random = seededRandom(17);
    for (let round = 0; round < 500; round++) {
      const text = randomMixedText(random, 30);
      expect(tokenize(text)).toEqual(referenceTokens(text));
    }
  });

  it("tokenizes a million characters in linear time", () => {
    const text = longArticle(1_000_000);
    const began = performance.now();
    const tokens = tokenize(text);
    expect(performance.now() - began).toBeLessThan(1_000);
    expect(tokens.length).toBeGreaterThan(100_000);
    const prefix = text.slice(0, 50_000);
    expect(tokenize(prefix)).toEqual(referenceTokens(prefix));
  });
});
