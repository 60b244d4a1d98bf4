// Reads a worksheet of an Excel .xlsx (Microsoft Forms' native export) into text rows: the one that
// holds the responses (chooseSheet), so a blank "Sheet1", a cover sheet or a pivot table before the
// data is passed over.
// Pure TypeScript over fflate's unzip: a small XML scanner, since core has no DOMParser.
import { unzipSync, strFromU8 } from 'fflate';
import { inflateEntry, zipEntries, type ZipEntry } from './archive';
import { InputError } from '../quality';
import { excelSerialMs } from './dates';
import { MAX_STRING_CHARS } from './csv';
import { detectLayout } from './detect';
import { isNameGenerator } from './relations';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  if (!s.includes('&') && !s.includes('_x')) return s;
  return s
    .replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e] ?? m;
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]!) : null;
}

/**
 * Text of every <t> inside a fragment (rich text runs are several <t>), but not a phonetic
 * reading's (<rPh>, Excel's furigana for text typed through a Japanese input method).
 */
function textOf(fragment: string): string {
  if (fragment.includes('<rPh')) fragment = fragment.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g;
  for (let m = re.exec(fragment); m; m = re.exec(fragment)) out += m[1] ?? '';
  return unescapeXml(out);
}

/** Column letters to 0-based index: A=0, Z=25, AA=26. */
export function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Days from the 1900 date system's day 0 to the 1904 system's (Excel for Mac before 2011). */
const DAYS_1904 = 1462;

/** Excel serial day (1900 system) to an ISO timestamp, as the tools show dates in CSV. */
function serialToIso(serial: number): string {
  const iso = new Date(excelSerialMs(serial)).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}

/** Which cell styles (by index) are dates, so their serial numbers are shown as dates. */
function dateStyles(stylesXml: string | null): Set<number> {
  const result = new Set<number>();
  if (!stylesXml) return result;
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<numFmt\s[^>]*>/g)) {
    const id = Number(attr(m[0], 'numFmtId'));
    custom.set(id, attr(m[0], 'formatCode') ?? '');
  }
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
  let index = 0;
  for (const m of xfs.matchAll(/<xf\s[^>]*?\/?>/g)) {
    const id = Number(attr(m[0], 'numFmtId') ?? 0);
    const code = custom.get(id);
    // A custom format is a date when it has day/month/year/hour parts outside quotes and brackets.
    const isDate =
      BUILTIN_DATE_FORMATS.has(id) ||
      (code != null && /[dmyhs]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]/g, '')) && !/0\.0|#/.test(code));
    if (isDate) result.add(index);
    index++;
  }
  return result;
}

/**
 * The start of one zip entry's text, inflated piece by piece until `enough(text)` (or its end):
 * the first rows of a 50,000-row sheet without inflating the rest. Null when it cannot be read so.
 */
function entryHead(data: Uint8Array, entry: ZipEntry, enough: (text: string) => boolean): string | null {
  const decoder = new TextDecoder();
  let text = '';
  let tooLong = false;
  const read = inflateEntry(data, entry, (chunk, final) => {
    text += decoder.decode(chunk, { stream: !final });
    // Past HEAD_LIMIT the part is read whole instead, where its size is checked before unpacking
    // (a zip bomb's 1.5 GB sheet took 16 s and 2 GB to be refused).
    tooLong = text.length > HEAD_LIMIT;
    return tooLong || enough(text);
  });
  return read && !tooLong ? text : null;
}

/** The most of a part read in pieces for a header read (a sheet's first rows, or shared strings). */
const HEAD_LIMIT = 64 * 2 ** 20;

/** Count of `tag` in `text`, stopping at `atLeast`. */
function countAtLeast(text: string, tag: string, atLeast: number): boolean {
  let n = 0;
  for (let i = text.indexOf(tag); i >= 0 && n < atLeast; i = text.indexOf(tag, i + tag.length)) n++;
  return n >= atLeast;
}

/** The prefix of a part's own elements (`x` of `<x:worksheet>`), or undefined when it has none. */
function elementPrefix(xml: string): string | undefined {
  return /^(?:<\?[^>]*>\s*)?<([A-Za-z][\w.-]*):(?:worksheet|workbook|sst|styleSheet)\b/.exec(xml)?.[1];
}

