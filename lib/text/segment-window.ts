/**
 * Finds the grapheme cluster or word segment around one UTF-16 index by running
 * Intl.Segmenter over a small window instead of the whole text.
 *
 * A window is only correct if it starts and ends at boundaries that hold whatever
 * the surrounding text is ("anchors"). A boundary before character X is decided by
 * X and the character before it alone, except where UAX #29 looks further: before
 * an emoji after ZWJ (GB11, WB3c), a regional indicator (pair parity), an Indic
 * consonant (GB9c), and around letters, digits and mid-word punctuation (WB4-WB13)
 * or inside dictionary-segmented CJK/Thai runs. Anchors are therefore restricted to
 * characters none of those rules touch, and for them segmenting the two-character
 * string tells whether the boundary exists.
 */

export type Granularity = "grapheme" | "word";

export interface EnclosingSegment {
  /** UTF-16 index of the segment's first unit. */
  from: number;
  /** UTF-16 index just after the segment. */
  to: number;
  isWordLike: boolean;
}

const GRAPHEME_ANCHOR =
  /^[\p{White_Space}\p{ASCII}\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;
const NOT_PAIR_DECIDED = /^[\p{Extended_Pictographic}\p{Regional_Indicator}]$/u;
// Line ends, breaking spaces and CJK sentence punctuation: none joins a word (no-break spaces can).
const WORD_ANCHOR = /^[\p{White_Space}\u3001\u3002\u300c-\u300f\uff01\uff08\uff09\uff1f]$/u;
const NO_BREAK_SPACE = /^[\u00a0\u2007\u202f]$/u;

const segmenters = new Map<string, Intl.Segmenter>();

export function segmenterFor(granularity: Granularity, locale?: string): Intl.Segmenter {
  const key = `${granularity}|${locale ?? ""}`;
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity });
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;
const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;

function insidePair(text: string, i: number): boolean {
  return isLowSurrogate(text.charCodeAt(i)) && isHighSurrogate(text.charCodeAt(i - 1));
}

function charAt(text: string, i: number): string {
  return String.fromCodePoint(text.codePointAt(i)!);
}

function charBefore(text: string, i: number): string {
  return insidePair(text, i - 1) ? text.slice(i - 2, i) : text[i - 1];
}

const CR = 0x0d;
const LF = 0x0a;
const SPACE = 0x20;

/** The pair test's answer for two ASCII characters, without calling the segmenter. */
function asciiPairBreaks(before: number, after: number, granularity: Granularity): boolean {
  if (before === CR && after === LF) return false;
  return granularity === "grapheme" || !(before === SPACE && after === SPACE);
}

function isAnchor(text: string, i: number, granularity: Granularity, segmenter: Intl.Segmenter): boolean {
  if (i <= 0 || i >= text.length) return true;
  const afterUnit = text.charCodeAt(i);
  const beforeUnit = text.charCodeAt(i - 1);
  if (afterUnit < 0x80) {
    if (granularity === "word" && !WORD_ANCHOR.test(text[i])) return false;
    if (beforeUnit < 0x80) return asciiPairBreaks(beforeUnit, afterUnit, granularity);
  }
  if (insidePair(text, i)) return false;
  const after = charAt(text, i);
  if (granularity === "grapheme") {
    if (!GRAPHEME_ANCHOR.test(after) || NOT_PAIR_DECIDED.test(after)) return false;
  } else if (!WORD_ANCHOR.test(after) || NO_BREAK_SPACE.test(after)) {
    return false;
  }
  const before = charBefore(text, i);
  return segmenter.segment(before + after).containing(before.length)!.index === before.length;
}

/**
 * The segment that strictly contains UTF-16 index `index` (a code point boundary),
 * or null when a segment boundary falls at `index`.
 */
export function enclosingSegment(
  text: string,
  index: number,
  granularity: Granularity,
  locale?: string,
): EnclosingSegment | null {
  const segmenter = segmenterFor(granularity, locale);
  if (isAnchor(text, index, granularity, segmenter)) return null;
  let from = index - 1;
  while (!isAnchor(text, from, granularity, segmenter)) from--;
  let to = index + 1;
  while (!isAnchor(text, to, granularity, segmenter)) to++;
  // One character past the right anchor, so rules that look ahead see real text.
  const windowEnd = Math.min(text.length, to + (isHighSurrogate(text.charCodeAt(to)) ? 2 : 1));
  const segment = segmenter.segment(text.slice(from, windowEnd)).containing(index - from)!;
  const start = from + segment.index;
  if (start === index) return null;
  return { from: start, to: start + segment.segment.length, isWordLike: segment.isWordLike === true };
}

/** Nearest grapheme cluster boundary at or before UTF-16 index `index`. */
export function graphemeStartAtOrBefore(text: string, index: number): number {
  return enclosingSegment(text, index, "grapheme")?.from ?? index;
}

/** Nearest grapheme cluster boundary at or after UTF-16 index `index`. */
export function graphemeEndAtOrAfter(text: string, index: number): number {
  return enclosingSegment(text, index, "grapheme")?.to ?? index;
}
