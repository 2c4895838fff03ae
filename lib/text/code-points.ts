/**
 * Offsets in Sourcemark are Unicode code points (as in Python, brat and the W3C
 * TextPositionSelector). JavaScript strings are UTF-16, so every conversion goes
 * through this module.
 */

/** Number of code points in `text`. */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** `text[start:end]` in code points, like Python's slicing of a str (no negative indices). */
export function sliceByCodePoints(text: string, start: number, end: number): string {
  const from = codePointToUtf16(text, start);
  const to = codePointToUtf16(text, end);
  return text.slice(from, to);
}

/** UTF-16 index of the code point at `offset` (offset may equal the length). Clamps past the end. */
export function codePointToUtf16(text: string, offset: number): number {
  let cp = 0;
  let i = 0;
  while (i < text.length && cp < offset) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      i += next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
    } else {
      i++;
    }
    cp++;
  }
  return i;
}
