// The streamed CSV reader reads well-formed rows itself (faster than papaparse's `step`) and hands
// the rest of a file to papaparse from the first row papaparse would complain about. Whatever the
// text, it must yield exactly what papaparse's `step` parser yields: the same rows, the same
// spreadsheet rows, the same blank rows and the same quality issues.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { guessDelimiter, readWellFormed, rowsAtOffsets, streamCsv } from '../../../src/core/ingest/csv';
import {
  emailHash,
  hashString,
  isEmail,
  isoDateCheck,
  isPlausibleDate,
  timestampMs,
  NEEDS_LOWER_CASE,
  NOT_EMAIL,
  StringTable,
} from '../../../src/core/ingest/dates';
import { lowerCase } from '../../../src/core/ingest/names';
import { QualityCollector } from '../../../src/core/quality';

/** streamCsv as it was written on papaparse's `step` alone: the reference. */
function papaStream(text: string, delimiter?: string) {
  const quality = new QualityCollector();
  const rows: { row: string[]; line: number }[] = [];
  const blankRows: number[] = [];
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  let pending: number[] = [];
  let seenContent = false;
  let line = 1;
  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    newline: '\n',
    delimiter: delimiter ?? guessDelimiter(text),
    delimitersToGuess: [',', ';', '\t', '|'],
    step: (results) => {
      const row = results.data;
      // A spreadsheet's row: an answer spanning lines is still one row.
      const at = line++;
      for (const err of results.errors) {
        if (err.code === 'UndetectableDelimiter') continue;
        quality.warn('f.csv', at, null, err.code, '');
      }
      if (row.every((c) => c.trim() === '')) {
        if (seenContent) pending.push(at);
        return;
      }
      blankRows.push(...pending);
      pending = [];
      seenContent = true;
      rows.push({ row, line: at });
    },
  });
  return { rows, blankRows, codes: quality.issues.filter((i) => i.code !== 'blank-row').map((i) => i.row) };
}

function ours(text: string, delimiter?: string) {
  const quality = new QualityCollector();
  const rows: { row: string[]; line: number }[] = [];
  const { blankRows } = streamCsv(
    text,
    'f.csv',
    quality,
    (row, line) => rows.push({ row, line }),
    delimiter ? { delimiter } : {},
  );
  return { rows, blankRows, codes: quality.issues.filter((i) => i.code !== 'blank-row').map((i) => i.row) };
}

const PIECES = ['a', 'b c', ',', ';', '"', '""', '\n', '\r\n', '\r', ' ', '\t', '|', 'é', '\u00a0'];

