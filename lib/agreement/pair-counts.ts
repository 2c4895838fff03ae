import { spansOfLabel } from "./spans/label-spans";
import { compareSpeakers, countAttributionMatches, countExactMatches, countOverlapping } from "./spans/span-matching";
import type { PreparedArticle } from "./prepared-article";

/**
 * Everything the pairwise measures need for one label, as counts. Counts add up over articles
 * (the project figures are micro averages) and over labels (the label-null figures).
 */
export type PairCounts = {
  spansA: number;
  spansB: number;
  /** spans matching on label, start and end */
  exactMatches: number;
  /** spans of A sharing a code point with a span of B, and vice versa */
  overlappingA: number;
  overlappingB: number;
  attributionsA: number;
  attributionsB: number;
  attributionMatches: number;
  /** exact matches with a speaker on both sides, and how many of them name the same speaker */
  speakerPairs: number;
  sameSpeaker: number;
  /** 2×2 token table: coded 1 by both, by A only, by B only, by neither */
  tokensBoth: number;
  tokensOnlyA: number;
  tokensOnlyB: number;
  tokensNeither: number;
};

export function emptyPairCounts(): PairCounts {
  return {
    spansA: 0,
    spansB: 0,
    exactMatches: 0,
    overlappingA: 0,
    overlappingB: 0,
    attributionsA: 0,
    attributionsB: 0,
    attributionMatches: 0,
    speakerPairs: 0,
    sameSpeaker: 0,
    tokensBoth: 0,
    tokensOnlyA: 0,
    tokensOnlyB: 0,
    tokensNeither: 0,
  };
}

export function addPairCounts(into: PairCounts, from: PairCounts): PairCounts {
  into.spansA += from.spansA;
  into.spansB += from.spansB;
  into.exactMatches += from.exactMatches;
  into.overlappingA += from.overlappingA;
  into.overlappingB += from.overlappingB;
  into.attributionsA += from.attributionsA;
  into.attributionsB += from.attributionsB;
  into.attributionMatches += from.attributionMatches;
  into.speakerPairs += from.speakerPairs;
  into.sameSpeaker += from.sameSpeaker;
  into.tokensBoth += from.tokensBoth;
  into.tokensOnlyA += from.tokensOnlyA;
  into.tokensOnlyB += from.tokensOnlyB;
  into.tokensNeither += from.tokensNeither;
  return into;
}

/** The counts for annotators a and b on one article and label (both must have a layer). */
export function countPair(article: PreparedArticle, a: string, b: string, labelIndex: number, label: string): PairCounts {
  const spansA = spansOfLabel(article.layers.get(a)!, label);
  const spansB = spansOfLabel(article.layers.get(b)!, label);
  const speakers = compareSpeakers(spansA, spansB);
  const counts: PairCounts = {
    spansA: spansA.starts.length,
    spansB: spansB.starts.length,
    exactMatches: countExactMatches(spansA, spansB),
    overlappingA: countOverlapping(spansA, spansB),
    overlappingB: countOverlapping(spansB, spansA),
    attributionsA: spansA.attributions.length,
    attributionsB: spansB.attributions.length,
    attributionMatches: countAttributionMatches(spansA, spansB),
    speakerPairs: speakers.pairs,
    sameSpeaker: speakers.same,
    tokensBoth: 0,
    tokensOnlyA: 0,
    tokensOnlyB: 0,
    tokensNeither: 0,
  };
  const codings = article.tokenCodings;
  const offsetA = article.codingOffset(a, labelIndex);
  const offsetB = article.codingOffset(b, labelIndex);
  let both = 0;
  let onlyA = 0;
  let onlyB = 0;
  for (let t = 0; t < article.tokenCount; t++) {
    const codedA = codings[offsetA + t];
    const codedB = codings[offsetB + t];
    both += codedA & codedB;
    onlyA += codedA & (codedB ^ 1);
    onlyB += codedB & (codedA ^ 1);
  }
  counts.tokensBoth = both;
  counts.tokensOnlyA = onlyA;
  counts.tokensOnlyB = onlyB;
  counts.tokensNeither = article.tokenCount - both - onlyA - onlyB;
  return counts;
}
