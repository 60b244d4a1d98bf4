// Character classes used by the hand-rolled fast paths of ingest, so they agree with the regular
// expressions and String.prototype.trim that the general paths use.

/** The characters of \s in a regular expression (and those String.prototype.trim removes). */
export function isSpace(c: number): boolean {
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