/**
 * A part's XML with the prefix of its own elements taken off: the Open XML SDK, ClosedXML and
 * Power BI write `<x:row>`, `<x:c>` where Excel writes `<row>`, `<c>`. Attributes keep theirs.
 */
function unprefixed(xml: string): string {
  const prefix = elementPrefix(xml);
  return prefix ? xml.replace(new RegExp(`<(/?)${prefix}:`, 'g'), '<$1') : xml;
}

/** Every part of the workbook unzipped, each decoded (and unprefixed) when first asked for. */
function wholeWorkbook(data: Uint8Array, fileName: string): (name: string) => string | null {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data, {
      filter: (f) => {
        // A part that would unpack past what a string can hold (a zip bomb, or no survey at all):
        // refused before a byte of it is unpacked.
        if (f.name.startsWith('xl/') && f.originalSize > MAX_STRING_CHARS) {
          throw new InputError(
            fileName,
            null,
            null,
            'too-large',
            `This .xlsx workbook's part "${f.name}" unpacks to ${(f.originalSize / 1e9).toFixed(1)} GB, more than can be read. Save the responses sheet as "CSV UTF-8" and add that, or export the responses again.`,
          );
        }
        return f.name.startsWith('xl/');
      },
    });
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(
      fileName,
      null,
      null,
      'unreadable-file',
      'This .xlsx workbook is damaged and cannot be opened.',
    );
  }
  const decoded = new Map<string, string>();
  return (name) => {
    if (!files[name]) return null;
    let text = decoded.get(name);
    if (text === undefined) decoded.set(name, (text = unprefixed(strFromU8(files[name]!))));
    return text;
  };
}

/** For a header read: the parts readXlsx reads, the sheet and shared strings only as far as needed. */
function workbookParts(data: Uint8Array, maxRows: number): Record<string, string> | null {
  if (!Number.isFinite(maxRows)) return null;
  const entries = zipEntries(data);
  if (!entries) return null;
  const whole = (name: string) => {
    const e = entries.get(name);
    return e ? entryHead(data, e, () => false) : null;
  };
  const parts: Record<string, string> = {};
  for (const name of ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml']) {
    const text = whole(name);
    if (text != null) parts[name] = text;
  }
  // Prefixed elements (`<x:row>`): the sheet's head cannot be cut by its tags; read it whole.
  if (elementPrefix(parts['xl/workbook.xml'] ?? '')) return null;
  // Each sheet in turn inflated only until a cell with a value shows (or the sheet ends).
  const sheets = sheetList(parts['xl/workbook.xml'] ?? null, parts['xl/_rels/workbook.xml.rels'] ?? null);
  const visible = sheets.filter((ref) => !ref.hidden);
  const withData = visible.filter((ref) => {
    const entry = entries.get(ref.path);
    const probe = entry ? entryHead(data, entry, (t) => hasCells(t) || t.includes('</sheetData>')) : null;
    return probe != null && hasCells(probe);
  });
  // Which of several sheets holds the responses is told from all their rows: read them whole.
  if (withData.length > 1) return null;
  const chosen = withData[0] ?? visible[0] ?? sheets[0]!;
  const sheetPath = chosen.path;
  const sheetEntry = entries.get(sheetPath);
  if (!sheetEntry) return null;
  const sheet = entryHead(
    data,
    sheetEntry,
    (t) => t.includes('</sheetData>') || countAtLeast(t, '</row>', maxRows + 1),
  );
  if (sheet == null) return null;
  parts[sheetPath] = sheet;
  // Shared strings as far as the largest index those rows use.
  let most = -1;
  // Cells read as readXlsx reads them, so no shared string a cell uses is left out.
  for (const m of sheet.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const v = attr(m[1]!, 't') === 's' ? /<v>([\s\S]*?)<\/v>/.exec(m[2] ?? '')?.[1] : undefined;
    if (v != null && Number.isInteger(Number(v))) most = Math.max(most, Number(v));
  }
  const sst = entries.get('xl/sharedStrings.xml');
  if (sst && most >= 0) {
    const text = entryHead(data, sst, (t) => countAtLeast(t, '</si>', most + 1));
    if (text == null) return null;
    parts['xl/sharedStrings.xml'] = text;
  }
  return parts;
}

