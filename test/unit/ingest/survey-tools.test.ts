// Survey-tool shapes beyond the basic exports: Qualtrics loop & merge columns and "Other (please
// specify)" text boxes, KoboToolbox submissions marked "Not approved" in validation, Qualtrics'
// legacy exporter, blank-headed choice columns, other tools' names for respondent details, title
// rows above the header, and answers exported as numeric values.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRoster, readTable, splitNames } from '../../../src/core/ingest';
import { plainWording } from '../../../src/core/ingest/wording';
import { QualityCollector } from '../../../src/core/quality';
import { edgesCsv } from '../../../src/core/export';
import { codes, fixture, FIXTURES, run, text, tieSet, weightedTieSet } from './helpers';

describe('Qualtrics loop & merge and "Other" text', () => {
  const r = run([fixture('qualtrics-loop-other.csv')]);
  const m = r.mapping.surveys[0]!;

  it('joins every loop of a question into one question with one relation', () => {
    const trust = m.questions.find((q) => q.relation === 'trust')!;
    expect(trust.kind).toBe('text');
    expect(trust.columns).toEqual(['1_Q5', '2_Q5']);
    const info = m.questions.find((q) => q.relation === 'info')!;
    expect(info.kind).toBe('choices');
    expect(info.columns).toEqual(['1_Q6_1', '1_Q6_2', '2_Q6_1', '2_Q6_2']);
    expect(info.targets).toEqual(['Dr Priya Patel', 'Eleanor Price', 'Dr Priya Patel', 'Eleanor Price']);
    expect(m.questions.filter((q) => q.relation === 'trust')).toHaveLength(1);
  });

  it('reads the "Other" box as typed names for its question, and never the word "Other"', () => {
    const other = m.questions.find((q) => q.columns.includes('Q2_4_TEXT'))!;
    expect(other).toMatchObject({ kind: 'text', relation: 'need' });
    expect(r.review.map((x) => x.text)).not.toContain('Other (please specify)');
    expect(tieSet(r)).toEqual([
      'r-R_loop0001>ps-01:need',
      'r-R_loop0001>ps-04:info',
      'r-R_loop0001>ps-04:trust',
      'r-R_loop0001>ps-09:need',
      'r-R_loop0001>ps-15:info',
      'r-R_loop0001>ps-15:trust',
      'r-R_loop0002>ps-15:info',
      'r-R_loop0002>ps-16:trust',
      'r-R_loop0002>vg-01:need',
    ]);
  });
});

describe('KoboToolbox validation status', () => {
  const r = run([fixture('kobo-validation.csv')]);

  it('leaves out submissions marked "Not approved" (label or value), each reported', () => {
    const issues = r.quality.issues.filter((i) => i.code === 'not-approved-response');
    expect(issues.map((i) => [i.row, i.column])).toEqual([
      [3, '_validation_status'],
      [5, '_validation_status'],
    ]);
    expect(r.quality.rows).toEqual({ read: 4, accepted: 2, rejected: 2 });
    expect(r.respondents.map((x) => x.key)).toEqual(['r-201', 'r-203']);
    expect(tieSet(r).every((t) => t.startsWith('r-201>') || t.startsWith('r-203>'))).toBe(true);
    expect(codes(r.quality)).not.toContain('unmatched-name');
  });
});

describe("KoboToolbox's labels export", () => {
  it('reads a select_multiple of labels joined by spaces as those roster names', () => {
    // No split 0/1 columns: the one column holds the ticked labels, one space apart.
    const csv =
      'start;Which of these best describes you?;Who do you trust?;_id;_submission_time\n' +
      '2026-03-02T10:01:00;Resident;Sgt David Jones Karen Douglas;40112;2026-03-02T10:21:11\n' +
      '2026-03-02T10:02:00;Resident;Helen Okafor;40113;2026-03-02T10:22:11\n' +
      '2026-03-02T10:03:00;Volunteer;Helen from the school Karen Douglas;40114;2026-03-02T10:23:11\n';
    const r = run([text('kobo-labels.csv', csv)]);
    expect(tieSet(r)).toEqual(['r-40112>ps-08:trust', 'r-40112>ps-12:trust', 'r-40113>ps-01:trust']);
    // Words that are not all roster labels stay one answer, for review.
    expect(r.review.map((x) => x.text)).toEqual(['Helen from the school Karen Douglas']);
  });
});

describe('ODK Central, ODK Briefcase and SurveyCTO exports', () => {
  // Central's CSV: SubmissionDate first, group paths joined by "-", metadata after the answers,
  // and a ReviewState column holding what a reviewer chose (approved, hasIssues, rejected).
  const csv = readFileSync(join(FIXTURES, 'odk-central.csv'), 'utf8');
  const split = run([text('odk-central.csv', csv)]);

  it('is read as an ODK export, keyed by the instance id, with the split choice columns read once', () => {
    const m = split.mapping.surveys[0]!;
    expect(m).toMatchObject({ format: 'kobo', responseId: 'meta-instanceID', timestamp: 'SubmissionDate' });
    expect(m.status).toBe('ReviewState');
    expect(tieSet(split)).toEqual([
      'r-uuid-5b1c2d3e-0000-4000-8000-000000000001>ps-01:trust',
      'r-uuid-5b1c2d3e-0000-4000-8000-000000000001>ps-04:need',
      'r-uuid-5b1c2d3e-0000-4000-8000-000000000001>vg-01:need',
      'r-uuid-5b1c2d3e-0000-4000-8000-000000000002>ps-01:need',
      'r-uuid-5b1c2d3e-0000-4000-8000-000000000002>ps-04:info',
      'r-uuid-5b1c2d3e-0000-4000-8000-000000000002>ps-09:trust',
      'r-uuid-5b1c2d3e-0000-4000-8000-000000000004>ps-04:need',
      'r-uuid-5b1c2d3e-0000-4000-8000-000000000004>vg-01:info',
    ]);
  });

  it('leaves out a submission a reviewer rejected, reported on its row; "hasIssues" is kept', () => {
    const rejected = split.quality.issues.filter((i) => i.code === 'rejected-response');
    expect(rejected.map((i) => [i.row, i.column])).toEqual([[4, 'ReviewState']]);
    expect(split.quality.rows).toEqual({ read: 4, accepted: 3, rejected: 1 });
    expect(codes(split.quality)).not.toContain('unmatched-name');
  });

  it('knows the export without the split columns (space-separated choices only) by SubmissionDate and KEY', () => {
    const plain = csv
      .split('\n')
      .map((line) =>
        line
          .split(',')
          .filter((_, i) => i < 5 || i > 7)
          .join(','),
      )
      .join('\n');
    const r = run([text('odk-central.csv', plain)]);
    expect(r.mapping.surveys[0]!.format).toBe('kobo');
    expect(tieSet(r)).toEqual(tieSet(split));
    expect(r.quality.rows).toEqual({ read: 4, accepted: 3, rejected: 1 });
  });
});

