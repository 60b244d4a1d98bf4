// Trial W (exports of survey tools not met before): each test fails on the code before its fix.
import { describe, expect, it } from 'vitest';
import { codes, fixture, run, text, tieSet } from './helpers';

describe('Formsite', () => {
  // Reference #, Status and its Date columns (Date Finish blank while a response is incomplete).
  const formsite = text(
    'formsite.csv',
    [
      'Reference #,Status,Date Start,Date Finish,Date Update,Which of these best describes you?,Who do you trust?',
      '14203001,Complete,2026-02-09 10:00:01,2026-02-09 10:05:10,2026-02-09 10:05:10,Resident,"Helen Okafor, Amira Haddad"',
      '14203002,Incomplete,2026-02-10 11:00:01,,2026-02-10 11:03:10,Resident,Karen Douglas',
    ].join('\n'),
  );
  it('reads Date Finish as the time, and never a column of dates as a name question', () => {
    const result = run([formsite]);
    expect(result.mapping.surveys[0]!.timestamp).toBe('Date Finish');
    // "Date Update" had been read as an information question: every date went to review.
    expect(result.mapping.surveys[0]!.questions.map((q) => q.label)).toEqual(['Who do you trust?']);
    expect(result.review).toEqual([]);
    expect(tieSet(result)).toEqual([
      'r-14203001>ps-01:trust',
      'r-14203001>ps-09:trust',
      'r-14203002>ps-12:trust',
    ]);
  });
});

describe('a question whose answers are bare numbers', () => {
  it('is not taken for a column of dates (SurveyCTO\'s choice codes, "1", could be date serials)', () => {
    const result = run([fixture('surveycto.csv')]);
    expect(result.mapping.surveys[0]!.questions.map((q) => q.relation)).toEqual(['need', 'trust', 'info']);
  });
});

describe('"Question (tick all that apply) - Option" columns', () => {
  it('are one choice question, with 1 read as a tick', () => {
    const q = 'Who do you go to in times of need? (tick all that apply)';
    const survey = text(
      'zoho.csv',
      [
        `Response ID,Which best describes you?,${q} - Helen Okafor,${q} - Dr Priya Patel,${q} - Millbrook Food Bank`,
        '101,Resident,1,0,1',
        '102,Resident,0,1,0',
      ].join('\n'),
    );
    const result = run([survey]);
    // Each option had been a question of its own, its "1" a name to review: no tie at all.
    expect(result.mapping.surveys[0]!.questions.map((x) => [x.label, x.kind, x.relation])).toEqual([
      [q, 'choices', 'need'],
    ]);
    expect(tieSet(result)).toEqual(['r-101>ps-01:need', 'r-101>vg-01:need', 'r-102>ps-04:need']);
  });
});

describe('Microsoft Forms in Dutch', () => {
  it('is told by its own columns: the completion time orders resubmissions, "anoniem" is no e-mail', () => {
    const survey = text(
      'forms-nl.csv',
      [
        'Id,Begintijd,Tijd van voltooien,E-mail,Naam,Tijd van laatste wijziging,Wie vertrouwt u? Who do you trust?',
        '1,3/1/26 10:00:00,3/1/26 10:05:00,anoniem,anoniem,,Helen Okafor',
        '2,3/1/26 11:00:00,3/1/26 11:04:00,anoniem,anoniem,,Amira Haddad',
      ].join('\n'),
    );
    const result = run([survey]);
    const m = result.mapping.surveys[0]!;
    expect([m.format, m.timestamp, m.name, m.email]).toEqual([
      'microsoft-forms',
      'Tijd van voltooien',
      'Naam',
      'E-mail',
    ]);
    // One warning per row had said "anoniem" was no valid e-mail.
    expect(codes(result.quality)).not.toContain('invalid-email');
    expect(tieSet(result)).toEqual(['r-1>ps-01:trust', 'r-2>ps-09:trust']);
  });
});

describe('unfinished responses as more tools mark them', () => {
  it.each([
    [
      "SmartSurvey's blank Ended",
      'UserNo,Started,Ended,1. Which of these best describes you?,2. Who do you trust?\n1,13/02/2026 22:39:44,13/02/2026 22:53:39,Resident,Helen Okafor\n2,09/02/2026 09:37:32,,Resident,Amira Haddad\n',
    ],
    [
      "SurveySparrow's Partially Completed",
      'Submission ID,Submitted Time,Completion Status,Which of these best describes you?,Who do you trust?\n1,2026-02-13 22:53:39,Completed,Resident,Helen Okafor\n2,2026-02-09 09:37:32,Partially Completed,Resident,Amira Haddad\n',
    ],
  ])('%s: kept, with a note on its row', (_, csv) => {
    const result = run([text('survey.csv', csv)]);
    expect(result.quality.issues.filter((i) => i.code === 'unfinished-response').map((i) => i.row)).toEqual([
      3,
    ]);
    expect(result.ties).toHaveLength(2);
  });
});

describe('columns headed by people on the roster, one with a job in brackets (Wufoo)', () => {
  const wufoo = text(
    'wufoo.csv',
    [
      'Entry Id,Email,Dr Priya Patel,Karen Douglas (Neighbourhood Manager),Millbrook Food Bank,Date Created',
      '1,a@example.org,Dr Priya Patel,Karen Douglas (Neighbourhood Manager),,2026-02-09 10:05:10',
      '2,b@example.org,,Karen Douglas (Neighbourhood Manager),Millbrook Food Bank,2026-02-10 10:05:10',
    ].join('\n'),
  );
  it('are one question of the people named, and none is a tie type called after a person', () => {
    const result = run([wufoo]);
    // The bracketed column had broken the run: Dr Priya Patel's column became the tie type
    // "dr-priya-patel", and Karen Douglas's ticks were left out.
    expect(result.mapping.surveys[0]!.questions.map((q) => [q.kind, q.relation, q.targets])).toEqual([
      ['choices', 'named', ['Dr Priya Patel', 'Karen Douglas', 'Millbrook Food Bank']],
    ]);
    expect(tieSet(result)).toEqual([
      'r-1>ps-04:named',
      'r-1>ps-12:named',
      'r-2>ps-12:named',
      'r-2>vg-01:named',
    ]);
  });
  it('one such column alone is read as named, not as a tie type called "dr-priya-patel"', () => {
    const one = text(
      'one.csv',
      'Entry Id,Which best describes you?,Dr Priya Patel\n1,Resident,Dr Priya Patel\n2,Resident,Dr Priya Patel\n',
    );
    expect(run([one]).mapping.surveys[0]!.questions.map((q) => q.relation)).toEqual(['named']);
  });
});