/**
 * The responses sheet's cells as rows of text (the first `maxRows` only, when given: a header
 * read of a 50,000-row export then inflates only the start of the sheet and of its shared
 * strings), blank rows between them included. Throws InputError when the workbook is unreadable.
 */
export function readXlsx(
  data: Uint8Array,
  fileName: string,
  maxRows = Infinity,
  /** Filled with the sheet read and the workbook's other sheets, for a note. */
  sheets?: WorkbookSheets,
): string[][] {
  const { rows, lines } = readWorkbookRows(data, fileName, maxRows, sheets);
  const width = rows[0]?.length ?? 0;
  const out: string[][] = [];
  rows.forEach((row, i) => {
    while (out.length < lines[i]! - 1) out.push(new Array<string>(width).fill(''));
    out.push(row);
  });
  return out;
}

/**
 * The rows of the sheet readXlsx reads that hold a value, each with its row number, all as wide as
 * the widest: blank rows and cells that are only formatting cost nothing (a border applied down to
 * row 1,048,576, a coloured cell at column XFD).
 */
export function readWorkbookRows(
  data: Uint8Array,
  fileName: string,
  maxRows = Infinity,
  sheets?: WorkbookSheets,
): { rows: string[][]; lines: number[] } {
  const head = workbookParts(data, maxRows);
  const text = head ? (name: string) => head[name] ?? null : wholeWorkbook(data, fileName);
  const all = sheetList(text('xl/workbook.xml'), text('xl/_rels/workbook.xml.rels'));
  let choice: SheetChoice;
  try {
    choice = chooseSheet(all, text, cellReader(text), maxRows);
  } catch (err) {
    if (!(err instanceof DamagedSheet)) throw err;
    throw new InputError(
      fileName,
      null,
      null,
      'unreadable-file',
      `This .xlsx workbook is damaged (its sheet has ${err.message}) and cannot be read. Open it in Excel or LibreOffice and save it again, or export the responses again.`,
    );
  }
  const { chosen, cells, passedOver, guessed } = choice;
  const sheet = text(chosen.path);
  if (!sheet)
    throw new InputError(fileName, null, null, 'unreadable-file', 'This .xlsx workbook has no worksheet.');
  if (sheets) {
    sheets.read = chosen.name;
    // Only sheets with something in them: Excel's empty "Sheet2" and "Sheet3" are not worth a note.
    sheets.others = all
      .filter((ref) => ref !== chosen && hasCells(text(ref.path) ?? ''))
      .map((ref) => ref.name);
    sheets.passedOver = passedOver;
    if (guessed) sheets.guessed = guessed;
    sheets.hiddenColumns = hiddenColumns(sheet);
    sheets.hiddenRows = cells.hiddenRows;
    sheets.errorCells = cells.errorCells;
    sheets.formulaColumns = cells.formulaColumns;
  }
  return {
    rows: gridOf(cells.rows, sheet.length, fileName, chosen.name),
    lines: cells.rows.map((r) => r.line),
  };
}

/** One row's cells that hold a value: their 0-based columns and their text, left to right. */
interface CellRow {
  line: number;
  columns: number[];
  values: string[];
}

interface SheetCells {
  rows: CellRow[];
  /** The rows with values that the sheet hides (a filter, or Hide Rows), by row number. */
  hiddenRows: number[];
  /** How many cells hold a formula's error (#N/A, #REF!), read as empty. */
  errorCells: number;
  formulaColumns: FormulaColumn[];
}

/** A column whose values are all formulas under its header: one added in the spreadsheet. */
export interface FormulaColumn {
  /** 0-based. */
  index: number;
  /** Its letter, as Excel shows it (H). */
  letter: string;
  /** The text above its formulas, if any. */
  header: string | null;
}

/** Excel's last row. */
const MAX_SHEET_ROWS = 1_048_576;

/** A sheet whose XML no spreadsheet program would write: readWorkbookRows says so, naming the file. */
class DamagedSheet extends Error {}

