import type { PreparedArticle } from "./prepared-article";

/**
 * Totals behind fleiss_kappa for one label over a group of annotators: per token, n₁ raters code
 * it 1 and n₀ = m − n₁ code it 0. They add up over articles with the same group.
 */
export type FleissTotals = { tokens: number; raters: number; agreeingPairs: number; ones: number };

export function countFleiss(article: PreparedArticle, group: readonly string[], labelIndex: number): FleissTotals {
  const codings = article.tokenCodings;
  const offsets = group.map((annotator) => article.codingOffset(annotator, labelIndex));
  const m = group.length;
  let agreeingPairs = 0;
  let ones = 0;
  for (let t = 0; t < article.tokenCount; t++) {
    let n1 = 0;
    for (const offset of offsets) n1 += codings[offset + t];
    const n0 = m - n1;
    agreeingPairs += n1 * (n1 - 1) + n0 * (n0 - 1);
    ones += n1;
  }
  return { tokens: article.tokenCount, raters: m, agreeingPairs, ones };
}

export function addFleiss(into: FleissTotals, from: FleissTotals): FleissTotals {
  into.tokens += from.tokens;
  into.raters = from.raters;
  into.agreeingPairs += from.agreeingPairs;
  into.ones += from.ones;
  return into;
}
