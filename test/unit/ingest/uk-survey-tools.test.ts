// UK survey tools found misread in a new-user trial: Jisc Online Surveys (formerly BOS), whose
// multi-select columns carry the option in brackets after the question and whose "Other" box is a
// numbered sub-question ("2.a."), and SmartSurvey, whose export has a second header row of options.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectLayout, readTable } from '../../../src/core/ingest';
import { QualityCollector } from '../../../src/core/quality';
import { codes, fixture, FIXTURES, run, text, tieSet } from './helpers';

const NEED = '2. Who do you go to in times of need? Please select all that apply.';
const TRUST = '3. Which of these people or groups do you trust? Please select all that apply.';
const INFO = '4. Where do you usually get information about local services? (please type names)';
const OPTIONS = [
  'Dr Priya Patel',
  'Sgt David Jones',
  'Helen Okafor',
  'Millbrook Food Bank',
  'Age UK Millbrook',
];

const csvLine = (cells: string[]) => cells.map((v) => `"${v.replace(/"/g, '""')}"`).join(',');

describe('Jisc Online Surveys: one column per option, "(Option)" after the question', () => {
  const r = run([fixture('jisc-online-surveys.csv')]);
  const m = r.mapping.surveys[0]!;

  it('notes the response whose Completed date is blank as unfinished, and keeps it', () => {
    expect(m.finished).toBe('Completed');
    const unfinished = r.quality.issues.filter((i) => i.code === 'unfinished-response');
    expect(unfinished.map((i) => i.row)).toEqual([7]);
  });

  it('groups the option columns into one choice question each, with its numbered "Other" box', () => {
    expect(m.format).toBe('simple');
    expect(m.responseId).toBe('Response ID');
    expect(m.respondentType).toBe('1. Which of the following best describes you?');
    expect(m.questions.map((q) => [q.kind, q.relation, q.label, q.columns])).toEqual([
      ['choices', 'need', NEED, OPTIONS.map((o) => `${NEED} (${o})`)],
      ['choices', 'trust', TRUST, OPTIONS.map((o) => `${TRUST} (${o})`)],
      ['text', 'info', INFO, [INFO]],
      ['text', 'need', `${NEED} (other, typed)`, ['2.a. If you selected Other, please specify:']],
      ['text', 'trust', `${TRUST} (other, typed)`, ['3.a. If you selected Other, please specify:']],
    ]);
    const need = m.questions[0]!;
    expect(need.targets).toEqual(OPTIONS);
    expect(need.notPeople).toEqual(['Other']);
  });

  it('reads ticks and typed "Other" names as ties, and the "Other" choice as no one', () => {
    expect(r.respondents.map((x) => x.key)).toEqual([
      'r-1001',
      'r-1002',
      'r-1003',
      'r-1004',
      'r-1005',
      'r-1006',
      'r-1007',
      'r-1008',
    ]);
    expect(tieSet(r)).toEqual([
      'r-1001>ps-01:trust',
      'r-1001>ps-04:need',
      'r-1001>vg-01:need',
      'r-1001>vg-03:info',
      'r-1002>ps-08:need',
      'r-1002>ps-12:info',
      'r-1002>vg-01:need', // "the food bank", typed in the 2.a. box
      'r-1003>ps-01:need',
      'r-1003>vg-03:trust',
      'r-1004>ps-04:trust',
      'r-1004>ps-08:trust',
      'r-1004>ps-14:need', // "Fiona Mcleod (housing)"
      'r-1005>ps-11:trust', // "pc rachel osei"
      'r-1005>ps-18:need', // "dan kowalski youth club"
      'r-1006>vg-01:need',
      'r-1008>ps-05:trust', // "Dr Tom Reid"
      'r-1008>ps-15:info',
      'r-1008>vg-03:need',
      'r-1008>vg-04:need', // "St Mary's Church hall"
    ]);
    // An ambiguous typed name waits for review under its box; "Other" is never a name to review.
    const patel = r.review.find((x) => x.text === 'Dr Patel')!;
    expect(patel.column).toBe('3.a. If you selected Other, please specify:');
    expect(r.review.map((x) => x.text)).not.toContain('Other');
  });

  it('reads 1/0 in the option columns as the same ticks, with no advice to add a codebook', () => {
    const table = readTable(fixture('jisc-online-surveys.csv'), new QualityCollector());
    const isOption = (h: string) => h.startsWith('2. ') || h.startsWith('3. ');
    const lines = [
      table.header,
      ...table.rows.map((row) => row.map((v, i) => (isOption(table.header[i]!) ? (v ? '1' : '0') : v))),
    ];
    const ticks = run([text('jisc-online-surveys-01.csv', lines.map(csvLine).join('\n') + '\n')]);
    expect(ticks.mapping.surveys[0]!.questions.map((q) => [q.kind, q.relation])).toEqual(
      m.questions.map((q) => [q.kind, q.relation]),
    );
    expect(tieSet(ticks)).toEqual(tieSet(r));
    expect(codes(ticks.quality)).not.toContain('numeric-answers');
  });

  it('pairs the numbered "Other" box with a question whose ticks are joined in one cell', () => {
    const csv = [
      csvLine(['Response ID', 'Started', NEED, '2.a. If you selected Other, please specify:']),
      csvLine(['1001', '02/03/2026 09:12', 'Dr Priya Patel, Millbrook Food Bank', '']),
      csvLine(['1002', '02/03/2026 10:40', 'Sgt David Jones, Other', 'the food bank']),
      csvLine(['1003', '02/03/2026 11:05', 'Other', 'Dr Patel']),
    ].join('\n');
    const joined = run([text('jisc-joined.csv', csv)]);
    const questions = joined.mapping.surveys[0]!.questions;
    expect(questions.map((q) => [q.kind, q.relation, q.columns])).toEqual([
      ['text', 'need', [NEED]],
      ['text', 'need', ['2.a. If you selected Other, please specify:']],
    ]);
    expect(tieSet(joined)).toEqual([
      'r-1001>ps-04:need',
      'r-1001>vg-01:need',
      'r-1002>ps-08:need',
      'r-1002>vg-01:need',
    ]);
    expect(joined.review.map((x) => x.text)).toEqual(['Dr Patel']);
  });

  it('leaves ordinary wording in brackets alone: one column is one question', () => {
    const csv =
      'Response ID,Who do you trust? (tick all that apply),Where do you get information? (type names),Anything else? (optional)\n' +
      '7,Helen Okafor,Age UK Millbrook,no\n';
    const questions = run([text('brackets.csv', csv)]).mapping.surveys[0]!.questions;
    expect(questions.map((q) => [q.kind, q.relation, q.columns])).toEqual([
      ['text', 'trust', ['Who do you trust? (tick all that apply)']],
      ['text', 'info', ['Where do you get information? (type names)']],
    ]);
    // A header written twice is read as "... (2)": a copy, not an option called "2".
    const twice = run([
      text(
        'twice.csv',
        'Response ID,Who do you trust? (names),Who do you trust? (names)\n7,Helen Okafor,Eleanor Price\n',
      ),
    ]);
    expect(twice.mapping.surveys[0]!.questions.map((q) => [q.kind, q.columns])).toEqual([
      ['text', ['Who do you trust? (names)']],
      ['text', ['Who do you trust? (names) (2)']],
    ]);
  });
});

