// Decode bytes in whatever encoding a survey tool or Excel wrote, and parse CSV with papaparse.
// Shared by every reader (surveys, rosters, appraisals, satisfaction, edge lists).
import Papa from 'papaparse';
import { InputError, type QualityCollector } from '../quality';

/** The longest text the engine holds as one string (V8's limit, 2^29 - 24 characters). */
export const MAX_STRING_CHARS = 2 ** 29 - 24;

export interface DecodedText {
  text: string;
  /**
   * `macintosh`: Mac Roman, as old Mac Excel writes "CSV (Macintosh)"; `windows-1250`: Excel's
   * "CSV" on Central European Windows (Polish, Czech, Hungarian names).
   */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'windows-1250' | 'macintosh';
  /**
   * UTF-8 text with a few bytes that are not (a Windows-1252 "é" pasted into a UTF-8 export):
   * those bytes were read as Windows-1252 (`at`: where the first few are in the text), so the
   * rest of the file keeps its UTF-8 reading.
   */
  repaired?: { bytes: number; at: number[] };
  /** The file began with a UTF-16 mark over text that is not UTF-16 (a program wrote the wrong mark). */
  wrongMark?: boolean;
}

/**
 * BOM first; then strict UTF-8; then, for text that is UTF-8 but for a few stray bytes, UTF-8 with
 * those bytes read as Windows-1252; otherwise Windows-1252 (Excel's "CSV" on Western Windows).
 */
export function decodeText(data: Uint8Array | string): DecodedText {
  if (typeof data === 'string') return { text: data.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff)) {
    const unmarked = textUnderWrongMark(data);
    if (unmarked !== null) return { ...unmarked, wrongMark: true };
  }
  if (data[0] === 0xff && data[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(data.subarray(2)), encoding: 'utf-16le' };
  if (data[0] === 0xfe && data[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(data.subarray(2)), encoding: 'utf-16be' };
  // UTF-16 written without its BOM: ASCII text then has a zero byte beside every character.
  if (data.length >= 4 && data[0] !== 0 && data[1] === 0 && data[2] !== 0 && data[3] === 0)
    return { text: new TextDecoder('utf-16le').decode(data), encoding: 'utf-16le' };
  if (data.length >= 4 && data[0] === 0 && data[1] !== 0 && data[2] === 0 && data[3] !== 0)
    return { text: new TextDecoder('utf-16be').decode(data), encoding: 'utf-16be' };
  const start = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true }).decode(data.subarray(start)),
      encoding: 'utf-8',
    };
  } catch {
    const mixed = decodeMostlyUtf8(data.subarray(start));
    if (mixed) return { text: mixed.text, encoding: 'utf-8', repaired: mixed.repaired };
    const single = likeliestSingleByte(data);
    if (single === 'macintosh') return { text: decodeSingleByte(data, MAC_ROMAN_HIGH), encoding: single };
    if (single === 'windows-1250') return { text: decodeSingleByte(data, CP1250_HIGH), encoding: single };
    return { text: decodeWindows1252(data), encoding: 'windows-1252' };
  }
}

/**
 * The text after a UTF-16 mark, when it is not UTF-16: UTF-16 text of a survey (Latin letters,
 * digits, delimiters) has a zero byte beside most characters, so a head with next to none was
 * written with the wrong mark (its text is UTF-8, mostly). Null when it is UTF-16.
 */
function textUnderWrongMark(data: Uint8Array): DecodedText | null {
  const head = data.subarray(2, Math.min(data.length, 4098));
  let zeros = 0;
  for (const b of head) if (b === 0) zeros++;
  if (head.length < 8 || zeros * 10 > head.length) return null;
  // Read as if the mark were not there: UTF-8, or what else its bytes are.
  return decodeText(data.subarray(2));
}

/** Repaired bytes placed in the note, at most. */
const REPAIRED_SHOWN = 5;
/** Stray bytes past which, outnumbering the valid sequences, a file is taken as not UTF-8 at all. */
const STRAY_BYTES_GIVE_UP = 256;

