import { describe, expect, it } from "vitest";
import { isWhiteSpace, whitespaceTokens } from "./whitespace-tokens";

const pairs = (text: string) => {
  const { starts, ends } = whitespaceTokens(text);
  return Array.from(starts, (s, i) => [s, ends[i]]);
};

describe("whitespace tokens", () => {
  it("splits on runs of White_Space, punctuation stays in the token", () => {
    expect(pairs("  Hello,  world!\n")).toEqual([[2, 8], [10, 16]]);
  });

  it("treats no-break space, ideographic space, CRLF and tabs as White_Space", () => {
    // U+00A0, U+3000, \r\n and \t all separate tokens; U+200B (zero-width space) is not White_Space.
    expect(pairs("a\u00a0b\u3000c\r\nd\te\u200bf")).toEqual([[0, 1], [2, 3], [4, 5], [7, 8], [9, 12]]);
  });

  it("counts astral characters as one code point", () => {
    // "😀😀 ok": the emoji pair is 2 code points (4 UTF-16 units).
    expect(pairs("😀😀 ok 𝔸")).toEqual([[0, 2], [3, 5], [6, 7]]);
  });

  it("finds nothing in empty or blank text", () => {
    expect(pairs("")).toEqual([]);
    expect(pairs(" \n\t ")).toEqual([]);
  });

  it("reports the text's length in code points", () => {
    expect(whitespaceTokens("😀 é\r\n").length).toBe(5);
  });

  it("agrees with /\\p{White_Space}/u on every code point", () => {
    const regex = /\p{White_Space}/u;
    const disagreements: number[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue; // lone surrogates are not characters
      if (isWhiteSpace(cp) !== regex.test(String.fromCodePoint(cp))) disagreements.push(cp);
    }
    expect(disagreements).toEqual([]);
  });

  it("treats a lone surrogate as part of a token", () => {
    expect(pairs("a\ud800b c")).toEqual([[0, 3], [4, 5]]);
  });
});