/** A cell's text from its tag's attributes and its inner XML; null for a formula's error. */
type CellValue = (tag: string, inner: string) => string | null;

/** How each cell of this workbook is read: shared strings as far as needed, dates as dates. */
function cellReader(text: (name: string) => string | null): CellValue {
  const shared: string[] = [];
  const sst = text('xl/sharedStrings.xml') ?? '';
  // Read on by indexOf from where the last string ended: a lazy pattern over a damaged part (an
  // <si> never closed) rescanned it to the end from every <si>, for hours on 2 MB.
  let at = 0;
  const sharedString = (index: number): string => {
    while (shared.length <= index && at >= 0) {
      const start = sst.indexOf('<si>', at);
      const end = start < 0 ? -1 : sst.indexOf('</si>', start + 4);
      if (start >= 0 && end < 0) throw new DamagedSheet('text (a shared string) that is never closed');
      if (end < 0) {
        at = -1;
        break;
      }
      shared.push(textOf(sst.slice(start + 4, end)));
      at = end + 5;
    }
    return shared[index] ?? '';
  };
  const dates = dateStyles(text('xl/styles.xml'));
  // Serials count from 1904 in a workbook set so (Excel for Mac's old default): shifted to 1900's.
  const workbookPr = /<workbookPr\b[^>]*>/.exec(text('xl/workbook.xml') ?? '')?.[0] ?? '';
  const dayShift = /^(1|true)$/.test(attr(workbookPr, 'date1904') ?? '') ? DAYS_1904 : 0;
  return (tag, inner) => {
    const t = attr(tag, 't');
    const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
    if (t === 's') return v == null ? '' : sharedString(Number(v));
    if (t === 'inlineStr') return textOf(inner);
    if (t === 'b') return v === '1' ? 'TRUE' : 'FALSE';
    // #N/A, #REF!: a formula's failure, not an answer (a lookup that found no one).
    if (t === 'e') return v == null ? '' : null;
    if (v == null) return '';
    const value = unescapeXml(v);
    const style = Number(attr(tag, 's') ?? -1);
    if (t !== 'str' && dates.has(style) && value !== '' && Number.isFinite(Number(value))) {
      return serialToIso(Number(value) + dayShift);
    }
    // A whole number some writers store as "1.14230001235E+11": an id, shown as Excel does.
    if (t !== 'str' && /e/i.test(value) && Number.isSafeInteger(Number(value))) return String(Number(value));
    return value;
  };
}

/**
 * The rows of a sheet (up to row `maxRows`) with a value in them. A cell with none, or only
 * spaces, is left out, so formatting far from the data does not widen or lengthen the table.
 */
function sheetCells(sheet: string, cellValue: CellValue, maxRows: number): SheetCells {
  const rows: CellRow[] = [];
  const hiddenRows: number[] = [];
  const kinds = new Map<number, ColumnKinds>();
  let errorCells = 0;
  let line = 0;
  // Each row's opening tag by pattern, its end by indexOf: a lazy pattern for the whole row ran
  // to the end of the sheet from every row of a damaged one (a <row> never closed).
  const rowRe = /<row\b([^>]*?)(\/?)>/g;
  const cellRe = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  for (let rm = rowRe.exec(sheet); rm; rm = rowRe.exec(sheet)) {
    const r = attr(rm[1]!, 'r');
    line = r == null ? line + 1 : Number(r);
    // Excel's rows are numbered 1 to 1,048,576: another number is a damaged file, whose blank
    // rows up to row 1,000,000,000 would fill the memory.
    if (!Number.isInteger(line) || line < 1 || line > MAX_SHEET_ROWS)
      throw new DamagedSheet(`a row numbered "${r}"`);
    if (line > maxRows) break;
    let body = '';
    if (rm[2] !== '/') {
      const end = sheet.indexOf('</row>', rowRe.lastIndex);
      if (end < 0) {
        // A header read inflates the sheet only so far: its last row may be cut off there.
        if (Number.isFinite(maxRows) && !sheet.includes('</sheetData>')) break;
        throw new DamagedSheet(`row ${line} that is never closed`);
      }
      body = sheet.slice(rowRe.lastIndex, end);
      rowRe.lastIndex = end + 6;
    }
    const row: CellRow = { line, columns: [], values: [] };
    let column = -1;
    cellRe.lastIndex = 0;
    for (let cm = cellRe.exec(body); cm; cm = cellRe.exec(body)) {
      const tag = cm[1]!;
      const inner = cm[2] ?? '';
      const ref = attr(tag, 'r');
      column = ref ? columnIndex(ref) : column + 1;
      const value = cellValue(tag, inner);
      if (value === null) errorCells++;
      else if (value.trim() !== '') {
        row.columns.push(column);
        row.values.push(value);
        noteKind(kinds, column, value, /<f[\s>/]/.test(inner));
      }
    }
    if (row.columns.length > 0) {
      rows.push(row);
      if (/^(1|true)$/.test(attr(rm[1]!, 'hidden') ?? '')) hiddenRows.push(line);
    }
  }
  return { rows, hiddenRows, errorCells, formulaColumns: formulaColumns(kinds) };
}