describe('SurveyCTO export with numeric choice values and its choices sheet as codebook', () => {
  // Choice values are numbers ("1 3"), every list numbered from 1; the form's choices sheet
  // (list_name,value,label) says what each stands for.
  const r = run([fixture('surveycto.csv')], { codebook: fixture('surveycto-choices.csv') });

  it('reads people and respondent types through the choices sheet', () => {
    expect(tieSet(r)).toEqual([
      'r-uuid-aaa-1>ps-01:trust',
      'r-uuid-aaa-1>ps-04:need',
      'r-uuid-aaa-1>vg-01:need',
      'r-uuid-aaa-2>ps-01:need',
      'r-uuid-aaa-2>ps-04:info',
      'r-uuid-aaa-2>ps-09:trust',
    ]);
    expect(r.respondents.map((x) => [x.key, x.type])).toEqual([
      ['r-uuid-aaa-1', 'resident'],
      ['r-uuid-aaa-2', 'volunteer'],
    ]);
    expect(codes(r.quality)).not.toContain('respondent-type-default');
  });

  it('leaves out the submission review_status marks REJECTED', () => {
    expect(r.mapping.surveys[0]).toMatchObject({ format: 'kobo', status: 'review_status' });
    const rejected = r.quality.issues.filter((i) => i.code === 'rejected-response');
    expect(rejected.map((i) => [i.row, i.column])).toEqual([[4, 'review_status']]);
  });
});

describe('Alchemer (SurveyGizmo) export', () => {
  // Checkbox columns "Question?:Choice" holding the choice when ticked; the "Other" choice beside
  // its write-in box "Question?:Other - Write In"; Status Complete, Partial or Disqualified.
  const r = run([fixture('alchemer.csv')]);
  const need = r.mapping.surveys[0]!.questions.filter((q) => q.relation === 'need');

  it('reads the write-in box as typed names and never the word "Other" as a person', () => {
    expect(need.map((q) => q.kind)).toEqual(['choices', 'text']);
    expect(need[0]!.targets).toEqual(['Dr Priya Patel', 'Helen Okafor', 'Millbrook Food Bank']);
    expect(need[1]!.columns).toEqual(['Who do you go to in times of need?:Other - Write In']);
    expect(r.review.map((x) => x.text).sort()).toEqual(['Amira from the library', 'Dr Patel']);
  });

  it('keeps a Partial response with a note and leaves a Disqualified one out', () => {
    expect(r.quality.issues.filter((i) => i.code === 'unfinished-response').map((i) => i.row)).toEqual([4]);
    const out = r.quality.issues.filter((i) => i.code === 'disqualified-response');
    expect(out.map((i) => [i.row, i.column])).toEqual([[5, 'Status']]);
    expect(r.quality.rows).toEqual({ read: 4, accepted: 3, rejected: 1 });
    expect(tieSet(r)).toEqual([
      'r-1>ps-01:trust',
      'r-1>ps-04:need',
      'r-1>vg-01:need',
      'r-2>ps-01:need',
      'r-3>ps-04:need',
    ]);
  });
});

describe('Qualtrics question text with rich-text markup', () => {
  // Qualtrics' rich content editor exports its formatting in the question-text row:
  // "<span style=...><strong>Who do you go to</strong> in times of need?</span>", "describes&nbsp;you".
  const r = run([fixture('qualtrics-rich-text.csv')]);
  const m = r.mapping.surveys[0]!;

  it('reads tie types and the respondent-type question through the markup', () => {
    expect(m.respondentType).toBe('Q1');
    expect(m.questions.map((q) => [q.relation, q.label])).toEqual([
      ['need', 'Who do you go to in times of need?'],
      ['trust', 'Who do you trust?'],
    ]);
    expect(tieSet(r)).toEqual(['r-R_1>ps-01:trust', 'r-R_1>ps-04:need', 'r-R_2>ps-01:need']);
    expect(r.respondents.map((x) => x.type)).toEqual(['resident', 'volunteer']);
  });

  it('turns markup into plain wording, leaving text that only looks like a tag', () => {
    expect(plainWording('<p>Which best describes&nbsp;you?</p>')).toBe('Which best describes you?');
    expect(plainWording('Who do you <em>trust</em>?<br>Name up to five')).toBe(
      'Who do you trust? Name up to five',
    );
    expect(plainWording('Children &lt;5 &amp; carers &#8211; &#x2019;s')).toBe('Children <5 & carers – ’s');
    expect(plainWording('Lived here <5 years')).toBe('Lived here <5 years');
  });
});

