// Exports over a real survey's life (trial AF): files re-saved by spreadsheets in other locales,
// exports pasted together by hand. Each gives the ties its answers hold, and says what it left out.
import { describe, expect, it } from 'vitest';
import { codes, fixture, run, text, tieSet } from './helpers';

describe('an Apple Numbers CSV with "Include table names", in a European locale', () => {
  const rows = [
    'Timestamp;Which best describes you?;Who do you go to in times of need?;Who, if anyone, do you trust?;Where do you get your information?',
    '2026/03/02 10:15:32 AM GMT;Resident;Dr Priya Patel, Millbrook Food Bank;Helen Okafor;Age UK Millbrook, Amira Haddad',
    '2026/03/02 11:01:09 AM GMT;Volunteer;Amira Haddad;Sgt David Jones, Amira Haddad;',
  ];

  it('is read by its ";" under the title line (before: split at the commas in the header)', () => {
    const titled = run([text('responses.csv', ['Form responses 1', ...rows].join('\n'))]);
    expect(tieSet(titled)).toEqual([
      'r-row3>ps-01:trust',
      'r-row3>ps-04:need',
      'r-row3>ps-09:info',
      'r-row3>vg-01:need',
      'r-row3>vg-03:info',
      'r-row4>ps-08:trust',
      'r-row4>ps-09:need',
      'r-row4>ps-09:trust',
    ]);
    expect(codes(titled.quality)).toEqual(['title-row']);
  });
});

describe('a Qualtrics export re-saved by LibreOffice in a European locale (";", decimal commas)', () => {
  const csv = [
    'StartDate;Status;Finished;ResponseId;LocationLatitude;LocationLongitude;Q1;Q2',
    'Start Date;Response Type;Finished;Response ID;Location Latitude;Location Longitude;Which of these best describes you?;Who do you go to in times of need? - Selected Choice',
    '"{""ImportId"":""startDate""}";"{""ImportId"":""status""}";"{""ImportId"":""finished""}";"{""ImportId"":""_recordId""}";"{""ImportId"":""locationLatitude""}";"{""ImportId"":""locationLongitude""}";"{""ImportId"":""QID1""}";"{""ImportId"":""QID2""}"',
    '02/03/2026 10:00;IP Address;TRUE;R_1aB2cD3eF4;51,5;-0,1;Resident;Dr Priya Patel,Millbrook Food Bank',
    '02/03/2026 11:00;IP Address;TRUE;R_9zY8xW7vU6;52,5;-1,9;Resident;Amira Haddad',
    '02/03/2026 12:00;IP Address;TRUE;R_5tS4rQ3pO2;51,5;-0,1;Volunteer;Helen Okafor',
  ].join('\n');

  it('keeps "Location Latitude" out of the questions (before: a tie type "locationlatitude", "51, 5" to review)', () => {
    const r = run([text('qualtrics.csv', csv)]);
    expect(r.mapping.surveys[0]!.questions.flatMap((q) => q.columns)).toEqual(['Q2']);
    expect(r.review).toEqual([]);
    expect(tieSet(r)).toEqual([
      'r-R_1aB2cD3eF4>ps-04:need',
      'r-R_1aB2cD3eF4>vg-01:need',
      'r-R_5tS4rQ3pO2>ps-01:need',
      'r-R_9zY8xW7vU6>ps-09:need',
    ]);
  });
});

describe('two Google Forms downloads of one survey pasted into one file', () => {
  const header = 'Timestamp,Which best describes you?,Who do you go to in times of need?,Who do you trust?';
  const early = [
    '2026/03/01 9:01:00 AM GMT,Resident,"Dr Priya Patel, Millbrook Food Bank",Helen Okafor',
    '2026/03/01 9:05:00 AM GMT,Resident,Amira Haddad,"Sgt David Jones, Amira Haddad"',
  ];
  const later = ['2026/03/04 2:20:00 PM GMT,Resident,Amira Haddad,"Sgt David Jones, Amira Haddad"'];

  it('leaves out the rows both downloads hold, row by row (before: counted twice, unmentioned)', () => {
    const r = run([text('responses.csv', [header, ...early, header, early[1]!, ...later].join('\n'))]);
    expect(r.respondents).toHaveLength(3);
    expect(tieSet(r)).toEqual([
      'r-row2>ps-01:trust',
      'r-row2>ps-04:need',
      'r-row2>vg-01:need',
      'r-row3>ps-08:trust',
      'r-row3>ps-09:need',
      'r-row3>ps-09:trust',
      'r-row6>ps-08:trust',
      'r-row6>ps-09:need',
      'r-row6>ps-09:trust',
    ]);
    const copy = r.quality.issues.find((i) => i.code === 'duplicate-response');
    expect(copy).toMatchObject({ file: 'responses.csv', row: 5 });
    expect(copy!.message).toContain('repeats row 3');
  });

  it('keeps two people who answered alike at different times', () => {
    const r = run([text('responses.csv', [header, ...early, ...later].join('\n'))]);
    expect(r.respondents).toHaveLength(3);
    expect(codes(r.quality)).not.toContain('duplicate-response');
  });
});

describe('two SurveyMonkey downloads pasted into one file, both header rows repeated', () => {
  it('says the answer-option row is the pasted header, not a row sorted in (before: "export again")', () => {
    const lines = new TextDecoder()
      .decode(fixture('surveymonkey.csv').data as Uint8Array)
      .trimEnd()
      .split('\n');
    const r = run([text('surveymonkey.csv', [...lines, lines[0], lines[1], lines[3]].join('\n'))]);
    expect(tieSet(r)).toEqual(tieSet(run([fixture('surveymonkey.csv')])));
    const headers = r.quality.issues.filter((i) => i.code.includes('header'));
    expect(headers.map((i) => [i.code, i.row])).toEqual([
      ['repeated-header', 5],
      ['repeated-header', 6],
    ]);
  });
});