/** What a column holds, top down: typed text, then formulas. */
interface ColumnKinds {
  formulas: number;
  /** Typed cells above its first formula (a header), and the last of them. */
  typedAbove: number;
  header: string;
  typedBelow: boolean;
}

function noteKind(kinds: Map<number, ColumnKinds>, column: number, value: string, isFormula: boolean): void {
  let k = kinds.get(column);
  if (!k) kinds.set(column, (k = { formulas: 0, typedAbove: 0, header: '', typedBelow: false }));
  if (isFormula) k.formulas++;
  else if (k.formulas > 0) k.typedBelow = true;
  else [k.typedAbove, k.header] = [k.typedAbove + 1, value.trim()];
}

/** Typed cells a formula column may have above its formulas: a header, Qualtrics' three rows. */
const MAX_HEADER_CELLS = 3;

/**
 * The columns that hold formulas under at most a header, as an evaluator adds beside an export
 * ("No. named" = a COUNT, "Len" = LEN(...)); none when every column is so (a sheet built of
 * references to another is the data itself).
 */
function formulaColumns(kinds: Map<number, ColumnKinds>): FormulaColumn[] {
  const found: FormulaColumn[] = [];
  for (const [index, k] of kinds) {
    if (k.formulas > 0 && !k.typedBelow && k.typedAbove <= MAX_HEADER_CELLS)
      found.push({ index, letter: columnLetters(index), header: k.typedAbove > 0 ? k.header : null });
  }
  return found.length < kinds.size ? found.sort((a, b) => a.index - b.index) : [];
}

/** Cells a sheet may be spread out to beyond its own text's length (which is in memory already). */
const MAX_GRID_CELLS = 10_000_000;

/**
 * Rows of text as wide as the widest, as papaparse gives for CSV. A sheet whose few values sit
 * far apart on many rows (column XFD on every row) would spread out to billions of empty cells:
 * refused, saying so, rather than running out of memory.
 */
function gridOf(rows: CellRow[], sheetLength: number, fileName: string, sheetName: string): string[][] {
  let width = 0;
  for (const row of rows) width = Math.max(width, row.columns[row.columns.length - 1]! + 1);
  if (rows.length * width > Math.max(MAX_GRID_CELLS, sheetLength)) {
    throw new InputError(
      fileName,
      null,
      null,
      'unreadable-file',
      `The sheet "${sheetName}" has cells as far out as column ${columnLetters(width - 1)} on ${rows.length} rows: too large a table to read. Delete the columns and rows beyond the responses (or save the sheet as "CSV UTF-8") and add the file again.`,
    );
  }
  return rows.map((row) => {
    const cells = new Array<string>(width).fill('');
    row.columns.forEach((c, k) => (cells[c] = row.values[k]!));
    return cells;
  });
}

