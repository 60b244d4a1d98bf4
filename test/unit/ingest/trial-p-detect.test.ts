// Detection defects found by trial P: time columns by other names (Citizen Space, Wufoo, Cognito
// Forms), headers written as internal field names (Cognito Forms' "WhoDoYouTrust"), and
// SurveyMonkey's "numerical value" export, whose ticks are each choice's number.
import { describe, expect, it } from 'vitest';
import { detectRelation, isNameGenerator } from '../../../src/core/ingest/relations';
import { plainWording, spacedWords } from '../../../src/core/ingest/wording';
import { codes, run, text, tieSet, weightedTieSet } from './helpers';

const resubmitted = (r: ReturnType<typeof run>) =>
  r.quality.issues.filter((i) => i.code === 'resubmitted-response').map((i) => i.message);

describe('time columns by other names (trial P)', () => {
  it('keeps the later answer by "Submitted" in a newest-first export', () => {
    const r = run([
      text(
        'ts.csv',
        'Response ID,Submitted,What is your email address?,Who do you trust?\n' +
          'A1,05/11/2026 10:00,a@x.org,Helen Okafor\n' +
          'A2,03/11/2026 10:00,a@x.org,Karen Douglas\n',
      ),
    ]);
    expect(r.mapping.surveys[0]!.timestamp).toBe('Submitted');
    expect(tieSet(r)).toEqual(['r-A1>ps-01:trust']);
    expect(resubmitted(r)).toHaveLength(1);
    expect(resubmitted(r)[0]).not.toMatch(/no time/);
  });

  it('reads Citizen Space\'s "Submitted on", not its "Started on"', () => {
    const r = run([
      text(
        'citizen-space.csv',
        'Response ID,Started on,Submitted on,What is your email address?,Who do you trust? (tick all that apply)\n' +
          'ANON-2,07/11/2026 09:00,07/11/2026 09:05,john@example.com,Amira Haddad\n' +
          'ANON-1,13/11/2026 08:00,02/11/2026 09:14,john@example.com,Dr Priya Patel\n',
      ),
    ]);
    expect(r.mapping.surveys[0]!.timestamp).toBe('Submitted on');
    // Started later (a reopened draft) but submitted earlier: the submitted time decides.
    expect(tieSet(r)).toEqual(['r-ANON-2>ps-09:trust']);
  });

  it('reads Wufoo\'s "Date Created", and its audit columns are not questions', () => {
    const r = run([
      text(
        'wufoo.csv',
        'Entry Id,Email,Who do you trust?,Date Created,Created By,Last Updated,Updated By\n' +
          '2,ann@example.org,Karen Douglas,2026-11-07 09:00:00,public,,\n' +
          '1,ann@example.org,Helen Okafor,2026-11-02 09:14:00,public,,\n',
      ),
    ]);
    const m = r.mapping.surveys[0]!;
    expect(m.timestamp).toBe('Date Created');
    expect(m.questions.map((q) => q.columns[0])).toEqual(['Who do you trust?']);
    expect(tieSet(r)).toEqual(['r-2>ps-12:trust']);
  });

  it('reads "Date Submitted (UTC)" before a start time, and "Completed on"', () => {
    const submitted = run([
      text(
        'zone.csv',
        'Response ID,Start Date (UTC),Date Submitted (UTC),Email,Who do you trust?\n' +
          '2,2026-11-01 09:00,2026-11-07 09:00,ann@example.org,Karen Douglas\n' +
          '1,2026-11-05 09:00,2026-11-05 09:10,ann@example.org,Helen Okafor\n',
      ),
    ]);
    expect(submitted.mapping.surveys[0]!.timestamp).toBe('Date Submitted (UTC)');
    expect(tieSet(submitted)).toEqual(['r-2>ps-12:trust']);
    const completed = run([
      text(
        'completed.csv',
        'Response ID,Completed on,Email,Who do you trust?\n' +
          '2,2026-11-07 09:00,ann@example.org,Karen Douglas\n' +
          '1,2026-11-02 09:00,ann@example.org,Helen Okafor\n',
      ),
    ]);
    expect(completed.mapping.surveys[0]!.timestamp).toBe('Completed on');
    expect(tieSet(completed)).toEqual(['r-2>ps-12:trust']);
  });

  it('takes a column called "Submitted" for the time only when it holds dates', () => {
    const r = run([
      text(
        'asked.csv',
        'Response ID,Submitted,Who do you trust?\n' + '1,By post,Helen Okafor\n' + '2,Online,Karen Douglas\n',
      ),
    ]);
    expect(r.mapping.surveys[0]!.timestamp).toBeNull();
    expect(codes(r.quality)).not.toContain('invalid-date');
  });
});

