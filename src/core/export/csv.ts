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
  const text = cellText(value);
  return quoteCsv(typeof value === 'number' ? text : neutraliseFormula(text));
}

/**
 * Writes rows as CSV with the given columns in order (header first, CRLF line ends, a final CRLF).
 * Missing, null and undefined cells are empty; numbers are plain numbers; every text cell is
 * formula-safe. Header names go through the same neutralising as cells.
 */
export function toCsv(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  const lines = [columns.map(csvCell).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}
