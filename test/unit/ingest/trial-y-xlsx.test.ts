// Workbooks a new user's trial (Y) found misread: formatting far from the data (a cell styled at
// XFD1 and A65536 ran the reader out of memory), a pivot or summary sheet before the responses, and
// columns of formulas an evaluator added beside the answers.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../src/core/ingest/xlsx';
import { readGrid } from '../../../src/core/ingest/table';
import { InputError, QualityCollector } from '../../../src/core/quality';
import { codes, run, tieSet, workbookOf } from './helpers';

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

describe('a pivot or summary sheet before the responses (trial Y)', () => {
  const responses = { name: 'Form responses 1', rows: SURVEY };
  const sheetsNote = (r: ReturnType<typeof run>) =>
    r.quality.issues.find((i) => i.code === 'workbook-sheets')?.message;

  it('passes over a pivot table Excel put on a new "Sheet2" before the data', () => {
    const pivot = {
      name: 'Sheet2',
      rows: [
        ['Row Labels', 'Count of Response ID'],
        ['Helen Okafor', '1'],
        ['Amira Haddad', '1'],
        ['Grand Total', '2'],
      ],
    };
    const data = workbookOf([pivot, responses]);
    const r = run([{ name: 'pivot.xlsx', data }]);
    expect(tieSet(r)).toEqual(['r-R1>ps-01:trust', 'r-R2>ps-09:trust']);
    expect(sheetsNote(r)).toBe(
      'The sheet "Form responses 1" was read; the workbook\'s other sheets ("Sheet2") were not. "Sheet2" looks like a summary (a pivot table, counts or notes), not the responses. Save the sheet you want as its own file if it is another one.',
    );
    // The header read (the import's column menus) reads the same sheet.
    expect(readXlsx(data, 'pivot.xlsx', 1)).toEqual([SURVEY[0]]);
  });

  it('passes over counts pasted as values, under a name question, on a sheet named "Sheet1" or "Analysis"', () => {
    for (const name of ['Sheet1', 'Analysis']) {
      const pasted = {
        name,
        rows: [
          ['Who do you trust?', 'Count of Response ID'],
          ['Helen Okafor', '1'],
          ['Amira Haddad', '1'],
        ],
      };
      const r = run([{ name: 'pasted.xlsx', data: workbookOf([pasted, responses]) }]);
      expect(tieSet(r)).toEqual(['r-R1>ps-01:trust', 'r-R2>ps-09:trust']);
      expect(sheetsNote(r)).toContain(`"Form responses 1" was read; the workbook's other sheets ("${name}")`);
    }
  });

  it('reads the sheet with by far the most rows when no header or name tells', () => {
    const lookup = {
      name: 'Sheet1',
      rows: [['Code', 'Label'], ...Array.from({ length: 3 }, () => ['1', 'a'])],
    };
    const data = { name: 'Data', rows: [['Q1', 'Q2'], ...Array.from({ length: 12 }, () => ['x', 'y'])] };
    const quality = new QualityCollector();
    const grid = readGrid({ name: 'book.xlsx', data: workbookOf([lookup, data]) }, quality);
    expect(grid.rows[0]).toEqual(['Q1', 'Q2']);
    expect(quality.issues.find((i) => i.code === 'workbook-sheets')?.message).toMatch(
      /^The sheet "Data" was read; the workbook's other sheets \("Sheet1"\) were not\. Save the sheet/,
    );
  });

  it('keeps to the responses over a longer sheet of other data (a staff list)', () => {
    const staff = {
      name: 'Staff',
      rows: [['Name', 'Role'], ...Array.from({ length: 20 }, (_, i) => [`Person ${i}`, 'Officer'])],
    };
    const r = run([{ name: 'with-staff.xlsx', data: workbookOf([staff, { name: 'Data', rows: SURVEY }]) }]);
    expect(tieSet(r)).toEqual(['r-R1>ps-01:trust', 'r-R2>ps-09:trust']);
  });

  it('when it is not clear, reads the first and says which sheet was read and which were not', () => {
    const first = { name: 'March', rows: [['Q1', 'Q2'], ...Array.from({ length: 5 }, () => ['x', 'y'])] };
    const second = { name: 'April', rows: [['Q1', 'Q2'], ...Array.from({ length: 7 }, () => ['x', 'y'])] };
    const quality = new QualityCollector();
    const grid = readGrid({ name: 'book.xlsx', data: workbookOf([first, second]) }, quality);
    expect(grid.rows).toHaveLength(6);
    expect(quality.issues.find((i) => i.code === 'workbook-sheets')?.message).toBe(
      'The sheet "March" was read; the workbook\'s other sheets ("April") were not. Which sheet holds the responses was not clear: "March" was read as the first that might hold them. If they are on another sheet, save that sheet as its own file and add it.',
    );
  });
});

