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
