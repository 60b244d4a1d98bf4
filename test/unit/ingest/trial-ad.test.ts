// Hostile and damaged files (trial AD): each is refused with a message naming the file and why,
// never a crash, an engine error or a run that does not end.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readPlainNetwork, splitNames } from '../../../src/core/ingest';
import { checkMapping } from '../../../src/core/ingest/mapping-file';
import { QualityCollector } from '../../../src/core/quality';
import { inputErrorOf, run, text, workbookOf } from './helpers';

const survey = [
  ['Timestamp', 'Who do you trust?'],
  ['2026/03/01 1:00:00 PM GMT', 'Helen Okafor'],
];

/** A workbook of `survey` whose sheet XML (or shared strings) `damage` rewrites. */
function damaged(damage: (parts: Record<string, string>) => void): Uint8Array {
  const files = unzipSync(workbookOf([{ name: 'Responses', rows: survey }]));
  const parts: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(files)) parts[name] = strFromU8(bytes);
  damage(parts);
  return zipSync(Object.fromEntries(Object.entries(parts).map(([name, xml]) => [name, strToU8(xml)])));
}

const SHEET = 'xl/worksheets/sheet1.xml';

describe('a damaged .xlsx workbook', () => {
  it.each([
    ['1000000000', '1000000000'],
    ['Infinity', 'Infinity'],
  ])('with a row numbered %s is refused (before: blank rows up to it filled the memory)', (r, shown) => {
    const data = damaged((p) => (p[SHEET] = p[SHEET]!.replace('<row r="2">', `<row r="${r}">`)));
    const err = inputErrorOf(() => run([{ name: 'responses.xlsx', data }]));
    expect(err.file).toBe('responses.xlsx');
    expect(err.message).toContain(`a row numbered "${shown}"`);
  });

  it('with a row never closed is refused (before: read on for hours, row by row to the end)', () => {
    const data = damaged((p) => (p[SHEET] = p[SHEET]!.replace(/<\/row><\/sheetData>/, '</sheetData>')));
    expect(inputErrorOf(() => run([{ name: 'responses.xlsx', data }])).message).toContain('never closed');
  });

  it('with shared text never closed is refused, not read as blank cells', () => {
    const data = damaged((p) => {
      p[SHEET] = p[SHEET]!.replace(
        /<c r="B2" t="inlineStr"><is><t>Helen Okafor<\/t><\/is><\/c>/,
        '<c r="B2" t="s"><v>1</v></c>',
      );
      p['xl/sharedStrings.xml'] = '<sst><si><t>x</t></si><si><t>Helen Okafor</t>';
    });
    expect(inputErrorOf(() => run([{ name: 'responses.xlsx', data }])).message).toContain('shared string');
  });
});

describe('text too long to split', () => {
  it('tries no join of more than a few parts in a cell of 3,000 names (before: minutes per cell)', () => {
    const cell = Array.from({ length: 3000 }, (_, i) => `Person ${i}`).join(', ');
    let asked = 0;
    const names = splitNames(cell, () => (asked++, false));
    expect(names).toHaveLength(3000);
    // Each part is asked about with the next few at most, not with every part after it.
    expect(asked).toBeLessThan(3000 * 10);
  });
});

describe('a plain network whose header is damaged', () => {
  it('refuses a UCINET DL file saying n=1000000000 over a 2 by 2 matrix (before: out of memory)', () => {
    const err = inputErrorOf(() =>
      readPlainNetwork(
        text('net.dl', 'dl n=1000000000\nformat = fullmatrix\ndata:\n0 1\n1 0\n'),
        new QualityCollector(),
      ),
    );
    expect(err.code).toBe('dl-size-mismatch');
  });
});

describe('a mapping.json nested thousands deep', () => {
  it('is refused when read, not when mapping.json is written after the run (a stack trace)', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 5000; i++) deep = { deeper: deep };
    const mapping = {
      version: 1,
      surveys: [],
      decisions: [{ text: 'Patel', action: 'ignore', extra: deep }],
    };
    expect(inputErrorOf(() => checkMapping(mapping, 'mapping.json')).code).toBe('bad-mapping');
  });
});

