/**
 * Whitespace tokens, the items the kappas code: maximal runs of code points that are not Unicode
 * White_Space (JavaScript's /\p{White_Space}/u), with code-point offsets, end exclusive.
 *
 * A hand-written scan rather than a regular expression: the project-level figures tokenize every
 * article, and one pass that also counts code points avoids a match object per token and a
 * second pass to convert UTF-16 indices. The test checks isWhiteSpace against /\p{White_Space}/u
 * for every code point.
 */
export type Tokens = {
  starts: Int32Array;
  ends: Int32Array;
  /** Length of the text in code points. */
  length: number;
};

/** Unicode's White_Space property (PropList.txt; stable since Unicode 6.3, all in the BMP). */
export function isWhiteSpace(codePoint: number): boolean {
  if (codePoint <= 0x20) return codePoint === 0x20 || (codePoint >= 0x09 && codePoint <= 0x0d);
  if (codePoint < 0x85) return false;
  return (
    codePoint === 0x85 ||
    codePoint === 0xa0 ||
    codePoint === 0x1680 ||
    (codePoint >= 0x2000 && codePoint <= 0x200a) ||
    codePoint === 0x2028 ||
    codePoint === 0x2029 ||
    codePoint === 0x202f ||
    codePoint === 0x205f ||
    codePoint === 0x3000
  );
}

// Scratch buffers reused across calls (a text has at most one token per two code units, plus
// one); the result is copied out at its exact size, so a project's worth of articles does not
// allocate and zero buffers the size of every text.
let scratchStarts = new Int32Array(0);
let scratchEnds = new Int32Array(0);

export function whitespaceTokens(text: string): Tokens {
  const capacity = (text.length >> 1) + 1;
  if (scratchStarts.length < capacity) {
    scratchStarts = new Int32Array(capacity);
    scratchEnds = new Int32Array(capacity);
  }
  const starts = scratchStarts;
  const ends = scratchEnds;
  let count = 0;
  let codePoint = 0; // offset of the current code point
  let inToken = false;
  for (let i = 0; i < text.length; i++, codePoint++) {
    const unit = text.charCodeAt(i);
    let white = false;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      // An astral code point is never White_Space; skip its low surrogate.
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    } else {
      white = isWhiteSpace(unit);
    }
    if (white) {
      if (inToken) {
        ends[count++] = codePoint;
        inToken = false;
      }
    } else if (!inToken) {
      starts[count] = codePoint;
      inToken = true;
    }
  }
  if (inToken) ends[count++] = codePoint;
  return { starts: starts.slice(0, count), ends: ends.slice(0, count), length: codePoint };
}