const COGNITO =
  '\uFEFFCommunityConnectionsSurvey_Id,YourEmailAddress,WhichOfTheseBestDescribesYou,WhoDoYouGoToInTimesOfNeed,WhoDoYouTrust,WhereDoYouGetYourInformationAboutTheArea,Entry_Status,Entry_DateCreated,Entry_DateSubmitted,Entry_DateUpdated\n' +
  '3,ann@example.org,Resident,Karen Douglas,Amira Haddad,Eleanor Price,Submitted,11/13/2026 9:00 AM,11/13/2026 9:05 AM,11/13/2026 9:05 AM\n' +
  '2,bob@example.org,Volunteer,"Sgt David Jones, Millbrook Food Bank",Karen Douglas,Chloe Barnes,Incomplete,11/3/2026 10:00 AM,,11/3/2026 10:00 AM\n' +
  '1,ann@example.org,Resident,"Helen Okafor, Millbrook Food Bank",Dr Priya Patel,Helen Okafor,Submitted,11/2/2026 9:09 AM,11/2/2026 9:14 AM,11/2/2026 9:14 AM\n';

describe('headers written as field names: Cognito Forms (trial P)', () => {
  it('reads need, trust and info from "WhoDoYouGoToInTimesOfNeed" and the like, shown spaced', () => {
    const r = run([text('cognito.csv', COGNITO)]);
    const m = r.mapping.surveys[0]!;
    expect(m.questions.map((q) => [q.columns[0], q.relation, q.label])).toEqual([
      ['WhoDoYouGoToInTimesOfNeed', 'need', 'Who Do You Go To In Times Of Need'],
      ['WhoDoYouTrust', 'trust', 'Who Do You Trust'],
      [
        'WhereDoYouGetYourInformationAboutTheArea',
        'info',
        'Where Do You Get Your Information About The Area',
      ],
    ]);
    expect(codes(r.quality)).not.toContain('relation-not-recognised');
  });

  it('reuses a mapping saved when the labels were the field names, without a word', () => {
    const first = run([text('cognito.csv', COGNITO)]);
    const saved = structuredClone(first.mapping);
    for (const q of saved.surveys[0]!.questions) q.label = q.columns[0]!;
    const again = run([text('cognito.csv', COGNITO)], { mapping: saved });
    expect(tieSet(again)).toEqual(tieSet(first));
    expect(codes(again.quality).filter((c) => c.startsWith('question') || c.startsWith('mapping'))).toEqual(
      [],
    );
  });

  it('reads its entry id, status and submitted time', () => {
    const r = run([text('cognito.csv', COGNITO)]);
    expect(r.mapping.surveys[0]!).toMatchObject({
      responseId: 'CommunityConnectionsSurvey_Id',
      status: 'Entry_Status',
      timestamp: 'Entry_DateSubmitted',
      respondentType: 'WhichOfTheseBestDescribesYou',
      email: 'YourEmailAddress',
    });
    // Ann's later answer (row 2, newest first) is kept; Bob's unfinished one is kept with a note.
    expect(tieSet(r)).toEqual([
      'r-2>ps-08:need',
      'r-2>ps-12:trust',
      'r-2>ps-17:info',
      'r-2>vg-01:need',
      'r-3>ps-09:trust',
      'r-3>ps-12:need',
      'r-3>ps-15:info',
    ]);
    expect(resubmitted(r)[0]).not.toMatch(/no time/);
    const unfinished = r.quality.issues.filter((i) => i.code === 'unfinished-response');
    expect(unfinished.map((i) => i.row)).toEqual([3]);
  });

  it('spaces snake_case wording in the label too', () => {
    const r = run([
      text('snake.csv', 'response_id,who_do_you_trust\n' + '1,Helen Okafor\n' + '2,Karen Douglas\n'),
    ]);
    expect(r.mapping.surveys[0]!.questions.map((q) => [q.relation, q.label])).toEqual([
      ['trust', 'who do you trust'],
    ]);
  });

  it('leaves names and short headers as written', () => {
    for (const h of [
      'McDonald',
      'iPhone',
      'NodeID',
      'LastName',
      'FirstName',
      'record_id',
      'need___1',
      'Q3_2',
    ])
      expect(plainWording(h)).toBe(h);
    expect(spacedWords('Helen Okafor')).toBe('Helen Okafor');
    expect(spacedWords('WhoIsYourGPSurgery')).toBe('Who Is Your GP Surgery');
    expect(detectRelation('WhoDoYouTrust')).toBe('trust');
    expect(detectRelation('WhereDoYouGetYourNews')).toBe('info');
    expect(isNameGenerator('WhoDoYouKnowBest')).toBe(true);
    expect(isNameGenerator('LastName')).toBe(false);
  });

  it('still reads a roster with NodeID and FirstName/LastName columns', () => {
    const r = run([text('s.csv', 'Response ID,Who do you trust?\n1,Ann Smith\n')], {
      roster: text('roster.csv', 'NodeID,FirstName,LastName\nn1,Ann,Smith\nn2,Bob,McDonald\n'),
    });
    expect(tieSet(r)).toEqual(['r-1>n1:trust']);
  });
});

