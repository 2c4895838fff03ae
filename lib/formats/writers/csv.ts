/**
 * CSV (RFC 4180: comma, CRLF between records, fields quoted when they hold a
 * comma, quote, CR or LF, quotes doubled). Text inside a field is kept exactly,
 * line ends included.
 *
 * Formula injection: spreadsheets run a cell that starts with = + - @ (or tab,
 * CR) as a formula, and article text is untrusted. Such a string cell gets a
 * leading apostrophe ("'=cmd") unless it is a plain number ("-3.5"); so that
 * this stays reversible, a cell that already starts with apostrophes followed
 * by one of those characters gets one more. `unguardCsvCell` undoes it
 * exactly: strip one apostrophe from a cell matching /^'+[=+\-@\t\r]/. Numbers
 * (offsets) are never touched.
 */

const FORMULA_START = /^'*[=+\-@\t\r]/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

export function guardCsvCell(value: string): string {
  return FORMULA_START.test(value) && !NUMBER.test(value) ? `'${value}` : value;
}

export function unguardCsvCell(value: string): string {
  return /^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  const guarded = guardCsvCell(value);
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function csvRow(cells: readonly (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(",") + "\r\n";
}

/** RFC 4180 parser (for tests and for callers re-reading our exports). */
export function parseCsv(input: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i++;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && input[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
    i++;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