/**
 * UTF-8 with every byte that does not start a valid sequence read as Windows-1252, when valid
 * multi-byte sequences outnumber such bytes (a Windows-1252 file has next to no valid ones);
 * null otherwise. The stray bytes are found first, giving up early and building no text, since
 * most files that fail strict UTF-8 are Windows-1252 throughout (or not text); then the valid
 * runs between them are decoded by the engine.
 */
function decodeMostlyUtf8(
  data: Uint8Array,
): { text: string; repaired: { bytes: number; at: number[] } } | null {
  const stray: number[] = [];
  let valid = 0;
  for (let i = 0; i < data.length;) {
    if (data[i]! < 0x80) {
      i++;
      continue;
    }
    const length = utf8SequenceLength(data, i);
    if (length > 0) {
      valid++;
      i += length;
      continue;
    }
    stray.push(i);
    if (stray.length > valid && stray.length >= STRAY_BYTES_GIVE_UP) return null;
    i++;
  }
  if (valid <= stray.length) return null;
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  const at: number[] = [];
  let length = 0;
  let runStart = 0;
  for (const byte of stray) {
    const run = decoder.decode(data.subarray(runStart, byte));
    length += run.length;
    if (at.length < REPAIRED_SHOWN) at.push(length);
    parts.push(run, windows1252Char(data[byte]!));
    length += 1;
    runStart = byte + 1;
  }
  parts.push(decoder.decode(data.subarray(runStart)));
  return { text: parts.join(''), repaired: { bytes: stray.length, at } };
}

/**
 * The spreadsheet rows (1-based) holding the given offsets of a CSV text: line breaks inside
 * quotes do not start a row, and Excel's hidden "sep=" line is not one. Offsets ascending; the
 * delimiter is the one the file is read with (a quote opens a field only after it).
 */
export function rowsAtOffsets(text: string, offsets: number[], delimiter: string): number[] {
  let row = separatorHint(text) ? 0 : 1;
  const d = delimiter.charCodeAt(0);
  let quoted = false;
  let i = 0;
  return offsets.map((offset) => {
    for (; i < offset && i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        // A quote opens a field only at its start; inside one, a doubled quote is an escaped quote.
        if (!quoted) {
          const before = i === 0 ? 10 : text.charCodeAt(i - 1);
          quoted = before === d || before === 10 || before === 13;
        } else if (text.charCodeAt(i + 1) === 34) i++;
        else quoted = false;
      } else if (!quoted && (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10))) row++;
    }
    return row;
  });
}