/** SurveyMonkey's expanded multi-select exported as numerical values: a tick is its choice's number. */
const SURVEYMONKEY_NUMERIC =
  'Respondent ID,Collector ID,Start Date,End Date,Which of these best describes you?,Who do you go to in times of need?,,,,Who do you trust?,,,\n' +
  ',,,,Response,Helen Okafor,Dr Priya Patel,Millbrook Food Bank,Other (please specify),Helen Okafor,Amira Haddad,Karen Douglas,Other (please specify)\n' +
  '1001,431,11/02/2026 09:14:00 AM,11/02/2026 09:17:10 AM,Resident,1,,3,,,2,,\n' +
  '1002,431,11/02/2026 10:02:00 AM,11/02/2026 10:05:10 AM,Resident,,2,,my neighbour,1,,3,\n' +
  '1003,431,11/03/2026 06:45:00 PM,11/03/2026 06:48:10 PM,Resident,1,,,Chloe Barnes,,,3,Sgt Jones\n' +
  '1004,431,11/05/2026 08:30:00 AM,11/05/2026 08:33:10 AM,Resident,,2,3,,,2,,\n';

describe('SurveyMonkey numerical-value export (trial P)', () => {
  it('reads columns each holding their choice number as ticks, not ratings or tie types', () => {
    const r = run([text('surveymonkey-numeric.csv', SURVEYMONKEY_NUMERIC)]);
    const m = r.mapping.surveys[0]!;
    expect(m.questions.map((q) => [q.kind, q.relation, q.valued ?? false])).toEqual([
      ['choices', 'need', false],
      ['choices', 'trust', false],
    ]);
    expect(new Set(r.ties.map((t) => t.relation))).toEqual(new Set(['need', 'trust']));
    expect(r.ties.every((t) => t.weight === 1)).toBe(true);
    // "Other (please specify)" holds typed names, read as the question's.
    expect(tieSet(r)).toEqual(expect.arrayContaining(['r-1003>ps-17:need', 'r-1003>ps-08:trust']));
    expect(codes(r.quality)).not.toContain('unknown-rating');
  });

  // A bare number in a choice's column is a tick of that choice (as "1" is); "2" and "3" were
  // taken as names and waited in review.
  it('gives the ties a text or 1/0 export of the same answers gives', () => {
    const r = run([text('surveymonkey-numeric.csv', SURVEYMONKEY_NUMERIC)]);
    expect(weightedTieSet(r)).toEqual([
      'r-1001>ps-01:need=1',
      'r-1001>ps-09:trust=1',
      'r-1001>vg-01:need=1',
      'r-1002>ps-01:trust=1',
      'r-1002>ps-04:need=1',
      'r-1002>ps-12:trust=1',
      'r-1003>ps-01:need=1',
      'r-1003>ps-08:trust=1',
      'r-1003>ps-12:trust=1',
      'r-1003>ps-17:need=1',
      'r-1004>ps-04:need=1',
      'r-1004>ps-09:trust=1',
      'r-1004>vg-01:need=1',
    ]);
  });

  it('still reads a rating grid whose raters agree as ratings', () => {
    const r = run([
      text(
        'grid.csv',
        'Response ID,How often do you talk to each? [Helen Okafor],How often do you talk to each? [Karen Douglas]\n' +
          '1,4,2\n' +
          '2,4,2\n',
      ),
    ]);
    const q = r.mapping.surveys[0]!.questions[0]!;
    expect(q).toMatchObject({ kind: 'grid', valued: true });
    expect(weightedTieSet(r)).toEqual([
      'r-1>ps-01:contact=4',
      'r-1>ps-12:contact=2',
      'r-2>ps-01:contact=4',
      'r-2>ps-12:contact=2',
    ]);
  });
});
