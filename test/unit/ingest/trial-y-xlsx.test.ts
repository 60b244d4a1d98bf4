// Workbooks a new user's trial (Y) found misread: formatting far from the data (a cell styled at
// XFD1 and A65536 ran the reader out of memory).
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../src/core/ingest/xlsx';
import { InputError } from '../../../src/core/quality';
import { run, tieSet } from './helpers';

const SURVEY = [
  ['Response ID', 'Which best describes you?', 'Who do you trust?'],
  ['R1', 'Resident', 'Helen Okafor'],
  ['R2', 'Volunteer', 'Amira Haddad'],
];

/** One sheet's workbook, its rows given as raw <row> XML (so cells can be styled, or formulas). */
function workbookOfXml(rowsXml: string): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'xl/workbook.xml': strToU8(
      '<workbook xmlns:r="r"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${rowsXml}</sheetData></worksheet>`),
  });
}

const inline = (ref: string, value: string) => `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;

/** Rows of inline strings from row 1, and `extra` XML cells appended to row `extraRow`'s cells. */
function rowsXml(rows: string[][], extra: Record<number, string> = {}): string {
  return rows
    .map((row, r) => {
      const cells = row.map((v, c) => inline(`${String.fromCharCode(65 + c)}${r + 1}`, v)).join('');
      return `<row r="${r + 1}">${cells}${extra[r + 1] ?? ''}</row>`;
    })
    .join('');
}

describe('formatting far from the data (trial Y)', () => {
  it('leaves out cells that are only formatting or spaces, however far out, and the empty rows after', () => {
    // A border at XFD1, a space typed at H2, and a styled cell 300 rows down.
    const data = workbookOfXml(
      rowsXml(SURVEY, { 1: '<c r="XFD1" s="1" t="n"></c>', 2: inline('H2', ' ') }) +
        '<row r="300"><c r="A300" s="1" t="n"/></row>',
    );
    expect(readXlsx(data, 'styled.xlsx')).toEqual(SURVEY);
    expect(tieSet(run([{ name: 'styled.xlsx', data }]))).toEqual(['r-R1>ps-01:trust', 'r-R2>ps-09:trust']);
  });

  it("reads a sheet formatted to Excel's last column and row in a moment, not out of memory", () => {
    const data = workbookOfXml(
      rowsXml(SURVEY, { 1: '<c r="XFD1" s="1" t="n"></c>' }) +
        '<row r="65536"><c r="A65536" s="1" t="n"/></row><row r="1048576"><c r="XFD1048576" s="1"/></row>',
    );
    const started = Date.now();
    const r = run([{ name: 'w10-XFD1-A65536.xlsx', data }]);
    expect(tieSet(r)).toEqual(['r-R1>ps-01:trust', 'r-R2>ps-09:trust']);
    expect(r.quality.rows.read).toBe(2);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses, saying why, a sheet whose values on every row sit at column XFD', () => {
    // 2,000 rows × 16,384 columns would be 33 million cells from a file of a few kilobytes.
    const rows = Array.from(
      { length: 2000 },
      (_, r) => `<row r="${r + 1}">${inline(`XFD${r + 1}`, 'x')}</row>`,
    );
    const data = workbookOfXml(rowsXml([SURVEY[0]!]) + rows.slice(1).join(''));
    expect(() => readXlsx(data, 'far.xlsx')).toThrow(InputError);
    expect(() => readXlsx(data, 'far.xlsx')).toThrow(/as far out as column XFD on 2000 rows/);
  });
});
