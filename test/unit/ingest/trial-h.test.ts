// Survey-column detection found wrong in a new-user trial (trial H): ArcGIS Survey123's "Question -
// Other" box, codes read through a codebook under id-like headers, a respondent's own e-mail read as
// a name question, and tools' time, status and collector columns.
import { describe, expect, it } from 'vitest';
import { codes, fixture, run, text, tieSet } from './helpers';

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
    // Q1 is the respondent type, through its own codes; Q4, headed by its code alone, is read by
    // its typed answers ("Sgt Jones", "the food bank"), which the matcher is sure of.
    expect(m.respondentType).toBe('Q1');
    expect(r.respondents.find((p) => p.key === 'r-4')!.type).toBe('group');
    expect(m.questions.map((q) => q.columns[0])).toEqual(['Q2', 'Q3', 'Q4']);
    // Q5 is the respondent's own e-mail: response 2 is Yvonne Ahmed's (vol-01), no one's named.
    expect(m.email).toBe('Q5');
    expect(tieSet(r)).toEqual(
      [
        'r-1>ps-04:q2',
        'r-1>vg-01:q2',
        'r-1>ps-01:q3',
        'vol-01>ps-01:q2',
        'vol-01>vg-03:q2',
        'vol-01>ps-04:q3',
        'vol-01>vg-01:q3',
        'r-3>vg-01:q2',
        'r-4>ps-08:q2',
        'r-4>ps-08:q3',
        'r-4>ps-12:q3',
        'r-1>ps-12:q4',
        'vol-01>vg-01:q4',
        'r-4>ps-08:q4',
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

describe("A respondent's own e-mail is never a name question", () => {
  const r = run([fixture('questionpro.csv')]);
  const m = r.mapping.surveys[0]!;

  it('QuestionPro: "Respondent Email" links the respondent and finds the resubmission', () => {
    expect(m.email).toBe('Respondent Email');
    expect(r.ties.map((t) => t.relation)).not.toContain('respondent-email');
    expect(r.ties.some((t) => t.source === t.target)).toBe(false);
    const resubmitted = r.quality.issues.filter((i) => i.code === 'resubmitted-response');
    expect(resubmitted.map((i) => i.row)).toEqual([4]);
    expect(tieSet(r)).toEqual(
      [
        'r-90001>ps-04:need',
        'r-90001>vg-01:need',
        'r-90001>ps-08:trust',
        'r-90001>ps-12:info',
        'r-90003>ps-04:need',
        'vol-12>vg-01:need',
        'vol-12>ps-08:trust',
        'vol-12>ps-15:info',
      ].sort(),
    );
  });

  it('a column of roster e-mail addresses under a header no list has is the e-mail, not names', () => {
    const csv = [
      'Response ID,Who do you trust?,Contact',
      '1,Helen Okafor,lucy.shah@volunteers.example.org',
      '2,Sgt David Jones,rhys.shah@volunteers.example.org',
      '3,Karen Douglas,yvonne.ahmed@volunteers.example.org',
    ].join('\n');
    const r = run([text('contact.csv', csv)]);
    expect(r.mapping.surveys[0]!.email).toBe('Contact');
    expect(r.mapping.surveys[0]!.questions.map((q) => q.columns)).toEqual([['Who do you trust?']]);
    expect(tieSet(r)).toEqual(['vol-12>ps-01:trust', 'vol-04>ps-08:trust', 'vol-01>ps-12:trust'].sort());
  });

  it('Snap without its codebook: the coded name questions are read, and their codes noted', () => {
    const r = run([fixture('snap-codes.csv')]);
    const numeric = r.quality.issues.filter((i) => i.code === 'numeric-answers');
    expect(numeric.map((i) => i.column)).toEqual(['Q2', 'Q3']);
  });
});

describe("Tools' time columns, so the later of two answers is kept", () => {
  it('Formstack "Time", newest first: the later answer (the top row) is kept', () => {
    const r = run([fixture('formstack-newest-first.csv')]);
    expect(r.mapping.surveys[0]!.timestamp).toBe('Time');
    const rows = r.respondents.map((x) => x.row);
    expect(rows).toContain(2);
    expect(rows).not.toContain(5);
    expect(tieSet(r).filter((t) => t.startsWith('r-1190000004>'))).toHaveLength(4);
  });

  it.each([
    ['Timestamp (mm/dd/yyyy)', 'Started', '03/02/2026 10:05:10'],
    ['CreationDate', 'EditDate', '3/2/2026 10:05:10 AM'],
    ['Responded At', 'Channel', '2026-03-02 10:05'],
    ['Submitted Time', 'Started Time', '02-Mar-2026 10:05:10'],
    ['DateCompleted', 'DateStarted', '02/03/2026 10:04'],
  ])('%s is the time (beside %s)', (time, other, value) => {
    const csv = [`Response ID,${other},${time},Who do you trust?`, `1,${value},${value},Helen Okafor`].join(
      '\n',
    );
    expect(run([text('times.csv', csv)]).mapping.surveys[0]!.timestamp).toBe(time);
  });

  it('a question called "Time" answered in words is not the time', () => {
    const csv = [
      'Response ID,Time,Who do you trust?',
      '1,Morning,Helen Okafor',
      '2,Evenings,Karen Douglas',
    ].join('\n');
    expect(run([text('time-question.csv', csv)]).mapping.surveys[0]!.timestamp).toBeNull();
  });
});

describe('Status and collector columns', () => {
  it('QuestionPro "Response Status": Terminated left out, Started kept with a note', () => {
    const r = run([fixture('questionpro.csv')]);
    expect(r.mapping.surveys[0]!.status).toBe('Response Status');
    const out = r.quality.issues.filter((i) => i.code === 'disqualified-response');
    expect(out.map((i) => i.row)).toEqual([6]);
    const unfinished = r.quality.issues.filter((i) => i.code === 'unfinished-response');
    expect(unfinished.map((i) => i.row)).toEqual([5]);
  });

  it.each([['Screened out'], ['Over quota'], ['Terminated']])('Status "%s" is left out', (status) => {
    const csv = [
      'Response ID,Status,Who do you trust?',
      `1,${status},Helen Okafor`,
      '2,Complete,Karen Douglas',
    ].join('\n');
    const r = run([text('status.csv', csv)]);
    expect(codes(r.quality)).toContain('disqualified-response');
    expect(tieSet(r)).toEqual(['r-2>ps-12:trust']);
  });

  it.each([['Dropped'], ['Partial'], ['Started']])('Status "%s" is kept as unfinished', (status) => {
    const csv = ['Response ID,Status,Who do you trust?', `1,${status},Helen Okafor`].join('\n');
    const r = run([text('status.csv', csv)]);
    expect(codes(r.quality)).toContain('unfinished-response');
    expect(tieSet(r)).toEqual(['r-1>ps-01:trust']);
  });

  it('Zoho Survey: a response through the "Preview" collector is left out as a preview', () => {
    const r = run([fixture('zoho.csv')]);
    expect(r.mapping.surveys[0]!.channel).toBe('Collector');
    const previews = r.quality.issues.filter((i) => i.code === 'preview-response');
    expect(previews.map((i) => i.row)).toEqual([5]);
    expect(r.respondents.map((x) => x.key)).toEqual(['r-3451000000101', 'vol-04', 'r-3451000000103']);
  });
});

describe('Alchemer "Question:Choice" headers whose wording has no "?"', () => {
  const TICK_NEED = 'Please tick anyone you turn to in times of need';

  it('splits at the colon: one choice question, its write-in box typed names', () => {
    const r = run([fixture('alchemer-noqmark.csv')]);
    const m = r.mapping.surveys[0]!;
    expect(m.questions.map((q) => [q.kind, q.relation, q.label])).toEqual([
      ['choices', 'need', TICK_NEED],
      ['choices', 'trust', 'Please tick the people and groups you trust'],
      ['text', 'info', 'Where do you get information about what is happening locally?'],
      ['text', 'need', `${TICK_NEED} (other, typed)`],
    ]);
    expect(m.questions[0]!.targets).toEqual(['Dr Priya Patel', 'Helen Okafor', 'Millbrook Food Bank']);
    expect(r.review.map((i) => i.text)).not.toContain('Other');
    expect(tieSet(r)).toEqual(
      [
        'r-101>ps-04:need',
        'r-101>vg-01:need',
        'r-101>ps-08:trust',
        'r-101>ps-15:info',
        'r-103>ps-04:need',
        'vol-12>vg-01:need',
        'vol-12>ps-08:trust',
        'vol-12>ps-12:info',
      ].sort(),
    );
  });

  it('leaves "Section: question" headers over typed answers whole', () => {
    const csv = [
      'Response ID,Your network:Who do you trust?,Your network:Who do you go to in times of need?',
      '1,Helen Okafor,Karen Douglas',
      '2,Sgt David Jones,Helen Okafor',
    ].join('\n');
    const r = run([text('sections.csv', csv)]);
    expect(r.mapping.surveys[0]!.questions.map((q) => [q.kind, q.relation])).toEqual([
      ['text', 'trust'],
      ['text', 'need'],
    ]);
  });
});
