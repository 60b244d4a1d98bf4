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

/** The characters that make a cell need quotes (RFC 4180). */
const QUOTABLE = /[",\r\n]/;

/** RFC 4180: quote when the cell holds a comma, quote, CR or LF; double the quotes inside. */
export function quoteCsv(text: string): string {
  return QUOTABLE.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
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
  return quoteCsv(mayStartFormula(text) ? neutraliseFormula(text) : text);
}

/** Whether neutraliseFormula could change the text: its first character is one FORMULA_START lists or a space. */
function mayStartFormula(text: string): boolean {
  const c = text.charCodeAt(0);
  return c === 32 || c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 || c >= 0xff0b;
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
  const out = new CsvBytes();
  out.row(header);
  for (const row of rows) out.row(row);
  return new TextDecoder().decode(out.bytes());
}

const utf8 = new TextEncoder();

/**
 * CSV rows written straight into UTF-8 bytes, CRLF after each: a 400,000-row edges.csv is one
 * growing buffer rather than 400,000 line strings joined and then encoded again to write them.
 */
export class CsvBytes {
  private buffer = new Uint8Array(1 << 16);
  private length = 0;

  /** A row of values, each written as csvCell would make it. */
  row(cells: readonly unknown[]): void {
    for (let c = 0; c < cells.length; c++) {
      if (c > 0) this.comma();
      this.value(cells[c]);
    }
    this.endRow();
  }

  /**
   * One value as csvCell would make it, without making the cell's text first in the common cases
   * (text that needs neither neutralising nor quotes, numbers, booleans, empty cells).
   */
  value(value: unknown): void {
    if (typeof value === 'string') {
      if (value === '') return;
      if (mayStartFormula(value) || !this.unquoted(value)) this.cell(textCell(value));
    } else if (typeof value === 'number')
      this.cell(formatNumber(value)); // never a formula, never quoted
    else if (typeof value === 'boolean') this.cell(value ? 'true' : 'false');
    else if (value !== null && value !== undefined) this.cell(csvCell(value));
  }

  /** Appends a finished cell's text (csvCell's result) as it is. */
  cell(text: string): void {
    this.write(text, false);
  }

  comma(): void {
    if (this.length + 1 > this.buffer.length) this.reserve(1);
    this.buffer[this.length++] = 44;
  }

  endRow(): void {
    if (this.length + 2 > this.buffer.length) this.reserve(2);
    this.buffer[this.length++] = 13;
    this.buffer[this.length++] = 10;
  }

  /** The file so far (a view of the buffer, valid until more is written). */
  bytes(): Uint8Array<ArrayBuffer> {
    return this.buffer.subarray(0, this.length);
  }

  /** Writes text that needs no quotes and says true; writes nothing and says false if it needs them. */
  private unquoted(text: string): boolean {
    return this.write(text, true);
  }

  /**
   * ASCII, almost every cell, is copied code by code; the first other character hands the rest of
   * the text to the encoder. With `stopAtQuotable`, a comma, quote or line break undoes the write.
   */
  private write(text: string, stopAtQuotable: boolean): boolean {
    if (this.length + text.length * 3 > this.buffer.length) this.reserve(text.length * 3);
    const buffer = this.buffer;
    let at = this.length;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0x80) {
        const rest = text.slice(i);
        if (stopAtQuotable && QUOTABLE.test(rest)) return false;
        at += utf8.encodeInto(rest, buffer.subarray(at)).written;
        break;
      }
      if (stopAtQuotable && (code === 44 || code === 34 || code === 10 || code === 13)) return false;
      buffer[at++] = code;
    }
    this.length = at;
    return true;
  }

  private reserve(more: number): void {
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + more));
    grown.set(this.bytes());
    this.buffer = grown;
  }
}
