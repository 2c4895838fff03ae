/**
 * Defaults for article fields that some formats do not carry (brat, doccano
 * and the native format without a title).
 */

const TITLE_MAX_CODE_POINTS = 200;

/** The first non-blank line of the text, trimmed and cut to 200 code points. */
export function deriveTitle(text: string): string {
  for (const line of text.split(/\r\n|\r|\n|\u2028|\u2029/)) {
    const trimmed = line.trim();
    if (trimmed) {
      const points = Array.from(trimmed);
      return points.length > TITLE_MAX_CODE_POINTS
        ? points.slice(0, TITLE_MAX_CODE_POINTS - 1).join("") + "…"
        : trimmed;
    }
  }
  return "(untitled)";
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}/;

/**
 * `published_at` is a calendar date. A full ISO 8601 timestamp is accepted and
 * cut to its date as written (no time-zone conversion), with a warning.
 */
export function normalizePublishedAt(
  value: string,
): { ok: true; date: string; truncated: boolean } | { ok: false; message: string } {
  const trimmed = value.trim();
  const dateTime = DATE_TIME.exec(trimmed);
  const date = dateTime ? dateTime[1] : trimmed;
  const match = DATE.exec(date);
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const probe = new Date(Date.UTC(y, m - 1, d));
    if (probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d) {
      return { ok: true, date, truncated: date !== value };
    }
  }
  return { ok: false, message: `published_at ${JSON.stringify(value)} is not a date (YYYY-MM-DD)` };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Problems PostgreSQL would refuse in the middle of a batch insert: NUL
 * characters (text and jsonb cannot hold U+0000) and unpaired surrogates
 * (not encodable in UTF-8). Checked here so the file fails as a whole, early.
 */
export function unstorableTextProblem(value: string, what: string): string | null {
  const nul = value.indexOf("\u0000");
  if (nul >= 0) return `${what} contains a NUL character (U+0000), which cannot be stored`;
  if (LONE_SURROGATE.test(value)) return `${what} contains an unpaired surrogate, which is not valid Unicode`;
  return null;
}

/** The same check over any JSON value (meta, attributes). */
export function unstorableJsonProblem(value: unknown, what: string): string | null {
  if (typeof value === "string") return unstorableTextProblem(value, what);
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = unstorableJsonProblem(item, what);
      if (problem) return problem;
    }
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const problem = unstorableTextProblem(key, what) ?? unstorableJsonProblem(item, what);
      if (problem) return problem;
    }
  }
  return null;
}

/** A JSON value cut for an error message. */
export function preview(value: string, max = 60): string {
  const points = Array.from(value);
  const cut = points.length > max ? points.slice(0, max).join("") + "…" : value;
  return JSON.stringify(cut);
}
