import { OffsetIndex } from "./code-points";

/**
 * The editor shows an article as `doc > paragraph*`, one paragraph per line of the
 * stored text; "\r\n", "\n" and "\r" each end a line. This module is the one
 * serializer of that split (server and client both use it) and the table between
 * code point offsets and ProseMirror positions.
 *
 * Positions: paragraph k opens at `docFrom - 1`, its first character is at
 * `docFrom`, its text spans `text16.length` positions, it closes at
 * `docFrom + text16.length` and the next paragraph's first character is 2 further.
 *
 * Rules at line ends (documented in the README's offsets section):
 * - A code point offset on a paragraph's own text maps to exactly one position, so
 *   span → range → span is the identity. The offset just after a separator is the
 *   start of the next paragraph, for a start and for an end alike: a span ending in
 *   "\n" ends at the next paragraph's first position, which paints the same as its
 *   paragraph's end but keeps the newline on the way back.
 * - The only offset with no position of its own is the one between "\r" and "\n".
 *   As a start it moves to the next paragraph's start, as an end to the previous
 *   paragraph's end; a span covering only half a CRLF therefore becomes an empty
 *   range (nothing to paint).
 * - The position between two paragraphs (and the positions before the first and
 *   after the last) leaves the separator out: as a start it is the next paragraph's
 *   first offset, as an end the previous paragraph's last.
 * - A position inside a surrogate pair is never produced; if one comes in, a start
 *   rounds down and an end rounds up, so the character stays whole.
 */

export type LineSeparator = "" | "\n" | "\r\n" | "\r";

export interface ParagraphBlock {
  readonly index: number;
  /** Code point offset of the paragraph's first character. */
  readonly cpStart: number;
  /** Code point offset just after its last character (before the separator). */
  readonly cpEnd: number;
  /** UTF-16 index of its first character in the whole text. */
  readonly utf16Start: number;
  /** The paragraph's text as the editor holds it (UTF-16). */
  readonly text16: string;
  /** The line end that follows it in the stored text; "" for the last paragraph. */
  readonly separatorAfter: LineSeparator;
  /** ProseMirror position of its first character (its opening token is one before). */
  readonly docFrom: number;
}

export type Bias = "start" | "end";

export interface DocRange {
  from: number;
  to: number;
}

export interface CodePointSpan {
  start: number;
  end: number;
}

const LF = 0x0a;
const CR = 0x0d;

/** Last index whose key is <= `value` (the array is ascending and its first key is <= value). */
function lastAtOrBelow(blocks: readonly ParagraphBlock[], value: number, key: (b: ParagraphBlock) => number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (key(blocks[mid]) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function checkInteger(name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${name} ${value} is outside 0..${max}`);
  }
}

export class DocumentMap {
  readonly text: string;
  readonly offsets: OffsetIndex;
  readonly paragraphs: readonly ParagraphBlock[];
  /** The doc's content size (ProseMirror's `doc.content.size`). */
  readonly docSize: number;

  /** One walk over the text finds both the line ends and the surrogate pairs. */
  constructor(text: string) {
    const astral: number[] = [];
    const paragraphs: ParagraphBlock[] = [];
    let lineStart16 = 0;
    let lineStartCp = 0;
    let cp = 0;
    let docFrom = 1;
    const close = (end16: number, separator: LineSeparator) => {
      const text16 = text.slice(lineStart16, end16);
      paragraphs.push({
        index: paragraphs.length,
        cpStart: lineStartCp,
        cpEnd: cp,
        utf16Start: lineStart16,
        text16,
        separatorAfter: separator,
        docFrom,
      });
      docFrom += text16.length + 2;
    };
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit === LF || unit === CR) {
        const separator: LineSeparator = unit === CR && text.charCodeAt(i + 1) === LF ? "\r\n" : unit === CR ? "\r" : "\n";
        close(i, separator);
        i += separator.length - 1;
        cp += separator.length;
        lineStart16 = i + 1;
        lineStartCp = cp;
        continue;
      }
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) astral.push(i++);
      }
      cp++;
    }
    close(text.length, "");
    this.text = text;
    this.offsets = new OffsetIndex(text, Int32Array.from(astral));
    this.paragraphs = paragraphs;
    this.docSize = docFrom - 1;
  }

  /** The paragraph whose text or trailing separator holds code point offset `cp`. */
  paragraphAtCodePoint(cp: number): ParagraphBlock {
    checkInteger("code point offset", cp, this.offsets.length);
    return this.paragraphs[lastAtOrBelow(this.paragraphs, cp, (b) => b.cpStart)];
  }

  /** ProseMirror position of code point offset `cp`; `bias` matters only inside a CRLF. */
  codePointToDocPos(cp: number, bias: Bias = "start"): number {
    const block = this.paragraphAtCodePoint(cp);
    if (cp > block.cpEnd) {
      const next = this.paragraphs[block.index + 1];
      return bias === "start" ? next.docFrom : block.docFrom + block.text16.length;
    }
    return block.docFrom + this.offsets.toUtf16(cp) - block.utf16Start;
  }

  /** Code point offset of ProseMirror position `pos`; `bias` matters between paragraphs and inside a surrogate pair. */
  docPosToCodePoint(pos: number, bias: Bias = "start"): number {
    checkInteger("document position", pos, this.docSize);
    if (pos < 1) return 0;
    const block = this.paragraphs[lastAtOrBelow(this.paragraphs, pos, (b) => b.docFrom)];
    const blockEnd = block.docFrom + block.text16.length;
    if (pos > blockEnd) {
      const next = this.paragraphs[block.index + 1];
      if (bias === "end") return block.cpEnd;
      return next ? next.cpStart : this.offsets.length;
    }
    const index16 = block.utf16Start + pos - block.docFrom;
    const found = this.offsets.toCodePoint(index16);
    if (found.ok) return found.value;
    const before = this.offsets.toCodePoint(index16 - 1);
    if (!before.ok) throw new Error(`no code point boundary near position ${pos}`);
    return bias === "start" ? before.value : before.value + 1;
  }

  /** The range to draw for a span; collapsed (from === to) when it covers only part of a CRLF. */
  spanToDocRange(start: number, end: number): DocRange {
    if (end < start) throw new RangeError(`end ${end} comes before start ${start}`);
    const from = this.codePointToDocPos(start, "start");
    const to = this.codePointToDocPos(end, "end");
    return { from, to: Math.max(from, to) };
  }

  /** The span an editor range covers, or null when it covers no character. */
  docRangeToSpan(from: number, to: number): CodePointSpan | null {
    const start = this.docPosToCodePoint(Math.min(from, to), "start");
    const end = this.docPosToCodePoint(Math.max(from, to), "end");
    return end > start ? { start, end } : null;
  }
}

export function buildDocumentMap(text: string): DocumentMap {
  return new DocumentMap(text);
}

/** The paragraph strings the editor renders for `text`, one per line (empty lines included). */
export function paragraphsForEditor(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export interface EditorParagraphJson {
  type: "paragraph";
  content?: [{ type: "text"; text: string }];
}

export interface EditorDocJson {
  type: "doc";
  content: EditorParagraphJson[];
}

/**
 * ProseMirror JSON for `text`, built from the stored text rather than from HTML so
 * no whitespace is collapsed. An empty line is a paragraph without content because
 * ProseMirror forbids empty text nodes.
 */
export function editorDocJson(text: string): EditorDocJson {
  return {
    type: "doc",
    content: paragraphsForEditor(text).map((line) =>
      line === "" ? { type: "paragraph" } : { type: "paragraph", content: [{ type: "text", text: line }] },
    ),
  };
}
