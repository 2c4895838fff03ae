import { describe, expect, it } from "vitest";
import { CodePointText } from "./code-point-text";
import { allGraphemeBoundaries, GraphemeBoundaries } from "./grapheme-boundaries";
import { HARD_TEXT } from "./test-support/corpus";

// Pieces that grapheme rules join or split in unusual ways.
const PIECES = [
  "a", " ", "習", "\r", "\n", "\u0301", "\u200D", "\u200F", "👨", "👩", "👍", "🏽", "🇺", "🇦", "❤", "\uFE0F",
  "ق", "\u064E", "\u0600", "क", "\u094D", "ष", "\u093F", "ก", "\u0E33", "ᄀ", "ᅡ", "ᆨ", "한", "\u{E0067}", "🏴",
];

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function check(source: string) {
  const text = new CodePointText(source);
  const reference = allGraphemeBoundaries(text);
  const fast = new GraphemeBoundaries(text);
  // Whole range, and short windows anywhere, as quoteContext asks for them.
  expect(Array.from(fast.between(0, text.length)), source).toEqual(Array.from(reference));
  for (let from = 0; from <= text.length; from += 3) {
    const to = Math.min(text.length, from + 5);
    expect(Array.from(fast.between(from, to)), `${JSON.stringify(source)} [${from}, ${to}]`).toEqual(Array.from(reference.subarray(from, to + 1)));
  }
}

describe("GraphemeBoundaries", () => {
  it("agrees with Intl.Segmenter on the hard text", () => check(HARD_TEXT));

  it("agrees with Intl.Segmenter on 500 random strings of tricky pieces", () => {
    const next = random(20251123);
    for (let n = 0; n < 500; n++) {
      const length = 1 + Math.floor(next() * 30);
      check(Array.from({ length }, () => PIECES[Math.floor(next() * PIECES.length)]).join(""));
    }
  });
});
