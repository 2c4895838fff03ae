import { describe, expect, it } from "vitest";
import { isWhiteSpace } from "./white-space";

describe("isWhiteSpace", () => {
  it("agrees with /\\p{White_Space}/u on every BMP code point and a sample of astral ones", () => {
    const pattern = /^\p{White_Space}$/u;
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      expect(isWhiteSpace(cp)).toBe(pattern.test(String.fromCharCode(cp)));
    }
    for (const cp of [0x10000, 0x1f600, 0xe0020, 0x10ffff]) expect(isWhiteSpace(cp)).toBe(false);
  });

  it.each([
    [0x20, true], [0x09, true], [0x0a, true], [0x0d, true], [0x85, true], [0xa0, true],
    [0x3000, true], [0x2028, true], [0x200b, false], [0x2060, false], [0xfeff, false], [0x61, false],
  ].map(([cp, expected]) => [cp.toString(16).toUpperCase().padStart(4, "0"), cp, expected] as const))(
    "U+%s is White_Space: %s",
    (_label, cp, expected) => {
      expect(isWhiteSpace(cp as number)).toBe(expected);
    },
  );
});