describe("Qualtrics' legacy exporter", () => {
  const r = run([fixture('qualtrics-legacy.csv')]);
  const m = r.mapping.surveys[0]!;

  it('reads V1–V10 by the field names of the second header row', () => {
    expect([m.format, m.headerRows]).toEqual(['qualtrics', 2]);
    expect(m).toMatchObject({
      responseId: 'V1',
      name: 'V3',
      rosterId: 'V4',
      email: 'V5',
      status: 'V7',
      timestamp: 'V9', // EndDate: when the response was submitted
      finished: 'V10',
      respondentType: 'Q1',
    });
    // Status 1 is a survey preview; Finished 0 an unfinished response, kept.
    expect(r.quality.issues.filter((i) => i.code.endsWith('-response')).map((i) => [i.code, i.row])).toEqual([
      ['preview-response', 5],
      ['unfinished-response', 6],
    ]);
    // Helen answered with her e-mail address in EmailAddress: she keeps her roster id.
    expect(r.respondents.map((x) => x.key)).toEqual([
      'r-R_3kLmN8pQ2rS',
      'ps-01',
      'r-R_5uNfInIsH3d',
      'r-R_7gHiJ2kL5mN',
    ]);
  });

  it('splits "Question?-Choice" after the question, not at a hyphen inside it', () => {
    const need = m.questions.find((q) => q.relation === 'need')!;
    expect(need.kind).toBe('choices');
    expect(need.label).toBe('Who do you go to for face-to-face help in times of need?');
    expect(need.targets).toEqual(['Dr Priya Patel', 'Helen Okafor', 'Amira Haddad', 'Age UK Millbrook']);
    expect(tieSet(r)).toEqual([
      'ps-01>ps-09:need',
      'ps-01>ps-09:trust',
      'ps-01>vg-03:info',
      'ps-01>vg-03:need',
      'r-R_3kLmN8pQ2rS>ps-01:trust',
      'r-R_3kLmN8pQ2rS>ps-04:need',
      'r-R_3kLmN8pQ2rS>ps-09:need',
      'r-R_3kLmN8pQ2rS>vg-01:info',
      'r-R_5uNfInIsH3d>ps-04:need',
      'r-R_7gHiJ2kL5mN>ps-01:need',
    ]);
  });
});

describe('a multi-select with blank headers over its later choice columns', () => {
  const r = run([fixture('surveymonkey-one-header.csv')]);
  const m = r.mapping.surveys[0]!;

  it('reads every blank-headed column after a question as a box of that question', () => {
    expect([m.format, m.headerRows]).toEqual(['surveymonkey', 1]);
    const trust = m.questions.find((q) => q.relation === 'trust')!;
    expect(trust.columns).toEqual(['Who do you trust?', 'Column 12', 'Column 13', 'Column 14']);
    expect(m.questions.map((q) => q.relation)).toEqual(['trust', 'info']);
    expect(tieSet(r)).toEqual([
      'r-114230001>ps-04:trust',
      'r-114230001>ps-09:trust',
      'r-114230001>vg-01:info',
      'r-114230002>ps-01:trust',
      'r-114230002>vg-03:info',
      'r-114230003>ps-01:trust',
      'r-114230003>ps-04:trust',
    ]);
  });

  it('names such a column by its question in notes and the review queue', () => {
    const item = r.review.find((x) => x.text === "Mrs Okafor's deputy")!;
    expect(item.column).toBe('Who do you trust? (column 14)');
  });

  it('leaves a blank-headed column after respondent details alone', () => {
    const csv =
      'Timestamp,Email Address,,Who do you trust?\n2026/03/02 10:01:00,a@example.org,x,Helen Okafor\n';
    const plain = run([text('padded.csv', csv)]);
    const questions = plain.mapping.surveys[0]!.questions;
    expect(questions.map((q) => q.columns)).toEqual([['Who do you trust?']]);
  });
});

describe('respondent details under the names other tools give them', () => {
  const detected = (csv: string) => run([text('export.csv', csv)]).mapping.surveys[0]!;

  it("Typeform: '#' is the response id, Submit Date (UTC) the time", () => {
    const m = detected(
      '#,Who do you trust?,Start Date (UTC),Submit Date (UTC),Network ID\n' +
        'a8f3k2,Helen Okafor,2026-03-02 10:01:15,2026-03-02 10:04:02,c1d2e3\n',
    );
    expect([m.responseId, m.timestamp]).toEqual(['#', 'Submit Date (UTC)']);
  });

  it('JotForm: Submission ID and Submission Date', () => {
    const m = detected(
      'Submission Date,Who do you trust?,Submission ID\n"Mar 2, 2026",Helen Okafor,5845123456789012345\n',
    );
    expect([m.responseId, m.timestamp]).toEqual(['Submission ID', 'Submission Date']);
  });

  it('"What is your name?" is the respondent\'s name: a roster person answering keeps their id', () => {
    const csv =
      'Timestamp,What is your name?,What is the name of your group?,Who do you trust?\n' +
      '2026/03/02 10:01:00 AM GMT,Helen Okafor,Riverside Primary School,Amira Haddad\n' +
      '2026/03/02 11:01:00 AM GMT,Jo Bloggs,Millbrook Food Bank,Helen Okafor\n';
    const r = run([text('export.csv', csv)]);
    expect(r.mapping.surveys[0]!.name).toBe('What is your name?');
    // The group question names roster groups, so it is read as ties too, under its own name.
    expect(tieSet(r)).toEqual([
      'ps-01>ps-09:trust',
      'r-row3>ps-01:trust',
      'r-row3>vg-01:what-is-the-name-of-your-group',
    ]);
    expect(detected('Your full name,Who do you trust?\nJo,Helen Okafor\n').name).toBe('Your full name');
    expect(detected('Your name for the group,Who do you trust?\nJo,Helen Okafor\n').name).toBeNull();
  });

  it('SmartSurvey: UserID, and Ended (when the response was submitted) as the time', () => {
    const m = detected(
      'UserID,Name,Email,IP Address,Unique ID,Started,Ended,Tracking Link,Custom Value,Who do you trust?\n' +
        '48211001,,,81.2.69.160,,02/03/2026 10:01,02/03/2026 10:04,Default Web Link,,Helen Okafor\n',
    );
    expect([m.responseId, m.timestamp, m.email]).toEqual(['UserID', 'Ended', 'Email']);
  });
});