/** Bytes in the valid UTF-8 sequence starting at `i` (lead byte ≥ 0x80), or 0 when there is none. */
function utf8SequenceLength(data: Uint8Array, i: number): number {
  const b = data[i]!;
  const cont = (k: number, low = 0x80, high = 0xbf) => {
    const c = data[i + k];
    return c !== undefined && c >= low && c <= high;
  };
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if (b === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b >= 0xe1 && b <= 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b >= 0xf1 && b <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

// Windows-1252's 0x80–0x9F (curly quotes, €, dashes). Some TextDecoder builds (node without full
// ICU) treat "windows-1252" as Latin-1 and return C1 control characters there, so map them here.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function windows1252Char(b: number): string {
  return b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charAt(b - 0x80) : String.fromCharCode(b);
}

// Mac Roman's 0x80–0xFF (old Mac Excel's "CSV (Macintosh)"), as the Encoding Standard's
// "macintosh"; written out, like CP1252_HIGH, so no TextDecoder build can read it otherwise.
const MAC_ROMAN_HIGH =
  'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ';

// Windows-1250's 0x80–0xFF, as the Encoding Standard's "windows-1250" (its undefined bytes as C1).
const CP1250_HIGH =
  '€\u0081‚\u0083„…†‡\u0088‰Š‹ŚŤŽŹ\u0090‘’“”•–—\u0098™š›śťžź\u00a0ˇ˘Ł¤Ą¦§¨©Ş«¬\u00ad®Ż°±˛ł´µ¶·¸ąş»Ľ˝ľżŔÁÂĂÄĹĆÇČÉĘËĚÍÎĎĐŃŇÓÔŐÖ×ŘŮÚŰÜÝŢßŕáâăäĺćçčéęëěíîďđńňóôőö÷řůúűüýţ˙';

/** Punctuation both encodings write in answers and names: curly quotes, dashes, £, €, …, •. */
const COMMON_PUNCTUATION = new Set('‘’“”–—…£€•°'.split(''));

// What a byte above 0x7F reads as, in each encoding, for telling them apart: worked out once per
// byte, so that scoring a file is table lookups (a 5 MB file of random bytes is half such bytes).
const UNDEFINED = 0;
const APOSTROPHE = 1;
const PUNCTUATION = 2;
const LOWER = 3;
const UPPER = 4;
const SYMBOL = 5;

function kindsOf(charOf: (b: number) => string): Uint8Array {
  const kinds = new Uint8Array(128);
  for (let b = 0x80; b <= 0xff; b++) {
    const c = charOf(b);
    const code = c.charCodeAt(0);
    kinds[b - 0x80] =
      code >= 0x80 && code <= 0x9f
        ? UNDEFINED
        : c === '’' || c === '‘'
          ? APOSTROPHE
          : COMMON_PUNCTUATION.has(c)
            ? PUNCTUATION
            : c !== c.toUpperCase()
              ? LOWER
              : c !== c.toLowerCase()
                ? UPPER
                : SYMBOL;
  }
  return kinds;
}

const MAC_KINDS = kindsOf((b) => MAC_ROMAN_HIGH.charAt(b - 0x80));
const WINDOWS_KINDS = kindsOf(windows1252Char);
const CENTRAL_KINDS = kindsOf((b) => CP1250_HIGH.charAt(b - 0x80));

const isUpperAscii = (b: number) => b >= 0x41 && b <= 0x5a;
const isLowerAscii = (b: number) => b >= 0x61 && b <= 0x7a;
const isAsciiLetter = (b: number) => isUpperAscii(b) || isLowerAscii(b);

/**
 * How plausible a character read from a byte above 0x7F is, beside the bytes before and after it:
 * +1 for a lower-case letter, an apostrophe, other common punctuation not wedged inside a word,
 * or a capital in a capitalised word ("RENÉ"); -1 for a capital straight after a lower-case letter
 * (Mary’s read as "MaryÕs"), punctuation inside a word ("PE—A" for PEÑA) or a symbol (∑, ◊);
 * -3 for a byte the encoding leaves undefined.
 */
function plausibility(kind: number, prev: number, next: number): number {
  switch (kind) {
    case UNDEFINED:
      return -3;
    case APOSTROPHE:
    case LOWER:
      return 1;
    case PUNCTUATION:
      return isAsciiLetter(prev) && isAsciiLetter(next) ? -1 : 1;
    case UPPER:
      return isUpperAscii(prev) ? 1 : isLowerAscii(prev) ? -1 : 0;
    default:
      return -1;
  }
}

/** Bytes above 0x7F weighed, at most: a few thousand settle it, and a huge file costs no more. */
const ENCODING_EVIDENCE = 4096;

/**
 * The single-byte encoding a file that is not UTF-8 reads best in: Windows-1252 (Western Excel),
 * unless Mac Roman or Windows-1250 clearly reads better, their bytes above 0x7F making lower-case
 * letters and punctuation ("Zoë Lefèvre", "O’Brien"; "Małgorzata Zając") where Windows-1252 gives
 * undefined bytes, symbols and capitals inside words. Windows-1252 is kept on a tie (curly quotes,
 * £ and é read alike in all three) and unless another is better by 2.
 */
function likeliestSingleByte(data: Uint8Array): 'windows-1252' | 'macintosh' | 'windows-1250' {
  let mac = 0;
  let windows = 0;
  let central = 0;
  let weighed = 0;
  for (let i = 0; i < data.length && weighed < ENCODING_EVIDENCE; i++) {
    const b = data[i]!;
    if (b < 0x80) continue;
    weighed++;
    const prev = i > 0 ? data[i - 1]! : 0;
    const next = i + 1 < data.length ? data[i + 1]! : 0;
    mac += plausibility(MAC_KINDS[b - 0x80]!, prev, next);
    windows += plausibility(WINDOWS_KINDS[b - 0x80]!, prev, next);
    central += plausibility(CENTRAL_KINDS[b - 0x80]!, prev, next);
  }
  if (Math.max(mac, central) < windows + 2) return 'windows-1252';
  return central >= mac ? 'windows-1250' : 'macintosh';
}

export function decodeWindows1252(data: Uint8Array): string {
  return decodeSingleByte(data, CP1252_HIGH);
}

/** Text of a single-byte encoding: bytes from 0x80 are `high`'s characters, the rest Latin-1. */
function decodeSingleByte(data: Uint8Array, high: string): string {
  const chunks: string[] = [];
  const CHUNK = 1 << 15;
  const top = 0x80 + high.length;
  for (let start = 0; start < data.length; start += CHUNK) {
    const end = Math.min(data.length, start + CHUNK);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) {
      const b = data[i]!;
      codes[i - start] = b >= 0x80 && b < top ? high.charCodeAt(b - 0x80) : b;
    }
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join('');
}

export interface CsvTable {
  file: string;
  header: string[];
  /** Data rows (header excluded); rowNumbers[i] is the 1-based row of rows[i] as a spreadsheet shows it. */
  rows: string[][];
  rowNumbers: number[];
  delimiter: string;
  /** Row numbers of the blank rows between data rows (reported as info, left out of `rows`). */
  blankRows?: number[];
  /** Workbooks: the headers of columns hidden in the sheet (a roster leaves them out of its attributes). */
  hiddenColumns?: string[];
  /** The header's row as a spreadsheet shows it, when title rows came above it. */
  headerRow?: number;
}

export interface ParseCsvOptions {
  /** Return every non-blank row, header included, leaving header detection to the caller. */
  keepHeaderRows?: boolean;
  /** Force a delimiter instead of guessing. */
  delimiter?: string;
}

/**
 * Excel's separator line: a first line "sep=;" that some tools write so that Excel splits the file
 * on the right character (Excel hides it, so the header is still row 1). Returns the delimiter it
 * names and the text after it, or null when the text does not start with one.
 */
export function separatorHint(text: string): { delimiter: string; rest: string } | null {
  const m = /^sep=([^\r\n])[ ]*(?:\r\n|\n|\r)/i.exec(text);
  return m ? { delimiter: m[1]!, rest: text.slice(m[0].length) } : null;
}

/**
 * What both CSV readers do first: refuse an empty file, read and drop Excel's separator line (its
 * delimiter returned), and make every line break '\n' (hand-edited files mix CRLF, LF and old
 * Mac CR; papaparse guesses one line break per file).
 */
function prepareCsvText(
  text: string,
  file: string,
  quality: QualityCollector,
): { text: string; delimiter?: string } {
  if (text.trim() === '') throw new InputError(file, null, null, 'empty-file', 'The file is empty.');
  const hint = separatorHint(text);
  if (hint) {
    text = hint.rest;
    noteSeparatorHint(file, hint.delimiter, quality);
  }
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  return hint ? { text, delimiter: hint.delimiter } : { text };
}

function noteSeparatorHint(file: string, delimiter: string, quality: QualityCollector): void {
  const shown = delimiter === '\t' ? 'tab' : `"${delimiter}"`;
  quality.info(
    file,
    null,
    null,
    'separator-line',
    `The first line "sep=${delimiter}" (written for Excel) was read as the delimiter (${shown}) and skipped.`,
  );
}

/**
 * Parse CSV text with a header row. Empty or header-only input is an InputError (the file cannot
 * be used at all); papaparse's row-level errors become quality issues with their row numbers.
 * Blank lines between data rows are reported (info) and left out.
 */
export function parseCsv(
  text: string,
  file: string,
  quality: QualityCollector,
  options: ParseCsvOptions = {},
): CsvTable {
  const prepared = prepareCsvText(text, file, quality);
  text = prepared.text;
  const parsed = Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    newline: '\n',
    delimiter: options.delimiter ?? prepared.delimiter ?? guessDelimiter(text),
    delimitersToGuess: [',', ';', '\t', '|'],
  });
  const all = parsed.data;
  // Spreadsheet row numbers: a spreadsheet shows each record as one row, whatever line breaks its
  // quoted answers hold, so row r (from 0) is row r + 1 there.
  const rowOf = (r: number): number => r + 1;
  for (const err of parsed.errors) {
    reportErrors([err], err.row != null ? rowOf(err.row) : null, file, quality);
  }
  const headerIndex = options.keepHeaderRows ? 0 : all.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerIndex < 0) throw new InputError(file, null, null, 'empty-file', 'The file has no header row.');
  const header = options.keepHeaderRows ? [] : all[headerIndex]!.map((h) => h.trim());
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  const blankRows: number[] = [];
  const start = options.keepHeaderRows ? 0 : headerIndex + 1;
  let lastContent = all.length - 1;
  while (lastContent >= 0 && isBlank(all[lastContent]!)) lastContent--;
  let firstContent = 0;
  while (firstContent < all.length && isBlank(all[firstContent]!)) firstContent++;
  for (let i = start; i < all.length; i++) {
    const row = all[i]!;
    if (isBlank(row)) {
      if (i > firstContent && i < lastContent) blankRows.push(rowOf(i));
      continue;
    }
    rows.push(row);
    rowNumbers.push(rowOf(i));
  }
  noteBlankRows(quality, file, blankRows);
  return { file, header, rows, rowNumbers, delimiter: parsed.meta.delimiter, blankRows };
}

