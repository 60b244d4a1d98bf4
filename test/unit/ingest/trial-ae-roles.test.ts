// Files given in the wrong place or named in ways the reader did not know (trial AE): each is
// refused saying what it is and where it goes, or read as the user meant it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectRosterColumns, readRoster } from '../../../src/core/ingest';
import { readTable } from '../../../src/core/ingest/table';
import { QualityCollector } from '../../../src/core/quality';
import { formatLabel } from '../../../src/ui/views/import-view';
import { fixture, googleFormsSurvey, inputErrorOf, run, text, tieSet, xlsxOf } from './helpers';

const demo = (name: string) => ({
  name,
  data: new Uint8Array(readFileSync(new URL(`../../../data/demo/${name}`, import.meta.url))),
});

describe('a 360 appraisal file or a satisfaction return given as a survey', () => {
  it('the appraisals file is refused, saying where it goes (before: 1,626 ties of type "ratee-id")', () => {
    const err = inputErrorOf(() => run([demo('appraisals.csv')]));
    expect(err).toMatchObject({ file: 'appraisals.csv', row: 1, code: 'not-a-survey' });
    expect(err.message).toContain(
      'This looks like a 360 appraisal file (columns ratee_id, rater_id, rater_group',
    );
    expect(err.message).toContain('not a survey export: give it as the appraisals file');
    expect(err.message).toContain('--appraisals');
  });

  it('the satisfaction file is refused (before: "Agree" among the names to review)', () => {
    const err = inputErrorOf(() => run([demo('satisfaction.csv')]));
    expect(err).toMatchObject({ file: 'satisfaction.csv', row: 1, code: 'not-a-survey' });
    expect(err.message).toContain('This looks like a satisfaction return');
    expect(err.message).toContain('give it as the satisfaction file');
    expect(err.message).toContain('--satisfaction');
  });

  it('a survey with agree/disagree and competence items beside its name questions is read', () => {
    const plain = googleFormsSurvey(['Helen Okafor,Amira Haddad', 'Karen Douglas,Helen Okafor']);
    const [header, ...rows] = (plain.data as string).split('\n');
    const withItems = text(
      'google-forms.csv',
      [
        `${header},I can influence decisions affecting my local area,How satisfied are you with the council's competence?`,
        ...rows.map((r) => `${r},Agree,Neither agree nor disagree`),
      ].join('\n'),
    );
    expect(tieSet(run([withItems]))).toEqual(tieSet(run([plain])));
  });

  it.each(['qualtrics-numeric-rating.csv', 'google-forms-frequency.csv', 'semicolon-european.csv'])(
    '%s, with its rating or satisfaction columns, is still read as a survey',
    (name) => {
      expect(run([fixture(name)]).ties.length).toBeGreaterThan(0);
    },
  );
});

describe("a roster's service and type columns under a spreadsheet's own headers", () => {
  it('"Team / Service" and "Organisation Type" are the service and type (before: none, so no one had a service)', () => {
    const bytes = new TextEncoder().encode(
      [
        '\uFEFF Staff ID , Full Name ,Organisation Type,Job title,Team / Service,Sector',
        'ps-01,Helen Okafor,public servant,Headteacher,Riverside Primary School,Public',
        'ps-09,Amira Haddad,PUBLIC-SERVANT,PCSO,Millbrook Neighbourhood Policing,public',
        'vg-01,Millbrook Food Bank,Group,Community group,,voluntary',
      ].join('\r\n'),
    );
    const quality = new QualityCollector();
    const { columns, entries } = readRoster({ name: 'messy roster.csv', data: bytes }, quality);
    expect(columns).toMatchObject({
      type: 'Organisation Type',
      service: 'Team / Service',
      role: 'Job title',
    });
    expect(entries.map((e) => [e.id, e.type, e.service ?? null])).toEqual([
      ['ps-01', 'public-servant', 'Riverside Primary School'],
      ['ps-09', 'public-servant', 'Millbrook Neighbourhood Policing'],
      ['vg-01', 'group', null],
    ]);
    expect(quality.issues.map((i) => i.code)).not.toContain('roster-type-default');
  });

  it.each([
    ['Team', 'service'],
    ['Service / Team', 'service'],
    ['Department / Team', 'service'],
    ['Department', 'service'],
    ['Service area', 'service'],
    ['Directorate', 'service'],
    ['Type of organisation', 'type'],
    ['Organization type', 'type'],
    ['Stakeholder type', 'type'],
  ] as const)('"%s" is the %s', (header, field) => {
    const columns = detectRosterColumns(['Name', header, 'Job title']);
    expect(columns[field]).toBe(header);
    expect(columns).toMatchObject({ name: 'Name', role: 'Job title' });
  });
});

