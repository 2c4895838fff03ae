/**
 * The wording of a quote, reduced to what two outlets carrying the same statement share: no
 * quotation marks of any script, one kind of apostrophe and dash, lower case, single spaces, no
 * punctuation at the ends. Words are maximal runs of letters, marks and digits (with inner
 * apostrophes and hyphens), so "don’t" and "don't" are one word.
 */
const QUOTE_MARKS = /["“”„‟«»‹›「」『』〝〞〟＂‚‘’‛'`´]/gu;
const APOSTROPHES = /[’‘‛´`ʼ]/gu;
const DASHES = /[‐‑‒–—―−]/gu;

export function normaliseQuote(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/(\p{L})[’‘‛´`ʼ'](\p{L})/gu, "$1\u0027$2") // an apostrophe inside a word stays, as '
    .replace(APOSTROPHES, "'")
    .replace(DASHES, "-")
    .replace(/(^|[^\p{L}])'|'(?![\p{L}])/gu, "$1") // quote-like apostrophes at word edges go
    .replace(QUOTE_MARKS, (mark) => (mark === "'" ? "'" : ""))
    .toLocaleLowerCase("und")
    .replace(/\s+/gu, " ")
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, "");
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['-][\p{L}\p{M}\p{N}]+)*/gu;

/** The words of a normalised quote, in order. */
export function quoteWords(normalised: string): string[] {
  return normalised.match(WORD) ?? [];
}
