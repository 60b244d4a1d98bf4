// Exports over a real survey's life (trial AF): files re-saved by spreadsheets in other locales,
// exports pasted together by hand. Each gives the ties its answers hold, and says what it left out.
import { describe, expect, it } from 'vitest';
import { codes, run, text, tieSet } from './helpers';

describe('an Apple Numbers CSV with "Include table names", in a European locale', () => {
  const rows = [
    'Timestamp;Which best describes you?;Who do you go to in times of need?;Who, if anyone, do you trust?;Where do you get your information?',
    '2026/03/02 10:15:32 AM GMT;Resident;Dr Priya Patel, Millbrook Food Bank;Helen Okafor;Age UK Millbrook, Amira Haddad',
    '2026/03/02 11:01:09 AM GMT;Volunteer;Amira Haddad;Sgt David Jones, Amira Haddad;',
  ];

  it('is read by its ";" under the title line (before: split at the commas in the header)', () => {
    const titled = run([text('responses.csv', ['Form responses 1', ...rows].join('\n'))]);
    expect(tieSet(titled)).toEqual([
      'r-row3>ps-01:trust',
      'r-row3>ps-04:need',
      'r-row3>ps-09:info',
      'r-row3>vg-01:need',
      'r-row3>vg-03:info',
      'r-row4>ps-08:trust',
      'r-row4>ps-09:need',
      'r-row4>ps-09:trust',
    ]);
    expect(codes(titled.quality)).toEqual(['title-row']);
  });
});
