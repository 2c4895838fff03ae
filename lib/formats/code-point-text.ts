/**
 * An article's text indexed by code point, for writers and validators that
 * slice many spans out of one text. `sliceByCodePoints` from lib/text walks
 * the string on every call (O(n)); with 500,000 spans that is too slow, so this
 * builds the code point → UTF-16 table once per article (or skips it when the
 * text has no astral characters, where the two counts agree).
 */
import { codePointLength } from "../text/code-points";

const SURROGATE = /[\uD800-\uDFFF]/;

export class CodePointText {
  readonly text: string;
  /** Length in code points. */
  readonly length: number;
  /** utf16Index[cp] = UTF-16 index of code point cp (length + 1 entries); null when they coincide. */
  private readonly utf16Index: Uint32Array | null;

  constructor(text: string) {
    this.text = text;
    if (!SURROGATE.test(text)) {
      this.length = text.length;
      this.utf16Index = null;
      return;
    }
    this.length = codePointLength(text);
    const table = new Uint32Array(this.length + 1);
    let cp = 0;
    for (let i = 0; i < text.length; i++) {
      table[cp++] = i;
      const unit = text.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) i++;
      }
    }
    table[cp] = text.length;
    this.utf16Index = table;
  }

  /** UTF-16 index of a code point offset (0 ≤ cp ≤ length). */
  toUtf16(cp: number): number {
    return this.utf16Index ? this.utf16Index[cp] : cp;
  }

  /** `text[start:end]` in code points; the caller checks 0 ≤ start ≤ end ≤ length. */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }

  /** Code point offset of a UTF-16 index that is not inside a surrogate pair. */
  fromUtf16(index: number): number {
    const table = this.utf16Index;
    if (!table) return index;
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (table[mid] < index) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
