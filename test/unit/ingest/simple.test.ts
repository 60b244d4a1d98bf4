// The simple layout end to end: respondents, identity rules, ties per relation, review queue and
// the quality cases of issue 3, each checked for its own issue code and location.
import { describe, expect, it } from 'vitest';
import { applyReviewDecision } from '../../../src/core/ingest';
import { InputError } from '../../../src/core/quality';
import { nodesCsv } from '../../../src/core/export';
import { codes, fixture, run, text, tieSet } from './helpers';

describe('simple layout', () => {
  const result = run([fixture('simple.csv')]);

  it('detects the format, the metadata columns and one relation per question', () => {
    const m = result.mapping.surveys[0]!;
    expect(m.format).toBe('simple');
    expect(m.responseId).toBe('Response ID');
    expect(m.rosterId).toBe('Roster ID');
    expect(m.questions.map((q) => q.relation)).toEqual(['need', 'trust', 'info']);
  });

  it('counts councillors and local businesses as respondents of no listed type, not as residents', () => {
    const r = run([
      text(
        'types.csv',
        'Response ID,Respondent type,Who do you go to in times of need?\nR_1,Councillor,Helen Okafor\nR_2,Local business owner,Helen Okafor\n',
      ),
    ]);
    const types = r.respondents.map((p) => r.actors.find((a) => a.id === p.key)!);
    expect(types.map((a) => [a.type, a.label])).toEqual([
      ['other', 'Respondent 1'],
      ['other', 'Respondent 2'],
    ]);
    expect(codes(r.quality)).not.toContain('respondent-type-default');
  });

  it('keeps roster ids, keys other respondents by response id and labels them by type', () => {
    expect(result.respondents.map((r) => r.key)).toEqual(['r-R_1', 'r-R_2', 'vg-01', 'r-R_4', 'r-R_5']);
    const r2 = result.actors.find((a) => a.id === 'r-R_2')!;
    expect(r2.label).toBe('Volunteer 1');
    expect(r2.type).toBe('volunteer');
    expect(r2.sector).toBe('voluntary');
    expect(result.actors.find((a) => a.id === 'r-R_4')!.type).toBe('service-user');
    // Every roster entry is an actor, respondents on the roster are not duplicated.
    expect(result.actors.filter((a) => a.onRoster)).toHaveLength(result.roster.length);
    expect(result.actors.filter((a) => a.id === 'vg-01')).toHaveLength(1);
  });

  it('builds one tie per named person and relation', () => {
    expect(tieSet(result)).toEqual([
      'r-R_1>ps-01:trust',
      'r-R_1>ps-04:need',
      'r-R_1>vg-01:need',
      'r-R_1>vg-03:info',
      'vg-01>ps-09:need',
    ]);
    expect(result.ties.every((t) => t.weight === 1)).toBe(true);
  });

  it('queues ambiguous and unknown names for review with suggestions', () => {
    // "Mrs Okafor": a courtesy title and a surname alone are anyone's (Mrs Smith is not John Smith).
    expect(result.review.map((r) => r.text).sort()).toEqual(['Mrs Okafor', 'Patel', 'the vicar']);
    expect(result.review.find((r) => r.text === 'Mrs Okafor')!.candidates[0]).toMatchObject({ id: 'ps-01' });
    const vicar = result.review.find((r) => r.text === 'the vicar')!;
    expect(vicar.count).toBe(2);
    const patel = result.quality.unmatched.find((u) => u.text === 'Patel')!;
    expect(patel.suggestions.map((s) => s.id).sort()).toEqual(['ps-04', 'ps-06']);
    expect(result.quality.rows).toEqual({ read: 5, accepted: 5, rejected: 0 });
  });

  it('applies review decisions saved in the mapping on a rerun', () => {
    let mapping = applyReviewDecision(
      result.mapping,
      result.review.find((r) => r.text === 'Patel')!,
      {
        action: 'choose',
        id: 'ps-06',
      },
    );
    mapping = applyReviewDecision(
      mapping,
      { text: 'the vicar' },
      { action: 'new', type: 'other', label: 'The vicar' },
    );
    const rerun = run([fixture('simple.csv')], { mapping: JSON.parse(JSON.stringify(mapping)) });
    expect(tieSet(rerun)).toContain('r-R_2>ps-06:trust');
    const vicar = rerun.actors.find((a) => a.label === 'The vicar')!;
    // A person's key is a pseudonym of the text, never the text (their name) itself.
    expect(vicar.id).toMatch(/^n-[0-9a-z]{7}$/);
    expect(tieSet(rerun)).toContain(`r-R_5>${vicar.id}:need`);
    expect(rerun.review.map((r) => r.text)).toEqual(['Mrs Okafor']);
    const ignored = run([fixture('simple.csv')], {
      mapping: applyReviewDecision(mapping, { text: 'the vicar' }, { action: 'ignore' }),
    });
    expect(ignored.review.map((r) => r.text)).toEqual(['Mrs Okafor']);
    expect(tieSet(ignored).some((t) => t.includes('vicar'))).toBe(false);
  });

  it('leaves someone added from the review queue out of exports by name, unless names are asked for', () => {
    const mapping = applyReviewDecision(
      result.mapping,
      { text: 'the vicar' },
      { action: 'new', type: 'resident' },
    );
    const rerun = run([fixture('simple.csv')], { mapping: JSON.parse(JSON.stringify(mapping)) });
    const csv = (includeNames: boolean) => new TextDecoder().decode(nodesCsv(rerun.actors, { includeNames }));
    expect(csv(false)).not.toContain('vicar');
    expect(csv(false)).toMatch(/n-[0-9a-z]{7},Resident [0-9A-Z]{7},resident/);
    expect(csv(true)).toMatch(/n-[0-9a-z]{7},the vicar,resident/);
    // A group added the same way too: the report and the exports say people off the roster are
    // shown by type and pseudonym.
    const asGroup = applyReviewDecision(
      result.mapping,
      { text: 'the vicar' },
      { action: 'new', type: 'group' },
    );
    const groups = run([fixture('simple.csv')], { mapping: JSON.parse(JSON.stringify(asGroup)) });
    expect(new TextDecoder().decode(nodesCsv(groups.actors, { includeNames: false }))).toMatch(
      /n-[0-9a-z]{7},Group [0-9A-Z]{7},group/,
    );
  });

  it('uses the row for the key when the export has no response id', () => {
    const r = run([text('s.csv', 'Respondent type,Who do you trust?\nResident,Helen Okafor\n')]);
    expect(r.respondents[0]!.key).toBe('r-row2');
    expect(r.actors.find((a) => a.id === 'r-row2')!.label).toBe('Resident 1');
  });

  it('keeps row keys apart from roster ids and response ids that look like them', () => {
    const roster = text(
      'roster.csv',
      'id,name,type\nr-row3,Helen Okafor,public-servant\nr-row03,Amira Haddad,public-servant\n',
    );
    const r = run(
      [
        text('s.csv', 'Respondent type,Who do you trust?\nResident,Helen Okafor\nResident,Amira Haddad\n'),
        text(
          't.csv',
          'Response ID,Respondent type,Who do you trust?\nrow3,Resident,Helen Okafor\nrow03,Resident,Helen Okafor\n',
        ),
      ],
      { roster },
    );
    expect(r.respondents.map((p) => p.key)).toEqual(['r-s-row2', 'r-s-row3', 'r-t-row3', 'r-t-row03']);
    const one = run(
      [text('s.csv', 'Respondent type,Who do you trust?\nResident,Helen Okafor\nResident,Amira Haddad\n')],
      {
        roster,
      },
    );
    expect(one.respondents.map((p) => p.key)).toEqual(['r-row2', 'r-s-row3']);
  });
});

