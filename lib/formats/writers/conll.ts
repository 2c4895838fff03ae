/**
 * CoNLL IOB2 writer. One token a line, tab-separated:
 *   TOKEN  START  END  <one IOB2 column per label>
 * Tokens are maximal runs of non-White_Space code points (the same tokens the
 * kappas count, DESIGN.md "Agreement"); START/END are code-point offsets into
 * the stored text, so the token equals text[START:END]. One column per label
 * lets overlapping spans of different labels survive. A blank line separates
 * paragraphs (a whitespace run holding two or more line breaks) and documents,
 * except where a span runs on across the paragraph break (a chunk cannot
 * cross a blank line, so those paragraphs stay together).
 *
 *   # global.columns = TOKEN START END QUOTE CLAIM ACTOR     (first line of the file)
 *   # doc_id = waltz-abc-2025-01-12
 *   # layer = gold
 *
 * A token is inside a span when any of its code points is, so a span that
 * starts or ends inside a token widens to whole tokens here. Spans of the
 * same label that share a token become one chunk (IOB2 cannot nest them);
 * use JSONL, brat or Web Annotation when that matters. Comment lines start
 * with "# " and have no tab; token lines always have tabs (a token may itself
 * start with "#").
 */
import { tokenize as tokenSpans } from "../../text/tokens";
import { CodePointText } from "../code-point-text";
import { layersForExport, type LayerSelection, type NamedLayer } from "../layers";
import { DEFAULT_LABELS, type ImportedArticle } from "../model";
import type { Source } from "../stream";

export interface ConllWriterOptions {
  layer?: LayerSelection;
  /** One IOB2 column per label, in this order (default QUOTE, CLAIM, ACTOR). */
  labels?: readonly string[];
}

export interface Token {
  text: string;
  start: number;
  end: number;
  /** True when a paragraph break precedes this token. */
  paragraphStart: boolean;
}

/** Tokens with code-point offsets: lib/text's tokens (the kappas' unit), plus paragraph starts. */
export function tokenize(text: string): Token[] {
  const indexed = new CodePointText(text);
  let previousEnd = 0;
  return tokenSpans(text).map((span, i) => {
    const gap = indexed.slice(previousEnd, span.start);
    previousEnd = span.end;
    return { text: indexed.slice(span.start, span.end), start: span.start, end: span.end, paragraphStart: i > 0 && lineBreaks(gap) >= 2 };
  });
}

/** Line breaks in a run of white space: CRLF counts once, U+2029 (paragraph separator) twice. */
function lineBreaks(gap: string): number {
  let count = 0;
  for (const match of gap.matchAll(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/g)) count += match[0] === "\u2029" ? 2 : 1;
  return count;
}

/** IOB2 tags for one label over the tokens. */
export function iobColumn(tokens: readonly Token[], spans: readonly { start: number; end: number }[], label: string): string[] {
  const tags = new Array<string>(tokens.length).fill("O");
  const ranges: [number, number][] = [];
  for (const span of spans) {
    const first = firstTokenEndingAfter(tokens, span.start);
    let last = first - 1;
    while (last + 1 < tokens.length && tokens[last + 1].start < span.end) last++;
    if (last >= first) ranges.push([first, last]);
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let open = -1;
  for (const [first, last] of ranges) {
    if (first <= open) {
      // Shares tokens with the previous chunk of this label: extend it.
      for (let i = open + 1; i <= last; i++) tags[i] = `I-${label}`;
      open = Math.max(open, last);
      continue;
    }
    tags[first] = `B-${label}`;
    for (let i = first + 1; i <= last; i++) tags[i] = `I-${label}`;
    open = last;
  }
  return tags;
}

function firstTokenEndingAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function conllHeader(labels: readonly string[]): string {
  return `# global.columns = TOKEN START END ${labels.join(" ")}\n`;
}

/** One document block (comments, tokens, trailing blank line) for one layer. */
export function conllDocument(article: ImportedArticle, layer: NamedLayer, labels: readonly string[], tokens = tokenize(article.text)): string {
  const unknown = layer.spans.find((span) => !labels.includes(span.label));
  if (unknown) throw new RangeError(`label ${unknown.label} has no column; pass it in labels`);
  const columns = labels.map((label) => iobColumn(tokens, layer.spans.filter((span) => span.label === label), label));
  const lines = [`# doc_id = ${oneLine(article.id)}`, `# layer = ${oneLine(layer.name)}`];
  tokens.forEach((token, i) => {
    // A chunk cannot cross a blank line, so a span across a paragraph break keeps the paragraphs together.
    if (token.paragraphStart && !columns.some((column) => column[i].startsWith("I-"))) lines.push("");
    lines.push([token.text, token.start, token.end, ...columns.map((column) => column[i])].join("\t"));
  });
  return lines.join("\n") + "\n\n";
}

function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, " ");
}

export async function* writeConll(articles: Source<ImportedArticle>, options: ConllWriterOptions = {}): AsyncGenerator<string> {
  const labels = options.labels ?? DEFAULT_LABELS;
  yield conllHeader(labels);
  for await (const article of articles) {
    const layers = layersForExport(article, options.layer);
    if (!layers.length) continue;
    const tokens = tokenize(article.text);
    for (const layer of layers) yield conllDocument(article, layer, labels, tokens);
  }
}
