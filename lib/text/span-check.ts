import { OffsetIndex } from "./code-points";

export interface SpanToCheck {
  /** Code point offset, inclusive. */
  start: number;
  /** Code point offset, exclusive. */
  end: number;
  /** The covered text the span claims; when absent only the bounds are checked. */
  text?: string;
}

export type SpanProblem =
  | { code: "not_integer"; field: "start" | "end"; message: string }
  | { code: "negative"; field: "start" | "end"; message: string }
  | { code: "empty_or_reversed"; message: string }
  | { code: "out_of_range"; length: number; message: string }
  | {
      code: "text_mismatch";
      /** The text the span says it covers. */
      expected: string;
      /** The text the article actually has at [start, end). */
      actual: string;
      message: string;
    };

export type SpanCheckCode = SpanProblem["code"];

export type SpanCheck = { ok: true } | ({ ok: false } & SpanProblem);

const QUOTE_LIMIT = 60;

/** Quotes a text for a message, cut at a code point (never inside a surrogate pair). */
function quote(text: string): string {
  const points = Array.from(text);
  const shown = points.length > QUOTE_LIMIT ? points.slice(0, QUOTE_LIMIT).join("") + "…" : text;
  return JSON.stringify(shown);
}

function checkBound(field: "start" | "end", value: unknown): SpanCheck | null {
  if (typeof value !== "number" || !Number.isInteger(value)) {
    return { ok: false, code: "not_integer", field, message: `${field} must be an integer, got ${String(value)}` };
  }
  if (value < 0) {
    return { ok: false, code: "negative", field, message: `${field} must not be negative, got ${value}` };
  }
  return null;
}

/**
 * Checks a span against an article's text (offsets in code points, end exclusive).
 * Imports and the API refuse a span that fails; the editor shows a span whose
 * covered text no longer matches as an orphan instead of drawing it elsewhere.
 * Pass an OffsetIndex when checking many spans against one long text.
 */
export function checkSpan(source: string | OffsetIndex, span: SpanToCheck): SpanCheck {
  const bad = checkBound("start", span.start) ?? checkBound("end", span.end);
  if (bad) return bad;
  const { start, end } = span;
  if (end <= start) {
    return {
      ok: false,
      code: "empty_or_reversed",
      message:
        end === start
          ? `the span is empty: start and end are both ${start}`
          : `end (${end}) comes before start (${start})`,
    };
  }
  const offsets = typeof source === "string" ? new OffsetIndex(source) : source;
  if (end > offsets.length) {
    return {
      ok: false,
      code: "out_of_range",
      length: offsets.length,
      message: `end (${end}) is past the end of the text, which has ${offsets.length} code points`,
    };
  }
  if (span.text === undefined) return { ok: true };
  const actual = offsets.slice(start, end);
  if (actual === span.text) return { ok: true };
  return {
    ok: false,
    code: "text_mismatch",
    expected: span.text,
    actual,
    message: `the span ${start}–${end} should cover ${quote(span.text)}, but the text there is ${quote(actual)}`,
  };
}