describe('columns of formulas added beside the answers (trial Y)', () => {
  const formula = (ref: string, f: string, v: string, attrs = '') =>
    `<c r="${ref}"${attrs}><f>${f}</f><v>${v}</v></c>`;
  /** SURVEY with "No. named (trust)" (a COUNT of names) in D and "Len" (LEN of C) in E, as formulas. */
  const withFormulas = () =>
    workbookOfXml(
      rowsXml(SURVEY, {
        1: inline('D1', 'No. named (trust)') + inline('E1', 'Len'),
        2:
          formula('D2', 'IF(C2="",0,LEN(C2)-LEN(SUBSTITUTE(C2,";",""))+1)', '1') +
          formula('E2', 'LEN(C2)', '12'),
        // Excel writes the cells below the first of a filled-down formula as shared ones.
        3: '<c r="D3"><f t="shared" si="0"/><v>1</v></c><c r="E3" t="str"><f t="shared" si="1"/><v>12</v></c>',
      }),
    );

  it('leaves them out of the survey, named in one note, so a count is not read as names', () => {
    const r = run([{ name: 'counted.xlsx', data: withFormulas() }]);
    expect(tieSet(r)).toEqual(['r-R1>ps-01:trust', 'r-R2>ps-09:trust']);
    expect(r.quality.unmatched).toEqual([]);
    const notes = r.quality.issues.filter((i) => i.code === 'formula-columns');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message).toBe(
      'The columns "No. named (trust)", "Len" hold only formulas (added in the spreadsheet, a count or a length, say), not answers, so they were left out. If one holds answers, copy it and paste it as values (Paste Special > Values), and add the file again.',
    );
  });

  it('keeps a column with typed answers among its formulas, and a sheet made of formulas only', () => {
    const mixed = workbookOfXml(
      rowsXml(SURVEY, { 2: formula('D2', 'A2&""', 'R1'), 3: inline('D3', 'typed'), 1: inline('D1', 'Copy') }),
    );
    const quality = new QualityCollector();
    expect(readGrid({ name: 'mixed.xlsx', data: mixed }, quality).rows[2]).toEqual([...SURVEY[2]!, 'typed']);
    // Every cell a reference to another sheet: the sheet is the data.
    const references = workbookOfXml(
      SURVEY.map(
        (row, r) =>
          `<row r="${r + 1}">${row.map((v, c) => formula(`${'ABC'[c]}${r + 1}`, `Raw!${'ABC'[c]}${r + 1}`, v, ' t="str"')).join('')}</row>`,
      ).join(''),
    );
    const r = run([{ name: 'references.xlsx', data: references }]);
    expect(tieSet(r)).toEqual(['r-R1>ps-01:trust', 'r-R2>ps-09:trust']);
    expect(codes(r.quality)).not.toContain('formula-columns');
  });

  it("keeps them in a roster or codebook read (a name joined from two columns is a roster's data)", () => {
    const quality = new QualityCollector();
    const grid = readGrid({ name: 'staff.xlsx', data: withFormulas() }, quality);
    expect(grid.rows[0]).toEqual([...SURVEY[0]!, 'No. named (trust)', 'Len']);
    expect(codes(quality)).not.toContain('formula-columns');
  });
});
