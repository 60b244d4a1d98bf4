// Formula-safe CSV writing (RFC 4180, CRLF): what the CLI and the app hand to spreadsheets.
// A cell a spreadsheet would run as a formula is neutralised; genuine numbers stay numbers.

/** Text that is a plain decimal number (optionally negative, optional exponent) is data, not a formula. */
const PLAIN_NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Characters that make Excel, LibreOffice or Google Sheets evaluate a cell (OWASP's list), plus
 * their full-width forms, which some spreadsheets normalise before parsing.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Renders a number as a spreadsheet reads it: no NaN/Infinity (empty instead), no "-0". */
function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Object.is(n, -0)) return '0';
  return String(n);
}

/** Turns any value into cell text before neutralising: arrays join with "; ", objects become JSON. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (Array.isArray(value)) return value.map(cellText).join('; ');
  return JSON.stringify(value);
}

/**
 * Prefixes a `'` to text a spreadsheet would run as a formula. Leading spaces are looked through
 * because some spreadsheets trim them before parsing. Plain numbers ("-3.5") are left alone.
 */
export function neutraliseFormula(text: string): string {
  if (PLAIN_NUMBER.test(text)) return text;
  const trimmed = text.replace(/^ +/, '');
  if (FORMULA_START.test(trimmed)) return `'${text}`;
  return text;
}

/** RFC 4180: quote when the cell holds a comma, quote, CR or LF; double the quotes inside. */
export function quoteCsv(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One finished cell: text, neutralised, quoted. Numbers skip neutralising: they are never formulas. */
export function csvCell(value: unknown): string {
  if (typeof value === 'string') return textCell(value);
  const text = cellText(value);
  return quoteCsv(typeof value === 'number' ? text : neutraliseFormula(text));
}

/**
 * csvCell of a text, the common case of a 100,000-row export: text that cannot start a formula
 * (its first character is none of FORMULA_START's nor a space) is only checked for quoting.
 */
function textCell(text: string): string {
  if (text === '') return '';
  const c = text.charCodeAt(0);
  const maybeFormula =
    c === 32 || c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 || c >= 0xff0b;
  return quoteCsv(maybeFormula ? neutraliseFormula(text) : text);
}

/**
 * Writes rows as CSV with the given columns in order (header first, CRLF line ends, a final CRLF).
 * Missing, null and undefined cells are empty; numbers are plain numbers; every text cell is
 * formula-safe. Header names go through the same neutralising as cells.
 */
export function toCsv(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  return csvText(
    columns,
    rows.map((row) => columns.map((c) => row[c])),
  );
}

/** toCsv for rows already laid out as arrays of cells in the header's order. */
export function csvText(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const out = new CsvLines();
  out.push(csvLine(header));
  for (const row of rows) out.push(csvLine(row));
  return out.text();
}

/**
 * Lines of a CSV file joined as they come, a few thousand at a time: a 400,000-row file keeps a
 * few hundred flat pieces alive instead of every line until the end (which the garbage
 * collector would otherwise carry into the old generation). Each line ends with CRLF.
 */
export class CsvLines {
  private lines: string[] = [];
  private readonly pieces: string[] = [];

  push(line: string): void {
    this.lines.push(line);
    if (this.lines.length === 2048) this.flush();
  }

  text(): string {
    this.flush();
    return this.pieces.join('');
  }

  private flush(): void {
    if (this.lines.length === 0) return;
    this.pieces.push(this.lines.join('\r\n') + '\r\n');
    this.lines = [];
  }
}

/** One CSV line (no line end) of finished cells. */
export function csvLine(cells: readonly unknown[]): string {
  if (cells.length === 0) return '';
  let line = csvCell(cells[0]);
  for (let c = 1; c < cells.length; c++) line += ',' + csvCell(cells[c]);
  return line;
}
