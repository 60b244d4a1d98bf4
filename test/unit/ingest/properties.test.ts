// Property tests: whatever bytes or CSV a user uploads, ingest never crashes (it either returns
// a result or stops with an InputError naming the file), and every row it reads is accounted for.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ingest, readPlainNetwork, splitNames } from '../../../src/core/ingest';
import { InputError, QualityCollector, silentProgress } from '../../../src/core/quality';
import { ROSTER, xlsxOf } from './helpers';
import { strToU8, zipSync } from 'fflate';
import { archiveHead } from '../../../src/core/ingest/archive';
import { readXlsx } from '../../../src/core/ingest/xlsx';

const HEADER = [
  'Response ID',
  'Respondent type',
  'Roster ID',
  'Who do you go to in times of need?',
  'Who do you trust?',
];
const NAMES = [
  'Helen Okafor',
  'Dr Priya Patel',
  'Patel',
  'Mrs Okafor',
  '',
  ' ',
  'ps-01',
  '=1+1',
  '<b>x</b>',
  '"q"',
];

function attempt(files: { name: string; data: Uint8Array | string }[]) {
  const quality = new QualityCollector();
  try {
    const result = ingest({ surveys: files, roster: ROSTER() }, quality, silentProgress);
    return { result, quality };
  } catch (e) {
    // The only acceptable failure: an InputError that names the file.
    expect(e).toBeInstanceOf(InputError);
    expect(files.map((f) => f.name)).toContain((e as InputError).file);
    return null;
  }
}

