// Any tabular input file (CSV in any dialect, or an Excel .xlsx) read into one CsvTable shape,
// so every reader (roster, surveys, codebooks, edge lists) sees rows the same way.
import type { InputFile } from '../model';
import { InputError, rowsText, type QualityCollector } from '../quality';
import {
  decodeText,
  guessDelimiter,
  noteBlankRows,
  rowsAtOffsets,
  separatorHint,
  MAX_STRING_CHARS,
  STREAM_REPORT_EVERY,
  streamCsv,
  type CsvTable,
} from './csv';
import { readWorkbookRows, type FormulaColumn, type WorkbookSheets } from './xlsx';
import { isZip, unpackArchive } from './archive';

/** True when the bytes or name say this is an Excel workbook. */
export function isXlsx(file: InputFile): boolean {
  if (typeof file.data !== 'string') return isZip(file.data);
  return /\.xlsx$/i.test(file.name);
}

/** All rows of the file as text cells, header row included (for tools with several header rows). */
export interface Grid {
  rows: string[][];
  /** Spreadsheet row number of each row (a multi-line answer is one row). */
  lines: number[];
  delimiter: string;
  /** Row numbers of the blank rows left out between data rows. */
  blankRows: number[];
  /** Workbooks: 0-based indices of the columns hidden in the sheet. */
  hiddenColumns?: number[];
}

/** What a streamed file says about itself once every row was handed over. */
export interface GridStream {
  delimiter: string;
  /** Row numbers of the blank rows left out between data rows. */
  blankRows: number[];
  /** Workbooks: 0-based indices of the columns hidden in the sheet. */
  hiddenColumns?: number[];
}

/**
 * Hand every non-blank row of a CSV or .xlsx file (header rows included) to `onRow` with its
 * spreadsheet row, without keeping the rows. `onPosition` gets the share read so far.
 */
export function streamGrid(
  file: InputFile,
  quality: QualityCollector,
  onRow: (row: string[], line: number) => void,
  onPosition?: (fraction: number) => void,
  /** Workbooks only: read just this many rows (a header read; text files are cut by the caller). */
  maxRows?: number,
  /**
   * Workbooks: keep the columns of formulas only. Survey answers leave them out (an evaluator's
   * count or length beside the export would be read as a question); a roster's or codebook's
   * formulas (a name joined from two columns) are its data.
   */
  keepFormulaColumns = false,
): GridStream {
  file = unpackArchive(file, quality);
  if (isXlsx(file)) {
    if (typeof file.data === 'string') {
      throw new InputError(
        file.name,
        null,
        null,
        'unreadable-file',
        'This .xlsx file was read as text; hand it over as bytes.',
      );
    }
    const sheets: WorkbookSheets = {};
    let { rows, lines } = readWorkbookRows(file.data, file.name, maxRows, sheets);
    if (sheets.others && sheets.others.length > 0) {
      quality.info(file.name, null, null, 'workbook-sheets', workbookSheetsNote(sheets));
    }
    if (sheets.errorCells) {
      quality.info(
        file.name,
        null,
        null,
        'error-cells',
        `${sheets.errorCells} cell${sheets.errorCells === 1 ? ' holds' : 's hold'} an Excel formula's error (#N/A, #REF! and the like), read as empty: a lookup that found nothing, say. If they should hold answers, fix the formulas, or paste the sheet as values, and add the file again.`,
      );
    }
    const hiddenRows = sheets.hiddenRows ?? [];
    if (hiddenRows.length > 0) {
      quality.info(
        file.name,
        hiddenRows[0]!,
        null,
        'hidden-rows',
        `${hiddenRows.length === 1 ? '1 row is' : `${hiddenRows.length} rows are`} hidden in the spreadsheet (${rowsText(hiddenRows)}: a filter, or Hide Rows), and ${hiddenRows.length === 1 ? 'was' : 'were'} read like the others. If ${hiddenRows.length === 1 ? 'it was' : 'they were'} hidden to leave ${hiddenRows.length === 1 ? 'it' : 'them'} out, delete ${hiddenRows.length === 1 ? 'it' : 'them'} and add the file again.`,
      );
    }
    const formulas = keepFormulaColumns ? [] : (sheets.formulaColumns ?? []);
    if (formulas.length > 0) {
      noteFormulaColumns(quality, file.name, formulas);
      const left = new Set(formulas.map((c) => c.index));
      const kept = (_: unknown, i: number) => !left.has(i);
      const narrowed = rows.map((row) => row.filter(kept));
      // A formula filled down past the answers leaves rows with nothing else: blank now.
      const filled = narrowed.map((row) => row.some((c) => c !== ''));
      rows = narrowed.filter((_, i) => filled[i]);
      lines = lines.filter((_, i) => filled[i]);
      // Hidden columns renumbered as the columns left.
      sheets.hiddenColumns = sheets.hiddenColumns
        ?.filter((i) => !left.has(i))
        .map((i) => i - formulas.filter((c) => c.index < i).length);
    }
    // Rows with a value only: the rows between them are blank, said as a CSV's are; blank rows
    // after the last are just the sheet's extent (formatting), not skipped answers.
    const skipped: number[] = [];
    rows.forEach((row, i) => {
      if (onPosition && i % STREAM_REPORT_EVERY === 0) onPosition(i / rows.length);
      for (let line = (lines[i - 1] ?? lines[i]!) + 1; line < lines[i]!; line++) skipped.push(line);
      onRow(row, lines[i]!);
    });
    noteBlankRows(quality, file.name, skipped);
    return {
      delimiter: 'xlsx',
      blankRows: skipped,
      hiddenColumns: sheets.hiddenColumns ?? [],
    };
  }
  const text = readText(file, quality);
  return streamCsv(text, file.name, quality, onRow, onPosition ? { onPosition } : {});
}

