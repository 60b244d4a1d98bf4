// What the import step takes a dropped file for, from its name or its header row.
import { describe, expect, it } from 'vitest';
import { guessRole } from '../../../src/ui/views/import-view';

const file = (name: string, text: string) => ({ name, data: new TextEncoder().encode(text) });

describe('guessRole', () => {
  it('reads the header below title rows', () => {
    const people = '"Millbrook people, March 2026"\nid,name,type\nps-01,Helen Okafor,public-servant\n';
    expect(guessRole(file('people.csv', people))).toBe('roster');
    const survey =
      'Millbrook survey 2026\nResponse ID,Which of these best describes you?,Who do you trust?\nR1,Resident,Helen Okafor\n';
    expect(guessRole(file('export.csv', survey))).toBe('surveys');
  });

  it('tells rosters, 360 returns, satisfaction returns and codebooks from surveys by their headers', () => {
    expect(guessRole(file('a.csv', 'id,name,type\nps-01,Helen Okafor,public-servant\n'))).toBe('roster');
    expect(guessRole(file('b.csv', 'ratee,rater group,competency,score\n'))).toBe('appraisals');
    expect(guessRole(file('c.csv', 'Service,I am satisfied,I can influence decisions\n'))).toBe(
      'satisfaction',
    );
    expect(guessRole(file('d.csv', 'code,label\n1,Helen Okafor\n'))).toBe('codebook');
    expect(guessRole(file('e.csv', 'Timestamp,Who do you trust?\n2026/03/02,Helen Okafor\n'))).toBe(
      'surveys',
    );
  });
});
