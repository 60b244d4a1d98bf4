// A respondent's name asked in two parts ("First name", "Surname") links them to their roster
// entry as a name column does; before, both columns went unread and a public servant on the
// roster who answered became someone new, "not on the roster".
import { describe, expect, it } from 'vitest';
import { codes, run, text, tieSet } from './helpers';

const survey = (header: string, rows: string[]) => text('survey.csv', [header, ...rows].join('\n'));

describe("a respondent's name in two columns", () => {
  it('joins first name and surname to link the respondent to the roster', () => {
    const result = run([
      survey('Timestamp,First name,Surname,Which best describes you?,Who do you trust?', [
        '2026/03/01 10:00:00 AM GMT,Karen,Douglas,Public servant,Priya Patel',
        '2026/03/01 10:05:00 AM GMT,John,Bloggs,Resident,Karen Douglas',
      ]),
    ]);
    expect(tieSet(result)).toEqual(['ps-12>ps-04:trust', 'r-row3>ps-12:trust']);
    const mapping = result.mapping.surveys[0]!;
    expect([mapping.name, mapping.firstName, mapping.lastName]).toEqual([null, 'First name', 'Surname']);
    expect(codes(result.quality)).not.toContain('public-servant-off-roster');
    expect(codes(result.quality)).not.toContain('unread-columns');
    // Off the roster, the joined name is the respondent's name (kept out of exports by default).
    const john = result.actors.find((a) => a.id === 'r-row3')!;
    expect(john.attrs?.name).toBe('John Bloggs');
  });

  it("reads Qualtrics' recipient first and last name the same way", () => {
    const result = run([
      survey('ResponseId,RecipientLastName,RecipientFirstName,Q1 Who do you trust?', [
        'R_1,Douglas,Karen,Priya Patel',
      ]),
    ]);
    expect(tieSet(result)).toEqual(['ps-12>ps-04:trust']);
  });

  it('leaves them alone when the export has a name column of its own', () => {
    const result = run([
      survey('Timestamp,Name,First name,Last name,Who do you trust?', [
        '2026/03/01 10:00:00 AM GMT,Karen Douglas,K,D,Priya Patel',
      ]),
    ]);
    const mapping = result.mapping.surveys[0]!;
    expect(mapping.name).toBe('Name');
    expect(mapping.firstName ?? null).toBeNull();
    expect(tieSet(result)).toEqual(['ps-12>ps-04:trust']);
  });

  it('needs both parts: a first name alone is not a name to link by', () => {
    const result = run([
      survey('Timestamp,First name,Which best describes you?,Who do you trust?', [
        '2026/03/01 10:00:00 AM GMT,Karen,Resident,Priya Patel',
      ]),
    ]);
    expect(result.mapping.surveys[0]!.firstName ?? null).toBeNull();
    expect(tieSet(result)).toEqual(['r-row2>ps-04:trust']);
  });
});