/** The columns of formulas left out of a survey, named in one note. */
function noteFormulaColumns(quality: QualityCollector, file: string, columns: FormulaColumn[]): void {
  const names = columns.map((c) => (c.header ? `"${c.header}"` : `column ${c.letter}`)).join(', ');
  const one = columns.length === 1;
  quality.info(
    file,
    null,
    columns[0]!.header,
    'formula-columns',
    `The column${one ? '' : 's'} ${names} ${one ? 'holds' : 'hold'} only formulas (added in the spreadsheet, a count or a length, say), not answers, so ${one ? 'it was' : 'they were'} left out. If one holds answers, copy it and paste it as values (Paste Special > Values), and add the file again.`,
  );
}

/** Which sheet of a workbook was read, which were not, and why, for the note. */
function workbookSheetsNote(sheets: WorkbookSheets): string {
  const quoted = (names: string[]) => names.map((name) => `"${name}"`).join(', ');
  const summaries = sheets.passedOver ?? [];
  let note = `The sheet "${sheets.read}" was read; the workbook's other sheets (${quoted(sheets.others ?? [])}) were not.`;
  if (summaries.length > 0)
    note += ` ${quoted(summaries)} ${summaries.length === 1 ? 'looks' : 'look'} like a summary (a pivot table, counts or notes), not the responses.`;
  if (sheets.guessed) {
    const why = sheets.guessed === 'first' ? 'the first that might hold them' : 'the one with the most rows';
    return `${note} Which sheet holds the responses was not clear: "${sheets.read}" was read as ${why}. If they are on another sheet, save that sheet as its own file and add it.`;
  }
  return `${note} Save the sheet you want as its own file if it is another one.`;
}

function tooLong(name: string): never {
  throw new InputError(
    name,
    null,
    null,
    'too-large',
    `This file holds more text than can be read at once (over ${Math.floor(MAX_STRING_CHARS / 1e6)} million characters). Split it (by date, say) and give the parts as separate surveys.`,
  );
}

/**
 * A text file's text, for every reader of uploaded data (surveys, rosters, plain networks, edge
 * lists): decoded in whatever encoding it was written, with a note when that was not plain UTF-8,
 * and refused, naming the file and saying what it is, when it is no text file at all (an old
 * .xls, a PDF, a web page from a failed download, binary data).
 */