export interface CsvStreamResult {
  delimiter: string;
  /** Row numbers of the blank rows between content rows (reported as info, never handed to onRow). */
  blankRows: number[];
}

/** More columns than any export has (Excel's sheets stop at 16,384): past this a file is refused. */
const MAX_COLUMNS = 1 << 20;

/**
 * A first line of more than MAX_COLUMNS cells is no survey export: refused before it is read (a
 * 200 MB line of 15 million cells filled 4.6 GB and crashed). Counted only on a line that long.
 */
function refuseTooWide(text: string, delimiter: string | null, file: string): void {
  if (!delimiter) return;
  let end = text.indexOf('\n');
  if (end < 0) end = text.length;
  if (end < MAX_COLUMNS) return;
  let cells = 1;
  for (let at = text.indexOf(delimiter); at >= 0 && at < end; at = text.indexOf(delimiter, at + 1)) {
    if (++cells > MAX_COLUMNS) {
      throw new InputError(
        file,
        1,
        null,
        'too-many-columns',
        `The first row has more than ${MAX_COLUMNS.toLocaleString('en')} cells, more than any survey export (a spreadsheet holds 16,384 columns): this is not a survey's header. Check that the file is the export.`,
      );
    }
  }
}

/** How often (in rows) a stream reports its position, so a host's progress bar and cancel keep up. */
export const STREAM_REPORT_EVERY = 1024;

