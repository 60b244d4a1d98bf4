// Decode bytes in whatever encoding a survey tool or Excel wrote, and parse CSV with papaparse.
// Shared by every reader (surveys, rosters, appraisals, satisfaction, edge lists).
import Papa from 'papaparse';
import { InputError, type QualityCollector } from '../quality';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

/** BOM first; then strict UTF-8; otherwise Windows-1252 (Excel's "CSV" on Western Windows). */
export function decodeText(data: Uint8Array | string): DecodedText {
  if (typeof data === 'string') return { text: data.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  if (data[0] === 0xff && data[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(data.subarray(2)), encoding: 'utf-16le' };
  if (data[0] === 0xfe && data[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(data.subarray(2)), encoding: 'utf-16be' };
  const start = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(data.subarray(start)), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(data), encoding: 'windows-1252' };
  }
}

export interface CsvTable {
  file: string;
  header: string[];
  /** Data rows (header excluded); rowNumbers[i] is the 1-based line of rows[i] as a spreadsheet shows it. */
  rows: string[][];
  rowNumbers: number[];
  delimiter: string;
}

/**
 * Parse CSV text with a header row. Empty or header-only input is an InputError (the file cannot
 * be used at all); papaparse's row-level errors become quality issues with their row numbers.
 */
export function parseCsv(text: string, file: string, quality: QualityCollector): CsvTable {
  if (text.trim() === '') throw new InputError(file, null, null, 'empty-file', 'The file is empty.');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimitersToGuess: [',', ';', '\t', '|'] });
  const all = parsed.data;
  // Spreadsheet row numbers: count physical lines, since quoted answers may span several.
  const lineOfRow: number[] = [];
  let line = 1;
  for (const row of all) {
    lineOfRow.push(line);
    for (const cell of row) line += (cell.match(/\n/g) ?? []).length;
    line += 1;
  }
  for (const err of parsed.errors) {
    const row = err.row != null ? (lineOfRow[err.row] ?? null) : null;
    quality.warn(file, row, null, `csv-${err.code.toLowerCase()}`, `${err.message}.`);
  }
  const headerIndex = all.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerIndex < 0) throw new InputError(file, null, null, 'empty-file', 'The file has no header row.');
  const header = all[headerIndex]!.map((h) => h.trim());
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let i = headerIndex + 1; i < all.length; i++) {
    const row = all[i]!;
    if (row.every((c) => c.trim() === '')) continue;
    rows.push(row);
    rowNumbers.push(lineOfRow[i]!);
  }
  return { file, header, rows, rowNumbers, delimiter: parsed.meta.delimiter };
}

/** Index of a column by case/space-insensitive header name; -1 when absent. */
export function findColumn(header: string[], ...names: string[]): number {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');
  const wanted = names.map(norm);
  return header.findIndex((h) => wanted.includes(norm(h)));
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
