// Survey-column detection found wrong in a new-user trial (trial H): ArcGIS Survey123's "Question -
// Other" box, codes read through a codebook under id-like headers, a respondent's own e-mail read as
// a name question, and tools' time, status and collector columns.
import { describe, expect, it } from 'vitest';
import { fixture, run, text, tieSet } from './helpers';

const NEED = 'Who do you go to in times of need?';

/** The 15 ties of the Survey123 files, keyed by response. */
const survey123Ties = (key: (row: number) => string) =>
  [
    [2, 'ps-04', 'need'],
    [2, 'vg-01', 'need'],
    [2, 'ps-01', 'trust'],
    [2, 'ps-12', 'info'],
    [3, 'ps-01', 'need'],
    [3, 'vg-03', 'need'],
    [3, 'ps-17', 'need'],
    [3, 'ps-04', 'trust'],
    [3, 'vg-01', 'trust'],
    [3, 'vg-01', 'info'],
    [4, 'ps-08', 'need'],
    [4, 'ps-08', 'trust'],
    [4, 'ps-12', 'trust'],
    [4, 'ps-08', 'info'],
    [5, 'ps-04', 'need'],
  ]
    .map(([row, target, relation]) => `${key(row as number)}>${target}:${relation}`)
    .sort();

describe('ArcGIS Survey123: the whole answer beside its "Question - Other" box', () => {
  it('reads the comma-joined choices and the typed "Other" names, the "Other" choice no one', () => {
    const r = run([fixture('survey123.csv')]);
    const m = r.mapping.surveys[0]!;
    expect(m.questions.map((q) => [q.kind, q.relation, q.columns])).toEqual([
      ['text', 'need', [NEED]],
      ['text', 'trust', ['Who do you trust?']],
      ['text', 'info', ['Where do you get information? (write names)']],
      ['text', 'need', [`${NEED} - Other`]],
    ]);
    expect(m.questions[0]!.notPeople).toEqual(['Other']);
    // ObjectID numbers the responses 1, 2, 3...: the response id.
    expect(m.responseId).toBe('ObjectID');
    expect(tieSet(r)).toEqual(survey123Ties((row) => `r-${row - 1}`));
  });

  it('reads the box the same way when it is headed "Other - Question"', () => {
    const csv = new TextDecoder()
      .decode(fixture('survey123.csv').data as Uint8Array)
      .replace(`${NEED} - Other`, `Other - ${NEED}`);
    const r = run([text('survey123-otherfirst.csv', csv)]);
    expect(r.mapping.surveys[0]!.questions.map((q) => q.label)).toContain(`${NEED} (other, typed)`);
    expect(tieSet(r)).toEqual(survey123Ties((row) => `r-${row - 1}`));
  });

  it('says so when a column named like a question is not read, though it names people', () => {
    // The whole answer beside two tick columns of the same question: only the ticks are read.
    const csv = [
      `Response ID,Who do you trust?,Who do you trust? - Helen Okafor,Who do you trust? - Sgt David Jones`,
      `1,Karen Douglas,1,`,
      `2,Karen Douglas,,1`,
      `3,Dr Priya Patel,1,1`,
    ].join('\n');
    const r = run([text('whole-and-ticks.csv', csv)]);
    const unread = r.quality.issues.filter((i) => i.code === 'unread-name-column');
    expect(unread.map((i) => i.column)).toEqual(['Who do you trust?']);
  });
});

describe('Codes through a codebook: id columns and other questions are not people', () => {
  it('Survey123 numeric export with its choices sheet: ObjectID is the response id, not a question', () => {
    const r = run([fixture('survey123-numeric.csv')], {
      codebook: fixture('survey123-numeric-choices.csv'),
    });
    const m = r.mapping.surveys[0]!;
    expect(m.responseId).toBe('ObjectID');
    expect(m.questions.map((q) => q.relation)).toEqual(['need', 'trust', 'info', 'need']);
    expect(tieSet(r)).toEqual(survey123Ties((row) => `r-${row - 1}`));
  });

  it("Snap: a codebook's Variable column scopes its codes, so Q1's respondent types are no one", () => {
    const r = run([fixture('snap-codes.csv')], { codebook: fixture('snap-codebook.csv') });
    const m = r.mapping.surveys[0]!;
    expect(m.responseId).toBe('RespID');
    expect(m.questions.map((q) => q.columns[0])).toEqual(['Q2', 'Q3']);
    expect(tieSet(r)).toEqual(
      [
        'r-1>ps-04:q2',
        'r-1>vg-01:q2',
        'r-1>ps-01:q3',
        'r-2>ps-01:q2',
        'r-2>vg-03:q2',
        'r-2>ps-04:q3',
        'r-2>vg-01:q3',
        'r-3>vg-01:q2',
        'r-4>ps-08:q2',
        'r-4>ps-08:q3',
        'r-4>ps-12:q3',
      ].sort(),
    );
  });

  it.each([['ObjectID'], ['GlobalID'], ['Respondent No.'], ['Unique ID'], ['Response No.']])(
    'a column headed %s holding codes is never a name question',
    (id) => {
      const csv = [`Timestamp,${id},Who do you trust?`, `02/03/2026 10:00,1,2`, `02/03/2026 11:00,2,1`].join(
        '\n',
      );
      const r = run([text('ids.csv', csv)], {
        codebook: text('codes.csv', 'code,label\n1,Dr Priya Patel\n2,Helen Okafor\n'),
      });
      expect(r.mapping.surveys[0]!.questions.map((q) => q.columns)).toEqual([['Who do you trust?']]);
      expect(r.ties.every((t) => t.relation === 'trust')).toBe(true);
    },
  );
});
