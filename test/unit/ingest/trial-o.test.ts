// Survey and roster reading found wrong in trial O: the time a resubmission is ordered by, two
// respondent-type columns, Outlook's own flag columns, a named faith leader's guessed type, and
// the separator recorded in mapping.json for Google Forms checkboxes.
import { describe, expect, it } from 'vitest';
import { nodesCsv } from '../../../src/core/export';
import { detectLayout, detectSurveyMapping, readRoster } from '../../../src/core/ingest';
import { guessActorType } from '../../../src/core/ingest/actor-type';
import { QualityCollector } from '../../../src/core/quality';
import { codes, fixture, run, text, tieSet } from './helpers';

describe('the time a response was submitted orders a resubmission', () => {
  // Sam started twice: the first session (started 10:00) was submitted last, at 10:50, after a
  // quick second one (10:10 to 10:15). The answer submitted later is the one to keep.
  const surveyMonkey = [
    'Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,First Name,Last Name,Custom Data 1,Which of these best describes you?,Who do you trust?',
    ',,,,,,,,,Response,Open-Ended Response',
    '114230001,431000001,03/02/2026 10:00:00 AM,03/02/2026 10:50:00 AM,10.0.0.1,sam@example.org,,,,Resident,Helen Okafor',
    '114230002,431000001,03/02/2026 10:10:00 AM,03/02/2026 10:15:00 AM,10.0.0.2,sam@example.org,,,,Resident,Amira Haddad',
  ].join('\n');

  it('SurveyMonkey: by End Date, not Start Date', () => {
    const r = run([text('surveymonkey.csv', surveyMonkey)]);
    expect(r.mapping.surveys[0]!.timestamp).toBe('End Date');
    // Ordered by Start Date, the quick second session (Amira Haddad, ps-09) was kept.
    expect(tieSet(r).map((t) => t.split('>')[1])).toEqual(['ps-01:trust']);
    expect(r.quality.issues.find((i) => i.code === 'resubmitted-response')?.row).toBe(4);
  });

  it('Qualtrics and Microsoft Forms: their end (completion) time too', () => {
    expect(run([fixture('qualtrics.csv')]).mapping.surveys[0]!.timestamp).toBe('EndDate');
    expect(run([fixture('microsoft-forms.csv')]).mapping.surveys[0]!.timestamp).toBe('Completion time');
  });
});

describe('two respondent-type columns', () => {
  // "Are you a...?" exported as numeric codes, "Which best describes you?" as the answer text.
  const csv =
    'Timestamp,Are you a...?,Which best describes you?,Who do you trust?\n' +
    '2026/03/02 10:01:00,1,Resident,Helen Okafor\n' +
    '2026/03/02 10:02:00,2,Volunteer,Amira Haddad\n' +
    '2026/03/02 10:03:00,3,Community group,Helen Okafor\n';

  it('reads the one whose answers are respondent types', () => {
    const r = run([text('types.csv', csv)]);
    // The coded column was used: every respondent became a resident, the text column unread.
    expect(r.mapping.surveys[0]!.respondentType).toBe('Which best describes you?');
    expect(r.respondents.map((x) => x.type)).toEqual(['resident', 'volunteer', 'group']);
    expect(codes(r.quality)).not.toContain('respondent-type-default');
    expect(r.quality.issues.find((i) => i.code === 'respondent-type-column')).toMatchObject({
      severity: 'info',
      file: 'types.csv',
      row: 1,
      column: 'Which best describes you?',
    });
  });

  it('says which column was used and which was not', () => {
    const rows = csv
      .trim()
      .split('\n')
      .map((l) => l.split(','));
    const notes: [string, string | null, string][] = [];
    detectSurveyMapping(
      'types.csv',
      detectLayout(rows),
      rows[0]!,
      [],
      rows.slice(1),
      () => false,
      undefined,
      (code, column, message) => notes.push([code, column, message]),
    );
    expect(notes).toHaveLength(1);
    expect(notes[0]![0]).toBe('respondent-type-column');
    expect(notes[0]![1]).toBe('Which best describes you?');
    expect(notes[0]![2]).toContain(
      '"Which best describes you?" was used (3 of 3 sampled answers read as a type)',
    );
    expect(notes[0]![2]).toContain('"Are you a...?" (0 of 3 sampled answers read as a type) was not');
  });

  it('keeps the first when the other reads no better, and an "Other" box never replaces it', () => {
    const same = run([
      text(
        't.csv',
        'Response ID,Which best describes you?,You are a,Who do you trust?\n' +
          'R1,Resident,Parent,Helen Okafor\nR2,Volunteer,Resident,Amira Haddad\n',
      ),
    ]);
    expect(same.mapping.surveys[0]!.respondentType).toBe('Which best describes you?');
    const other =
      'Timestamp,Which best describes you?,Which best describes you? (Other),Who do you trust?\n' +
      '2026/03/02 10:01:00,1,,Helen Okafor\n' +
      '2026/03/02 10:02:00,2,,Amira Haddad\n' +
      '2026/03/02 10:03:00,9,Local business,Helen Okafor\n';
    expect(run([text('o.csv', other)]).mapping.surveys[0]!.respondentType).toBe('Which best describes you?');
  });
});