describe('streamed CSV reader', () => {
  it('reads a well-formed export without papaparse and as papaparse does', () => {
    const text =
      'Timestamp,Name,"Who, if anyone?"\n2026/03/02,"Okafor, Helen","Dr ""P"" Patel\nline two"\n\n' +
      '2026/03/03,,x\n';
    const seen: string[][] = [];
    expect(readWellFormed(text.replace(/\r/g, ''), ',', (row) => seen.push(row))).toBe(-1);
    expect(seen).toEqual(Papa.parse<string[]>(text, { delimiter: ',', newline: '\n' }).data);
    expect(ours(text)).toEqual(papaStream(text));
  });

  it('hands the rest to papaparse from the first malformed quote, with the same result', () => {
    for (const text of [
      'a,b\n1,"x"y,2\n3,4\n',
      'a,b\n1,2\n"open,3\n4,5',
      'a,b\n"x"  ,2\n"y" \n',
      'a;b\n1;"2"3\n',
      'only\n"one"',
      'a,b\n1,2',
    ]) {
      expect(ours(text), JSON.stringify(text)).toEqual(papaStream(text));
    }
  });

  it('matches papaparse on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 60 }),
        fc.constantFrom(undefined, ',', ';'),
        (pieces, delimiter) => {
          const text = pieces.join('');
          if (text.trim() === '') return;
          expect(ours(text, delimiter)).toEqual(papaStream(text, delimiter));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('rows of a text offset', () => {
  it('gives the spreadsheet row of each row start, as the reader numbers rows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 60 }),
        fc.constantFrom(',', ';'),
        (pieces, delimiter) => {
          const text = pieces.join('').replace(/\r\n?/g, '\n');
          const starts = [0];
          // Only text the reader reads itself: from a malformed quote on, papaparse's own rules apply.
          const rest = readWellFormed(text, delimiter, (_row, end) => starts.push(end));
          if (rest >= 0) return;
          starts.pop(); // the offset after the last row starts nothing
          expect(rowsAtOffsets(text, starts, delimiter)).toEqual(starts.map((_, i) => i + 1));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('timestamp check', () => {
  it('reads the common date shape as its regular expression does', () => {
    const QUICK = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}|$)/;
    const reference = (s: string) => {
      const m = QUICK.exec(s);
      if (!m) return null;
      const month = Number(m[2]);
      const day = Number(m[3]);
      return month >= 1 && month <= 12 && day >= 1 && day <= 31;
    };
    const piece = fc.constantFrom(
      '2026',
      '1',
      '0',
      '12',
      '31',
      '3',
      '-',
      '/',
      '.',
      ' ',
      'T',
      ':',
      '00',
      'x',
      '10:15',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        expect(isoDateCheck(s)).toBe(reference(s));
      }),
      { numRuns: 20000 },
    );
    for (const s of [
      '2026/03/02 10:15:32 AM GMT',
      '2026-03-02',
      '2026-13-02',
      '2026-3-2T1:05',
      '2026-03-02 1:5',
    ])
      expect(isoDateCheck(s)).toBe(reference(s));
    expect(isPlausibleDate('3/2/26 10:01')).toBe(true);
  });

  it('takes the shapes spreadsheets leave behind: Excel serial days, compact dates, "a.m."', () => {
    expect(isPlausibleDate('46083.4236')).toBe(true); // 2 March 2026, 10:10
    expect(isPlausibleDate('20260302')).toBe(true);
    expect(isPlausibleDate('02/03/2026 10:01:15 p.m.')).toBe(true);
    expect(isPlausibleDate('12345.6')).toBe(false); // 1933: no survey
    expect(isPlausibleDate('20261302')).toBe(false);
    expect(isPlausibleDate('yesterday')).toBe(false);
    // And each gives its moment, for keeping the latest of resubmitted responses.
    expect(new Date(timestampMs('46083.5')).toISOString()).toBe('2026-03-02T12:00:00.000Z');
    expect(new Date(timestampMs('20260302')).toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(timestampMs('3/2/2026 10:01 p.m.')).toBe(Date.parse('3/2/2026 10:01 pm'));
  });
});

describe('e-mail check', () => {
  it('accepts what its regular expression accepts', () => {
    const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
    const piece = fc.constantFrom(
      'a',
      'Bc',
      '@',
      '.',
      ' ',
      '\t',
      '\u00a0',
      '\u2028',
      'é',
      '-',
      '..',
      'x.org',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (parts) => {
        const s = parts.join('');
        expect(isEmail(s)).toBe(EMAIL.test(s));
      }),
      { numRuns: 20000 },
    );
    for (const s of ['person1@example.org', 'a@b.c', 'a@.c', 'a@b.', '@b.c', 'a@@b.c', 'a b@c.d', 'a@b.c.'])
      expect(isEmail(s)).toBe(EMAIL.test(s));
  });

  it('emailHash is isEmail, lowerCase and hashString in one pass', () => {
    const piece = fc.constantFrom('a', 'B', 'person1', '@', '.', ' ', 'é', 'Z', 'x.org', '\u00a0', '0');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (parts) => {
        const s = parts.join('');
        const h = emailHash(s);
        if (!isEmail(s)) expect(h).toBe(NOT_EMAIL);
        else if (lowerCase(s) !== s || [...s].some((ch) => ch.charCodeAt(0) >= 128))
          expect(h).toBe(NEEDS_LOWER_CASE);
        else expect(h).toBe(hashString(s));
      }),
      { numRuns: 20000 },
    );
  });

  it('StringTable agrees with a Map, colliding hashes and growth included', () => {
    const op = fc.tuple(fc.string({ maxLength: 4 }), fc.integer({ min: 0, max: 9 }));
    const hashes = fc.constantFrom<(s: string) => number>(
      hashString,
      (s) => s.length,
      () => 7,
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 3000 }), hashes, (ops, hash) => {
        const table = new StringTable();
        const map = new Map<string, number>();
        for (const [key, value] of ops) {
          expect(table.get(key, hash(key))).toBe(map.get(key) ?? -1);
          if (value < 7) {
            table.set(key, hash(key), value);
            map.set(key, value);
          }
        }
        for (const key of map.keys()) expect(table.get(key, hash(key))).toBe(map.get(key));
      }),
      { numRuns: 200 },
    );
  });
});