/** 0-based column index to Excel's letters: 0=A, 26=AA, 16383=XFD. */
function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Which sheet readXlsx read, the names of the others (left unread), and its hidden columns. */
export interface WorkbookSheets {
  read?: string;
  others?: string[];
  /** 0-based indices of the columns hidden in the sheet read (Excel's Hide, or a zero width). */
  hiddenColumns?: number[];
  /** Row numbers of the rows with values that the sheet read hides (a filter, or Hide Rows). */
  hiddenRows?: number[];
  /** How many cells hold a formula's error (#N/A, #REF!), read as empty. */
  errorCells?: number;
  /** Sheets passed over as a summary of the responses (a pivot table, counts). */
  passedOver?: string[];
  /** Set when no sheet clearly holds the responses: the one read was the first that might, or the longest. */
  guessed?: 'first' | 'most rows';
  /** Columns of formulas only, added in the spreadsheet (a count, a length), not answers. */
  formulaColumns?: FormulaColumn[];
}

/**
 * The columns a sheet hides: each `<col min max>` range (1-based) with hidden="1" or a zero
 * width, as Excel writes when a column is hidden by hand.
 */
function hiddenColumns(sheetXml: string): number[] {
  const cols = /<cols>([\s\S]*?)<\/cols>/.exec(sheetXml)?.[1];
  if (!cols) return [];
  const hidden: number[] = [];
  for (const m of cols.matchAll(/<col\b[^>]*>/g)) {
    const tag = m[0];
    const isHidden = /^(1|true)$/.test(attr(tag, 'hidden') ?? '') || Number(attr(tag, 'width') ?? 1) === 0;
    const min = Number(attr(tag, 'min'));
    const max = Number(attr(tag, 'max'));
    // Excel hides "to the end" as max="16384"; a sheet's real columns are far fewer.
    if (isHidden && min >= 1 && max >= min)
      for (let c = min; c <= Math.min(max, min + 1024); c++) hidden.push(c - 1);
  }
  return hidden;
}

interface SheetRef {
  name: string;
  path: string;
  hidden: boolean;
}

/** A worksheet with at least one cell holding a value (not only formatting). */
function hasCells(sheetXml: string): boolean {
  return sheetXml.includes('<v>') || sheetXml.includes('<is>');
}

