// Timestamps and e-mail addresses as survey tools export them: is this text one at all?

/** Accepts the date formats survey tools export (ISO, US and UK slashes, Excel text); false for junk. */
export function isPlausibleDate(s: string): boolean {
  const iso = isoDateCheck(s);
  if (iso !== null) return iso;
  // The common shapes (2026-03-02 10:04, 2026/03/02 10:15:32 AM GMT, 3/2/26 10:01) without Date.parse.
  const quick = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}|$)/.exec(s);
  if (quick)
    return Number(quick[2]) >= 1 && Number(quick[2]) <= 12 && Number(quick[3]) >= 1 && Number(quick[3]) <= 31;
  if (!Number.isNaN(Date.parse(s))) return true;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})(\s+\d{1,2}:\d{2}(:\d{2})?(\s*[AP]M)?)?$/i.exec(s.trim());
  if (!m) return false;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return a >= 1 && b >= 1 && ((a <= 12 && b <= 31) || (a <= 31 && b <= 12));
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The first test of isPlausibleDate, /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}|$)/,
 * read without a regular expression (it runs once per response): whether month and day are in
 * range when the text has that shape, null when it does not.
 */
export function isoDateCheck(s: string): boolean | null {
  const n = s.length;
  if (n < 8) return null;
  for (let i = 0; i < 4; i++) if (!isDigit(s.charCodeAt(i))) return null;
  const sep = (c: number) => c === 45 || c === 47 || c === 46;
  if (!sep(s.charCodeAt(4))) return null;
  let i = 5;
  let month = 0;
  let day: number;
  const start1 = i;
  while (i < n && i < start1 + 2 && isDigit(s.charCodeAt(i))) month = month * 10 + s.charCodeAt(i++) - 48;
  if (i === start1 || i >= n || !sep(s.charCodeAt(i))) return null;
  const start2 = ++i;
  // \d{1,2} backtracks: the day may be one digit when the rest only fits that way.
  const digits: number[] = [];
  while (i < n && i < start2 + 2 && isDigit(s.charCodeAt(i))) digits.push(s.charCodeAt(i++) - 48);
  if (digits.length === 0) return null;
  const rest = (at: number) => {
    if (at === n) return true;
    const c = s.charCodeAt(at);
    if (c !== 32 && c !== 84) return false;
    let j = at + 1;
    const h = j;
    while (j < n && j < h + 2 && isDigit(s.charCodeAt(j))) j++;
    // \d{1,2}: with two hour digits, one may also do (then ':' must follow the first).
    const ok = (end: number) =>
      end > h && s.charCodeAt(end) === 58 && isDigit(s.charCodeAt(end + 1)) && isDigit(s.charCodeAt(end + 2));
    return ok(j) || (j - h === 2 && ok(h + 1));
  };
  if (digits.length === 2 && rest(i)) day = digits[0]! * 10 + digits[1]!;
  else if (rest(start2 + 1)) day = digits[0]!;
  else return null;
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** The characters of \s in a regular expression (and of String.prototype.trim). */
function isSpace(c: number): boolean {
  return c <= 32
    ? c === 32 || (c >= 9 && c <= 13)
    : c >= 0xa0 &&
        (c === 0xa0 ||
          c === 0x1680 ||
          (c >= 0x2000 && c <= 0x200a) ||
          c === 0x2028 ||
          c === 0x2029 ||
          c === 0x202f ||
          c === 0x205f ||
          c === 0x3000 ||
          c === 0xfeff);
}

/**
 * /^[^@\s]+@[^@\s]+\.[^@\s]+$/ without a regular expression (once per response): no white space,
 * one '@' with text before it, and a '.' after it with text on both sides.
 */
export function isEmail(s: string): boolean {
  const n = s.length;
  let at = -1;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 64) {
      if (at >= 0) return false;
      at = i;
    } else if (c !== 46 && isSpace(c)) return false;
  }
  if (at < 1) return false;
  const dot = s.indexOf('.', at + 2);
  return dot >= 0 && dot < n - 1;
}
