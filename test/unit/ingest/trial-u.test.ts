// Trial U (names from the communities of a diverse UK town, typed on phones) and the matching
// defects left from earlier trials: each test fails on the code before its fix.
import { describe, expect, it } from 'vitest';
import { run, text } from './helpers';

const HEADER =
  'Timestamp,Email Address,Which best describes you?,Who do you go to in times of need?,Who do you trust?';
const survey = (rows: string[]) =>
  text(
    'google-forms.csv',
    [HEADER, ...rows.map((r, i) => `2026/03/01 1:0${i}:00 PM GMT,r${i}@example.org,Resident,${r}`)].join(
      '\n',
    ),
  );

describe('names joined in one answer, none found', () => {
  it('suggests the people its parts fit ("Amira / Liam (PCSOs)" had no suggestion at all)', () => {
    const result = run([survey(['Amira / Liam (PCSOs),'])]);
    const item = result.review.find((r) => r.text === 'Amira / Liam (PCSOs)')!;
    expect(item.candidates.map((c) => c.name)).toEqual(['Amira Haddad', 'Liam Byrne']);
    expect(result.ties).toEqual([]);
  });
});
