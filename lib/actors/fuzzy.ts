/**
 * Ranking canonical actors against a surface form ("Walz", "Volz", "Mike Waltz"). The database
 * scores each actor with pg_trgm (similarity and word_similarity over its name and aliases);
 * trigrams miss misspellings that share no three letters ("Volz" and "Waltz"), so an edit
 * distance over single words is taken too, and an actor's score is the best of both.
 */

/** Lower case, accents and punctuation removed, white space collapsed. */
export function normaliseName(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), by code point. */
export function editDistance(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let value = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) value = Math.min(value, prevPrev[j - 2] + 1);
      row.push(value);
    }
    prevPrev = prev;
    prev = row;
  }
  return prev[t.length];
}

/**
 * A rough sound key of one normalised word: v/w/f, c/k/q, s/z/ts/tz and d/t sound alike in the
 * names analysts misspell, doubled letters and vowels after the first letter say little.
 */
export function soundKey(word: string): string {
  const mapped = word
    .replace(/ph/g, "f")
    .replace(/ck/g, "k")
    .replace(/t[sz]/g, "s")
    .replace(/[vw]/g, "f")
    .replace(/[cq]/g, "k")
    .replace(/z/g, "s")
    .replace(/d/g, "t");
  const points = Array.from(mapped);
  const rest = points.slice(1).filter((ch) => !"aeiouyh".includes(ch));
  const key = [points[0] ?? "", ...rest];
  return key.filter((ch, i) => i === 0 || ch !== key[i - 1]).join("");
}

/** 1 for equal strings, 0 for nothing in common: 1 − distance / longer length. */
export function editSimilarity(a: string, b: string): number {
  const longer = Math.max(Array.from(a).length, Array.from(b).length);
  return longer === 0 ? 1 : 1 - editDistance(a, b) / longer;
}

/**
 * How well `query` matches `form` by edit distance: the whole strings, and each word of the
 * query against each word of the form (a surname alone finds the full name), averaged over the
 * query's words so that "Mike Volz" needs both words to match well.
 */
export function editScore(query: string, form: string): number {
  const q = normaliseName(query);
  const f = normaliseName(form);
  if (!q || !f) return 0;
  const whole = editSimilarity(q, f);
  const queryWords = q.split(" ");
  const formWords = f.split(" ");
  let sum = 0;
  for (const word of queryWords) {
    sum += Math.max(...formWords.map((candidate) => Math.max(editSimilarity(word, candidate), 0.9 * editSimilarity(soundKey(word), soundKey(candidate)))));
  }
  // Short words say little ("Al" is two edits from most names): weigh by length.
  const perWord = sum / queryWords.length;
  const shortPenalty = Math.min(1, Array.from(q.replace(/ /g, "")).length / 4);
  return Math.max(whole, perWord * 0.95 * shortPenalty);
}

export type ScoredActor<T> = T & { score: number };

/**
 * Ranks candidates: each has a database (trigram) score and its forms (name and aliases); the
 * result keeps those scoring at least `minScore`, best first, ties by name.
 */
export function rankActors<T extends { name: string; aliases: readonly string[]; trigramScore: number }>(
  query: string,
  candidates: readonly T[],
  options: { limit?: number; minScore?: number } = {},
): ScoredActor<T>[] {
  const { limit = 10, minScore = 0.3 } = options;
  const scored = candidates.map((candidate) => {
    const forms = [candidate.name, ...candidate.aliases];
    const edit = Math.max(...forms.map((form) => editScore(query, form)));
    const score = Math.round(Math.max(candidate.trigramScore, edit) * 1000) / 1000;
    return { ...candidate, score };
  });
  return scored
    .filter((candidate) => candidate.score >= minScore)
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .slice(0, limit);
}
