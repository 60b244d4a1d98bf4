// Timestamps and e-mail addresses as survey tools export them: is this text one at all?
import { isSpace } from './chars';

/** Accepts the date formats survey tools export (ISO, US and UK slashes, Excel text); false for junk. */
export function isPlausibleDate(s: string): boolean {
  const iso = isoDateCheck(s);
  if (iso !== null) return iso;
  // The common shapes (2026-03-02 10:04, 2026/03/02 10:15:32 AM GMT, 3/2/26 10:01) without Date.parse.
  const quick = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}|$)/.exec(s);
  if (quick)
    return Number(quick[2]) >= 1 && Number(quick[2]) <= 12 && Number(quick[3]) >= 1 && Number(quick[3]) <= 31;
  const sheet = spreadsheetDateMs(s);
  if (sheet !== undefined) return !Number.isNaN(sheet);
  if (!Number.isNaN(Date.parse(s))) return true;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})(\s+\d{1,2}:\d{2}(:\d{2})?(\s*[AP]\.?M\.?)?)?$/i.exec(
    s.trim(),
  );
  if (!m) return false;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return a >= 1 && b >= 1 && ((a <= 12 && b <= 31) || (a <= 31 && b <= 12));
}

/** Milliseconds since 1970 of a timestamp isPlausibleDate accepts, or NaN when the engine cannot tell. */
export function timestampMs(s: string): number {
  return spreadsheetDateMs(s) ?? Date.parse(s.replace(/\b([ap])\.m\.?/i, '$1m'));
}

/** How a file writes dates such as 02/03/2026: day first (the UK's) or month first (the US's). */
export type SlashOrder = 'day-first' | 'month-first';

const SLASH_DATE =
  /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?!\d)(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap])?\.?m?\.?)?/i;

/** Milliseconds of a slash date read in `order` (as UTC: only the order within a file matters); NaN for other shapes. */
export function slashDateMs(s: string, order: SlashOrder): number {
  const m = SLASH_DATE.exec(s);
  return m ? slashMatchMs(m, order) : NaN;
}

function slashMatchMs(m: RegExpExecArray, order: SlashOrder): number {
  const a = Number(m[1]);
  const b = Number(m[2]);
  const [day, month] = order === 'day-first' ? [a, b] : [b, a];
  if (month < 1 || month > 12 || day < 1 || day > 31) return NaN;
  const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  let hour = m[4] ? Number(m[4]) : 0;
  const pm = m[7]?.toLowerCase() === 'p';
  if (m[7] && hour === 12) hour = 0;
  if (pm) hour += 12;
  return Date.UTC(year, month - 1, day, hour, m[5] ? Number(m[5]) : 0, m[6] ? Number(m[6]) : 0);
}

/**
 * The day/month order of one file's slash dates (the engine reads 02/03/2026 as 3 February and
 * 13/03/2026 as no date, so a UK export's resubmissions were kept in the wrong order). A first
 * number over 12 anywhere makes the file day-first, a second one month-first. When every date
 * fits both, the order under which the rows run forward in time (as survey tools write them) is
 * taken, and with no difference day-first, as in the UK. `decided` says which of these it was.
 * Null when the file has no slash dates, or both kinds (each date is then read as the engine reads it).
 */
export function slashOrderOf(
  timestamps: readonly string[],
): { order: SlashOrder; decided: 'by-date' | 'by-row-order' | 'by-default' } | null {
  // Each timestamp is matched once; the row-order test reads the matches both ways.
  const dates: RegExpExecArray[] = [];
  let dayFirst = false;
  let monthFirst = false;
  for (const s of timestamps) {
    const m = SLASH_DATE.exec(s);
    if (!m) continue;
    dates.push(m);
    if (Number(m[1]) > 12) dayFirst = true;
    if (Number(m[2]) > 12) monthFirst = true;
  }
  if (dates.length === 0 || (dayFirst && monthFirst)) return null;
  if (dayFirst) return { order: 'day-first', decided: 'by-date' };
  if (monthFirst) return { order: 'month-first', decided: 'by-date' };
  const backwards = (order: SlashOrder) => {
    let count = 0;
    let last = -Infinity;
    for (const m of dates) {
      const t = slashMatchMs(m, order);
      if (Number.isNaN(t)) continue;
      if (t < last) count++;
      last = t;
    }
    return count;
  };
  const dayBack = backwards('day-first');
  const monthBack = backwards('month-first');
  if (dayBack === monthBack) return { order: 'day-first', decided: 'by-default' };
  return { order: dayBack < monthBack ? 'day-first' : 'month-first', decided: 'by-row-order' };
}

/** Excel's serial day of 1970-01-01 (its 1900 date system). */
const EXCEL_DAY_OF_1970 = 25569;

/** Milliseconds since 1970 of an Excel serial day (46083.42 is 2 March 2026, 10:04 UTC). */
export function excelSerialMs(serial: number): number {
  return Math.round((serial - EXCEL_DAY_OF_1970) * 86_400_000);
}

/**
 * A date in the shapes spreadsheets leave: an Excel serial day (a sheet re-saved as CSV; taken for
 * 1970–2100) or a compact 20260302. Its milliseconds; NaN when the shape is there but no date
 * (20261302); undefined when it is neither shape.
 */