describe('quality cases', () => {
  const result = run([fixture('quality-cases.csv')]);
  const issue = (code: string) => result.quality.issues.filter((i) => i.code === code);

  it('reports a duplicated response id on its row and keeps the first copy', () => {
    expect(issue('duplicate-response')).toMatchObject([{ row: 4, file: 'quality-cases.csv' }]);
  });

  it('reports the blank row and counts it as rejected', () => {
    expect(issue('blank-row')).toMatchObject([{ row: 5 }]);
  });

  it('drops self-nominations with a warning', () => {
    expect(issue('self-nomination')).toMatchObject([
      { row: 6, column: 'Who do you go to in times of need?' },
    ]);
    expect(tieSet(result)).toContain('ps-01>ps-09:need');
    expect(tieSet(result)).not.toContain('ps-01>ps-01:need');
  });

  it('keeps formula and markup text as plain text, unmatched', () => {
    const texts = result.quality.unmatched.map((u) => u.text);
    expect(texts).toContain('=HYPERLINK("http://evil","x")');
    expect(texts).toContain('<script>alert(1)</script>');
  });

  it('drops absurdly long names with a warning', () => {
    expect(issue('long-name')).toMatchObject([{ row: 8 }]);
  });

  it('reads names across a quoted newline and numbers later rows as a spreadsheet does', () => {
    expect(tieSet(result)).toEqual(expect.arrayContaining(['r-Q6>ps-01:need', 'r-Q6>ps-09:need']));
    // Q6's answer spans two lines of the file but is one row in Excel or Google Sheets: Q7 is row 10.
    expect(result.respondents.find((r) => r.responseId === 'Q7')!.row).toBe(10);
  });

  it('reports ragged rows', () => {
    const ragged = result.quality.issues.filter((i) => i.code.startsWith('csv-too'));
    expect(ragged.map((i) => i.row).sort()).toEqual([10, 11]);
  });

  it('accounts for every row', () => {
    const { read, accepted, rejected } = result.quality.rows;
    expect(read).toBe(accepted + rejected);
    expect(read).toBe(10);
    expect(rejected).toBe(2);
  });

  it('flags too many names in one answer, keeping the first ones', () => {
    const many = Array.from({ length: 40 }, () => 'Helen Okafor').join('; ');
    const r = run([text('many.csv', `Response ID,Who do you trust?\n1,"${many}"\n`)]);
    expect(codes(r.quality)).toContain('too-many-names');
    expect(r.ties).toHaveLength(1);
  });

  it('stops with an InputError naming the file for empty files and files without questions', () => {
    expect(() => run([text('empty.csv', '')])).toThrow(InputError);
    expect(() => run([text('noq.csv', 'a,b\n1,2\n')])).toThrowError(/No name-generator question/);
    expect(() => run([text('noq.csv', 'a,b\n1,2\n')])).not.toThrowError(/looks like a roster/);
    // The roster given as the survey (files swapped): said so.
    expect(() => run([fixture('roster.csv')])).toThrowError(/looks like a roster.*give it as the roster/);
    // The header row left blank (or deleted): the first response is not read as the questions.
    const headless =
      ',,,\n02/03/2026 10:04:11,a.resident@example.com,Resident,Helen Okafor\n' +
      '02/03/2026 11:15:42,b.vol@example.com,Volunteer,Amira Haddad\n';
    expect(() => run([text('headless.csv', headless)])).toThrowError(
      /Row 2, where the header .* holds answers \("02\/03\/2026 10:04:11"\), and the rows above it are blank/,
    );
    expect(() => run([text('headless.csv', headless.slice(4))])).toThrowError(/^Row 1, where the header/);
    try {
      run([text('empty.csv', '\n\n')]);
    } catch (e) {
      expect((e as InputError).file).toBe('empty.csv');
    }
  });

  it('warns on a header-only file without stopping', () => {
    const r = run([text('h.csv', 'Response ID,Who do you trust?\n')]);
    expect(codes(r.quality)).toContain('no-responses');
    expect(r.respondents).toHaveLength(0);
  });
});