describe('SmartSurvey: the question over its first option column, the options in row 2', () => {
  const r = run([fixture('smartsurvey.csv')]);
  const m = r.mapping.surveys[0]!;
  const NEED_Q = '2. Who do you go to in times of need? (tick all that apply)';
  const TRUST_Q = '3. Who do you trust? (tick all that apply)';

  it('reads row 2 as a header of option labels, read as SurveyMonkey lays its out', () => {
    expect([m.format, m.headerRows, m.responseId, m.email]).toEqual(['surveymonkey', 2, 'UserNo', 'Email']);
    expect(m.questions.map((q) => [q.kind, q.relation, q.label, q.targets ?? q.columns])).toEqual([
      [
        'choices',
        'need',
        NEED_Q,
        ['Dr Priya Patel', 'Dr Anil Patel', 'Karen Douglas', 'Millbrook Food Bank'],
      ],
      ['choices', 'trust', TRUST_Q, ['Helen Okafor', 'Sgt David Jones', 'Age UK Millbrook']],
      [
        'text',
        'info',
        '4. Where do you get information about what is happening locally?',
        ['4. Where do you get information about what is happening locally?'],
      ],
      ['text', 'need', `${NEED_Q} (other, typed)`, ['Column 16']],
      ['text', 'trust', `${TRUST_Q} (other, typed)`, ['Column 21']],
    ]);
  });

  it('makes no respondent of the option row, and reads the typed "Other" text as names', () => {
    expect(r.quality.rows).toEqual({ read: 8, accepted: 8, rejected: 0 });
    expect(r.respondents.map((x) => x.key)).not.toContain('r-row2');
    expect(tieSet(r)).toEqual([
      'r-58210341>ps-01:trust',
      'r-58210341>ps-04:need',
      'r-58210341>vg-01:need',
      'r-58210341>vg-03:info',
      'r-58210344>ps-06:need',
      'r-58210344>ps-12:info',
      'r-58210344>vg-03:trust',
      'r-58210344>vg-08:info',
      'r-58210345>vg-01:need',
      'r-58210346>ps-01:trust',
      'r-58210346>ps-08:trust',
      'r-58210347>ps-04:need',
      'r-58210347>vg-02:info',
      'r-58210348>ps-10:info',
      // Yvonne Ahmed, linked to the roster by her e-mail; "Mohammed from the council" typed.
      'vol-01>ps-08:trust',
      'vol-01>ps-12:need',
      'vol-01>ps-13:need',
      'vol-01>vg-07:info',
    ]);
    expect(r.review.map((x) => x.text).sort()).toEqual([
      'Dave Jones the copper',
      'Dr Patel',
      'Imran',
      'the vicar at St Marys',
    ]);
  });

  it('reads the same ties when the option row was deleted in Excel', () => {
    const lines = readFileSync(join(FIXTURES, 'smartsurvey.csv'), 'utf8').split('\n');
    const oneHeader = run([text('smartsurvey-one-header.csv', [lines[0], ...lines.slice(2)].join('\n'))]);
    expect(oneHeader.mapping.surveys[0]!.headerRows).toBe(1);
    expect(tieSet(oneHeader)).toEqual(tieSet(r));
  });
});

