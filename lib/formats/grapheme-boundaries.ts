/**
 * Grapheme cluster boundaries (UAX #29) near given code point offsets, for
 * cutting quote prefixes and suffixes without splitting a flag, an emoji
 * sequence or a letter with its accents.
 *
 * Intl.Segmenter is exact but slow per segment (~2.5 µs in V8), and segmenting
 * every exported article whole made a 500,000-span export take minutes. So a
 * boundary is first decided locally: between two "simple" code points (those
 * that take part in no multi-code-point cluster rule) there is always a
 * boundary, CR LF excepted. Only where a complex code point is involved is
 * Intl.Segmenter run, over a short window that starts at such a certain
 * boundary (every UAX #29 rule looks at most one code point ahead, so the
 * window's boundaries equal the whole text's).
 */
import type { CodePointText } from "./code-point-text";

/**
 * Code points that some grapheme rule can join to a neighbour: marks, format
 * characters (ZWJ, ZWNJ, tags, bidi marks), regional indicators, emoji
 * modifiers, Hangul jamo and syllables, Prepend characters, and the few
 * SpacingMark/Extend letters that are not marks.
 */
const COMPLEX =
  /[\p{M}\p{Cf}\p{Regional_Indicator}\p{Emoji_Modifier}\u1100-\u11FF\uA960-\uA97F\uAC00-\uD7A3\uD7B0-\uD7FF\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u0D4E\u0E33\u0EB3\uFF9E\uFF9F\u{110BD}\u{110CD}\u{111C2}\u{111C3}\u{1193F}\u{11941}\u{11A3A}\u{11A84}-\u{11A89}\u{11D46}\u{11F02}]/u;

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

function isSimple(cp: number): boolean {
  return cp < 0x300 || !COMPLEX.test(String.fromCodePoint(cp));
}

export class GraphemeBoundaries {
  constructor(private readonly text: CodePointText) {}

  private codePointAt(offset: number): number {
    return this.text.text.codePointAt(this.text.toUtf16(offset))!;
  }

  /** True when the boundary at `offset` is known without segmenting. */
  private certain(offset: number): boolean | null {
    if (offset <= 0 || offset >= this.text.length) return true;
    const before = this.codePointAt(offset - 1);
    const after = this.codePointAt(offset);
    if (isSimple(before) && isSimple(after)) return !(before === 0x0d && after === 0x0a);
    return null;
  }

  /** flags[i - from] = 1 where offset i (from ≤ i ≤ to) is a grapheme boundary. */
  between(from: number, to: number): Uint8Array {
    const flags = new Uint8Array(to - from + 1);
    let unsure = false;
    for (let i = from; i <= to; i++) {
      const known = this.certain(i);
      if (known === null) unsure = true;
      else flags[i - from] = known ? 1 : 0;
    }
    if (!unsure) return flags;
    // Segment from the nearest offset at or before `from` that is certainly a boundary.
    let start = from;
    while (start > 0 && this.certain(start) !== true) start--;
    const end = Math.min(this.text.length, to + 1);
    let offset = start;
    for (const { segment } of segmenter.segment(this.text.slice(start, end))) {
      if (offset >= from && offset <= to) flags[offset - from] = 1;
      offset += countCodePoints(segment);
    }
    for (let i = from; i <= to; i++) if (i >= end || i === start) flags[i - from] = 1;
    return flags;
  }
}

function countCodePoints(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length) i++;
    count++;
  }
  return count;
}

/** Every boundary of the text by Intl.Segmenter alone (the reference the fast path is tested against). */
export function allGraphemeBoundaries(text: CodePointText): Uint8Array {
  const flags = new Uint8Array(text.length + 1);
  let cp = 0;
  for (const { segment } of segmenter.segment(text.text)) {
    flags[cp] = 1;
    cp += countCodePoints(segment);
  }
  flags[cp] = 1;
  return flags;
}
