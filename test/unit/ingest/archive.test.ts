// Zipped exports (Google Forms, Qualtrics and SurveyMonkey download their data as a .zip) are
// read as the one data file inside; anything else in a .zip gets a message that says what to do.
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { archiveHead, unpackArchive } from '../../../src/core/ingest/archive';
import { readXlsx } from '../../../src/core/ingest/xlsx';
import { readAppraisals } from '../../../src/core/appraisal/read';
import { QualityCollector } from '../../../src/core/quality';
import type { InputFile } from '../../../src/core/model';
import { googleFormsExport } from '../../../bench/ingest.bench';
import { codes, fixture, inputErrorOf, run, tieSet } from './helpers';

const zip = (name: string, members: Record<string, Uint8Array>): InputFile => ({
  name,
  data: zipSync(members),
});

describe('zipped survey exports', () => {
  it("Google Forms' zipped download: the CSV inside gives the same network, named after the .zip", () => {
    const plain = run([fixture('google-forms.csv')]);
    const zipped = run([fixture('google-forms.zip')]);
    expect(tieSet(zipped)).toEqual(tieSet(plain));
    expect(zipped.mapping.surveys[0]!).toMatchObject({ file: 'google-forms.zip', format: 'google-forms' });
    expect(zipped.quality.issues.find((i) => i.code === 'archive')).toMatchObject({
      file: 'google-forms.zip',
      severity: 'info',
      message: 'Read "Millbrook survey (Responses).csv" from this .zip archive.',
    });
    // Every other note names the file the user uploaded, with the same rows.
    const where = (r: typeof plain) =>
      r.quality.issues.filter((i) => i.code !== 'archive').map((i) => [i.code, i.row, i.column]);
    expect(where(zipped)).toEqual(where(plain));
  });

  it('a zip streamed by a web server (sizes in data descriptors) and made on a Mac (__MACOSX) is read', () => {
    const plain = run([fixture('qualtrics.csv')]);
    const zipped = run([fixture('qualtrics-stream.zip')]);
    expect(tieSet(zipped)).toEqual(tieSet(plain));
    expect(zipped.mapping.surveys[0]!.format).toBe('qualtrics');
  });

  it('an .xlsx inside a zip is read as a workbook; an .xlsx on its own is not unpacked', () => {
    const workbook = fixture('microsoft-forms.xlsx');
    const zipped = run([zip('forms.zip', { 'Export/Millbrook.xlsx': workbook.data as Uint8Array })]);
    const direct = run([workbook]);
    expect(tieSet(zipped)).toEqual(tieSet(direct));
    expect(tieSet(direct).length).toBeGreaterThan(0);
    expect(codes(direct.quality)).not.toContain('archive');
  });

  it("ODK Central's all-data zip: the form's CSV is read, its repeat groups' CSVs named in the note", () => {
    const survey = 'Response ID,Respondent type,Who do you trust?\nR1,Resident,Helen Okafor\n';
    const odk = zip('millbrook.zip', {
      'millbrook.csv': strToU8(survey),
      'millbrook-people.csv': strToU8('PARENT_KEY,name\nR1,x\n'),
      'media/photo.jpg': new Uint8Array([0xff, 0xd8]),
    });
    const r = run([odk]);
    expect(tieSet(r)).toEqual(['r-R1>ps-01:trust']);
    const note = r.quality.issues.find((i) => i.code === 'archive')!.message;
    expect(note).toContain('Read "millbrook.csv"');
    expect(note).toContain('"millbrook-people.csv" beside it');
    expect(note).toContain('not read');
    // The page's header read takes the same file.
    const head = archiveHead(odk, 1024)!;
    expect(new TextDecoder().decode(head.data as Uint8Array)).toBe(survey);
  });

  it('a zip with no data file, several data files, or damaged bytes stops with a message naming the file', () => {
    const q = new QualityCollector();
    const none = inputErrorOf(() => unpackArchive(zip('notes.zip', { 'readme.pdf': strToU8('%PDF') }), q));
    expect(none).toMatchObject({ file: 'notes.zip', code: 'unreadable-file' });
    expect(none.message).toContain('holds no CSV or Excel file (it holds: readme.pdf)');

    const two = inputErrorOf(() =>
      unpackArchive(zip('both.zip', { 'a.csv': strToU8('x\n1\n'), 'b.csv': strToU8('y\n2\n') }), q),
    );
    expect(two.message).toContain('holds 2 data files (a.csv, b.csv)');

    const damaged = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    const bad = inputErrorOf(() => unpackArchive({ name: 'broken.zip', data: damaged }, q));
    expect(bad).toMatchObject({ file: 'broken.zip', code: 'unreadable-file' });

    // Through the whole of ingest, too: the run stops naming the upload.
    expect(
      inputErrorOf(() => run([zip('both.zip', { 'a.csv': strToU8('x\n'), 'b.csv': strToU8('y\n') })])),
    ).toMatchObject({ file: 'both.zip' });
  });

  it('other inputs read from a zip too (a 360 export)', () => {
    const csv = 'ratee_id,rater_group,competency,score\nps-01,peer,communication,4\n';
    const roster = [
      {
        id: 'ps-01',
        label: 'Helen Okafor',
        type: 'public-servant',
        sector: 'public',
        onRoster: true,
        attrs: {},
      },
    ];
    const direct = readAppraisals({ name: '360.csv', data: csv }, roster as never, new QualityCollector());
    const zipped = readAppraisals(
      zip('360.zip', { '360.csv': strToU8(csv) }),
      roster as never,
      new QualityCollector(),
    );
    expect(zipped.map((r) => r.file)).toEqual(['360.zip']);
    expect(zipped.map((r) => ({ ...r, file: '360.csv' }))).toEqual(direct);
    expect(direct.length).toBe(1);
  });

  it("archiveHead inflates only the start of a large zipped export (the page's header read)", () => {
    const names = ['Dr Priya Patel', 'Helen Okafor', 'Millbrook Food Bank'];
    const text = googleFormsExport(20_000, names);
    const file = zip('big.zip', { 'big.csv': strToU8(text) });
    const head = archiveHead(file, 64 * 1024)!;
    const bytes = head.data as Uint8Array;
    expect(head.name).toBe('big.zip');
    expect(bytes.length).toBeGreaterThanOrEqual(64 * 1024);
    expect(bytes.length).toBeLessThan(text.length / 4);
    expect(new TextDecoder().decode(bytes)).toBe(text.slice(0, bytes.length));
    // Not an export archive: nothing to take the head of.
    expect(archiveHead(fixture('microsoft-forms.xlsx'), 1024)).toBeNull();
    expect(archiveHead(fixture('google-forms.csv'), 1024)).toBeNull();
    // A zip streamed by a web server (sizes only in the directory) and made on a Mac: the one CSV.
    expect(archiveHead(fixture('qualtrics-stream.zip'), 1 << 20)!.data).toEqual(
      fixture('qualtrics.csv').data,
    );
    // A small zipped file comes back whole.
    expect(
      new TextDecoder().decode(archiveHead(fixture('google-forms.zip'), 1 << 20)!.data as Uint8Array),
    ).toBe(new TextDecoder().decode(fixture('google-forms.csv').data as Uint8Array));
  });
});

