// The streamed CSV reader reads well-formed rows itself (faster than papaparse's `step`) and hands
// the rest of a file to papaparse from the first row papaparse would complain about. Whatever the
// text, it must yield exactly what papaparse's `step` parser yields: the same rows, the same
// spreadsheet lines, the same blank rows and the same quality issues.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { guessDelimiter, readWellFormed, streamCsv } from '../../../src/core/ingest/csv';
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
      const at = line;
      line++;
      for (const cell of row) line += cell.split('\n').length - 1;
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
