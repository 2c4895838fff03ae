import { builtinKey, type SuggestedSpan } from "./types";

/**
 * Quoted passages as QUOTE candidates: the text between a pair of quotation marks, in code
 * points. Pairs of every common style: “…” „…“ „…” «…» »…« ‹…› ›…‹ 「…」 『…』 "…" '…' ‘…’ ‚…‘.
 * A quote never runs past the end of its paragraph. Straight marks and ’ double as inch marks
 * and apostrophes, so they count only where a quote can open (after a space or an opening
 * bracket) and close (not followed by a letter): "the union's" is no quote. A quote holds at
 * least two letters or digits, without the spaces just inside its marks.
 */
const CLOSERS: Record<string, readonly string[]> = {
  "“": ["”"],
  "„": ["“", "”"],
  "«": ["»"],
  "»": ["«"],
  "‹": ["›"],
  "›": ["‹"],
  "「": ["」"],
  "『": ["』"],
  "﹁": ["﹂"],
  "＂": ["＂"],
  '"': ['"'],
  "'": ["'"],
  "‘": ["’"],
  "‚": ["‘", "’"],
};
const AMBIGUOUS_OPEN = new Set(['"', "'", "‘", "›", "»"]);
const AMBIGUOUS_CLOSE = new Set(['"', "'", "’", "‘"]);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;
const OPENING_CONTEXT = /[\s([{\-–—:;,/]/u;
const MAX_QUOTE_LENGTH = 2000;

function isParagraphEnd(ch: string): boolean {
  return ch === "\n" || ch === "\r";
}

function canOpen(points: readonly string[], i: number): boolean {
  const next = points[i + 1];
  if (next === undefined) return false;
  if (!AMBIGUOUS_OPEN.has(points[i])) return true;
  if (SPACE.test(next)) return false;
  const previous = points[i - 1];
  return previous === undefined || OPENING_CONTEXT.test(previous);
}

function canClose(points: readonly string[], j: number): boolean {
  if (!AMBIGUOUS_CLOSE.has(points[j])) return true;
  const previous = points[j - 1];
  if (previous === undefined || SPACE.test(previous)) return false;
  const next = points[j + 1];
  return next === undefined || !LETTER_OR_DIGIT.test(next);
}

export function findQuoteCandidates(text: string): SuggestedSpan[] {
  const points = Array.from(text);
  const found: SuggestedSpan[] = [];
  let i = 0;
  while (i < points.length) {
    const closers = CLOSERS[points[i]];
    if (!closers || !canOpen(points, i)) {
      i++;
      continue;
    }
    let close = -1;
    for (let j = i + 1; j < points.length && j - i <= MAX_QUOTE_LENGTH; j++) {
      if (isParagraphEnd(points[j])) break;
      if (closers.includes(points[j]) && canClose(points, j)) {
        close = j;
        break;
      }
    }
    if (close === -1) {
      i++;
      continue;
    }
    // French spacing (« non ») is not part of the quote.
    let start = i + 1;
    let end = close;
    while (start < end && SPACE.test(points[start])) start++;
    while (end > start && SPACE.test(points[end - 1])) end--;
    const inner = points.slice(start, end).join("");
    if (points.slice(start, end).filter((ch) => LETTER_OR_DIGIT.test(ch)).length >= 2) {
      found.push({ key: builtinKey("QUOTE", start, end), source: "builtin", label: "QUOTE", start, end, text: inner });
    }
    i = close + 1;
  }
  return found;
}