describe('a second header row of options is never a response', () => {
  const header = ['UserNo', 'Name', 'Started', 'You are', 'Who do you trust?', '', ''];
  const response = [
    '58210341',
    '',
    '02/03/2026 10:01',
    'Resident',
    'Helen Okafor',
    'Amira Haddad',
    'Eleanor Price',
  ];
  const options = ['', '', '', '', 'Helen Okafor', 'Amira Haddad', 'Eleanor Price'];

  it('takes the row for options when the tool left its own id and times blank', () => {
    expect(detectLayout([header, options, response])).toEqual({ format: 'surveymonkey', headerRows: 2 });
    // An export with no responses yet: the header rows alone.
    expect(detectLayout([header, options])).toEqual({ format: 'surveymonkey', headerRows: 2 });
  });

  const withCells = (cells: Record<number, string>) => options.map((v, i) => cells[i] ?? v);
  it.each([
    ['a single response, every option ticked', [header, response]],
    ['a first respondent who left the name blank', [header, response, response]],
    ['a row with no id but a date', [header, withCells({ 2: '02/03/2026 10:01' }), response]],
    ['a row with no id but an e-mail', [header, withCells({ 1: 'helen@example.org' }), response]],
    ['a row with no id that answers a one-column question', [header, withCells({ 3: 'Resident' }), response]],
    ['a hand-made file with no ids at all', [header, options, withCells({ 4: 'Dr Priya Patel' })]],
    [
      'a file with no blank-headed column',
      [['UserNo', 'Started', 'Who do you trust?'], ['', '', 'Helen Okafor'], response],
    ],
  ])('reads %s as data', (_, rows) => {
    expect(detectLayout(rows)).toEqual({ format: 'simple', headerRows: 1 });
  });
});
