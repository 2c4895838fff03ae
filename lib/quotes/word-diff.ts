/**
 * Where two wordings of a quote differ, word by word, for the story view: the words of `other`
 * marked `same` where they align with `base` (a longest common subsequence, compared
 * normalised) and `changed` elsewhere, plus the words of `base` that `other` left out.
 */
import { commonSubsequence } from "./similarity";
import { normaliseQuote } from "./normalise";

export type DiffPiece = { text: string; kind: "same" | "changed" };

const TOKEN = /\s+|[^\s]+/gu;

function key(token: string): string {
  return normaliseQuote(token);
}

/** `other` cut into pieces (white space kept with its neighbours), each marked same or changed. */
export function wordDiff(base: string, other: string): { pieces: DiffPiece[]; missing: string[] } {
  const baseWords = (base.match(TOKEN) ?? []).filter((t) => !/^\s+$/u.test(t) && key(t) !== "");
  const otherTokens = other.match(TOKEN) ?? [];
  const ids = new Map<string, number>();
  const idOf = (word: string) => {
    const k = key(word);
    let id = ids.get(k);
    if (id === undefined) ids.set(k, (id = ids.size));
    return id;
  };
  const a = baseWords.map(idOf);
  const wordIndexes = otherTokens.flatMap((t, index) => (!/^\s+$/u.test(t) && key(t) !== "" ? [index] : []));
  const b = wordIndexes.map((index) => idOf(otherTokens[index]));
  const aligned = align(a, b);
  const same = new Set(aligned.map(([, j]) => wordIndexes[j]));
  const usedBase = new Set(aligned.map(([i]) => i));

  const pieces: DiffPiece[] = [];
  otherTokens.forEach((token, index) => {
    const kind = /^\s+$/u.test(token) || key(token) === "" || same.has(index) ? "same" : "changed";
    const last = pieces[pieces.length - 1];
    if (last && last.kind === kind) last.text += token;
    else pieces.push({ text: token, kind });
  });
  return { pieces, missing: baseWords.filter((_, i) => !usedBase.has(i)) };
}

/** Index pairs of one longest common subsequence of a and b. */
function align(a: readonly number[], b: readonly number[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  if (n * m > 250_000) return commonSubsequence(a, b) === 0 ? [] : greedy(a, b);
  const table = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
  }
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if (table[i + 1][j] >= table[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}

/** For very long wordings: matches words in order, greedily. */
function greedy(a: readonly number[], b: readonly number[]): [number, number][] {
  const pairs: [number, number][] = [];
  let j = 0;
  for (let i = 0; i < a.length && j < b.length; i++) {
    const at = b.indexOf(a[i], j);
    if (at >= 0) {
      pairs.push([i, at]);
      j = at + 1;
    }
  }
  return pairs;
}