describe('title rows above the header', () => {
  const csv =
    'Millbrook relationships survey 2026\nExported 02/04/2026\n\n' +
    'Response ID,Respondent type,Who do you trust?,Who do you go to in times of need?\n' +
    'R1,Resident,Helen Okafor,Dr Priya Patel\nR2,Volunteer,Amira Haddad,Helen Okafor\n';

  it('are read as titles, each reported, and the header found below them', () => {
    const r = run([text('titled.csv', csv)]);
    expect(tieSet(r)).toEqual(['r-R1>ps-01:trust', 'r-R1>ps-04:need', 'r-R2>ps-01:need', 'r-R2>ps-09:trust']);
    expect(r.quality.issues.filter((i) => i.code === 'title-row').map((i) => i.row)).toEqual([1, 2]);
    expect(r.quality.rows).toEqual({ read: 2, accepted: 2, rejected: 0 });
  });

  it('in a roster too', () => {
    const roster = text(
      'roster.csv',
      '"Millbrook roster, March 2026"\nid,name,type\nps-01,Helen Okafor,public-servant\n',
    );
    const q = new QualityCollector();
    const read = readRoster(roster, q);
    expect(read.entries.map((e) => [e.id, e.name])).toEqual([['ps-01', 'Helen Okafor']]);
    expect(codes(q)).toContain('title-row');
  });

  it('never in a one-column file', () => {
    const q = new QualityCollector();
    const table = readTable(text('names.csv', 'name\nHelen Okafor\nAmira Haddad\n'), q);
    expect(table.header).toEqual(['name']);
    expect(codes(q)).not.toContain('title-row');
  });
});

describe('answers exported as numeric values', () => {
  it('stay in review, with one note per column saying what to do', () => {
    const csv =
      'Response ID,Who do you go to in times of need?,Who do you trust?\nR1,"1,3",Helen Okafor\nR2,2,Amira Haddad\n';
    const r = run([text('numeric.csv', csv)]);
    expect(r.review.map((x) => x.text).sort()).toEqual(['1', '2', '3']);
    const notes = r.quality.issues.filter((i) => i.code === 'numeric-answers');
    expect(notes.map((i) => i.column)).toEqual(['Who do you go to in times of need?']);
    expect(notes[0]!.message).toContain('(1, 2, 3)');
    expect(notes[0]!.message).toContain('codebook');
  });

  it("and LimeSurvey's subquestion codes as choice headings: one note per question", () => {
    const csv =
      'id,submitdate,resptype,need[SQ001],need[SQ002],need[SQ010],trust[SQ003],trust[SQ004]\n' +
      '1,2026-03-02 10:04:11,Resident,Yes,,Yes,,\n2,2026-03-02 11:04:11,Volunteer,,Yes,,Yes,\n';
    const r = run([text('limesurvey.csv', csv)]);
    const notes = r.quality.issues.filter((i) => i.code === 'numeric-answers');
    expect(notes.map((i) => i.column)).toEqual(['need[SQ001]', 'trust[SQ003]']);
    expect(notes[0]!.message).toContain('(SQ001, SQ002, SQ010)');
  });
});

describe('Qualtrics columns about a question rather than its answers', () => {
  it('reads no ties from display order, timing or Text iQ columns', () => {
    const r = run([fixture('qualtrics-display-order.csv')]);
    const m = r.mapping.surveys[0]!;
    expect(m.questions.map((q) => q.columns)).toEqual([['Q2']]);
    // R_1aaa ticked Helen Okafor only, though three people were shown in a random order.
    expect(tieSet(r)).toEqual(['r-R_1aaa>ps-01:trust', 'r-R_2aaa>ps-04:trust', 'r-R_2aaa>ps-09:trust']);
  });

  it('keeps a response its fraud detection flags, and reports each flag on its row', () => {
    const r = run([fixture('qualtrics-display-order.csv')]);
    expect(r.quality.rows).toEqual({ read: 2, accepted: 2, rejected: 0 });
    expect(
      r.quality.issues.filter((i) => i.code.startsWith('possible-')).map((i) => [i.code, i.row, i.column]),
    ).toEqual([
      ['possible-duplicate', 4, 'Q_BallotBoxStuffing'],
      ['possible-duplicate', 5, 'Q_RelevantIDDuplicate'],
      ['possible-bot', 5, 'Q_RecaptchaScore'],
    ]);
  });
});

describe('a form run as a quiz', () => {
  it('reads no answers from the marking columns beside each question', () => {
    const csv =
      'ID,Start time,Completion time,Email,Name,Total points,Quiz feedback,Who do you trust?,Points - Who do you trust?,Feedback - Who do you trust?\n' +
      '1,3/2/26 10:01:12,3/2/26 10:04:40,anonymous,,0,,Helen Okafor;,0,Amira Haddad is on the list too\n';
    const r = run([text('quiz.csv', csv)]);
    expect(r.mapping.surveys[0]!.questions.map((q) => q.columns)).toEqual([['Who do you trust?']]);
    expect(tieSet(r)).toEqual(['r-1>ps-01:trust']);
  });
});

