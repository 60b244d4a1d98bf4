// A codebook may label codes with people who are not on the roster, or with "Other" / "None":
// the label is the answer, so it is reviewed (and decided) as written, or names nobody, rather
// than waiting in review as a bare number with a note that nothing says what it is.
import { describe, expect, it } from 'vitest';
import { codes, run, text, tieSet } from './helpers';

const survey = text('coded.csv', 'RespID,Q1,Q2\n' + '1,1,1;7\n' + '2,2,2;8\n' + '3,1,8;9\n');
const codebook = text(
  'codebook.csv',
  'Variable,Code,Label\n' +
    'Q1,1,Resident\nQ1,2,Volunteer\n' +
    'Q2,1,Dr Priya Patel\nQ2,2,Helen Okafor\nQ2,7,Other\nQ2,8,Millbrook Rotary Club\nQ2,9,None of these\n',
);

describe('codebook labels of codes that name no one on the roster', () => {
  it('reviews a label as written, lets "Other" and "None" name nobody, and notes no bare codes', () => {
    const r = run([survey], { codebook });
    expect(tieSet(r)).toEqual(['r-1>ps-04:q2', 'r-2>ps-01:q2']);
    expect(r.review.map((x) => [x.text, x.count])).toEqual([['Millbrook Rotary Club', 2]]);
    expect(codes(r.quality)).not.toContain('numeric-answers');
  });

  it('applies a decision saved for the label', () => {
    const first = run([survey], { codebook });
    const mapping = structuredClone(first.mapping);
    mapping.decisions.push({ text: 'Millbrook Rotary Club', action: 'new', type: 'group' });
    const r = run([survey], { codebook, mapping });
    const club = r.actors.find((a) => a.label === 'Millbrook Rotary Club')!;
    expect(club.type).toBe('group');
    expect(tieSet(r)).toEqual(expect.arrayContaining([`r-2>${club.id}:q2`, `r-3>${club.id}:q2`]));
    expect(r.review).toEqual([]);
  });

  it("reads a respondent-type question exported as codes through the codebook's own codes", () => {
    const r = run([survey], { codebook });
    expect(r.mapping.surveys[0]!.respondentType).toBe('Q1');
    expect(r.respondents.map((p) => p.type)).toEqual(['resident', 'volunteer', 'resident']);
    // Bare codes say nothing of which question they belong to: no column is taken on them alone.
    const bare = text('bare.csv', 'Code,Label\n1,Resident\n2,Volunteer\n');
    expect(run([survey], { codebook: bare }).mapping.surveys[0]!.respondentType).toBeNull();
  });

  it('reads a question found by its wording through its own codes in a Variable codebook', () => {
    const r = run([text('worded.csv', 'RespID,Who do you go to in times of need?\n1,1\n2,2;9\n')], {
      codebook: text(
        'codebook.csv',
        'Variable,Code,Label\nWho do you go to in times of need?,1,Dr Priya Patel\n' +
          'Who do you go to in times of need?,2,Helen Okafor\nWho do you go to in times of need?,9,Helen Okafer\n',
      ),
    });
    // Code 9's label is misspelt: matched all the same, and the note shows the label, not "…___9".
    expect(tieSet(r)).toEqual(['r-1>ps-04:need', 'r-2>ps-01:need']);
    expect(codes(r.quality)).not.toContain('numeric-answers');
    const note = r.quality.issues.find((i) => i.code === 'matched-not-exact')!;
    expect(note.message).toContain('"Helen Okafer" as Helen Okafor');
  });
});