/**
 * Parse CSV text row by row, handing every non-blank row, header rows included, to `onRow` with
 * its spreadsheet row. Only the current row is alive at any time, so a 100,000-response export
 * never sits in memory as a table. Same rules as parseCsv with keepHeaderRows: row-level papaparse
 * errors become quality issues, blank rows between content rows are reported and skipped, blank
 * rows at the start or end are just the file's edges. `onPosition` receives the share of the text
 * read every STREAM_REPORT_EVERY rows.
 *
 * Well-formed rows are read by readWellFormed, which returns exactly the cells papaparse returns
 * for them; from the first row whose quotes papaparse would report (unterminated, or a closing
 * quote followed by something other than a delimiter or line break), papaparse's own `step`
 * parser reads the rest, so its recovery and messages are kept as they are.
 */
export function streamCsv(
  text: string,
  file: string,
  quality: QualityCollector,
  onRow: (row: string[], rowNumber: number) => void,
  options: { delimiter?: string; onPosition?: (fraction: number) => void } = {},
): CsvStreamResult {
  const prepared = prepareCsvText(text, file, quality);
  text = prepared.text;
  const length = text.length;
  const onPosition = options.onPosition;
  const blankRows: number[] = [];
  // Blank rows seen since the last content row: reported only once content follows them.
  let pending: number[] = [];
  let seenContent = false;
  let count = 0;
  let delimiter = '';
  /** One row as papaparse yields it, with the offset after it. */
  const take = (row: string[], errors: Papa.ParseError[] | null, cursor: number, rowDelimiter: string) => {
    // Rows as a spreadsheet numbers them: an answer with line breaks is still one row.
    const at = ++count;
    if (errors && errors.length > 0) reportErrors(errors, at, file, quality);
    if (at % STREAM_REPORT_EVERY === 0) {
      if (!delimiter) delimiter = rowDelimiter;
      onPosition?.(Math.min(1, cursor / length));
    }
    if (isBlank(row)) {
      if (seenContent) pending.push(at);
      return;
    }
    if (!delimiter) delimiter = rowDelimiter;
    if (pending.length > 0) {
      noteBlankRows(quality, file, pending);
      for (const l of pending) blankRows.push(l);
      pending = [];
    }
    seenContent = true;
    onRow(row, at);
  };
  const guessed = options.delimiter ?? prepared.delimiter ?? guessDelimiter(text);
  refuseTooWide(text, guessed, file);
  // With no delimiter to go on (one column), papaparse guesses: leave the whole file to it.
  const rest = guessed ? readWellFormed(text, guessed, (row, end) => take(row, null, end, guessed)) : 0;
  if (rest >= 0) {
    Papa.parse<string[]>(rest > 0 ? text.slice(rest) : text, {
      skipEmptyLines: false,
      newline: '\n',
      delimiter: guessed,
      delimitersToGuess: [',', ';', '\t', '|'],
      step: (results) =>
        take(results.data, results.errors, rest + results.meta.cursor, results.meta.delimiter),
    });
  }
  return { delimiter, blankRows };
}

