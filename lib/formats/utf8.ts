/**
 * Bytes → text at the import boundary. Text is stored exactly as imported, so
 * decoding is strict: invalid UTF-8 is refused (never replaced with U+FFFD),
 * and only a leading byte order mark is removed (DESIGN.md "Text and offsets").
 */
import type { ImportIssue } from "./model";

export type DecodeResult = { ok: true; text: string } | { ok: false; errors: ImportIssue[] };

// ignoreBOM: true keeps a BOM in the decoded output; we strip only the file's
// first one ourselves, so the rule does not depend on how the bytes were chunked.
const strictDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** Decodes a whole file; `maxBytes` refuses files over a size limit. */
export function decodeUtf8(bytes: Uint8Array, file: string, options: { maxBytes?: number } = {}): DecodeResult {
  if (options.maxBytes !== undefined && bytes.length > options.maxBytes) {
    return { ok: false, errors: [sizeLimitIssue(file, 0, options.maxBytes)] };
  }
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: strictDecoder.decode(body) };
  } catch {
    const at = firstInvalidUtf8Byte(bytes);
    return { ok: false, errors: [invalidUtf8Issue(file, bytes, Math.max(at, 0))] };
  }
}

export function sizeLimitIssue(file: string, line: number, maxBytes: number): ImportIssue {
  return { file, line, message: `file is larger than the limit of ${maxBytes} bytes` };
}

function invalidUtf8Issue(file: string, bytes: Uint8Array, at: number): ImportIssue {
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
  return { file, line, message: `invalid UTF-8 at byte ${at}` };
}

/**
 * Offset of the first byte that is not part of a well-formed UTF-8 sequence
 * (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF), or -1.
 * TextDecoder only says "invalid"; users need to know where.
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // overlong
      if (b === 0xed) hi = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90; // overlong
      if (b === 0xf4) hi = 0x8f; // above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      const [min, max] = k === 1 ? [lo, hi] : [0x80, 0xbf];
      if (c < min || c > max) return i;
    }
    i += need + 1;
  }
  return -1;
}

export type SplitLine = { lineNo: number; text: string } | { lineNo: number; error: string };

/**
 * Splits a byte stream into decoded lines without holding the file: a line
 * feed byte never occurs inside a multi-byte UTF-8 sequence, so lines can be
 * cut on bytes and each decoded strictly on its own, and an invalid byte can
 * be reported with its absolute offset and line number. Line ends (LF or
 * CRLF) are not part of the line; line numbers start at 1.
 */
export class Utf8LineSplitter {
  private pending: Uint8Array[] = [];
  private pendingLength = 0;
  private lineNo = 0;
  /** Bytes of the stream before the pending line. */
  private lineStart = 0;
  private failed = false;

  constructor(private readonly maxBytes?: number) {}

  /** Total bytes seen so far. */
  get bytesRead(): number {
    return this.lineStart + this.pendingLength;
  }

  push(chunk: Uint8Array): SplitLine[] {
    if (this.failed) return [];
    const out: SplitLine[] = [];
    let from = 0;
    for (;;) {
      const lf = chunk.indexOf(0x0a, from);
      if (lf < 0) break;
      this.pending.push(chunk.subarray(from, lf));
      this.pendingLength += lf - from;
      out.push(this.takeLine(1));
      if (this.failed) return out;
      from = lf + 1;
    }
    if (from < chunk.length) {
      // Copy: the caller may reuse its buffer for the next chunk.
      this.pending.push(chunk.slice(from));
      this.pendingLength += chunk.length - from;
    }
    if (this.maxBytes !== undefined && this.bytesRead > this.maxBytes) {
      this.failed = true;
      out.push({ lineNo: this.lineNo + 1, error: `file is larger than the limit of ${this.maxBytes} bytes` });
    }
    return out;
  }

  /** Call at the end of the stream: returns the last line when it has no line feed. */
  end(): SplitLine[] {
    if (this.failed || this.pendingLength === 0) return [];
    return [this.takeLine(0)];
  }

  private takeLine(terminatorBytes: number): SplitLine {
    const bytes = concat(this.pending, this.pendingLength);
    this.pending = [];
    const start = this.lineStart;
    this.lineStart += this.pendingLength + terminatorBytes;
    this.pendingLength = 0;
    this.lineNo++;
    if (this.maxBytes !== undefined && this.lineStart - terminatorBytes > this.maxBytes) {
      this.failed = true;
      return { lineNo: this.lineNo, error: `file is larger than the limit of ${this.maxBytes} bytes` };
    }
    const body = this.lineNo === 1 && hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
    let text: string;
    try {
      text = strictDecoder.decode(body);
    } catch {
      const at = firstInvalidUtf8Byte(bytes);
      return { lineNo: this.lineNo, error: `invalid UTF-8 at byte ${start + Math.max(at, 0)}` };
    }
    return { lineNo: this.lineNo, text: text.endsWith("\r") ? text.slice(0, -1) : text };
  }
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