describe('the head of a large workbook', () => {
  /** A workbook of `n` answer rows whose header uses the last shared strings, not the first. */
  function workbook(n: number, level: 0 | 6): Uint8Array {
    const header = ['ID', 'Email', 'Who do you trust?'];
    const answers = Array.from({ length: n }, (_, i) => [`${i + 1}`, `p${i}@example.org`, `Name ${i % 97}`]);
    const strings: string[] = [];
    const id = (s: string) => (strings.includes(s) ? strings.indexOf(s) : strings.push(s) - 1);
    for (const row of answers) for (const v of row.slice(1)) id(v);
    const cell = (v: string, c: number, r: number) => `<c r="${'ABC'[c]}${r}" t="s"><v>${id(v)}</v></c>`;
    const rows = [header, ...answers]
      .map((row, r) => `<row r="${r + 1}">${row.map((v, c) => cell(v, c, r + 1)).join('')}</row>`)
      .join('');
    const files = {
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/workbook.xml': strToU8(
        '<workbook><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${rows}</sheetData></worksheet>`),
      'xl/sharedStrings.xml': strToU8(`<sst>${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`),
    };
    return zipSync(files, { level });
  }

  it('reads the same first rows as the whole read, deflated or stored', () => {
    for (const level of [6, 0] as const) {
      const data = workbook(5000, level);
      const whole = readXlsx(data, 'big.xlsx');
      expect(whole[0]).toEqual(['ID', 'Email', 'Who do you trust?']);
      for (const n of [1, 2, 5]) expect(readXlsx(data, 'big.xlsx', n)).toEqual(whole.slice(0, n));
    }
  });
});