export function readText(file: InputFile, quality: QualityCollector): string {
  if (typeof file.data !== 'string') refuseOtherKinds(file.name, file.data);
  // The engine's strings hold at most 2^29 - 24 characters (about 536 million): a longer text
  // cannot be held at all, whatever its encoding.
  if (typeof file.data !== 'string' && file.data.length > MAX_STRING_CHARS * 2) tooLong(file.name);
  let decoded: ReturnType<typeof decodeText>;
  try {
    decoded = decodeText(file.data);
  } catch (err) {
    if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_STRING_TOO_LONG')
      tooLong(file.name);
    throw err;
  }
  const { text, encoding, repaired, wrongMark } = decoded;
  if (wrongMark) {
    quality.warn(
      file.name,
      null,
      null,
      'encoding-mark-wrong',
      `This file begins with the mark of UTF-16 text, but its text is not UTF-16: it was read as ${encoding === 'utf-8' ? 'UTF-8' : encoding.replace('windows', 'Windows')}. If letters look wrong, save the file again as "CSV UTF-8".`,
    );
  }
  if (repaired) {
    const hint = separatorHint(text);
    const delimiter = hint?.delimiter ?? guessDelimiter(text);
    const rows = [...new Set(rowsAtOffsets(text, repaired.at, delimiter))];
    quality.warn(
      file.name,
      rows[0] ?? null,
      null,
      'encoding-repaired',
      `This file is UTF-8 but for ${repaired.bytes} byte${repaired.bytes === 1 ? '' : 's'} that ${repaired.bytes === 1 ? 'is' : 'are'} not (in row${rows.length === 1 ? '' : 's'} ${rows.join(', ')}${repaired.bytes > repaired.at.length ? ', ...' : ''}), as when text from another program is pasted in; ${repaired.bytes === 1 ? 'it was' : 'they were'} read as Windows-1252 (é, £, curly quotes) and the rest as UTF-8. Check those answers.`,
    );
  }
  if (/^\s*<(!doctype\s+html|html[\s>])/i.test(text.slice(0, 1024))) {
    throw new InputError(
      file.name,
      null,
      null,
      'unreadable-file',
      'This is a web page (HTML), not a data file: the download may have needed a sign-in or stopped part way. Download the file again (the responses as CSV or Excel from the survey tool).',
    );
  }
  if (encoding === 'macintosh' || encoding === 'windows-1250') {
    const as =
      encoding === 'macintosh'
        ? 'Mac Roman text, as old Mac Excel saves "CSV (Macintosh)"'
        : 'Windows-1250 text, as Excel saves "CSV" on Central European Windows (Polish, Czech, Hungarian)';
    quality.info(
      file.name,
      null,
      null,
      'encoding',
      `Read as ${as}: its accented letters and curly quotes read as words there, not as Windows-1252. If names with accents look wrong, save the file again as "CSV UTF-8" and add that.`,
    );
  } else if (encoding !== 'utf-8') {
    quality.info(file.name, null, null, 'encoding', `Read as ${encoding} text.`);
  }
  // Named as a workbook but not a zip (a workbook's bytes go to the workbook reader): a CSV
  // renamed is read as one, anything else said to be no workbook, since "not a text (CSV) file"
  // says nothing to someone who gave an Excel file. Control characters no CSV holds tell binary
  // data that happens to have no zero byte.
  const workbook = /\.(xlsx|xlsm)$/i.exec(file.name);
  const head = text.slice(0, 4096);
  // eslint-disable-next-line no-control-regex
  if (head.includes('\u0000') || (workbook && /[\u0001-\u0008\u000e-\u001f]/.test(head))) {
    throw new InputError(
      file.name,
      null,
      null,
      'unreadable-file',
      workbook
        ? `This is not a readable Excel workbook: it is damaged, or not really an .${workbook[1]!.toLowerCase()} file (another kind of file renamed). Open it in Excel and save it again as .xlsx, or export the responses as CSV, and add that file.`
        : 'This is not a text (CSV) file: it holds binary data.',
    );
  }
  return text;
}