describe('a file named .xlsx that is no readable workbook', () => {
  // Random bytes, as the trial's broken.xlsx; one set with a zero byte, one without.
  let seed = 7;
  const random = (n: number, zero: boolean) =>
    new Uint8Array(n).map(() => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return zero ? seed >> 16 : ((seed >> 16) % 255) + 1;
    });
  const bytes = random(3000, true);
  bytes[10] = 0;

  it.each([
    ['with a zero byte (before: "not a text (CSV) file: it holds binary data")', bytes],
    ['with none (before: read as text, a table of garbage)', random(3000, false)],
  ])('is said to be no readable Excel workbook, %s', (_, data) => {
    const err = inputErrorOf(() => run([{ name: 'Community survey.xlsx', data }]));
    expect(err).toMatchObject({ file: 'Community survey.xlsx', code: 'unreadable-file' });
    expect(err.message).toMatch(
      /^This is not a readable Excel workbook: it is damaged, or not really an \.xlsx file/,
    );
    expect(err.message).toContain(
      'Open it in Excel and save it again as .xlsx, or export the responses as CSV',
    );
  });

  it('cut short is damaged, as before; a CSV renamed .xlsx and a real workbook are read', () => {
    const workbook = xlsxOf([
      ['Who do you trust?', 'Response ID'],
      ['Helen Okafor', 'R1'],
    ]);
    const cut = inputErrorOf(() => run([{ name: 'w.xlsx', data: workbook.slice(0, workbook.length - 40) }]));
    expect(cut.message).toMatch(/^This Excel workbook is damaged or incomplete/);
    const csv = new TextEncoder().encode('Response ID,Who do you trust?\r\nR1,Helen Okafor\r\n');
    expect(tieSet(run([{ name: 'renamed.xlsx', data: csv }]))).toEqual(['r-R1>ps-01:trust']);
    expect(tieSet(run([{ name: 'w.xlsx', data: workbook }]))).toEqual(['r-R1>ps-01:trust']);
  });

  it('binary data in a .csv is still "not a text (CSV) file"', () => {
    expect(inputErrorOf(() => run([{ name: 'photo.csv', data: bytes }])).message).toBe(
      'This is not a text (CSV) file: it holds binary data.',
    );
  });
});

describe('the format a survey is "detected as" in the app', () => {
  const label = (name: string) => {
    const file = fixture(name);
    const header = readTable(file, new QualityCollector()).header;
    return formatLabel(run([file]).mapping.surveys[0]!, header);
  };

  it('a SmartSurvey export is named SmartSurvey (before: "a SurveyMonkey-style export")', () => {
    expect(label('smartsurvey.csv')).toBe('a SmartSurvey export (two header rows)');
  });

  it("SurveyMonkey's and other tools' exports keep their names", () => {
    expect(label('surveymonkey.csv')).toBe('a SurveyMonkey-style export (two header rows)');
    expect(label('google-forms.csv')).toBe('a Google Forms export');
    expect(label('simple.csv')).toBe('one row per respondent, a column per question');
  });
});
