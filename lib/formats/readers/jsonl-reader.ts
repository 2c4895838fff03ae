/**
 * Line-by-line reading shared by the JSONL formats (native, doccano). A reader
 * keeps only what it needs to check the file as a whole (ids and text hashes
 * seen, errors), never the articles, so a 50,000-article file can be checked
 * and inserted in batches while it streams. All-or-nothing stays the caller's
 * job: insert inside a transaction and roll back unless `finish()` says ok.
 */
import type { ImportIssue, ImportedArticle, ReadResult, ReaderOptions } from "../model";
import { textHash } from "../text-hash";
import { Utf8LineSplitter } from "../utf8";
import type { Problem } from "../validate-layer";

export type FinishResult =
  | { ok: true; count: number; warnings: ImportIssue[] }
  | { ok: false; errors: ImportIssue[]; warnings: ImportIssue[] };

/** What a format makes of one parsed JSON line. */
export type LineConversion =
  | { ok: true; article: ImportedArticle; warnings: Problem[] }
  | { ok: false; errors: Problem[]; warnings?: Problem[] };

const DEFAULT_MAX_ERRORS = 100;

export abstract class JsonlArticleReader {
  readonly file: string;
  private readonly maxErrors: number;
  private readonly errorList: ImportIssue[] = [];
  private readonly warningList: ImportIssue[] = [];
  private truncatedErrors = false;
  private readonly idLines = new Map<string, number>();
  private readonly hashLines = new Map<string, { line: number; id: string }>();
  private accepted = 0;

  constructor(options: ReaderOptions) {
    this.file = options.file;
    this.maxErrors = options.maxErrors ?? DEFAULT_MAX_ERRORS;
  }

  /** Turns one parsed line into an article, or says why not. */
  protected abstract convert(value: Record<string, unknown>, lineNo: number): LineConversion;

  get ok(): boolean {
    return this.errorList.length === 0;
  }

  get errors(): readonly ImportIssue[] {
    return this.errorList;
  }

  get warnings(): readonly ImportIssue[] {
    return this.warningList;
  }

  /**
   * Checks one line (without its line end). Returns the article to store, or
   * null for a blank line, a skipped duplicate, or a bad line. Once any line
   * has failed, later lines are still checked (to report them too) but return
   * null: nothing of a failed file should be stored.
   */
  pushLine(line: string, lineNo: number): ImportedArticle | null {
    if (this.errorList.length >= this.maxErrors) {
      this.truncatedErrors = true;
      return null;
    }
    const trimmed = line.endsWith("\r") ? line.slice(0, -1) : line;
    if (trimmed.trim() === "") return null;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.error(lineNo, `malformed JSON (is the line truncated?): ${detail}`);
      return null;
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      this.error(lineNo, "each line must be a JSON object (one article)");
      return null;
    }
    const converted = this.convert(value as Record<string, unknown>, lineNo);
    for (const warning of converted.warnings ?? []) this.warn(warning.line ?? lineNo, warning.message);
    if (!converted.ok) {
      for (const problem of converted.errors) this.error(problem.line ?? lineNo, problem.message);
      return null;
    }
    const article = converted.article;
    const firstLine = this.idLines.get(article.id);
    if (firstLine !== undefined) {
      this.error(lineNo, `duplicate article id ${JSON.stringify(article.id)} (first on line ${firstLine})`);
      return null;
    }
    this.idLines.set(article.id, lineNo);
    const hash = textHash(article.text);
    const twin = this.hashLines.get(hash);
    if (twin) {
      // Same text under another id: a duplicate article, reported and skipped.
      this.warn(lineNo, `same text as line ${twin.line} (article ${twin.id}); skipped as a duplicate`);
      return null;
    }
    this.hashLines.set(hash, { line: lineNo, id: article.id });
    if (!this.ok) return null;
    this.accepted++;
    return article;
  }

  finish(): FinishResult {
    if (this.ok) return { ok: true, count: this.accepted, warnings: [...this.warningList] };
    const errors = [...this.errorList];
    if (this.truncatedErrors) {
      errors.push({ file: this.file, line: 0, message: `stopped after ${this.maxErrors} errors` });
    }
    return { ok: false, errors, warnings: [...this.warningList] };
  }

  protected error(line: number, message: string): void {
    if (this.errorList.length < this.maxErrors) this.errorList.push({ file: this.file, line, message });
    else this.truncatedErrors = true;
  }

  protected warn(line: number, message: string): void {
    this.warningList.push({ file: this.file, line, message });
  }

  /** Reports a problem found outside the reader (invalid UTF-8, size limit). */
  reportError(line: number, message: string): void {
    this.error(line, message);
  }
}

/** Reads a whole decoded file through a line reader (for small files and tests). */
export function readJsonlText(text: string, reader: JsonlArticleReader): ReadResult {
  const articles: ImportedArticle[] = [];
  let lineNo = 0;
  let from = text.startsWith("\uFEFF") ? 1 : 0;
  // Walk line ends by index rather than split(): no second copy of the file.
  while (from <= text.length) {
    const lf = text.indexOf("\n", from);
    const to = lf < 0 ? text.length : lf;
    lineNo++;
    const article = reader.pushLine(text.slice(from, to), lineNo);
    if (article) articles.push(article);
    if (lf < 0) break;
    from = lf + 1;
  }
  const result = reader.finish();
  return result.ok
    ? { ok: true, articles, warnings: result.warnings }
    : { ok: false, errors: result.errors, warnings: result.warnings };
}

export interface StreamOptions {
  /** Refuse files larger than this many bytes. */
  maxBytes?: number;
}

/**
 * Streams a JSONL file's bytes through a reader. `onArticle` is awaited for
 * each good article while the file has no error so far (insert it, or add it
 * to a batch); when the result is not ok, everything it was given must be
 * discarded (roll back the transaction).
 */
export async function readJsonlStream(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  reader: JsonlArticleReader,
  onArticle: (article: ImportedArticle, lineNo: number) => void | Promise<void>,
  options: StreamOptions = {},
): Promise<FinishResult> {
  const splitter = new Utf8LineSplitter(options.maxBytes);
  const handle = async (lines: ReturnType<Utf8LineSplitter["push"]>) => {
    for (const line of lines) {
      if ("error" in line) {
        reader.reportError(line.lineNo, line.error);
        continue;
      }
      const article = reader.pushLine(line.text, line.lineNo);
      if (article && reader.ok) await onArticle(article, line.lineNo);
    }
  };
  for await (const chunk of chunks) await handle(splitter.push(chunk));
  await handle(splitter.end());
  return reader.finish();
}