/**
 * Read rows of CSV (a one-character delimiter, '\n' line breaks, '"' quotes) exactly as papaparse
 * does for well-formed text: a field opening with a quote runs to the quote that is not doubled,
 * with "" read as "; any other field runs to the next delimiter or line break; text ending in a
 * line break ends with one empty row. Each row goes to `onRow` with the offset after it. Stops at the first row papaparse would report an error for
 * (a quoted field never closed, or closed and followed by anything but a delimiter, a line break
 * or the end) and returns that row's offset; -1 when every row was read.
 */
export function readWellFormed(
  text: string,
  delimiter: string,
  onRow: (row: string[], end: number) => void,
): number {
  const n = text.length;
  const d = delimiter.charCodeAt(0);
  let cursor = 0;
  let rowStart = 0;
  let nextDelim = text.indexOf(delimiter);
  let nextLine = text.indexOf('\n');
  let row: string[] = [];
  for (;;) {
    if (text.charCodeAt(cursor) === 34) {
      let q = cursor;
      let escaped = false;
      for (;;) {
        q = text.indexOf('"', q + 1);
        if (q < 0) return rowStart;
        if (q + 1 < n && text.charCodeAt(q + 1) === 34) {
          q++;
          escaped = true;
          continue;
        }
        break;
      }
      const value = escaped ? text.slice(cursor + 1, q).replace(/""/g, '"') : text.slice(cursor + 1, q);
      // Line breaks inside the quotes do not end the row.
      if (nextLine !== -1 && nextLine < q) nextLine = text.indexOf('\n', q);
      if (nextDelim !== -1 && nextDelim < q) nextDelim = text.indexOf(delimiter, q);
      row.push(value);
      const after = q + 1;
      if (after === n) {
        onRow(row, n);
        return -1;
      }
      const c = text.charCodeAt(after);
      if (c === d) {
        cursor = after + 1;
        if (nextDelim !== -1 && nextDelim < cursor) nextDelim = text.indexOf(delimiter, cursor);
        continue;
      }
      if (c !== 10) return rowStart;
      cursor = after + 1;
    } else if (nextDelim !== -1 && (nextDelim < nextLine || nextLine === -1)) {
      row.push(text.slice(cursor, nextDelim));
      cursor = nextDelim + 1;
      nextDelim = text.indexOf(delimiter, cursor);
      continue;
    } else if (nextLine !== -1) {
      row.push(text.slice(cursor, nextLine));
      cursor = nextLine + 1;
    } else {
      row.push(text.slice(cursor));
      onRow(row, n);
      return -1;
    }
    // The row ended with the line break just before `cursor`.
    onRow(row, cursor);
    row = [];
    rowStart = cursor;
    nextLine = text.indexOf('\n', cursor);
  }
}

