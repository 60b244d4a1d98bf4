// Formula-safe CSV: RFC 4180 quoting, CRLF, empty cells for missing values, injection neutralised.
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { toCsv, neutraliseFormula, csvCell } from '../../../src/core/export';

describe('toCsv', () => {
  it('writes a header, CRLF line ends and a final CRLF', () => {
    expect(toCsv([{ a: 1, b: 'x' }], ['a', 'b'])).toBe('a,b\r\n1,x\r\n');
  });

  it('quotes commas, quotes and line breaks (RFC 4180) and round-trips through papaparse', () => {
    const rows = [{ a: 'O"Brien, Pat', b: 'line1\nline2', c: 'plain' }];
    const csv = toCsv(rows, ['a', 'b', 'c']);
    expect(csv).toBe('a,b,c\r\n"O""Brien, Pat","line1\nline2",plain\r\n');
    const parsed = Papa.parse<string[]>(csv.trimEnd(), { newline: '\r\n' });
    expect(parsed.data[1]).toEqual(['O"Brien, Pat', 'line1\nline2', 'plain']);
  });

  it('keeps text beyond ASCII as UTF-8, mid-cell and across the buffer growing', () => {
    // Cells are written as bytes: the ASCII run is copied, the rest goes through the encoder.
    const rows = [
      { a: 'St Mary’s café', b: '£5 – 😀', c: 'plain' },
      ...Array.from({ length: 3000 }, (_, i) => ({ a: `Zoë ${'x'.repeat(i % 50)}`, b: i, c: '€' })),
    ];
    const csv = toCsv(rows, ['a', 'b', 'c']);
    const parsed = Papa.parse<string[]>(csv.trimEnd(), { newline: '\r\n' });
    expect(parsed.data[1]).toEqual(['St Mary’s café', '£5 – 😀', 'plain']);
    expect(parsed.data).toHaveLength(3002);
    expect(parsed.data[3001]).toEqual([`Zoë ${'x'.repeat(2999 % 50)}`, '2999', '€']);
  });

  it('leaves null, undefined, missing and NaN cells empty, never 0', () => {
    expect(toCsv([{ a: null, b: undefined, d: NaN }], ['a', 'b', 'c', 'd'])).toBe('a,b,c,d\r\n,,,\r\n');
  });

  it('writes numbers plainly, negatives included, and -0 as 0', () => {
    expect(toCsv([{ a: -3.5, b: 0.25, c: -0, d: 1e21 }], ['a', 'b', 'c', 'd'])).toBe(
      'a,b,c,d\r\n-3.5,0.25,0,1e+21\r\n',
    );
  });

  it('keeps text that is a plain negative number as a number', () => {
    expect(csvCell('-12')).toBe('-12');
    expect(csvCell('-0.5')).toBe('-0.5');
    expect(csvCell('-1.2e-3')).toBe('-1.2e-3');
  });

  it.each([
    ['=HYPERLINK("http://x","click")', `"'=HYPERLINK(""http://x"",""click"")"`],
    ['=1+2', "'=1+2"],
    ['+1+2', "'+1+2"],
    ['-1+2', "'-1+2"],
    ['-cmd|calc', "'-cmd|calc"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['  =1', "'  =1"],
    ['＝1+1', "'＝1+1"],
  ])('neutralises %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('leaves ordinary text alone, even with = inside', () => {
    expect(neutraliseFormula('a=b')).toBe('a=b');
    expect(neutraliseFormula('Mary-Jane')).toBe('Mary-Jane');
    expect(neutraliseFormula('')).toBe('');
  });

  it('neutralises header names too', () => {
    expect(toCsv([], ['=evil'])).toBe("'=evil\r\n");
  });

  it('joins arrays and serialises objects instead of printing [object Object]', () => {
    expect(toCsv([{ a: ['need', 'trust'], b: { x: 1 } }], ['a', 'b'])).toBe(
      'a,b\r\nneed; trust,"{""x"":1}"\r\n',
    );
  });
});
