// What the import step takes an uploaded file for: decided by its header row, its name only when
// the header says nothing (a new-user trial's "snap-codes.csv" survey was taken for a codebook by
// its name, and an XLSForm choices sheet for a survey).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { guessFileRole, type FileRole } from '../../../src/core/ingest/file-role';
import { streamGrid, titleRowCount } from '../../../src/core/ingest/table';
import { QualityCollector } from '../../../src/core/quality';
import { fixture } from './helpers';
import type { InputFile } from '../../../src/core/model';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** The header row as the Import view reads it: the first row after any title rows. */
function headerOf(file: InputFile): string[] {
  const rows: string[][] = [];
  streamGrid(file, new QualityCollector(), (row) => void rows.push(row), undefined, 10);
  return (rows[titleRowCount(rows.slice(0, 10))] ?? []).map((c) => c.trim()).filter(Boolean);
}

const guess = (file: InputFile): FileRole => guessFileRole(file.name, headerOf(file));
const other = (path: string): InputFile => ({
  name: path.split('/').pop()!,
  data: new Uint8Array(readFileSync(join(ROOT, path))),
});

describe('guessFileRole', () => {
  it('reads a survey named like a codebook as a survey (the trial’s snap-codes.csv)', () => {
    expect(guess(fixture('snap-codes.csv'))).toBe('surveys');
    expect(guess(fixture('snap-codebook.csv'))).toBe('codebook');
    expect(guess(fixture('roster.csv'))).toBe('roster');
  });

  it('reads an XLSForm choices sheet (list_name,name,label) as a codebook, whatever its name', () => {
    expect(guess(fixture('survey123-choices.csv'))).toBe('codebook');
    const header = ['list_name', 'name', 'label'];
    expect(guessFileRole('form.csv', header)).toBe('codebook');
    expect(guessFileRole('survey-export.csv', header)).toBe('codebook');
    expect(guessFileRole('x.csv', ['list_name', 'name', 'label::English (en)'])).toBe('codebook');
  });

  it('reads the codebook shapes codebook.ts reads', () => {
    expect(guess(fixture('redcap-dictionary.csv'))).toBe('codebook');
    expect(guess(fixture('surveycto-choices.csv'))).toBe('codebook');
    expect(guess(fixture('survey123-numeric-choices.csv'))).toBe('codebook');
    expect(guess(fixture('limesurvey-codes.csv'))).toBe('codebook');
    expect(guessFileRole('a.csv', ['Field', 'Value', 'Label'])).toBe('codebook');
    expect(guessFileRole('a.csv', ['answer code', 'text'])).toBe('codebook');
    expect(guessFileRole('a.csv', ['field_name', 'form_name', 'field_type', 'field_label'])).toBe('codebook');
  });

  it('takes every survey fixture for a survey, whatever its name', () => {
    const surveys = [
      'alchemer-noqmark.csv',
      'alchemer.csv',
      'community-edges.csv',
      'edges.csv',
      'formstack-newest-first.csv',
      'google-forms-frequency.csv',
      'google-forms-relation-rows.csv',
      'google-forms-welsh.csv',
      'google-forms.csv',
      'google-forms.zip',
      'jisc-online-surveys.csv',
      'kobo-validation.csv',
      'kobo.csv',
      'limesurvey-codetext.csv',
      'limesurvey.csv',
      'mac-roman.csv',
      'matrix.csv',
      'microsoft-forms.csv',
      'microsoft-forms.xlsx',
      'odk-central.csv',
      'people-columns.csv',
      'quality-cases.csv',
      'qualtrics-carry-forward.csv',
      'qualtrics-display-order.csv',
      'qualtrics-form-fields.csv',
      'qualtrics-legacy.csv',
      'qualtrics-loop-other.csv',
      'qualtrics-numeric-rating.csv',
      'qualtrics-rich-text.csv',
      'qualtrics-tags-only.csv',
      'qualtrics.csv',
      'questionpro.csv',
      'redcap-labels.csv',
      'redcap-longitudinal.csv',
      'redcap.csv',
      'semicolon-european.csv',
      'simple.csv',
      'smartsurvey.csv',
      'snap-codes.csv',
      'survey123-numeric.csv',
      'survey123.csv',
      'surveycto.csv',
      'surveymonkey-one-header.csv',
      'surveymonkey.csv',
      'utf16-excel.txt',
      'windows-1252.csv',
      'zoho.csv',
      'pajek.net',
      'ucinet-edgelist.dl',
    ];
    const wrong = surveys.filter((name) => guess(fixture(name)) !== 'surveys');
    expect(wrong).toEqual([]);
    // The same headers under names that say otherwise: the header wins.
    const renamed = surveys
      .filter((name) => !/\.(net|dl|zip|xlsx)$/.test(name) && name !== 'matrix.csv')
      .filter((name) => {
        const file = fixture(name);
        return guessFileRole('codebook-codes-roster.csv', headerOf(file)) !== 'surveys';
      });
    expect(renamed).toEqual([]);
  });

  it('reads the demo’s and the scorecard fixtures’ roster, 360 and satisfaction files by their headers', () => {
    expect(guess(other('data/demo/roster.csv'))).toBe('roster');
    expect(guess(other('data/demo/appraisals.csv'))).toBe('appraisals');
    expect(guess(other('data/demo/satisfaction.csv'))).toBe('satisfaction');
    expect(guess(other('data/demo/survey-followup.csv'))).toBe('surveys');
    expect(guess(other('test/fixtures/scorecard/appraisals-wide.csv'))).toBe('appraisals');
    expect(guess(other('test/fixtures/scorecard/satisfaction.csv'))).toBe('satisfaction');
    // Under any name.
    expect(guessFileRole('export.csv', ['id', 'name', 'type', 'role', 'service', 'sector'])).toBe('roster');
    expect(guessFileRole('people.csv', ['First Name', 'Last Name', 'Email', 'Organisation'])).toBe('roster');
  });

  it('keeps a survey asking for names and services a survey, not a roster', () => {
    const header = ['Response ID', 'Name', 'Service', 'Who do you trust?'];
    expect(guessFileRole('staff-survey.csv', header)).toBe('surveys');
    // Found in review: short headings with no question, a consent column, a roster with a "Field".
    expect(guessFileRole('export.csv', ['Timestamp', 'Name', 'Organisation', 'Need', 'Trust'])).toBe(
      'surveys',
    );
    expect(guessFileRole('export.csv', ['Response ID', 'I agree to take part', 'Need', 'Trust'])).toBe(
      'surveys',
    );
    expect(guessFileRole('export.csv', ['ID', 'Name', 'Role', 'Service', 'Field'])).toBe('roster');
    // A roster's own status and start date do not make it a survey.
    expect(guessFileRole('export.csv', ['id', 'name', 'role', 'Status', 'Start date'])).toBe('roster');
  });

  it('falls back on the name only when the header says nothing', () => {
    expect(guessFileRole('codebook.csv', [])).toBe('codebook');
    expect(guessFileRole('staff.csv', [])).toBe('roster');
    expect(guessFileRole('360-returns.csv', ['a', 'b'])).toBe('appraisals');
    expect(guessFileRole('satisfaction.csv', [])).toBe('satisfaction');
    expect(guessFileRole('export.csv', [])).toBe('surveys');
    expect(guessFileRole('codes.csv', ['Column 1', 'Column 2', 'Column 3'])).toBe('codebook');
    expect(guessFileRole('codes.csv', ['Q1', 'Q2'])).toBe('surveys');
    // A survey's own columns say survey before the name says codebook.
    expect(guessFileRole('snap-codes.csv', ['RespID', 'Q1', 'Q2'])).toBe('surveys');
  });
});