function reportErrors(
  errors: Papa.ParseError[],
  row: number | null,
  file: string,
  quality: QualityCollector,
) {
  for (const err of errors) {
    // A missing delimiter guess on a one-column file is not a problem worth reporting.
    if (err.code === 'UndetectableDelimiter') continue;
    const code = err.code === 'MissingQuotes' ? 'unterminated-quote' : `csv-${err.code.toLowerCase()}`;
    const message =
      err.code === 'MissingQuotes'
        ? 'A quoted answer is never closed, so the rest of the file may have been read into one cell; check the quotes on this row.'
        : err.code === 'TooFewFields' || err.code === 'TooManyFields'
          ? `This row has a different number of cells from the header (${err.message.toLowerCase()}); cells were read by position.`
          : `${err.message}.`;
    quality.warn(file, row, null, code, message);
  }
}

/**
 * The delimiter of the first line, counted outside quotes. Papaparse's own guess looks at the
 * data rows too, where a ';'-joined answer list can outvote the real ','. A first line with no
 * delimiter at all is a title (Numbers' "Include table names", a sheet's heading): the next
 * lines say, so that a ';' file under a title is not read by papaparse's guess of ','.
 */
export function guessDelimiter(text: string): string {
  let start = 0;
  for (let line = 0; line < MAX_TITLE_LINES + 1 && start < text.length; line++) {
    let end = start;
    let quoted = false;
    for (; end < text.length && end < start + 100_000; end++) {
      const ch = text[end];
      if (ch === '"') quoted = !quoted;
      else if (ch === '\n' && !quoted) break;
    }
    const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0, '|': 0 };
    quoted = false;
    for (let i = start; i < end; i++) {
      const ch = text[i]!;
      if (ch === '"') quoted = !quoted;
      else if (!quoted && ch in counts) counts[ch]!++;
    }
    let best = '';
    let max = 0;
    for (const d of [',', '\t', ';', '|']) {
      if (counts[d]! > max) {
        max = counts[d]!;
        best = d;
      }
    }
    if (best) return best;
    start = end + 1;
  }
  return ''; // lets papaparse guess (a one-column file)
}

/** Lines with no delimiter (titles, blanks) that may sit above a header, as table.ts allows. */
const MAX_TITLE_LINES = 5;

/**
 * One note per run of blank rows between answers ("Rows 21–1048575 are blank"): a stray cell far
 * below the data leaves a million of them, which one note each would bury the rest under.
 */
export function noteBlankRows(quality: QualityCollector, file: string, rows: readonly number[]): void {
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
    quality.info(
      file,
      rows[i]!,
      null,
      'blank-row',
      j === i
        ? 'This row is blank and was skipped.'
        : `Rows ${rows[i]}–${rows[j]} are blank (${j - i + 1} rows) and were skipped.`,
    );
    i = j + 1;
  }
}

function isBlank(row: string[]): boolean {
  for (const c of row) if (c.trim() !== '') return false;
  return true;
}

const columnKey = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');
/**
 * Each header's column keys, made once: detection looks up dozens of names in one header, and
 * made anew on each look-up, a header of 100,000 columns took minutes.
 */
const headerKeys = new WeakMap<readonly string[], string[]>();

/** Index of a column by case/space-insensitive header name; -1 when absent. */
export function findColumn(header: string[], ...names: string[]): number {
  let keys = headerKeys.get(header);
  if (keys === undefined || keys.length !== header.length)
    headerKeys.set(header, (keys = header.map(columnKey)));
  const wanted = names.map(columnKey);
  // A header of symbols only ("#", Typeform's response number) is matched exactly.
  return keys.findIndex((key, i) => (key === '' ? names.includes(header[i]!.trim()) : wanted.includes(key)));
}

/** Like findColumn, but a missing column stops the run with a message naming it. */
export function requireColumn(table: CsvTable, ...names: string[]): number {
  const index = findColumn(table.header, ...names);
  if (index < 0) {
    throw new InputError(
      table.file,
      1,
      names[0] ?? null,
      'missing-column',
      `The column "${names[0]}" is missing (found: ${table.header.join(', ')}).`,
    );
  }
  return index;
}
