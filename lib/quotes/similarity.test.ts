import { describe, expect, it } from "vitest";
import { commonSubsequence, similarityBound, wordSimilarity } from "./similarity";

const ids = (text: string) => text.split(" ").map((word) => word.charCodeAt(0) * 1000 + word.length);

describe("wordSimilarity", () => {
  it("is 1 for the same words and 0 for nothing in common", () => {
    expect(wordSimilarity(ids("a bb ccc"), ids("a bb ccc"))).toBe(1);
    expect(wordSimilarity(ids("a bb"), ids("x yy"))).toBe(0);
    expect(wordSimilarity([], ids("a"))).toBe(0);
  });

  it("counts words in order: one changed word of ten costs a tenth", () => {
    expect(wordSimilarity(ids("a b c d e f g h i j"), ids("a b c d e X g h i j"))).toBeCloseTo(0.9, 5);
    expect(commonSubsequence(ids("a b c"), ids("c b a"))).toBe(1);
  });

  it("scores a part of a long quote by the part, discounted", () => {
    expect(wordSimilarity(ids("a b c d e f"), ids("x a b c d e f y z w v u"))).toBeCloseTo(0.9, 5);
    expect(wordSimilarity(ids("a b c"), ids("a b c d e f g h i"))).toBeCloseTo(0.5, 5); // too short to count as a part
  });

  it("bounds the score by the lengths alone", () => {
    expect(similarityBound(2, 10)).toBeCloseTo(1 / 3, 5);
    expect(similarityBound(6, 60)).toBe(0.9);
    expect(wordSimilarity(ids("a b"), ids("a b c d e f g h i j"))).toBeLessThanOrEqual(similarityBound(2, 10));
  });
});
