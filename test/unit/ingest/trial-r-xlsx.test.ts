// Workbooks as other writers save them, found misread in trial R: elements with a namespace prefix
// (Open XML SDK, ClosedXML, Power BI), phonetic runs, the 1904 date system, formula errors, ids in
// E-notation, Numbers' "Export Summary" sheet, formats to refuse by name, and runs of blank rows.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readXlsx, type WorkbookSheets } from '../../../src/core/ingest/xlsx';
import { codes, run, text, tieSet, workbookOf } from './helpers';

const SURVEY = [
  ['Response ID', 'Which best describes you?', 'Who do you trust?'],
  ['R1', 'Resident', 'Helen Okafor'],
  ['R2', 'Volunteer', 'Amira Haddad'],
];

/** A workbook of these parts, as a writer other than Excel might zip them. */
function workbook(parts: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(parts).map(([name, xml]) => [name, strToU8(xml)])));
}

const RELS =
  '<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
const BOOK = (props = '') =>
  `<workbook xmlns:r="r">${props}<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
/** A sheet of inline-string rows, then any cells given as raw XML in a last row. */
const sheetOf = (rows: string[][], last = '') =>
  `<worksheet><sheetData>${rows
    .map(
      (row, r) =>
        `<row r="${r + 1}">${row.map((v) => `<c t="inlineStr"><is><t>${v}</t></is></c>`).join('')}</row>`,
    )
    .join('')}${last}</sheetData></worksheet>`;

describe('workbooks read as their writers save them (trial R)', () => {
  it("reads elements with a namespace prefix (<x:row>, <x:c>) as Excel's own", () => {
    const prefixed = (xml: string) =>
      xml.replace(/<(\/?)(?!\/)/g, '<$1x:').replace('<x:workbook', '<x:workbook xmlns:x="main"');
    const data = workbook({
      '[Content_Types].xml': '<Types/>',
      'xl/workbook.xml': prefixed(BOOK()),
      'xl/_rels/workbook.xml.rels': RELS,
      'xl/worksheets/sheet1.xml': prefixed(sheetOf(SURVEY)).replace(
        '<x:worksheet',
        '<x:worksheet xmlns:x="main"',
      ),
    });
    const r = run([{ name: 'sdk.xlsx', data }]);
    expect(tieSet(r)).toEqual(['r-R1>ps-01:trust', 'r-R2>ps-09:trust']);
    // The same through the header read of the import preview (a few rows only).
    expect(readXlsx(data, 'sdk.xlsx', 2)).toEqual(SURVEY.slice(0, 2));
  });

  it('leaves out a phonetic reading (<rPh>) and reads rich-text runs as one text', () => {
    const data = workbook({
      'xl/workbook.xml': BOOK(),
      'xl/_rels/workbook.xml.rels': RELS,
      'xl/sharedStrings.xml':
        '<sst><si><r><t>山田</t></r><r><t xml:space="preserve"> 太郎</t></r><rPh sb="0" eb="2"><t>ヤマダタロウ</t></rPh><phoneticPr fontId="1"/></si></sst>',
      'xl/worksheets/sheet1.xml':
        '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>',
    });
    expect(readXlsx(data, 'jp.xlsx')).toEqual([['山田 太郎']]);
  });

  it("reads date serials in the 1904 date system four years and a day later than in 1900's", () => {
    const styles =
      '<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="22" applyNumberFormat="1"/></cellXfs></styleSheet>';
    const dated = (props: string) =>
      readXlsx(
        workbook({
          'xl/workbook.xml': BOOK(props),
          'xl/_rels/workbook.xml.rels': RELS,
          'xl/styles.xml': styles,
          'xl/worksheets/sheet1.xml':
            '<worksheet><sheetData><row r="1"><c r="A1" s="1"><v>44990.5</v></c></row></sheetData></worksheet>',
        }),
        'mac.xlsx',
      )[0]![0];
    expect(dated('')).toBe('2023-03-05 12:00:00');
    expect(dated('<workbookPr date1904="1"/>')).toBe('2027-03-06 12:00:00');
    expect(dated('<workbookPr date1904="false"/>')).toBe('2023-03-05 12:00:00');
  });

  it('reads a formula error (#N/A) as empty, with a note, and an id in E-notation as its digits', () => {
    const data = workbook({
      'xl/workbook.xml': BOOK(),
      'xl/_rels/workbook.xml.rels': RELS,
      'xl/worksheets/sheet1.xml': sheetOf(
        [['Response ID', 'Roster ID', 'Which best describes you?', 'Who do you trust?']],
        '<row r="2"><c r="A2"><v>1.14230001235E+11</v></c><c r="B2" t="e"><f>VLOOKUP(X2,Staff!A:B,2,FALSE)</f><v>#N/A</v></c><c r="C2" t="inlineStr"><is><t>Resident</t></is></c><c r="D2" t="inlineStr"><is><t>Helen Okafor</t></is></c></row>',
      ),
    });
    const sheets: WorkbookSheets = {};
    expect(readXlsx(data, 'lookup.xlsx', Infinity, sheets)[1]!.slice(0, 2)).toEqual(['114230001235', '']);
    expect(sheets.errorCells).toBe(1);
    const r = run([{ name: 'lookup.xlsx', data }]);
    expect(tieSet(r)).toEqual(['r-114230001235>ps-01:trust']);
    expect(codes(r.quality)).toContain('error-cells');
    expect(codes(r.quality)).not.toContain('unknown-roster-id');
  });

  it('passes over Apple Numbers\' "Export Summary" sheet to the table', () => {
    const data = workbookOf([
      {
        name: 'Export Summary',
        rows: [
          ['Numbers Sheet Name', 'Numbers Table Name', 'Excel Worksheet Name'],
          ['Sheet 1', 'Table 1', 'Sheet 1 - Table 1'],
        ],
      },
      { name: 'Sheet 1 - Table 1', rows: SURVEY },
    ]);
    const r = run([{ name: 'numbers.xlsx', data }]);
    expect(tieSet(r)).toEqual(['r-R1>ps-01:trust', 'r-R2>ps-09:trust']);
    expect(r.quality.issues.find((i) => i.code === 'workbook-sheets')?.message).toMatch(
      /^The sheet "Sheet 1 - Table 1" was read; the workbook's other sheets \("Export Summary"\)/,
    );
  });

  it('refuses an .ods, an .xlsb and a password-protected workbook, saying which it is', () => {
    const ods = zipSync({
      mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'),
      'content.xml': strToU8('<office:document-content/>'),
    });
    expect(() => run([{ name: 'saved.ods', data: ods }])).toThrow(/OpenDocument file \(\.ods/);
    const xlsb = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/workbook.bin': new Uint8Array(8),
    });
    expect(() => run([{ name: 'saved.xlsb', data: xlsb }])).toThrow(/Excel binary workbook \(\.xlsb\)/);
    // An encrypted .xlsx: an Office container whose directory names its EncryptedPackage stream.
    const encrypted = new Uint8Array(2048);
    encrypted.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    encrypted.set(
      [...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]),
      1024 + 64,
    );
    expect(() => run([{ name: 'locked.xlsx', data: encrypted }])).toThrow(/protected with a password/);
    // An old .xls is still told as one.
    const xls = encrypted.slice(0, 1024);
    expect(() => run([{ name: 'old.xls', data: xls }])).toThrow(/old-format Excel workbook \(\.xls\)/);
  });
});

describe('runs of blank rows between answers (trial R)', () => {
  it('are one note each, counting their rows, in a CSV and in a workbook alike', () => {
    const rows = [...SURVEY, ['', '', ''], ['', '', ''], ['', '', ''], ['R3', 'Resident', 'Helen Okafor']];
    const blank = (r: ReturnType<typeof run>) =>
      r.quality.issues.filter((i) => i.code === 'blank-row').map((i) => [i.row, i.message]);
    const csv = run([text('gaps.csv', rows.map((row) => row.join(',')).join('\n'))]);
    const xlsx = run([{ name: 'gaps.xlsx', data: workbookOf([{ name: 'Sheet1', rows }]) }]);
    for (const r of [csv, xlsx]) {
      expect(blank(r)).toEqual([[4, 'Rows 4–6 are blank (3 rows) and were skipped.']]);
      expect(r.quality.rows).toEqual({ read: 6, accepted: 3, rejected: 3 });
    }
  });
});
