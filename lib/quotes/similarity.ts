/**
 * How alike two quotes' wordings are, on words in order (a word-level alignment): the longest
 * common subsequence of their words, as a share of both (`2·lcs / (|a|+|b|)`), or of the
 * shorter one when it has at least CONTAINED_MIN_WORDS words (an outlet quoting part of a
 * statement carries the same quote), discounted: a part says less than the whole wording, and a
 * strict threshold keeps parts out. 1 is the same wording.
 */
export const CONTAINED_MIN_WORDS = 6;
export const CONTAINED_WEIGHT = 0.9;
/** Longer quotes are compared on their first words only, so one pair never costs more than this squared. */
export const MAX_COMPARED_WORDS = 120;

export function commonSubsequence(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, MAX_COMPARED_WORDS);
  const m = Math.min(b.length, MAX_COMPARED_WORDS);
  let previous = new Uint16Array(m + 1);
  let current = new Uint16Array(m + 1);
  for (let i = 1; i <= n; i++) {
    const word = a[i - 1];
    for (let j = 1; j <= m; j++) {
      current[j] = word === b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
    }
    [previous, current] = [current, previous];
  }
  return previous[m];
}

export function wordSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const common = commonSubsequence(a, b);
  const n = Math.min(a.length, MAX_COMPARED_WORDS);
  const m = Math.min(b.length, MAX_COMPARED_WORDS);
  const dice = (2 * common) / (n + m);
  const shorter = Math.min(n, m);
  const contained = shorter >= CONTAINED_MIN_WORDS ? (CONTAINED_WEIGHT * common) / shorter : 0;
  return Math.max(dice, contained);
}

/** The best score two quotes of these lengths could reach, to skip pairs that cannot pass a threshold. */
export function similarityBound(n: number, m: number): number {
  const a = Math.min(n, MAX_COMPARED_WORDS);
  const b = Math.min(m, MAX_COMPARED_WORDS);
  if (Math.min(a, b) >= CONTAINED_MIN_WORDS) return Math.max(CONTAINED_WEIGHT, (2 * Math.min(a, b)) / (a + b));
  return (2 * Math.min(a, b)) / (a + b);
}