function spreadsheetDateMs(s: string): number | undefined {
  if (/^\d{5}(\.\d+)?$/.test(s)) {
    const serial = Number(s);
    return serial >= EXCEL_DAY_OF_1970 && serial < 73051 ? excelSerialMs(serial) : NaN;
  }
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!compact) return undefined;
  const month = Number(compact[2]);
  const day = Number(compact[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31
    ? Date.UTC(Number(compact[1]), month - 1, day)
    : NaN;
}

// Module-level helpers, not closures: under tsx (keepNames) every closure made inside a function
// costs a defineProperty per call, and isoDateCheck runs once per response.
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isDateSeparator(c: number): boolean {
  return c === 45 || c === 47 || c === 46; // - / .
}

/** `\d{1,2}:\d{2}` where the hour digits end at `end` (exclusive) and start at `h`. */
function hourEndsAt(s: string, h: number, end: number): boolean {
  return (
    end > h && s.charCodeAt(end) === 58 && isDigit(s.charCodeAt(end + 1)) && isDigit(s.charCodeAt(end + 2))
  );
}

/** `(?:[ T]\d{1,2}:\d{2}|$)` at `at`. */
function timeOrEndAt(s: string, at: number): boolean {
  const n = s.length;
  if (at === n) return true;
  const c = s.charCodeAt(at);
  if (c !== 32 && c !== 84) return false;
  const h = at + 1;
  let j = h;
  while (j < n && j < h + 2 && isDigit(s.charCodeAt(j))) j++;
  // \d{1,2}: with two hour digits, one may also do (then ':' must follow the first).
  return hourEndsAt(s, h, j) || (j - h === 2 && hourEndsAt(s, h, h + 1));
}

/**
 * The first test of isPlausibleDate, /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}|$)/,
 * read without a regular expression (it runs once per response): whether month and day are in
 * range when the text has that shape, null when it does not.
 */
export function isoDateCheck(s: string): boolean | null {
  const n = s.length;
  if (n < 8) return null;
  for (let i = 0; i < 4; i++) if (!isDigit(s.charCodeAt(i))) return null;
  if (!isDateSeparator(s.charCodeAt(4))) return null;
  let i = 5;
  let month = 0;
  while (i < n && i < 7 && isDigit(s.charCodeAt(i))) month = month * 10 + s.charCodeAt(i++) - 48;
  if (i === 5 || i >= n || !isDateSeparator(s.charCodeAt(i))) return null;
  const start2 = ++i;
  // \d{1,2} backtracks: the day may be one digit when the rest only fits that way.
  let digits = 0;
  let day2 = 0;
  while (i < n && i < start2 + 2 && isDigit(s.charCodeAt(i))) {
    day2 = day2 * 10 + s.charCodeAt(i++) - 48;
    digits++;
  }
  if (digits === 0) return null;
  let day: number;
  if (digits === 2 && timeOrEndAt(s, i)) day = day2;
  else if (timeOrEndAt(s, start2 + 1)) day = s.charCodeAt(start2) - 48;
  else return null;
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** What emailHash returns for text that is not an e-mail address. */
export const NOT_EMAIL = -1;
/** What emailHash returns for an e-mail address that lowerCase would change (capitals, non-ASCII). */
export const NEEDS_LOWER_CASE = -2;

/**
 * /^[^@\s]+@[^@\s]+\.[^@\s]+$/ without a regular expression (once per response): no white space,
 * one '@' with text before it, and a '.' after it with text on both sides.
 */
export function isEmail(s: string): boolean {
  return emailHash(s) !== NOT_EMAIL;
}

/**
 * isEmail, lowerCase's question and hashString in one pass (screening reads every e-mail once,
 * and reading the characters of 100,000 cells costs more than the arithmetic): hashString(s)
 * when `s` is an e-mail already in lower-case ASCII, else NOT_EMAIL or NEEDS_LOWER_CASE.
 */
export function emailHash(s: string): number {
  const n = s.length;
  let at = -1;
  let lower = true;
  let h = FNV_OFFSET;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    h = Math.imul(h ^ c, FNV_PRIME);
    if (c === 64) {
      if (at >= 0) return NOT_EMAIL;
      at = i;
    } else if (c !== 46 && isSpace(c)) return NOT_EMAIL;
    else if ((c >= 65 && c <= 90) || c >= 128) lower = false; // as lowerCase decides
  }
  if (at < 1) return NOT_EMAIL;
  const dot = s.indexOf('.', at + 2);
  if (dot < 0 || dot >= n - 1) return NOT_EMAIL;
  return lower ? h & 0x7fffffff : NEEDS_LOWER_CASE;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** A 31-bit FNV-1a hash of the UTF-16 code units (equal texts, equal hashes; for StringTable). */
export function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h & 0x7fffffff;
}

/**
 * A string-to-integer map for keys whose hash the caller already has (see emailHash): open
 * addressing over typed arrays, so 100,000 keys cost no hashing by the engine and no entry
 * objects. get/set agree with a Map<string, number> whatever the hashes, colliding or not.
 */
export class StringTable {
  private slots = new Int32Array(1024);
  private readonly keys: string[] = [];
  private readonly hashes: number[] = [];
  private readonly values: number[] = [];

  /** The value set for `key` (whose hash is `h`), or -1. */
  get(key: string, h: number): number {
    const e = this.find(key, h);
    return e < 0 ? -1 : this.values[e]!;
  }

  set(key: string, h: number, value: number): void {
    const e = this.find(key, h);
    if (e >= 0) {
      this.values[e] = value;
      return;
    }
    this.keys.push(key);
    this.hashes.push(h);
    this.values.push(value);
    // At most half full, so probes stay short.
    if (this.keys.length * 2 > this.slots.length) this.grow();
    else this.place(this.keys.length - 1);
  }

  private find(key: string, h: number): number {
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const e = this.slots[slot]! - 1;
      if (e < 0) return -1;
      if (this.hashes[e] === h && this.keys[e] === key) return e;
    }
  }

  private place(e: number): void {
    const mask = this.slots.length - 1;
    let slot = this.hashes[e]! & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = e + 1;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let e = 0; e < this.keys.length; e++) this.place(e);
  }
}