/** Files people pick by mistake or get from older tools, told apart by their first bytes. */
const OTHER_KINDS: [number[], string][] = [
  [
    [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    'This is an old-format Excel workbook (.xls) or another older Office file, which cannot be read here. Open it in Excel and save it as .xlsx or "CSV UTF-8", then add that file.',
  ],
  [
    [0x25, 0x50, 0x44, 0x46, 0x2d],
    'This is a PDF (a report or summary), not the responses. Download the responses as CSV or Excel from the survey tool.',
  ],
  // Pictures and Word documents picked by mistake (a screenshot of the results, the questionnaire).
  ...(
    [
      [[0x89, 0x50, 0x4e, 0x47], 'an image (PNG)'],
      [[0xff, 0xd8, 0xff], 'an image (JPEG)'],
      [[0x47, 0x49, 0x46, 0x38], 'an image (GIF)'],
    ] as const
  ).map(([magic, kind]): [number[], string] => [
    [...magic],
    `This is ${kind}, not the responses. Download the responses as CSV or Excel from the survey tool.`,
  ]),
  // Survey tools offer statistics packages' formats beside CSV.
  ...(
    [
      ['$FL2', 'an SPSS (.sav)'],
      ['$FL3', 'an SPSS (.sav)'],
      ['<stata_dta>', 'a Stata (.dta)'],
    ] as const
  ).map(([magic, kind]): [number[], string] => [
    [...magic].map((c) => c.charCodeAt(0)),
    `This is ${kind} data file, which cannot be read here. Download the responses from the survey tool again as CSV or Excel.`,
  ]),
];

function refuseOtherKinds(name: string, data: Uint8Array): void {
  for (const [magic, message] of OTHER_KINDS) {
    if (magic.every((b, i) => data[i] === b))
      throw new InputError(
        name,
        null,
        null,
        'unreadable-file',
        magic === OTHER_KINDS[0]![0] && isEncryptedWorkbook(data) ? ENCRYPTED_WORKBOOK : message,
      );
  }
}

const ENCRYPTED_WORKBOOK =
  'This Excel workbook is protected with a password (encrypted), so it cannot be read; saving it again keeps the password. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, and clear it), save, and add that file.';

/**
 * An .xlsx saved with a password is an old-style Office container (as an .xls is) holding an
 * "EncryptedPackage" stream: its name is in the container's directory, in UTF-16.
 */
function isEncryptedWorkbook(data: Uint8Array): boolean {
  const name = [...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]);
  outer: for (let i = data.indexOf(name[0]!); i >= 0; i = data.indexOf(name[0]!, i + 1)) {
    for (let k = 1; k < name.length; k++) if (data[i + k] !== name[k]) continue outer;
    return true;
  }
  return false;
}

/** Every non-blank row of the file in memory (small files: rosters, codebooks, the import preview). */
export function readGrid(file: InputFile, quality: QualityCollector): Grid {
  const rows: string[][] = [];
  const lines: number[] = [];
  const { delimiter, blankRows, hiddenColumns } = streamGrid(
    file,
    quality,
    (row, line) => {
      rows.push(row);
      lines.push(line);
    },
    undefined,
    undefined,
    true,
  );
  return hiddenColumns
    ? { rows, lines, delimiter, blankRows, hiddenColumns }
    : { rows, lines, delimiter, blankRows };
}

/** A table whose first non-blank row is the header. */
export function readTable(file: InputFile, quality: QualityCollector): CsvTable {
  const grid = readGrid(file, quality);
  return gridToTable(file.name, grid, 1, quality);
}

/**
 * Turn a grid into a table with `headerRows` header rows. With several header rows the column
 * name is the first row's text (Qualtrics: the export tag), and `subHeaders` keeps the rest.
 */
export function gridToTable(
  fileName: string,
  grid: Grid,
  headerRows: number,
  quality: QualityCollector,
): CsvTable & { subHeaders: string[][] } {
  let first = grid.rows.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (first < 0) throw new InputError(fileName, null, null, 'empty-file', 'The file has no header row.');
  first += skipTitleRows(fileName, grid.rows, grid.lines, first, quality);
  const header = uniqueHeaders(
    grid.rows[first]!.map((h) => h.trim()),
    fileName,
    grid.lines[first] ?? 1,
    quality,
  );
  const subHeaders: string[][] = [];
  for (let k = 1; k < headerRows; k++) subHeaders.push(grid.rows[first + k]?.map((h) => h.trim()) ?? []);
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let i = first + headerRows; i < grid.rows.length; i++) {
    const row = grid.rows[i]!;
    const line = grid.lines[i]!;
    if (row.length !== header.length) reportRagged(row, header, fileName, line, quality);
    rows.push(row);
    rowNumbers.push(line);
  }
  const headerLine = grid.lines[first + headerRows - 1] ?? 1;
  const blankRows = grid.blankRows.filter((l) => l > headerLine);
  const table = {
    file: fileName,
    header,
    rows,
    rowNumbers,
    delimiter: grid.delimiter,
    subHeaders,
    blankRows,
    headerRow: grid.lines[first] ?? 1,
  };
  const hidden = (grid.hiddenColumns ?? []).filter((i) => i < header.length).map((i) => header[i]!);
  return hidden.length > 0 ? { ...table, hiddenColumns: hidden } : table;
}