describe('columns headed by people on the roster, with no question over them', () => {
  it('one column per ticked person holding their name (Typeform-like), "Other" as typed names', () => {
    const r = run([fixture('people-columns.csv')]);
    const [choices, other] = r.mapping.surveys[0]!.questions;
    expect(choices).toMatchObject({ kind: 'choices', relation: 'named' });
    expect(choices!.targets).toEqual(['Helen Okafor', 'Dr Priya Patel', 'Amira Haddad']);
    expect(other).toMatchObject({ kind: 'text', columns: ['Other'], relation: 'named' });
    expect(tieSet(r)).toEqual(['r-abc1>ps-01:named', 'r-abc1>ps-09:named', 'r-abc2>ps-04:named']);
    expect(r.review.map((x) => x.text)).toEqual(['Sue next door']);
    // No wording to read a tie type from: said, so the user names it in the mapping.
    expect(codes(r.quality)).toContain('relation-not-recognised');
  });

  it('a hand-made roster grid: cells listing tie types, or rating each person', () => {
    const head = 'Response ID,Respondent type,Helen Okafor,Dr Priya Patel,Amira Haddad\n';
    const types = run([
      text('grid.csv', head + 'R1,Resident,"Advice, Trust",,Information\nR2,Volunteer,,Trust,\n'),
    ]);
    expect(tieSet(types)).toEqual([
      'r-R1>ps-01:advice',
      'r-R1>ps-01:trust',
      'r-R1>ps-09:info',
      'r-R2>ps-04:trust',
    ]);
    const rated = run([text('rated.csv', head + 'R1,Resident,Weekly,Never,Monthly\n')]);
    expect(rated.ties.map((t) => `${t.target}:${t.relation}=${t.weight}`)).toEqual([
      'ps-01:named=4',
      'ps-09:named=3',
    ]);
  });
});

describe('a name interpreter: a rating grid over the people named before (Qualtrics carry forward)', () => {
  it('reads the carried-forward columns (Q3_x1...) as those people, and a tie named and rated at its rating', () => {
    const r = run([fixture('qualtrics-carry-forward.csv')]);
    const grid = r.mapping.surveys[0]!.questions[1]!;
    expect(grid).toMatchObject({ kind: 'grid', valued: true, relation: 'need' });
    expect(grid.targets).toEqual(['Helen Okafor', 'Dr Priya Patel', 'Amira Haddad']);
    // Helen named (1) and seen weekly (4): one need tie of weight 4, not a tie of 1 and a lost 4.
    expect(weightedTieSet(r)).toEqual([
      'r-R_1aaa>ps-01:need=4',
      'r-R_1aaa>ps-09:need=3',
      'r-R_2bbb>ps-04:need=5',
    ]);
  });
});

describe('a rating grid exported as numeric codes (Qualtrics "use numeric values")', () => {
  const r = run([fixture('qualtrics-numeric-rating.csv')]);

  it('reads the codes as weights and warns that the lowest may mean "never", naming the question', () => {
    expect(r.mapping.surveys[0]!.questions[0]).toMatchObject({ kind: 'grid', valued: true });
    expect(r.ties.filter((t) => t.relation === 'contact').map((t) => t.weight)).toContain(1);
    const warning = r.quality.issues.find((i) => i.code === 'numeric-rating')!;
    expect(warning).toMatchObject({ severity: 'warning', row: 1, column: 'Q2_1' });
    expect(warning.message).toMatch(/1 to 5.*"Never".*Use choice text/);
  });

  it('says the respondent types are numeric codes, not just unrecognised', () => {
    const note = r.quality.issues.find((i) => i.code === 'respondent-type-default')!;
    expect(note.message).toMatch(/"1".*numbers.*Use choice text/);
  });

  it('says nothing of the kind when the answers are words or include 0', () => {
    expect(codes(run([fixture('google-forms-frequency.csv')]).quality)).not.toContain('numeric-rating');
    const withZero = readFileSync(join(FIXTURES, 'qualtrics-numeric-rating.csv'), 'utf8').replace(
      ',1,4,1,3',
      ',1,4,0,3',
    );
    expect(codes(run([text('zero.csv', withZero)]).quality)).not.toContain('numeric-rating');
  });
});

describe('a grid that rates each person (how often, how close)', () => {
  const r = run([fixture('google-forms-frequency.csv')]);

  it('reads each answer as a tie weighted by its rank, and "Never" as no tie', () => {
    const q = r.mapping.surveys[0]!.questions[0]!;
    expect(q).toMatchObject({ kind: 'grid', valued: true, relation: 'contact' });
    expect(weightedTieSet(r)).toEqual([
      'r-row2>ps-01:contact=4',
      'r-row2>ps-01:trust=1',
      'r-row2>ps-09:contact=3',
      'r-row3>ps-01:contact=5',
      'r-row3>ps-04:contact=2',
      'r-row3>ps-09:trust=1',
      'r-row4>ps-01:contact=2',
      'r-row4>ps-04:contact=4',
      'r-row4>ps-04:trust=1',
    ]);
    expect(codes(r.quality)).toContain('rating-grid');
  });

  it('reports an answer off the scale on its row and column', () => {
    const off = r.quality.issues.find((i) => i.code === 'unknown-rating')!;
    expect([off.row, off.column]).toEqual([
      4,
      'How often are you in contact with each of these people? [Amira Haddad]',
    ]);
  });

  it('gives the same weighted ties when its saved mapping is reused', () => {
    const saved = JSON.parse(JSON.stringify(r.mapping)) as typeof r.mapping;
    expect(weightedTieSet(run([fixture('google-forms-frequency.csv')], { mapping: saved }))).toEqual(
      weightedTieSet(r),
    );
  });

  it('writes the weights to edges.csv', () => {
    expect(new TextDecoder().decode(edgesCsv(r.ties))).toContain('r-row2,ps-01,contact,4\r\n');
  });

  it('takes 0–10 ratings as they are, and a grid of plain ticks as tick boxes', () => {
    const rated = run([
      text(
        'rated.csv',
        'Response ID,How close are you to each person? [Helen Okafor],How close are you to each person? [Amira Haddad]\n' +
          'R1,5,0\nR2,2,10\n',
      ),
    ]);
    expect(weightedTieSet(rated)).toEqual([
      'r-R1>ps-01:closeness=5',
      'r-R2>ps-01:closeness=2',
      'r-R2>ps-09:closeness=10',
    ]);
    const ticked = run([
      text(
        'ticked.csv',
        'Response ID,Who do you trust? [Helen Okafor],Who do you trust? [Amira Haddad]\nR1,1,0\nR2,0,1\n',
      ),
    ]);
    expect(ticked.mapping.surveys[0]!.questions[0]!.kind).toBe('choices');
    expect(weightedTieSet(ticked)).toEqual(['r-R1>ps-01:trust=1', 'r-R2>ps-09:trust=1']);
  });
});