describe('a .zip of many data files', () => {
  it('names a few of them, not every one (a message of 139 KB for 10,000)', () => {
    const files = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`resp${i}.csv`, strToU8('Who do you trust?\nHelen Okafor\n')]),
    );
    const err = inputErrorOf(() => run([{ name: 'many.zip', data: zipSync(files) }]));
    expect(err.message).toContain('40 data files (resp0.csv');
    expect(err.message).not.toContain('resp39.csv');
  });
});

describe('a .zip whose directory states a wrong size for the export inside', () => {
  const rows = Array.from(
    { length: 2000 },
    (_, i) => `2026/03/01 1:00:00 PM GMT,r${i}@example.org,Helen Okafor`,
  );
  const csv = strToU8(['Timestamp,Email Address,Who do you trust?', ...rows].join('\n'));

  /** A zip of a 2,000-response export whose stated unpacked size is `stated` bytes. */
  function lying(stated: number): Uint8Array {
    const zip = zipSync({ 'responses.csv': csv });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    // The uncompressed size in the local header (offset 22) and the central directory's (24).
    view.setUint32(22, stated, true);
    for (let i = zip.length - 22; i >= 0; i--) {
      if (view.getUint32(i, true) === 0x02014b50) {
        view.setUint32(i + 24, stated, true);
        break;
      }
    }
    return zip;
  }

  it('is refused as damaged when it states less (before: the rows past it were lost without a word)', () => {
    const err = inputErrorOf(() => run([{ name: 'responses.zip', data: lying(1000) }]));
    expect(err.message).toContain('where the archive says 1,000');
  });

  it('is read whole when it states the truth', () => {
    expect(run([{ name: 'responses.zip', data: zipSync({ 'responses.csv': csv }) }]).ties).toHaveLength(2000);
  });
});

describe('a header a stray quote broke', () => {
  const rows = Array.from(
    { length: 30 },
    (_, i) => `2026/03/01 1:00:00 PM GMT,r${i}@example.org,Resident,Helen Okafor`,
  );

  it('stops the run naming the header (before: every row read against a header of run-together columns)', () => {
    // The quote opened in the first header cell closes in the third row, so the header's columns run together.
    const broken = [
      'Time"stamp,Email Address',
      'Which best describes you?',
      'Who" do you trust?',
      ...rows,
    ].join('\n');
    const err = inputErrorOf(() => run([text('survey.csv', broken)]));
    expect(err.code).toBe('broken-header');
    expect(err.row).toBe(1);
  });

  it('lets a few rows with a stray cell past the header through, each said to be', () => {
    const some = rows.map((r, i) => (i % 5 === 0 ? `${r},extra` : r));
    const r = run([
      text(
        'survey.csv',
        ['Timestamp,Email Address,Which best describes you?,Who do you trust?', ...some].join('\n'),
      ),
    ]);
    expect(r.ties).toHaveLength(30);
  });
});

describe('a first row of millions of cells', () => {
  it('is refused before it is read (before: a 200 MB line of 15 million cells ran out of memory)', () => {
    const line = ','.repeat(1_100_000);
    const err = inputErrorOf(() => run([text('wide.csv', `Who do you trust?${line}\nHelen Okafor\n`)]));
    expect(err.code).toBe('too-many-columns');
  });
});

describe('a UTF-16 mark over text that is not UTF-16', () => {
  it('is read as the text it is, with a note (before: the header was read as Chinese characters)', () => {
    const csv = strToU8(
      'Timestamp,Email Address,Who do you trust?\n2026/03/01 1:00:00 PM GMT,a@example.org,Helen Okafor\n',
    );
    const data = new Uint8Array([0xff, 0xfe, ...csv]);
    const r = run([{ name: 'survey.csv', data }]);
    expect(r.ties.map((t) => t.target)).toEqual(['ps-01']);
    expect(r.quality.issues.map((i) => i.code)).toContain('encoding-mark-wrong');
  });
});