describe('ingest never crashes', () => {
  it('on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        attempt([{ name: 'bytes.csv', data: bytes }]);
        const q = new QualityCollector();
        try {
          readPlainNetwork({ name: 'bytes.net', data: bytes }, q);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('on damaged zips and workbooks (bytes that start like one, or a real one cut or corrupted)', () => {
    const real = [
      zipSync({ 'a.csv': strToU8(`${HEADER.join(',')}\nR1,Resident,,Helen Okafor,Patel\n`) }),
      xlsxOf([HEADER, ['R1', 'Resident', '', 'Helen Okafor', 'Patel']]),
    ];
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.nat(),
        fc.integer({ min: 0, max: 2 }),
        (noise, at, kind) => {
          let data: Uint8Array;
          if (kind === 0) data = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...noise]);
          else {
            const base = real[kind - 1]!;
            data = base.slice();
            // Overwrite a stretch (or cut the file there): directory, headers or deflated data.
            const from = at % base.length;
            if (noise.length === 0) data = base.slice(0, from);
            else data.set(noise.subarray(0, base.length - from), from);
          }
          attempt([{ name: 'export.zip', data }]);
          // The page's header reads take the same bytes and must not throw anything but InputError.
          expect(() => archiveHead({ name: 'export.zip', data }, 1024)).not.toThrow();
          try {
            readXlsx(data, 'export.xlsx', 2);
          } catch (e) {
            expect(e).toBeInstanceOf(InputError);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('on arbitrary text after the first line of a network file (Pajek, UCINET DL, edge list, matrix)', () => {
    const starts = [
      '*Vertices 3\n',
      '*Arcs\n',
      '*Edges\n',
      'DL N=3\n',
      'dl n=2 format=nodelist1\n',
      'source,target\n',
      ',a,b\na,1,0\n',
    ];
    const token = fc.constantFrom(
      '1',
      '2',
      '3',
      '0',
      '-1',
      'x',
      '"a b"',
      '*Matrix',
      '*Arcslist',
      'data:',
      'labels:',
      ',',
      '\n',
      ' ',
      'NaN',
      '1e999',
    );
    fc.assert(
      fc.property(fc.constantFrom(...starts), fc.array(token, { maxLength: 60 }), (start, tokens) => {
        attempt([{ name: 'network.net', data: start + tokens.join(' ') }]);
      }),
      { numRuns: 400 },
    );
  });

  it('on arbitrary text after a valid header', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (body) => {
        attempt([{ name: 'text.csv', data: `${HEADER.join(',')}\n${body}` }]);
      }),
      { numRuns: 300 },
    );
  });

  it('on arbitrary CSV, and every row read is accepted or rejected (rejections reported)', () => {
    const cell = fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 12 }));
    const row = fc.array(cell, { minLength: 0, maxLength: 7 });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 25 }), fc.constantFrom(',', ';', '\t'), (rows, delimiter) => {
        const csv = Papa.unparse([HEADER, ...rows], {
          delimiter,
          newline: delimiter === '\t' ? '\r\n' : '\n',
        });
        const out = attempt([{ name: 'rows.csv', data: csv }]);
        if (!out) return;
        const { rows: counts, issues } = out.quality;
        expect(counts.read).toBe(counts.accepted + counts.rejected);
        expect(out.result.respondents).toHaveLength(counts.accepted);
        // Every rejected row has an issue on its row.
        const rejectedCodes = new Set([
          'blank-row',
          'duplicate-response',
          'resubmitted-response',
          'preview-response',
          'test-response',
          'spam-response',
          'empty-response',
        ]);
        // A run of blank rows is one note that counts them: "Rows 4–6 are blank (3 rows)".
        const rowsOf = (message: string) => Number(/\((\d+) rows\)/.exec(message)?.[1] ?? 1);
        const rejectedRows = issues
          .filter((i) => rejectedCodes.has(i.code))
          .reduce((n, i) => n + (i.code === 'blank-row' ? rowsOf(i.message) : 1), 0);
        expect(rejectedRows).toBe(counts.rejected);
        // Every tie comes from a respondent and goes to a known actor; no self-ties.
        const ids = new Set(out.result.actors.map((a) => a.id));
        for (const t of out.result.ties) {
          expect(ids.has(t.source) && ids.has(t.target)).toBe(true);
          expect(t.source).not.toBe(t.target);
        }
        // Results cross the worker boundary: plain JSON.
        expect(JSON.parse(JSON.stringify(out.result.mapping))).toEqual(out.result.mapping);
      }),
      { numRuns: 300 },
    );
  });

  it('on coded exports with any codebook: rows accounted for, ties only to actors, none to "Other"', () => {
    const code = fc.constantFrom('1', '2', '3', '7', '9', '1;3', '2;7', '', 'Helen Okafor', 'x');
    const labels = [...NAMES, 'Resident', 'Volunteer', 'Other', 'None of these', 'Millbrook Rotary Club'];
    const entry = fc.tuple(
      fc.constantFrom('Q1', 'Q2', 'Q3', ''),
      fc.constantFrom('1', '2', '3', '7', '9'),
      fc.constantFrom(...labels),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(code, code, code), { maxLength: 12 }),
        fc.array(entry, { maxLength: 20 }),
        (rows, entries) => {
          const csv = Papa.unparse([
            ['RespID', 'Q1', 'Q2', 'Q3'],
            ...rows.map((r, i) => [String(i + 1), ...r]),
          ]);
          const codebook = Papa.unparse([['Variable', 'Code', 'Label'], ...entries]);
          const quality = new QualityCollector();
          let result;
          try {
            result = ingest(
              {
                surveys: [{ name: 'coded.csv', data: csv }],
                roster: ROSTER(),
                codebook: { name: 'codebook.csv', data: codebook },
              },
              quality,
              silentProgress,
            );
          } catch (e) {
            expect(e).toBeInstanceOf(InputError);
            return;
          }
          expect(quality.rows.read).toBe(quality.rows.accepted + quality.rows.rejected);
          const ids = new Set(result.actors.map((a) => a.id));
          for (const t of result.ties) expect(ids.has(t.source) && ids.has(t.target)).toBe(true);
          // A code labelled "Other" or "None" names nobody: never an actor, never waiting in review.
          expect(result.actors.map((a) => a.label)).not.toContain('Other');
          expect(result.review.map((x) => x.text)).not.toContain('None of these');
        },
      ),
      { numRuns: 200 },
    );
  });

  it('splitNames keeps every non-separator character of a cell', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...NAMES.filter((n) => n.trim())), { maxLength: 6 }), (names) => {
        const parts = splitNames(names.join('; '), () => false);
        expect(parts.join('')).toBe(names.map((n) => n.trim()).join(''));
      }),
    );
  });
});