describe('answers that name nobody, and what spreadsheets leave in empty cells', () => {
  it.each([
    '#N/A',
    '#VALUE!',
    '#REF!',
    'NULL',
    'null',
    'NaN',
    'undefined',
    'N/A',
    'None',
    'None of the above',
    'Not sure',
    'Prefer not to say',
    "I don't know",
    'No one in particular',
    'No one really',
    'Nobody.',
    'None at the moment',
    "I don't trust anyone",
    'I do not go to anybody',
    '?',
    '--',
    'Other',
    'Other (please specify)',
    'Other (please say who):',
  ])('"%s" names nobody', (cell) => {
    expect(splitNames(cell, () => false)).toEqual([]);
    expect(splitNames(`Helen Okafor; ${cell}`, () => false)).toEqual(['Helen Okafor']);
  });

  it.each(['Nobody Smith', 'Mary Noone', 'I trust Helen', 'All of them', 'Other Smith'])(
    '"%s" is still read',
    (cell) => {
      expect(splitNames(cell, () => false)).toEqual([cell]);
    },
  );
});

describe("a saved mapping used on next year's export", () => {
  it('leaves out a question added since, and says so, naming it', () => {
    const first = run([fixture('google-forms.csv')]);
    const saved = JSON.parse(JSON.stringify(first.mapping)) as typeof first.mapping;
    // The same survey a year on, with one more name question.
    const rows = new TextDecoder()
      .decode(fixture('google-forms.csv').data as Uint8Array)
      .trimEnd()
      .split('\n');
    const wave2 = [
      `${rows[0]},Who else do you go to for advice?`,
      ...rows.slice(1).map((r) => `${r},Helen Okafor`),
    ];
    const again = run([text('google-forms.csv', wave2.join('\n'))], { mapping: saved });
    expect(tieSet(again)).toEqual(tieSet(first));
    const added = again.quality.issues.filter((i) => i.code === 'unmapped-question');
    expect(added.map((i) => [i.column, i.severity])).toEqual([
      ['Who else do you go to for advice?', 'warning'],
    ]);
    // The file the mapping was made from: nothing to say.
    expect(codes(run([fixture('google-forms.csv')], { mapping: saved }).quality)).not.toContain(
      'unmapped-question',
    );
  });
});

describe('a respondent whose roster id is not on the roster', () => {
  it('is counted as someone new, and the id is reported on its row and column', () => {
    const csv =
      'Response ID,Respondent type,Roster ID,Who do you trust?\n' +
      'R1,Public servant,ps-01,Amira Haddad\nR2,Public servant,ps-99,Helen Okafor\n';
    const r = run([text('ids.csv', csv)]);
    expect(tieSet(r)).toEqual(['ps-01>ps-09:trust', 'r-R2>ps-01:trust']);
    const unknown = r.quality.issues.filter((i) => i.code === 'unknown-roster-id');
    expect(unknown.map((i) => [i.row, i.column])).toEqual([[3, 'Roster ID']]);
    expect(unknown[0]!.message).toContain('"ps-99"');
  });
});

describe("questions about the respondent's own details", () => {
  it('are never name questions, even when their answers are roster names; "your email" is the e-mail', () => {
    // Citizen Space's consultation form asks for the respondent's name, e-mail and organisation.
    const csv =
      'Response ID,What is your name?,What is your email address?,What is the name of your organisation?,Which of these describes you?,Who do you trust?\n' +
      'ANON-1,,,Millbrook Men’s Shed,Community group,Helen Okafor\n' +
      'ANON-2,Someone,gareth.lewis@example.org,Millbrook Food Bank,Volunteer,Amira Haddad\n' +
      'ANON-3,,,Age UK Millbrook,Service user,\n';
    const r = run([text('citizen-space.csv', csv)]);
    const m = r.mapping.surveys[0]!;
    expect(m).toMatchObject({
      email: 'What is your email address?',
      name: 'What is your name?',
      respondentType: 'Which of these describes you?',
    });
    expect(m.questions.map((q) => q.relation)).toEqual(['trust']);
    // The Men's Shed answering as a community group is the Men's Shed on the roster (trial AA).
    expect(m.organisation).toBe('What is the name of your organisation?');
    expect(tieSet(r)).toEqual(['r-ANON-2>ps-09:trust', 'vg-07>ps-01:trust']);
    expect(r.respondents.map((x) => x.type)).toEqual(['group', 'volunteer', 'service-user']);
  });
});

