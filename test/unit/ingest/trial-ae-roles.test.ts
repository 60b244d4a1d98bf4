// Files given in the wrong place or named in ways the reader did not know (trial AE): each is
// refused saying what it is and where it goes, or read as the user meant it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectRosterColumns, readRoster } from '../../../src/core/ingest';
import { QualityCollector } from '../../../src/core/quality';
import { fixture, googleFormsSurvey, inputErrorOf, run, text, tieSet } from './helpers';

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