/**
 * A spreadsheet's total under a list: "Total: 52", "Total forms: 12", "Grand total", or "Count"
 * beside a number ("17 forms"), and nothing else on the row ("Count Basie" is a name, not a total).
 */
export function isSummaryRow(row: string[]): boolean {
  const filled = row.map((c) => c.trim()).filter(Boolean);
  return (
    filled.length > 0 &&
    /^(grand )?(totals?|sum|count)(( (of )?[a-z]+){1,2}\s*[:=]?\s*\d+|\s*[:=]?\s*\d*)$/i.test(filled[0]!) &&
    // The count may say what it counts: "TOTAL, 17 forms".
    filled.slice(1).every((c) => /^\d+([.,]\d+)?( [a-z]+){0,2}$/i.test(c))
  );
}

/** At most this many title or note rows above a header are recognised as such. */
const MAX_TITLE_ROWS = 5;
/** Rows after the header looked at to tell a title row from a one-column file's header. */
const TITLE_CHECK_ROWS = 20;

function filledCells(row: string[]): number {
  let n = 0;
  for (const c of row) if (c.trim() !== '') n++;
  return n;
}

/**
 * Rows above the header that hold a title or a note in one cell ("Millbrook survey 2026",
 * "Exported 2 April 2026"), as reports and hand-made sheets have: how many lead `rows`. None
 * unless the row after them has two cells or more and so do most rows after that, so that a
 * one-column file keeps its header.
 */
export function titleRowCount(rows: string[][]): number {
  let k = 0;
  while (k < rows.length && k < MAX_TITLE_ROWS && filledCells(rows[k]!) <= 1) k++;
  if (k === 0 || k >= rows.length || filledCells(rows[k]!) < 2) return 0;
  const after = rows.slice(k + 1, k + 1 + TITLE_CHECK_ROWS);
  const wide = after.filter((r) => filledCells(r) >= 2).length;
  return after.length === 0 || wide * 2 >= after.length ? k : 0;
}

/**
 * The title rows that lead `rows` from `start`, each reported (nothing in a file is dropped
 * silently): how many there are, for the caller to pass over. `lines[i]` is the line of `rows[i]`.
 */
export function skipTitleRows(
  file: string,
  rows: string[][],
  lines: number[],
  start: number,
  quality: QualityCollector,
): number {
  const count = titleRowCount(rows.slice(start, start + MAX_TITLE_ROWS + TITLE_CHECK_ROWS + 1));
  for (let i = start; i < start + count; i++) {
    const text = rows[i]!.find((c) => c.trim() !== '')?.trim() ?? '';
    quality.info(
      file,
      lines[i] ?? null,
      null,
      'title-row',
      `This row ("${text.length > 60 ? `${text.slice(0, 60)}...` : text}") sits above the header and was read as a title, not as data.`,
    );
  }
  return count;
}

/** A row with fewer or more cells than the header: read by position, and said so. */
export function reportRagged(
  row: string[],
  header: string[],
  file: string,
  line: number,
  quality: QualityCollector,
): void {
  if (row.length > header.length) {
    // Excel often pads rows with empty cells; only cells with content beyond the header matter.
    const extra = row.slice(header.length).filter((c) => c.trim() !== '');
    if (extra.length === 0) return;
    quality.warn(
      file,
      line,
      null,
      'csv-too-many-fields',
      `This row has ${row.length} cells but the header has ${header.length}; the extra cells ("${extra[0]!.slice(0, 30)}"...) were ignored.`,
    );
  } else {
    quality.warn(
      file,
      line,
      null,
      'csv-too-few-fields',
      `This row has ${row.length} cells but the header has ${header.length}; the missing cells were read as empty.`,
    );
  }
}

/** Blank and duplicated headers get a position suffix, reported, so every column stays addressable. */
export function uniqueHeaders(
  header: string[],
  file: string,
  line: number,
  quality: QualityCollector,
): string[] {
  const seen = new Map<string, number>();
  return header.map((h, i) => {
    const base = h === '' ? `Column ${i + 1}` : h;
    const count = seen.get(base.toLowerCase()) ?? 0;
    seen.set(base.toLowerCase(), count + 1);
    if (count === 0) return base;
    quality.warn(
      file,
      line,
      h,
      'duplicate-column',
      `The column "${h}" appears more than once; copy ${count + 1} is read as "${base} (${count + 1})".`,
    );
    return `${base} (${count + 1})`;
  });
}
