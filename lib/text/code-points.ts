/**
 * Offsets in Sourcemark are Unicode code points (as in Python, brat and the W3C
 * TextPositionSelector). JavaScript strings are UTF-16, so every conversion goes
 * through this module.
 *
 * A lone surrogate (malformed UTF-16) counts as one code point, as it does in
 * Python; only a high surrogate followed by a low surrogate forms one astral
 * code point.
 */

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** True when a surrogate pair starts at UTF-16 index `i` of `text`. */
export function isSurrogatePairAt(text: string, i: number): boolean {
  return isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1));
}

/** Number of code points in `text`. */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) i++;
    count++;
  }
  return count;
}

/** Walks from UTF-16 index `from` (a code point boundary) forward by `count` code points. */
function advance(text: string, from: number, count: number): number {
  let i = from;
  for (let cp = 0; i < text.length && cp < count; cp++) {
    i += isSurrogatePairAt(text, i) ? 2 : 1;
  }
  return i;
}

/** UTF-16 index of the code point at `offset` (offset may equal the length). Clamps past the end. */
export function codePointToUtf16(text: string, offset: number): number {
  return advance(text, 0, offset);
}

/** `text[start:end]` in code points, like Python's slicing of a str (no negative indices). */
export function sliceByCodePoints(text: string, start: number, end: number): string {
  // One walk: the end is reached from the start (walk counts round fractions up, as before).
  const steps = (offset: number) => (offset > 0 ? Math.ceil(offset) : 0);
  const from = advance(text, 0, start);
  const rest = steps(end) - steps(start);
  return rest > 0 ? text.slice(from, advance(text, from, rest)) : "";
}

export type CodePointErrorCode = "not_integer" | "out_of_range" | "inside_surrogate_pair";

export type CodePointResult =
  | { ok: true; value: number }
  | { ok: false; code: CodePointErrorCode; message: string };

function checkUtf16Index(index: number, length16: number): CodePointResult | null {
  if (!Number.isInteger(index)) {
    return { ok: false, code: "not_integer", message: `UTF-16 index ${index} is not an integer` };
  }
  if (index < 0 || index > length16) {
    return {
      ok: false,
      code: "out_of_range",
      message: `UTF-16 index ${index} is outside the text (0 to ${length16})`,
    };
  }
  return null;
}

function insideSurrogatePair(index: number): CodePointResult {
  return {
    ok: false,
    code: "inside_surrogate_pair",
    message: `UTF-16 index ${index} falls between the two halves of a surrogate pair`,
  };
}

/**
 * Code point offset of UTF-16 index `index` (which may equal the text's length).
 * An index between the halves of a surrogate pair names no code point boundary,
 * so it is refused rather than rounded: the caller decides which way to go.
 */
export function utf16ToCodePoint(text: string, index: number): CodePointResult {
  const invalid = checkUtf16Index(index, text.length);
  if (invalid) return invalid;
  let cp = 0;
  let i = 0;
  while (i < index) {
    i += isSurrogatePairAt(text, i) ? 2 : 1;
    cp++;
  }
  return i === index ? { ok: true, value: cp } : insideSurrogatePair(index);
}

/** Number of entries of the ascending `values` that are strictly less than `limit`. */
function countBelow(values: Int32Array, limit: number, shift: boolean): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const value = shift ? values[mid] - mid : values[mid];
    if (value < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Converts between code point offsets and UTF-16 indices of one text in O(log a),
 * a being the number of astral characters. Built once per text in O(n).
 *
 * It keeps only the UTF-16 index of each surrogate pair: the k-th pair starts at
 * code point `astral16[k] - k`, so both directions are a binary search.
 */
export class OffsetIndex {
  readonly text: string;
  /** Length in code points. */
  readonly length: number;
  /** Length in UTF-16 code units. */
  readonly length16: number;
  private readonly astral16: Int32Array;

  /** `astral16` lets a caller that already walked the text (DocumentMap) skip a second walk. */
  constructor(text: string, astral16?: Int32Array) {
    this.text = text;
    this.length16 = text.length;
    this.astral16 = astral16 ?? OffsetIndex.scan(text);
    this.length = text.length - this.astral16.length;
  }

  /** UTF-16 indices of the high surrogate of every surrogate pair, ascending. */
  static scan(text: string): Int32Array {
    const found: number[] = [];
    for (let i = 0; i < text.length; i++) {
      if (isSurrogatePairAt(text, i)) found.push(i++);
    }
    return Int32Array.from(found);
  }

  get hasAstral(): boolean {
    return this.astral16.length > 0;
  }

  /** UTF-16 index of code point offset `cp`; throws a RangeError outside 0..length. */
  toUtf16(cp: number): number {
    if (!Number.isInteger(cp) || cp < 0 || cp > this.length) {
      throw new RangeError(`code point offset ${cp} is outside the text (0 to ${this.length})`);
    }
    return cp + countBelow(this.astral16, cp, true);
  }

  /** Code point offset of UTF-16 index `index`, refusing an index inside a surrogate pair. */
  toCodePoint(index: number): CodePointResult {
    const invalid = checkUtf16Index(index, this.length16);
    if (invalid) return invalid;
    const before = countBelow(this.astral16, index, false);
    if (before > 0 && this.astral16[before - 1] === index - 1) return insideSurrogatePair(index);
    return { ok: true, value: index - before };
  }

  /** `text[start:end]` in code points; throws a RangeError on offsets outside the text. */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }
}
