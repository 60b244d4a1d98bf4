// Exports and rosters after a spreadsheet round trip (trial Y): ids that lost their leading zeros
// or were rounded to "1.14E+11" on the way.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { codes, fixture, run, text, tieSet, workbookOf } from './helpers';

const roster = (ids: string[]) =>
  text(
    'roster.csv',
    [
      'Staff No.,name,type,role,service,sector',
      `${ids[0]},Helen Okafor,public-servant,Headteacher,Riverside Primary School,public`,
      `${ids[1]},Amira Haddad,public-servant,PCSO,Millbrook Neighbourhood Policing,public`,
    ].join('\n'),
  );
const survey = (refs: string[]) =>
  text(
    'survey.csv',
    [
      'Response ID,Respondent type,Roster ID,Who do you trust?',
      ...refs.map((ref, i) => `R${i},Public servant,${ref},${i === 0 ? 'Amira Haddad' : 'Helen Okafor'}`),
    ].join('\n'),
  );

describe('roster ids a spreadsheet rewrote', () => {
  it.each([
    ['the roster saved as numbers ("29.0")', ['29.0', '30.0'], ['029', '030']],
    ['the roster lost its zeros', ['29', '30'], ['029', '030']],
    ['the survey lost its zeros', ['029', '030'], ['29', '30']],
  ])('links respondents when %s, and says so', (_case, rosterIds, surveyRefs) => {
    const r = run([survey(surveyRefs)], { roster: roster(rosterIds) });
    // Before: both became someone new, "not on the roster", and their ties left the servants.
    expect(tieSet(r)).toEqual([
      `${rosterIds[0]}>${rosterIds[1]}:trust`,
      `${rosterIds[1]}>${rosterIds[0]}:trust`,
    ]);
    expect(codes(r.quality)).toContain('roster-id-as-number');
    expect(codes(r.quality)).not.toContain('unknown-roster-id');
  });

  it('links no one by a number two roster ids share ("7" and "007")', () => {
    const r = run([survey(['07'])], { roster: roster(['7', '007']) });
    expect(codes(r.quality)).toContain('unknown-roster-id');
    expect(r.respondents.every((x) => !x.onRoster)).toBe(true);
  });
});

describe('response ids a spreadsheet rounded ("1.14E+11")', () => {
  it('reads each row as its own response, with one warning for the file', () => {
    const rows = ['Amira Haddad', 'Helen Okafor', 'Amira Haddad'].map(
      (name, i) => `1.14E+11,${i},Resident,${name}`,
    );
    const r = run([
      text(
        'export.csv',
        ['Respondent ID,Collector ID,Respondent type,Who do you trust?', ...rows].join('\n'),
      ),
    ]);
    // Before: two of three rows were dropped as the same respondent answering again.
    expect(r.ties).toHaveLength(3);
    expect(codes(r.quality).filter((c) => c === 'ids-shortened')).toHaveLength(1);
    expect(codes(r.quality)).not.toContain('duplicate-response');
    expect(codes(r.quality)).not.toContain('resubmitted-response');
  });
});

describe("a survey tool's header rows sorted in among the answers", () => {
  const lines = (name: string) =>
    new TextDecoder()
      .decode(fixture(name).data as Uint8Array)
      .trimEnd()
      .split('\n');

  it("skips SurveyMonkey's answer-option row, which had been a respondent ticking every choice", () => {
    const [header, options, ...data] = lines('surveymonkey.csv');
    const sorted = text('surveymonkey.csv', [header, ...data.reverse(), options].join('\n'));
    const r = run([sorted]);
    expect(tieSet(r)).toEqual(tieSet(run([fixture('surveymonkey.csv')])));
    expect(r.quality.issues.filter((i) => i.code === 'header-row-in-data').map((i) => i.row)).toEqual([4]);
  });

  it("skips Qualtrics' question-text and ImportId rows after the first 200, and says their texts were not used", () => {
    const [tags, texts, importIds, ...data] = lines('qualtrics.csv');
    // Previews (left out) fill the rows the mapping is made from; the header rows are sorted after
    // them (in the first rows they are put back in place: trial-ae-files.test.ts).
    const previews = Array.from({ length: 200 }, (_, i) => data[0]!.replace('R_preview01', `R_p${i}`));
    const sorted = text('qualtrics.csv', [tags, ...previews, ...data, texts, importIds].join('\n'));
    const r = run([sorted]);
    const skipped = r.quality.issues.filter((i) => i.code === 'header-row-in-data');
    expect(skipped.map((i) => i.row)).toEqual([data.length + 202, data.length + 203]);
    expect(skipped[0]!.message).toMatch(/export the file again/);
    // Before: both rows were respondents, naming '{"ImportId":"QID2"}' and the question texts.
    expect(r.review.map((x) => x.text).join(' ')).not.toMatch(/ImportId|Who do you/);
    expect(r.respondents).toHaveLength(run([fixture('qualtrics.csv')]).respondents.length);
  });
});

