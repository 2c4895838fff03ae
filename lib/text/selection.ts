import { OffsetIndex } from "./code-points";
import { enclosingSegment, graphemeEndAtOrAfter, graphemeStartAtOrBefore } from "./segment-window";
import { isWhiteSpace } from "./white-space";

/**
 * Tidying of a selected range before it becomes a span. All offsets are code
 * points; every function only looks at a window around the offsets (beyond one
 * O(n) index for a plain string: pass an OffsetIndex to reuse one).
 */

export interface CodePointRange {
  start: number;
  end: number;
}

type TextSource = string | OffsetIndex;

interface Resolved {
  offsets: OffsetIndex;
  text: string;
  from16: number;
  to16: number;
}

function resolve(source: TextSource, start: number, end: number): Resolved {
  const offsets = typeof source === "string" ? new OffsetIndex(source) : source;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > offsets.length) {
    throw new RangeError(`range ${start}–${end} is not within 0..${offsets.length} in order`);
  }
  return { offsets, text: offsets.text, from16: offsets.toUtf16(start), to16: offsets.toUtf16(end) };
}

function toCodePoint(offsets: OffsetIndex, index16: number): number {
  const found = offsets.toCodePoint(index16);
  if (!found.ok) throw new Error(`segment boundary ${index16} is not a code point boundary`);
  return found.value;
}

/**
 * The range without Unicode White_Space (`\p{White_Space}`) at either end, or null
 * when nothing else remains.
 */
export function trimWhitespace(source: TextSource, start: number, end: number): CodePointRange | null {
  const { text, from16, to16 } = resolve(source, start, end);
  // White_Space characters are single BMP units: one unit trimmed is one code point.
  let head = 0;
  while (from16 + head < to16 && isWhiteSpace(text.charCodeAt(from16 + head))) head++;
  let tail = 0;
  while (to16 - tail > from16 + head && isWhiteSpace(text.charCodeAt(to16 - tail - 1))) tail++;
  return start + head < end - tail ? { start: start + head, end: end - tail } : null;
}

/**
 * The range widened to grapheme cluster bounds, so no emoji sequence, flag, skin
 * tone or base letter with its combining marks is cut. A collapsed range inside a
 * cluster widens to the whole cluster.
 */
export function graphemeSafe(source: TextSource, start: number, end: number): CodePointRange {
  const { offsets, text, from16, to16 } = resolve(source, start, end);
  return {
    start: toCodePoint(offsets, graphemeStartAtOrBefore(text, from16)),
    end: toCodePoint(offsets, graphemeEndAtOrAfter(text, to16)),
  };
}

/**
 * The range widened so that an end falling inside a word moves to that word's
 * bound (start back, end forward), using Intl.Segmenter's word segments for
 * `locale` (dictionary-based for CJK: "近" in "習近平" widens to "近平").
 * An end inside something that is not a word only widens to grapheme bounds.
 */
export function snapToWordBounds(
  source: TextSource,
  start: number,
  end: number,
  locale?: string,
): CodePointRange {
  const { offsets, text, from16, to16 } = resolve(source, start, end);
  const startWord = enclosingSegment(text, from16, "word", locale);
  const endWord = enclosingSegment(text, to16, "word", locale);
  const wordFrom = startWord?.isWordLike ? startWord.from : from16;
  const wordTo = endWord?.isWordLike ? endWord.to : to16;
  // Word bounds can still fall inside a cluster (e.g. after an Arabic number sign).
  return {
    start: toCodePoint(offsets, graphemeStartAtOrBefore(text, wordFrom)),
    end: toCodePoint(offsets, graphemeEndAtOrAfter(text, wordTo)),
  };
}

/** What a selection becomes before it is saved: trimmed, then snapped to words; null if blank. */
export function tidySelection(
  source: TextSource,
  start: number,
  end: number,
  locale?: string,
): CodePointRange | null {
  const offsets = typeof source === "string" ? new OffsetIndex(source) : source;
  const trimmed = trimWhitespace(offsets, start, end);
  return trimmed && snapToWordBounds(offsets, trimmed.start, trimmed.end, locale);
}