describe("an Outlook contact export's own flag columns", () => {
  const header =
    'Title,First Name,Middle Name,Last Name,Suffix,Company,Department,Job Title,E-mail Address,E-mail Type,Initials,Billing Information,Mileage,Priority,Private,Sensitivity,Categories,Ward';
  const row = (first: string, last: string, company: string, job: string) =>
    `,${first},,${last},,${company},,${job},${first.toLowerCase()}@millbrook.gov.uk,SMTP,${first[0]}.${last[0]}.,,,Normal,False,Normal,My Contacts,Riverside`;
  const outlook = [
    header,
    row('Helen', 'Okafor', 'Riverside Primary School', 'Headteacher'),
    row('Amira', 'Haddad', 'Millbrook Neighbourhood Policing', 'PCSO'),
  ].join('\n');

  it('leaves them out of the attributes and nodes.csv, and says so', () => {
    const quality = new QualityCollector();
    const { entries } = readRoster(text('contacts.csv', outlook), quality);
    // Priority, Private, Sensitivity, Initials, E-mail Type and Categories reached nodes.csv.
    expect(entries[0]!.attrs).toEqual({ Ward: 'Riverside' });
    const note = quality.issues.find((i) => i.code === 'outlook-columns');
    expect(note).toMatchObject({ file: 'contacts.csv', row: 1, column: 'E-mail Type', severity: 'info' });
    expect(note!.message).toContain(
      '"E-mail Type", "Initials", "Priority", "Private", "Sensitivity", "Categories"',
    );
    const r = run([text('s.csv', 'Response ID,Who do you trust?\nR1,Helen Okafor\n')], {
      roster: text('contacts.csv', outlook),
    });
    const nodes = new TextDecoder().decode(nodesCsv(r.actors, { includeNames: true })).split('\n')[0]!;
    expect(nodes).toContain('Ward');
    expect(nodes).not.toMatch(/Priority|Private|Sensitivity|Categories|Initials|E-mail Type/);
  });

  it('keeps Categories the user filled in', () => {
    const quality = new QualityCollector();
    const { entries } = readRoster(
      text('contacts.csv', outlook.replace(/My Contacts/, 'Schools forum')),
      quality,
    );
    expect(entries.map((e) => e.attrs.Categories)).toEqual(['Schools forum', 'My Contacts']);
  });

  it("keeps a Priority column of a roster that is not Outlook's", () => {
    const quality = new QualityCollector();
    const { entries } = readRoster(
      text('roster.csv', 'id,name,type,Priority,Private\nps-01,Helen Okafor,public-servant,High,Yes\n'),
      quality,
    );
    expect(entries[0]!.attrs).toEqual({ Priority: 'High', Private: 'Yes' });
    expect(codes(quality)).not.toContain('outlook-columns');
  });
});

describe('the guessed type of a named faith leader', () => {
  it.each([
    ['Imam Yusuf at the mosque', 'resident'],
    ['Imam Yusuf', 'resident'],
    ['Rev. Sarah Hart from St Mary’s Church', 'resident'],
    ['Father Michael, of St Joseph’s', 'resident'],
    ['Rabbi Cohen at the synagogue', 'resident'],
    ['Pastor John at the Islamic Society', 'resident'],
    // No name: the faith group, as before.
    ['the mosque', 'group'],
    ['the imam at the mosque', 'group'],
    ['Imam of the mosque', 'group'],
    ['Rev at the church', 'group'],
    ['Bishop Auckland Food Bank', 'group'],
    // A role given wins, as before.
    ['Rev Smith, volunteer at the food bank', 'volunteer'],
  ])('%s → %s', (name, type) => {
    expect(guessActorType(name)).toBe(type);
  });
});

describe('the separator mapping.json records for a text question', () => {
  it('is ", " for a Google Forms checkbox question, which joins ticks so', () => {
    const csv =
      'Timestamp,Which best describes you?,Who do you trust?\n' +
      '2026/03/02 10:01:00,Resident,"Helen Okafor, Amira Haddad"\n' +
      '2026/03/02 10:02:00,Resident,Helen Okafor\n';
    const r = run([text('google.csv', csv)]);
    expect(r.mapping.surveys[0]!.questions[0]).toMatchObject({ kind: 'text', separator: ', ' });
    // Reused, the mapping reads the same ties.
    const again = run([text('google.csv', csv)], { mapping: r.mapping });
    expect(tieSet(again)).toEqual(tieSet(r));
    expect(tieSet(r)).toEqual(['r-row2>ps-01:trust', 'r-row2>ps-09:trust', 'r-row3>ps-01:trust']);
  });

  it('is what the answers use elsewhere: ";" in Microsoft Forms, and in the simple layout', () => {
    const ms = run([fixture('microsoft-forms.csv')]).mapping.surveys[0]!;
    expect(ms.questions.map((q) => q.separator)).toEqual([';', ';', ';']);
    const simple = run([
      text('s.csv', 'Response ID,Who do you trust?\nR1,Helen Okafor; Amira Haddad\nR2,Helen Okafor\n'),
    ]);
    expect(simple.mapping.surveys[0]!.questions[0]!.separator).toBe(';');
  });
});