describe('a workbook whose sheet read stops the run', () => {
  it('says which sheet was read and which were not (trial Y: the stop named neither)', () => {
    const data = workbookOf([
      {
        name: 'Analysis',
        rows: [
          ['Respondent type', 'Comments'],
          ['Resident', 'Fine'],
          ['Volunteer', 'Good'],
        ],
      },
      { name: 'Notes', rows: [['Checked by'], ['AB']] },
    ]);
    expect(() => run([{ name: 'survey.xlsx', data }])).toThrowError(
      /"Analysis" was read; .*\("Notes"\) were not/,
    );
  });
});

describe('a Microsoft Forms export sorted by name in a spreadsheet', () => {
  it('reads its dates in the order the IDs number the responses (trial Y: the earlier answer was kept)', () => {
    // US dates, every day 12 or under; by ID they run forward only month first.
    const sorted = [
      'ID,Start time,Completion time,Email,Name,Who do you trust?',
      '3,02/03/2026 10:00,02/03/2026 10:05,cara@example.org,Cara,Helen Okafor',
      '1,01/02/2026 10:00,01/02/2026 10:05,bob@example.org,Bob,Amira Haddad',
      '4,03/01/2026 10:00,03/01/2026 10:05,bob@example.org,Bob,Helen Okafor',
      '2,01/05/2026 10:00,01/05/2026 10:05,dan@example.org,Dan,Amira Haddad',
    ].join('\n');
    const r = run([text('Community survey.csv', sorted)]);
    // Bob answered again on 1 March (ID 4): that answer is kept, not his of 2 January.
    const bob = r.ties.filter((t) => t.row === 3 || t.row === 4).map((t) => `${t.row}>${t.target}`);
    expect(bob).toEqual(['4>ps-01']);
    const note = r.quality.issues.find((i) => i.code === 'date-order')!;
    expect(note.message).toMatch(/month first .* in the order the survey tool numbered them/);
  });
});

describe("a spreadsheet's empty columns after the last", () => {
  it('are not listed as columns not read (trial Y: 51 were, "Column 10", "Column 11"...)', () => {
    const survey = text(
      'survey.csv',
      ['Response ID,Who do you trust?,Comments,,,', 'R1,Amira Haddad,Fine,,,', 'R2,Helen Okafor,,,,'].join(
        '\n',
      ),
    );
    const note = run([survey]).quality.issues.find((i) => i.code === 'unread-columns')!;
    expect(note.message).toMatch(/^1 column was not read .*"Comments"/);
  });
});

describe('rows hidden in a workbook (a filter)', () => {
  it('are read, and said to be (trial Y: hidden residents were read without a word)', () => {
    const book = unzipSync(
      workbookOf([
        {
          name: 'Form responses 1',
          rows: [
            ['Timestamp', 'Which best describes you?', 'Who do you trust?'],
            ['2026-03-02 10:00', 'Resident', 'Amira Haddad'],
            ['2026-03-02 11:00', 'Volunteer', 'Helen Okafor'],
            ['2026-03-02 12:00', 'Resident', 'Helen Okafor'],
          ],
        },
      ]),
    );
    const path = Object.keys(book).find((p) => p.startsWith('xl/worksheets/'))!;
    book[path] = strToU8(strFromU8(book[path]!).replace(/<row r="([24])"/g, '<row r="$1" hidden="1"'));
    const r = run([{ name: 'survey.xlsx', data: zipSync(book) }]);
    expect(r.ties).toHaveLength(3);
    const note = r.quality.issues.find((i) => i.code === 'hidden-rows')!;
    expect(note).toMatchObject({ row: 2 });
    expect(note.message).toMatch(/^2 rows are hidden in the spreadsheet \(rows 2, 4/);
  });
});