describe('names joined by "and" or "&" in one typed answer', () => {
  it('are each a name: the ones found are ties, the rest wait in review, none is swallowed', () => {
    const csv =
      'Timestamp,Which best describes you?,Who do you trust?\n' +
      '2026/03/02 10:01:00 AM GMT,Resident,Mr Shah and Parents of Hillside PTA\n' +
      '2026/03/02 10:02:00 AM GMT,Resident,Dr Priya Patel and Nadia\n' +
      '2026/03/02 10:03:00 AM GMT,Resident,Helen Okafor & Amira Haddad\n' +
      '2026/03/02 10:04:00 AM GMT,Resident,Millbrook & District Lions\n';
    const r = run([text('joined.csv', csv)]);
    // "Mr Shah and Parents of Hillside PTA" once matched Imran Shah (a volunteer of the PTA), whole.
    expect(tieSet(r)).toEqual([
      'r-row2>vg-06:trust',
      'r-row3>ps-04:trust',
      'r-row4>ps-01:trust',
      'r-row4>ps-09:trust',
    ]);
    expect(r.review.map((x) => [x.text, x.row])).toEqual([
      ['Millbrook & District Lions', 5], // no part names anyone: kept whole
      ['Mr Shah', 2],
      ['Nadia', 3],
    ]);
    expect(r.review.find((x) => x.text === 'Nadia')!.candidates.map((c) => c.name)).toEqual([
      'Nadia Walsh',
      'Nadia Obi',
    ]);
  });

  it('with no part sure, a part naming someone by surname is reviewed apart from the rest', () => {
    const csv =
      'Timestamp,Which best describes you?,Who do you go to in times of need?\n' +
      '2026/03/02 10:01:00 AM GMT,Resident,Mum and Dr Patel\n' +
      '2026/03/02 10:02:00 AM GMT,Resident,Sue from church & Patel\n' +
      '2026/03/02 10:03:00 AM GMT,Resident,Friends and family\n';
    const r = run([text('family.csv', csv)]);
    expect(r.ties).toEqual([]);
    // "Mum and Dr Patel" was one review item: choosing Dr Patel took Mum along; "Sue from church &
    // Patel" had no suggestion at all. "Friends and family" names no one by surname: kept whole.
    expect(r.review.map((x) => [x.text, x.row, x.candidates.map((c) => c.name)])).toEqual([
      ['Dr Patel', 2, ['Dr Priya Patel', 'Dr Anil Patel']],
      ['Friends and family', 4, []],
      ['Mum', 2, []],
      ['Patel', 3, ['Dr Priya Patel', 'Dr Anil Patel']],
      ['Sue from church', 3, []],
    ]);
    // A reviewer's choice for the part applies to the joined answer next time; the rest still waits.
    const next = run([text('family.csv', csv)], {
      mapping: { ...r.mapping, decisions: [{ text: 'Dr Patel', action: 'choose', id: 'ps-04' }] },
    });
    expect(tieSet(next)).toEqual(['r-row2>ps-04:need']);
    expect(next.review.map((x) => x.text)).toEqual(['Friends and family', 'Mum', 'Patel', 'Sue from church']);
  });
});

describe('a column of typed names under wording no tie type is read from', () => {
  it('is not dropped without a word', () => {
    const csv =
      'Timestamp,Which best describes you?,Who do you trust?,Anyone else?\n' +
      '2026/03/02 10:01:00 AM GMT,Resident,Helen Okafor,Helen Okafur\n' +
      '2026/03/02 10:02:00 AM GMT,Resident,Amira Haddad,Dr Pryia Patel\n' +
      '2026/03/02 10:03:00 AM GMT,Resident,Amira Haddad,"Amira Hadad, my sister"\n';
    const r = run([text('typed.csv', csv)]);
    expect(r.mapping.surveys[0]!.questions.map((q) => q.label)).toEqual(['Who do you trust?']);
    const notes = r.quality.issues.filter((i) => i.code === 'unread-name-column');
    expect(notes.map((i) => [i.column, i.severity])).toEqual([['Anyone else?', 'warning']]);
    expect(notes[0]!.message).toContain('"Helen Okafur"');
    // The read question's column, and columns of words that name no one, are not mentioned.
    expect(codes(run([fixture('google-forms.csv')]).quality)).not.toContain('unread-name-column');
  });

  it('a question kept under a tie type named from its column is noted, whatever the name', () => {
    const r = run([fixture('qualtrics-tags-only.csv')]);
    const notes = r.quality.issues.filter((i) => i.code === 'relation-not-recognised');
    expect(notes.map((i) => i.column)).toContain('Q2');
    expect(notes.find((i) => i.column === 'Q2')!.message).toContain('the tie type "q2"');
  });
});

describe('an export in which no one names anybody', () => {
  it('is said once for the file, naming its name questions', () => {
    const csv =
      'Timestamp,Which best describes you?,Who do you trust?,Who do you go to in times of need?\n' +
      '2026/03/02 10:01:00 AM GMT,Resident,,\n2026/03/02 11:01:00 AM GMT,Volunteer,None,\n';
    const r = run([text('blank.csv', csv)]);
    expect(r.ties).toEqual([]);
    const notes = r.quality.issues.filter((i) => i.code === 'no-names');
    expect(notes.map((i) => [i.file, i.row, i.severity])).toEqual([['blank.csv', null, 'warning']]);
    expect(notes[0]!.message).toContain('None of the 2 responses');
    expect(notes[0]!.message).toContain('"Who do you trust?"');
    // A file where someone names someone: nothing to say.
    expect(codes(run([fixture('google-forms.csv')]).quality)).not.toContain('no-names');
  });
});

describe("SurveyMonkey's Custom Data 1", () => {
  it('is the roster-id column only when some of its values are on the roster', () => {
    const csv =
      'Respondent ID,Collector ID,Start Date,Custom Data 1,Which best describes you?,Who do you trust?\n' +
      ',,,,Response,Open-Ended Response\n' +
      '101,9,03/02/2026 09:01:12 AM,Northgate,Resident,Helen Okafor\n' +
      '102,9,03/02/2026 09:11:12 AM,Riverside,Resident,Amira Haddad\n';
    const r = run([text('monkey.csv', csv)]);
    expect(r.mapping.surveys[0]!.rosterId).toBeNull();
    expect(codes(r.quality)).not.toContain('unknown-roster-id');
    expect(tieSet(r)).toEqual(['r-101>ps-01:trust', 'r-102>ps-09:trust']);
  });
});

