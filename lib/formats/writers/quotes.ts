/**
 * Attributed quotes and claims, one a line, as `sourcemark quotes` prints them (DESIGN.md
 * "Command line"): JSON lines, or CSV with a header (cells guarded against formula injection).
 */
import { csvCell } from "./csv";

export type QuoteRecord = {
  article: string;
  outlet: string | null;
  published_at: string | null;
  label: string;
  start: number;
  end: number;
  text: string;
  speaker: string | null;
  cluster: string;
  layer: string;
};

export const QUOTE_FIELDS = ["article", "outlet", "published_at", "label", "start", "end", "text", "speaker", "cluster", "layer"] as const;

export function quoteJsonLine(record: QuoteRecord): string {
  return JSON.stringify(Object.fromEntries(QUOTE_FIELDS.map((field) => [field, record[field]])));
}

export function quoteCsvHeader(): string {
  return QUOTE_FIELDS.join(",");
}

export function quoteCsvLine(record: QuoteRecord): string {
  return QUOTE_FIELDS.map((field) => csvCell(record[field])).join(",");
}

/** The whole file: lines joined with LF (JSON lines) or CRLF (CSV, RFC 4180), ending with one. */
export function writeQuotes(records: readonly QuoteRecord[], format: "jsonl" | "csv"): string {
  if (format === "jsonl") return records.map((record) => `${quoteJsonLine(record)}\n`).join("");
  return [quoteCsvHeader(), ...records.map(quoteCsvLine)].map((line) => `${line}\r\n`).join("");
}