/** The workbook's sheets in tab order, each with its part's path. */
function sheetList(workbook: string | null, rels: string | null): SheetRef[] {
  const targets = new Map<string, string>();
  for (const m of (rels ?? '').matchAll(/<Relationship\s[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const out: SheetRef[] = [];
  for (const m of (workbook ?? '').matchAll(/<sheet\s[^>]*>/g)) {
    const path = targets.get(attr(m[0], 'r:id') ?? '');
    if (!path) continue;
    const name = attr(m[0], 'name') ?? `Sheet${out.length + 1}`;
    out.push({ name, path, hidden: /hidden/i.test(attr(m[0], 'state') ?? '') });
  }
  if (out.length === 0) out.push({ name: 'Sheet1', path: 'xl/worksheets/sheet1.xml', hidden: false });
  return out;
}

/** The sheet read, its rows, and how it was told from the others. */
interface SheetChoice {
  chosen: SheetRef;
  cells: SheetCells;
  /** Sheets passed over as a summary of the responses (a pivot table, counts). */
  passedOver: string[];
  /** When no sheet clearly holds the responses: why the one read was taken. */
  guessed?: 'first' | 'most rows';
}

/**
 * The sheet holding the responses. With one visible sheet with cells, that one (a blank "Sheet1" or
 * a cover sheet is passed over). With several, never a summary (a pivot table, or a sheet named as
 * one) when another is left; of the rest, those a survey tool's header or name marks as responses
 * ("Timestamp", "Response ID", a name question; "Form responses 1"), and of them the one with by far
 * the most rows. When that does not settle it, the first (or of marked ones, the longest), guessed.
 */
function chooseSheet(
  all: SheetRef[],
  text: (name: string) => string | null,
  cellValue: CellValue,
  maxRows: number,
): SheetChoice {
  const visible = all.filter((ref) => !ref.hidden);
  const withData = visible.filter((ref) => hasCells(text(ref.path) ?? ''));
  if (withData.length <= 1) {
    const chosen = withData[0] ?? visible[0] ?? all[0]!;
    return { chosen, cells: sheetCells(text(chosen.path) ?? '', cellValue, maxRows), passedOver: [] };
  }
  // Every row of each, so the header read (maxRows) chooses as the whole read does.
  const looks = withData.map((ref) => sheetLook(ref, sheetCells(text(ref.path)!, cellValue, Infinity)));
  const readable = looks.filter((l) => !l.summary);
  const pool = readable.length > 0 ? readable : looks;
  const marked = pool.filter((l) => l.responses);
  const group = marked.length > 0 ? marked : pool;
  const longest = group.reduce((a, b) => (b.cells.rows.length > a.cells.rows.length ? b : a));
  const byFar = group.every(
    (l) => l === longest || l.cells.rows.length * BY_FAR_MORE_ROWS <= longest.cells.rows.length,
  );
  let chosen = group[0]!;
  let guessed: SheetChoice['guessed'] = 'first';
  if (readable.length > 0 && (group.length === 1 || byFar)) [chosen, guessed] = [longest, undefined];
  else if (marked.length > 1) [chosen, guessed] = [longest, 'most rows'];
  const cells = chosen.cells;
  if (Number.isFinite(maxRows)) cells.rows = cells.rows.filter((r) => r.line <= maxRows);
  const passedOver = looks.filter((l) => l.summary && l !== chosen).map((l) => l.ref.name);
  return { chosen: chosen.ref, cells, passedOver, ...(guessed ? { guessed } : {}) };
}

/** "By far the most rows": this many times any other sheet's. */
const BY_FAR_MORE_ROWS = 3;
/** Rows looked at for a header: a title row or two, and Qualtrics' or SurveyMonkey's second one. */
const HEAD_ROWS = 4;
/** Rows looked at for a pivot table's labels: Excel puts a pivot at A3, its filters above. */
const PIVOT_HEAD_ROWS = 10;

interface SheetLook {
  ref: SheetRef;
  cells: SheetCells;
  summary: boolean;
  responses: boolean;
}

function sheetLook(ref: SheetRef, cells: SheetCells): SheetLook {
  const headCells = (n: number) => cells.rows.slice(0, n).flatMap((r) => r.values.map((v) => v.trim()));
  const header = headCells(HEAD_ROWS);
  const layout = detectLayout(cells.rows.slice(0, HEAD_ROWS).map(textRow));
  const responses =
    RESPONSES_SHEET.test(ref.name) ||
    layout.format !== 'simple' ||
    header.some((c) => RESPONSE_COLUMN.test(c) || isNameGenerator(c));
  const pivot = headCells(PIVOT_HEAD_ROWS).some((c) => PIVOT_LABEL.test(c));
  // A total under a list of counts; under responses it is only their total row, passed over later.
  const last = cells.rows[cells.rows.length - 1];
  const totalRow =
    last != null && last.columns[0] === 0 && /^(grand total|total result)$/i.test(last.values[0]!);
  return {
    ref,
    cells,
    responses,
    summary: SUMMARY_SHEET.test(ref.name) || pivot || (totalRow && !responses),
  };
}

/** A row's cells as text, each in its column. */
function textRow(row: CellRow): string[] {
  const cells: string[] = [];
  row.columns.forEach((c, k) => {
    while (cells.length < c) cells.push('');
    cells[c] = row.values[k]!;
  });
  return cells;
}

const SUMMARY_SHEET =
  /^(summary|export summary|pivot|pivot ?table|chart|charts|overview|dashboard|totals|counts|notes|instructions|read ?me)\b/i;

/** Sheets responses go to: Google Sheets' "Form responses 1" (and translations), "Responses", "... of MS Forms". */
const RESPONSES_SHEET =
  /\b(form ?responses|responses|survey data|ms forms)\b|formularantworten|réponses au formulaire|respuestas de formulario|risposte del modulo|formulierreacties|respostas ao formulário/i;

/** Columns survey tools write beside the answers (a layout detectLayout reads as 'simple' has these). */
const RESPONSE_COLUMN =
  /^(timestamp|resp(onse|ondent) ?id|start ?time|completion time|submitted|submission date)$/i;

/**
 * A pivot table's own labels (Excel's, Google Sheets', LibreOffice's): "Row Labels", a value field
 * "Count of Response ID" / "COUNTA of ..." / "Sum - ...", as a summary pasted as values keeps them.
 */
const PIVOT_LABEL = /^(row labels|column labels|(count|counta|sum|average|min|max) (of|-) \S.*)$/i;