describe('repeats by roster id', () => {
  it('are the same roster person answering twice; a value no one on the roster has keeps both', () => {
    // SurveyMonkey's "Custom Data 1" (read as a roster id) often holds a ward that many share.
    const csv =
      'Respondent ID,Collector ID,Start Date,Custom Data 1,Which best describes you?,Who do you trust?\n' +
      ',,,,Response,Open-Ended Response\n' +
      '101,9,03/02/2026 09:01:12 AM,Northgate,Resident,Helen Okafor\n' +
      '102,9,03/02/2026 09:11:12 AM,Northgate,Resident,Amira Haddad\n' +
      '103,9,03/02/2026 09:21:12 AM,ps-01,Public servant,Amira Haddad\n' +
      '104,9,03/02/2026 09:31:12 AM,Helen Okafor,Public servant,Karen Douglas\n';
    const r = run([text('monkey.csv', csv)]);
    expect(r.mapping.surveys[0]!.rosterId).toBe('Custom Data 1');
    // Rows 3 and 4 are two residents; rows 5 and 6 name ps-01 by id and by name: one person, latest kept.
    expect(tieSet(r)).toEqual(['ps-01>ps-12:trust', 'r-101>ps-01:trust', 'r-102>ps-09:trust']);
    const repeats = r.quality.issues.filter((i) => i.code === 'resubmitted-response');
    expect(repeats.map((i) => i.row)).toEqual([5]);
    expect(codes(r.quality).filter((c) => c === 'unknown-roster-id')).toHaveLength(2);
  });
});

describe('two exports pasted into one file', () => {
  it('reads the repeated header as a header, reported, not as a response', () => {
    const header = 'Timestamp,Which best describes you?,Who do you trust?';
    const csv =
      `${header}\n2026/03/02 10:01:00 AM GMT,Resident,Helen Okafor\n` +
      `${header}\n2026/03/09 11:01:00 AM GMT,Volunteer,Amira Haddad\n` +
      // Pasted with a space before the first cell: still the header.
      ` ${header}\n`;
    const r = run([text('joined.csv', csv)]);
    expect(tieSet(r)).toEqual(['r-row2>ps-01:trust', 'r-row4>ps-09:trust']);
    expect(r.quality.issues.filter((i) => i.code === 'repeated-header').map((i) => i.row)).toEqual([3, 5]);
    expect(r.review).toEqual([]);
  });
});

describe('"Name up to three people": one numbered box per name', () => {
  it('Qualtrics form fields are typed names for the question, not people called "Person 1"', () => {
    const r = run([fixture('qualtrics-form-fields.csv')]);
    const q = r.mapping.surveys[0]!.questions[0]!;
    expect(q).toMatchObject({ kind: 'text', relation: 'trust', columns: ['Q5_1', 'Q5_2', 'Q5_3'] });
    // "Mrs Okafor" (a courtesy title and a surname alone) waits in review beside the ambiguous names.
    expect(tieSet(r)).toEqual(['r-R_1aaa>vg-01:trust', 'r-R_2aaa>ps-01:trust']);
    expect(r.review.map((x) => x.text).sort()).toEqual(['Amira', 'Dr Patel', 'Mrs Okafor']);
  });

  it("SurveyMonkey's multiple textboxes the same", () => {
    const csv =
      'Respondent ID,Collector ID,Start Date,End Date,Name up to three people you go to for help,,\n' +
      ',,,,Person 1,Person 2,Person 3\n' +
      '114230001,431000001,03/02/2026 10:01:15 AM,03/02/2026 10:04:02 AM,Helen Okafor,Dr Priya Patel,\n';
    const r = run([text('sm-textboxes.csv', csv)]);
    expect(r.mapping.surveys[0]!.questions.map((q) => [q.kind, q.relation])).toEqual([['text', 'need']]);
    expect(tieSet(r)).toEqual(['r-114230001>ps-01:need', 'r-114230001>ps-04:need']);
  });
});

describe("LimeSurvey's sub-question codes", () => {
  it('over typed names are name boxes; over "Y" they stay tick boxes', () => {
    const typed = run([
      text(
        'lime-text.csv',
        'id,submitdate,lastpage,startlanguage,trust[SQ001],trust[SQ002]\n' +
          '1,2026-03-02 10:04:02,2,en,Helen Okafor,Dr Priya Patel\n2,2026-03-02 11:04:02,2,en,Amira Haddad,\n',
      ),
    ]);
    expect(typed.mapping.surveys[0]!.questions[0]).toMatchObject({ kind: 'text', relation: 'trust' });
    expect(tieSet(typed)).toEqual(['r-1>ps-01:trust', 'r-1>ps-04:trust', 'r-2>ps-09:trust']);
    expect(run([fixture('limesurvey.csv')]).mapping.surveys[0]!.questions.map((q) => q.kind)).not.toContain(
      'text',
    );
  });
});

describe('a grid whose rows are tie types and whose cells list people', () => {
  it('reads each row as a name question of its own relation', () => {
    const r = run([fixture('google-forms-relation-rows.csv')]);
    expect(r.mapping.surveys[0]!.questions.map((q) => [q.kind, q.relation])).toEqual([
      ['text', 'need'],
      ['text', 'info'],
      ['text', 'trust'],
    ]);
    expect(tieSet(r)).toEqual([
      'r-row2>ps-01:need',
      'r-row2>ps-01:trust',
      'r-row2>ps-04:need',
      'r-row2>vg-01:info',
      'r-row3>ps-01:trust',
      'r-row3>ps-09:need',
      'r-row3>ps-09:trust',
    ]);
  });

  it('but rows of tie types rated on a scale stay a rating question', () => {
    const csv =
      'Timestamp,Who do you trust?,How often do you get each of these from the council? [Help in times of need],How often do you get each of these from the council? [Information]\n' +
      '2026/03/02 10:01:00 AM GMT,Helen Okafor,Weekly,Monthly\n2026/03/02 11:01:00 AM GMT,,Never,Daily\n';
    const r = run([text('rated-rows.csv', csv)]);
    // Not read as names ("Weekly" is nobody): the rows are not people, so no question is made of them.
    expect(r.mapping.surveys[0]!.questions.map((q) => q.columns)).toEqual([['Who do you trust?']]);
    expect(r.review).toEqual([]);
  });
});
