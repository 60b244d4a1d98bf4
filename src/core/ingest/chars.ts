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

/**
 * A "?" standing for a letter: what Excel writes for a letter its "CSV (Comma delimited)" cannot
 * hold ("?ukasz" for Łukasz, "Bj?rn"), not a question mark after a word ("Dr Patel?").
 */
export const LOST_LETTER = /\p{L}\?\p{L}|(^|[\s(])\?\p{L}/u;

/** Every "?" that stands for a letter, as LOST_LETTER finds one. */
const LOST_LETTERS = /(?<=\p{L})\?(?=\p{L})|(?<=^|[\s(])\?(?=\p{L})/gu;

/**
 * The text without its lost letters ("ukasz Winiewski" of "?ukasz Wi?niewski"): each word one
 * letter short, which matching forgives as a typo, where a "?" would split it in two.
 */
export function withoutLostLetters(text: string): string {
  return text.replace(LOST_LETTERS, '');
}

/** The warning for a file whose names have lost letters so (once per file). */
export function lostLetterMessage(example: string): string {
  return `"${example.slice(0, 60)}" has a "?" where a letter should be: the file was saved in an encoding without that letter (Excel's "CSV (Comma delimited)" rather than "CSV UTF-8"), so such names cannot be read as written. Save it again as "CSV UTF-8" and run again.`;
}