describe('several people in one answer', () => {
  it('splits "A and B" / "A & B" / "A/B" when every part matches for sure, and only then', () => {
    const r = run([
      text(
        'and.csv',
        'Response ID,Who do you trust?\n1,Dr Priya Patel and Mrs H Okafor\n2,Amira Haddad & Liam Byrne\n3,Friends and family\n',
      ),
    ]);
    expect(tieSet(r)).toEqual(['r-1>ps-01:trust', 'r-1>ps-04:trust', 'r-2>ps-09:trust', 'r-2>ps-10:trust']);
    expect(r.review.map((x) => x.text)).toEqual(['Friends and family']);
  });

  it('links a respondent to the roster by a name column only on an exact name', () => {
    const r = run([
      text(
        'n.csv',
        'Response ID,Name,Who do you trust?\n1,Helen Okafor,Amira Haddad\n2,Helen,Amira Haddad\n',
      ),
    ]);
    expect(r.respondents.map((x) => x.key)).toEqual(['ps-01', 'r-2']);
  });
});

describe('more quality cases', () => {
  it('reports an unterminated quote with its row', () => {
    const r = run([
      text('q.csv', 'Response ID,Who do you trust?\n1,Helen Okafor\n2,"Amira Haddad\n3,Dr Priya Patel\n'),
    ]);
    expect(r.quality.issues.find((i) => i.code === 'unterminated-quote')).toMatchObject({
      file: 'q.csv',
      row: 3,
    });
    expect(tieSet(r)).toContain('r-1>ps-01:trust');
  });

  it('reports duplicated column headers and keeps both columns addressable', () => {
    const r = run([
      text('d.csv', 'Response ID,Who do you trust?,Who do you trust?\n1,Helen Okafor,Amira Haddad\n'),
    ]);
    expect(r.quality.issues.find((i) => i.code === 'duplicate-column')).toMatchObject({
      row: 1,
      column: 'Who do you trust?',
    });
    expect(tieSet(r)).toEqual(['r-1>ps-01:trust', 'r-1>ps-09:trust']);
  });

  it('stops on binary data and on a damaged workbook, naming the file', () => {
    const binary = new Uint8Array([0x00, 0x01, 0x02, 0x00, 0x41, 0x00]);
    expect(() => run([{ name: 'photo.csv', data: binary }])).toThrowError(InputError);
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
    try {
      run([{ name: 'broken.xlsx', data: zip }]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).file).toBe('broken.xlsx');
      // Said as a workbook, which is what the user has (an .xlsx is a zip inside).
      expect((e as InputError).message).toMatch(/^This Excel workbook is damaged or incomplete/);
    }
  });

  it('a survey given as the roster (files swapped) says so', () => {
    const survey = fixture('google-forms.csv');
    expect(() => run([fixture('simple.csv')], { roster: survey })).toThrowError(
      /^This is a survey tool's export of responses, not a roster: its questions ask who people go to or trust \("Who do you go to in times of need\?"\)\. Give it as the survey/,
    );
  });

  // Trial V: each had made a roster of its respondents (or of nobody) and a green "up to date".
  it.each(['microsoft-forms.csv', 'qualtrics.csv', 'kobo.csv', 'surveymonkey.csv', 'limesurvey.csv'])(
    'a %s export given as the roster stops the run, naming the file',
    (name) => {
      try {
        run([fixture('simple.csv')], { roster: fixture(name) });
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        expect([(e as InputError).file, (e as InputError).code]).toEqual([name, 'not-a-roster']);
      }
    },
  );

  it('a survey with a roster-id column but no name column, given as the roster, says so', () => {
    const survey = text(
      'survey.csv',
      'Response ID,Respondent type,Roster ID,Who do you trust?\nR1,Resident,,Helen Okafor\nR2,Volunteer,ps-01,Amira Haddad\n',
    );
    expect(() => run([fixture('simple.csv')], { roster: survey })).toThrowError(
      /^The roster needs a name column \(or first and last name columns\); found: Response ID.*This looks like a survey export/,
    );
  });

  it('a sign-up form with a Timestamp, asking nothing about who people go to, is still a roster', () => {
    const signUp = text(
      'sign-up.csv',
      'Timestamp,Name,Organisation,Role\n2026/03/01 10:00:00 AM GMT,Helen Okafor,Riverside Primary School,Headteacher\n',
    );
    expect(
      run([fixture('simple.csv')], { roster: signUp }).actors.some((a) => a.label === 'Helen Okafor'),
    ).toBe(true);
  });

  it('a saved mapping reproduces the same network; a question gone is left out, and a mapping of another file stops the run', () => {
    const first = run([fixture('simple.csv')]);
    const saved = JSON.parse(JSON.stringify(first.mapping));
    const again = run([fixture('simple.csv')], { mapping: saved });
    expect(tieSet(again)).toEqual(tieSet(first));
    expect(again.mapping.surveys).toEqual(first.mapping.surveys);
    // A column gone whose question is asked elsewhere is followed there by its wording...
    saved.surveys[0].questions[0].columns = ['Who is your GP?'];
    const followed = run([fixture('simple.csv')], { mapping: saved });
    expect(codes(followed.quality)).toContain('question-moved');
    expect(tieSet(followed)).toEqual(tieSet(first));
    // ...and one whose question is asked nowhere (dropped from the survey) is left out with a
    // warning naming it, the others read as saved...
    saved.surveys[0].questions[0].label = 'Who is your GP?';
    const dropped = run([fixture('simple.csv')], { mapping: saved });
    const warning = dropped.quality.issues.find((i) => i.code === 'question-dropped')!;
    expect(warning).toMatchObject({ column: 'Who is your GP?' });
    expect(warning.message).toContain('"Who is your GP?"');
    expect(tieSet(dropped).length).toBeGreaterThan(0);
    // ...while a mapping none of whose questions is in the file (another file) stops the run.
    for (const q of saved.surveys[0].questions) {
      q.columns = q.columns.map((c: string) => `${c} (2025)`);
      q.label = `${q.label} (2025)`;
    }
    expect(() => run([fixture('simple.csv')], { mapping: saved })).toThrowError(/does not have/);
  });

  it('a question renamed in the mapping becomes a user-named relation', () => {
    const first = run([fixture('simple.csv')]);
    const edited = JSON.parse(JSON.stringify(first.mapping));
    edited.surveys[0].questions[2].relation = 'advice';
    edited.surveys[0].questions[1].relation = null; // not a name generator: ignored
    const r = run([fixture('simple.csv')], { mapping: edited });
    expect(r.ties.map((t) => t.relation).sort()).toEqual(['advice', 'need', 'need', 'need']);
  });
});

describe('a question of unknown wording', () => {
  it('keeps its ties as "named" and says so in the quality report, naming the column', () => {
    const result = run([
      text(
        'football.csv',
        'Response ID,Who do you play football with?,Who do you trust?\nR1,Helen Okafor,Dr Priya Patel\n',
      ),
    ]);
    expect(result.ties.map((t) => t.relation).sort()).toEqual(['named', 'trust']);
    const note = result.quality.issues.find((i) => i.code === 'relation-not-recognised');
    expect(note?.file).toBe('football.csv');
    expect(note?.column).toBe('Who do you play football with?');
    // A saved mapping is the user's own decision: no note when it is given back.
    const again = run(
      [
        text(
          'football.csv',
          'Response ID,Who do you play football with?,Who do you trust?\nR1,Helen Okafor,\n',
        ),
      ],
      {
        mapping: result.mapping,
      },
    );
    expect(codes(again.quality)).not.toContain('relation-not-recognised');
  });
});
