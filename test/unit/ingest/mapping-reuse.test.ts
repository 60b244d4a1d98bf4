// A mapping.json reused a year on (--mapping), as an evaluator edits and keeps it: its shape is
// checked with a clear message, and its review decisions are applied or said not to be, never
// dropped unsaid (a trial of next year's rerun found each of these).
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { nodesCsv } from '../../../src/core/export';
import { checkMapping } from '../../../src/core/ingest/mapping-file';
import { applyReviewDecision, emptyMapping } from '../../../src/core/ingest/review';
import type { Mapping } from '../../../src/core/ingest';
import { InputError } from '../../../src/core/quality';
import { codes, fixture, run, text, tieSet } from './helpers';

const SURVEY = 'Response ID,Who do you trust?\nR1,Patel\nR2,the library\nR3,Millbrook Library\nR4,Gareth\n';
const mappingWith = (decisions: unknown[]): Mapping =>
  checkMapping({ version: 1, roster: null, surveys: [], decisions }, 'mapping.json');

/** This year's Qualtrics export, edited as the survey changed: rows are [tags, texts, ImportIds, data...]. */
function qualtrics(edit: (rows: string[][]) => void) {
  const rows = Papa.parse<string[]>(new TextDecoder().decode(fixture('qualtrics.csv').data as Uint8Array), {
    skipEmptyLines: true,
  }).data;
  edit(rows);
  return text('qualtrics.csv', Papa.unparse(rows));
}

describe('checkMapping', () => {
  it.each([
    [{}, null],
    [[], /not a mapping/],
    [{ surveys: {} }, /"surveys" should be a list/],
    [{ decisions: {} }, /"decisions" should be a list/],
    [{ surveys: [{ file: 'a.csv' }] }, /"a\.csv" has no list of "questions"/],
    [{ surveys: [{ file: 'a.csv', questions: [{ columns: 'Q1' }] }] }, /Question 1 of "a\.csv" has no list/],
    [{ decisions: [{ action: 'ignore' }] }, /Decision 1 has no "text"/],
    [{ decisions: [{ text: 'Sgt Jones', action: 'chose', id: 'ps-01' }] }, /action "chose"/],
    [{ decisions: [{ text: 'Sgt Jones', action: 'choose' }] }, /names no "id"/],
    // Trial X: each of these had been taken without a word, and lost or bent ties.
    [{ version: 2 }, /version 2; this Civic Ties reads version 1/],
    [
      { surveys: [{ file: 'a.csv', questions: [{ columns: ['Q1'], kind: 'checkbox' }] }] },
      /kind "checkbox"; it should be text, choices or grid/,
    ],
    [{ decisions: [{ text: 'the hall', action: 'new', type: 'building' }] }, /type "building"/],
    [
      {
        decisions: [
          { text: 'Patel', action: 'choose', id: 'ps-04' },
          { text: 'patel ', action: 'choose', id: 'ps-06' },
        ],
      },
      /"Patel" and "patel " are for one name and disagree \(choose ps-04; choose ps-06\)/,
    ],
  ])('%j: %s', (value, message) => {
    if (message === null) {
      expect(checkMapping(value, 'm.json')).toMatchObject({ surveys: [], decisions: [] });
      return;
    }
    try {
      checkMapping(value, 'm.json');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).file).toBe('m.json');
      expect((e as InputError).message).toMatch(message);
    }
  });
});

it('reads a tie type typed by hand with a capital or a space ("Need ") as that tie type', () => {
  const m = checkMapping(
    {
      surveys: [
        {
          file: 'a.csv',
          questions: [
            { columns: ['Q1'], relation: 'Need ' },
            { columns: ['Q2'], relation: ' Advice' },
          ],
        },
      ],
    },
    'm.json',
  );
  expect(m.surveys[0]!.questions.map((q) => q.relation)).toEqual(['need', 'Advice']);
});

describe('saved decisions on a rerun', () => {
  it('"accept" saved without an id takes the closest match, as the suggestion it was made on', () => {
    const r = run([text('s.csv', 'Response ID,Who do you trust?\nR1,Helen Okafur\n')], {
      mapping: mappingWith([{ text: 'Helen Okafur', action: 'accept' }]),
    });
    expect(tieSet(r)).toEqual(['r-R1>ps-01:trust']);
  });

  it('says when a decision names someone no longer on the roster, and the name waits in review again', () => {
    const r = run([text('s.csv', SURVEY)], {
      mapping: mappingWith([{ text: 'Gareth', action: 'choose', id: 'vol-99' }]),
    });
    const note = r.quality.issues.find((i) => i.code === 'decision-not-applied')!;
    expect(note).toMatchObject({ file: 's.csv', row: 5, column: 'Who do you trust?' });
    expect(note.message).toContain('vol-99');
    expect(r.review.map((x) => x.text)).toContain('Gareth');
  });

  it('two spellings made one new actor (one id) are one node, and "choose" may name it', () => {
    const r = run([text('s.csv', SURVEY)], {
      mapping: mappingWith([
        { text: 'Millbrook Library', action: 'new', type: 'group', id: 'n-library' },
        { text: 'the library', action: 'new', type: 'group', id: 'n-library' },
        { text: 'Patel', action: 'choose', id: 'n-library' },
      ]),
    });
    expect(r.actors.filter((a) => a.id === 'n-library')).toHaveLength(1);
    expect(tieSet(r)).toEqual(['r-R1>n-library:trust', 'r-R2>n-library:trust', 'r-R3>n-library:trust']);
    expect(codes(r.quality)).not.toContain('decision-not-applied');
  });

  // Trial X (a year-two rerun): the roster gave ps-05 (Dr Thomas Reid) to Dr Fatima Malik.
  const rosterOf = (edit: (csv: string) => string) =>
    text('roster.csv', edit(new TextDecoder().decode(fixture('roster.csv').data as Uint8Array)));
  const reused = rosterOf((csv) => csv.replace('ps-05,Dr Thomas Reid', 'ps-05,Dr Fatima Malik'));
  const reidSurvey = text('s.csv', 'Response ID,Who do you trust?\nR1,Dr Reid\n');

  it('warns when a hand-written decision without its name gives the text to someone unlike it', () => {
    const r = run([reidSurvey], {
      roster: reused,
      mapping: mappingWith([{ text: 'Dr Reid', action: 'accept', id: 'ps-05' }]),
    });
    // Applied, as there is no telling, but said: before, six ties went to Dr Malik unsaid.
    expect(tieSet(r)).toEqual(['r-R1>ps-05:trust']);
    const warning = r.quality.issues.find((i) => i.code === 'decision-unchecked')!;
    expect(warning).toMatchObject({ file: 's.csv', row: 2, column: 'Who do you trust?' });
    expect(warning.message).toContain('Dr Fatima Malik');
    // The saved mapping records the name now, so next year's roster is checked against it.
    expect(r.mapping.decisions[0]).toMatchObject({ id: 'ps-05', name: 'Dr Fatima Malik' });
    // The same decision on the roster it was made for says nothing.
    const same = run([reidSurvey], {
      mapping: mappingWith([{ text: 'Dr Reid', action: 'accept', id: 'ps-05' }]),
    });
    expect(codes(same.quality)).not.toContain('decision-unchecked');
  });

  it('does not suggest the person a reused id names now for a decision made about someone else', () => {
    const r = run([reidSurvey], {
      roster: reused,
      mapping: mappingWith([{ text: 'Dr Reid', action: 'accept', id: 'ps-05', name: 'Dr Thomas Reid' }]),
    });
    expect(codes(r.quality)).toContain('decision-not-applied');
    // Before: "Closest on the roster: Dr Fatima Malik (50%)", from the decision just refused.
    expect(r.review.find((x) => x.text === 'Dr Reid')!.candidates.map((c) => c.id)).not.toContain('ps-05');
  });

  it("applies no saved decision to a name this roster has exactly (trial Z: an Ignore in year two took year one's ties)", () => {
    const eleanor = text('s.csv', 'Response ID,Who do you trust?\nR1,Helen Okafor\n');
    const r = run([eleanor], { mapping: mappingWith([{ text: 'Helen Okafor', action: 'ignore' }]) });
    expect(tieSet(r)).toEqual(['r-R1>ps-01:trust']);
    const note = r.quality.issues.find((i) => i.code === 'decision-not-needed')!;
    expect(note.message).toContain('Helen Okafor (ps-01)');
  });

  it("records the name of the person a review decision chose, so another wave's roster is checked", () => {
    const item = { text: 'Dr Reid', candidates: [{ id: 'ps-05', name: 'Dr Thomas Reid', confidence: 0.8 }] };
    const kept = applyReviewDecision(emptyMapping(), item, { action: 'accept', id: 'ps-05' });
    expect(kept.decisions[0]).toMatchObject({ id: 'ps-05', name: 'Dr Thomas Reid' });
    // Made on the baseline (Dr Thomas Reid), it is not applied in a follow-up that gave ps-05 to
    // Dr Fatima Malik: before, her ties rose from 2 to 6 without a word.
    const r = run([reidSurvey], { roster: reused, mapping: checkMapping(kept, 'm.json') });
    expect(tieSet(r)).toEqual([]);
    expect(codes(r.quality)).toContain('decision-not-applied');
  });

  it('saves the id an "accept" without one was applied to, and leaves two equally close to review', () => {
    const patel = text('s.csv', 'Response ID,Who do you trust?\nR1,Patel\n');
    const accept = mappingWith([{ text: 'Patel', action: 'accept' }]);
    // Two Patels are equally close: which one is not left to the order of the roster's rows.
    const tied = run([patel], { mapping: accept });
    expect(tieSet(tied)).toEqual([]);
    expect(tied.review.map((x) => x.text)).toEqual(['Patel']);
    const note = tied.quality.issues.find((i) => i.code === 'decision-not-applied')!;
    expect(note.message).toContain('Dr Priya Patel and Dr Anil Patel are equally close');
    expect(note.message).not.toContain('undefined');
    // One closest: applied, and saved with its id and name.
    const one = run([text('s.csv', 'Response ID,Who do you trust?\nR1,Helen Okafur\n')], {
      mapping: mappingWith([{ text: 'Helen Okafur', action: 'accept' }]),
    });
    expect(one.mapping.decisions[0]).toMatchObject({ id: 'ps-01', name: 'Helen Okafor' });
  });

  it("keeps a reviewer's label for a new actor out of exports unless names are asked for", () => {
    const r = run([fixture('simple.csv')], {
      mapping: mappingWith([
        { text: 'the vicar', action: 'new', type: 'resident', label: 'Mrs Smith (vicar)' },
      ]),
    });
    const csv = (includeNames: boolean) => new TextDecoder().decode(nodesCsv(r.actors, { includeNames }));
    expect(csv(false)).not.toContain('Mrs Smith');
    expect(csv(true)).toContain('the vicar');
  });
});

describe('a saved mapping on next year\u2019s Qualtrics export, its questions renumbered', () => {
  const qualtrics = (questions: [string, string][], rows: string[][]) =>
    [
      ['StartDate', 'ResponseId', ...questions.map(([tag]) => tag)],
      ['Start Date', 'Response ID', ...questions.map(([, wording]) => wording)],
      [
        '{"ImportId":"startDate"}',
        '{"ImportId":"_recordId"}',
        ...questions.map((_, i) => `{"ImportId":"QID${i + 1}"}`),
      ],
      ...rows,
    ]
      .map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(','))
      .join('\n') + '\n';
  const baseline = qualtrics(
    [
      ['Q2', 'Who do you go to in times of need?'],
      ['Q3', 'Who do you trust?'],
    ],
    [['2026-03-02 10:00:00', 'R_1', 'Helen Okafor', 'Amira Haddad']],
  );
  const saved = run([text('baseline.csv', baseline)]).mapping;

  it('follows each question by its wording to its new column, and says so', () => {
    const followUp = qualtrics(
      [
        ['Q2', 'Which local groups or clubs are you a member of?'],
        ['Q3', 'Who do you go to in times of need?'],
        ['Q4', 'Who do you trust?'],
      ],
      [['2027-03-02 10:00:00', 'R_9', 'Millbrook Food Bank', 'Helen Okafor', 'Amira Haddad']],
    );
    const r = run([text('follow-up.csv', followUp)], { mapping: JSON.parse(JSON.stringify(saved)) });
    // Before: the groups in Q2 were read as need, need as trust.
    expect(tieSet(r)).toEqual(['r-R_9>ps-01:need', 'r-R_9>ps-09:trust']);
    const moved = r.quality.issues.filter((i) => i.code === 'question-moved');
    expect(moved.map((i) => i.column)).toEqual(['Q3', 'Q4']);
  });

  it('says when a question kept its column and tag but gained words (trial X), and saves them', () => {
    const followUp = qualtrics(
      [
        ['Q2', 'Who do you go to in times of need?'],
        ['Q3', 'Who do you trust most?'],
      ],
      [['2027-03-02 10:00:00', 'R_9', 'Helen Okafor', 'Amira Haddad']],
    );
    const r = run([text('follow-up.csv', followUp)], { mapping: JSON.parse(JSON.stringify(saved)) });
    expect(tieSet(r)).toEqual(['r-R_9>ps-01:need', 'r-R_9>ps-09:trust']);
    const note = r.quality.issues.find((i) => i.code === 'question-reworded')!;
    expect(note).toMatchObject({ column: 'Q3' });
    expect(note.message).toContain('"Who do you trust?" reads "Who do you trust most?"');
    expect(r.mapping.surveys[0]!.questions.map((q) => q.label)).toContain('Who do you trust most?');
  });

  it('stops, naming the column, when the question asked there now is asked nowhere', () => {
    const changed = qualtrics(
      [
        ['Q2', 'Which local groups or clubs are you a member of?'],
        ['Q3', 'Who do you trust?'],
      ],
      [['2027-03-02 10:00:00', 'R_9', 'Millbrook Food Bank', 'Amira Haddad']],
    );
    expect(() =>
      run([text('changed.csv', changed)], { mapping: JSON.parse(JSON.stringify(saved)) }),
    ).toThrowError(
      /reads the column "Q2" as "Who do you go to in times of need\?", but in this file it asks "Which local groups/,
    );
  });
});

describe('a saved mapping on a follow-up that dropped questions (trial X)', () => {
  const header =
    'Timestamp,Who do you go to in times of need?,Who do you trust?,Where do you get your information?';
  const baseline = run([text('y1.csv', `${header}\n2026/03/02 10:00:00,Helen Okafor,Amira Haddad,Age UK`)]);
  const saved = () => {
    const m = JSON.parse(JSON.stringify(baseline.mapping)) as Mapping;
    m.surveys[0]!.file = 'y2.csv';
    return m;
  };

  it('leaves out each question the follow-up dropped, with a warning, and reads the rest as saved', () => {
    const followUp = text(
      'y2.csv',
      'Timestamp,Who do you go to in times of need?\n2027/03/02 10:00:00,Helen Okafor',
    );
    // Before: the run stopped, naming one of the two columns, and only deleting the file's entry
    // in mapping.json (its column mapping with it) let it go on.
    const r = run([followUp], { mapping: saved() });
    expect(tieSet(r)).toEqual(['r-row2>ps-01:need']);
    const dropped = r.quality.issues.filter((i) => i.code === 'question-dropped');
    expect(dropped.map((i) => i.column)).toEqual(['Who do you trust?', 'Where do you get your information?']);
    expect(dropped[0]!.message).toContain('(trust)');
  });

  it('stops, naming every column it lacks, when none of its questions is in the file', () => {
    const other = text('y2.csv', 'Timestamp,Which clubs are you in?\n2027/03/02 10:00:00,Chess');
    expect(() => run([other], { mapping: saved() })).toThrowError(
      /3 columns this file does not have: "Who do you go to in times of need\?", "Who do you trust\?", "Where do you get your information\?"/,
    );
  });
});

describe('a saved mapping whose files were renamed and given in another order', () => {
  it('takes an entry by position only when it is the same tool\u2019s export, and says so', () => {
    const gf = fixture('google-forms.csv');
    const q = fixture('qualtrics.csv');
    const first = run([gf, q]);
    const saved = JSON.parse(JSON.stringify(first.mapping)) as Mapping;
    saved.surveys.forEach((s, i) => (s.file = `wave1-${i}.csv`));
    const again = run(
      [
        { name: 'qualtrics-2027.csv', data: q.data },
        { name: 'google-2027.csv', data: gf.data },
      ],
      { mapping: saved },
    );
    expect(tieSet(again)).toEqual(
      tieSet(
        run([
          { name: 'qualtrics-2027.csv', data: q.data },
          { name: 'google-2027.csv', data: gf.data },
        ]),
      ),
    );
    const notes = again.quality.issues.filter((i) => i.code === 'mapping-not-this-file');
    expect(notes.map((i) => i.file)).toEqual(['qualtrics-2027.csv', 'google-2027.csv']);
  });
});

describe('properties', () => {
  it('checkMapping takes any JSON: a mapping, or an InputError naming the file', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        try {
          const m = checkMapping(value, 'm.json');
          expect(Array.isArray(m.surveys) && Array.isArray(m.decisions)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          expect((e as InputError).file).toBe('m.json');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('names joined by "and" or "&" in one answer: each part is a tie or waits in review, none is lost', () => {
    const PARTS = [
      'Helen Okafor',
      'Amira Haddad',
      'Nadia',
      'Mr Shah',
      'my neighbour',
      'Millbrook Food Bank',
      'Dr Patel',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PARTS), { minLength: 2, maxLength: 4 }),
        fc.constantFrom(' and ', ' & '),
        (parts, joiner) => {
          const answer = parts.join(joiner);
          const r = run([text('s.csv', `Response ID,Who do you trust?\nR1,"${answer}"\n`)]);
          const reviewed = r.review.map((x) => x.text);
          // The whole answer waits in review, or each part is accounted for: a tie or its own review item.
          if (reviewed.includes(answer)) return;
          const targets = new Set(r.ties.map((t) => t.target));
          for (const part of parts) {
            const found = run([text('p.csv', `Response ID,Who do you trust?\nR1,"${part}"\n`)]);
            const tie = found.ties[0]?.target;
            expect(tie ? targets.has(tie) : reviewed.includes(part)).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("next year's files in a folder of their own", () => {
  const at = (folder: string, name: string, data: string) => text(`${folder}/${name}`, data);
  const google = (folder: string) =>
    at(folder, 'google.csv', 'Timestamp,Who do you trust?\n2026/03/02 10:00:00 AM GMT,Helen Okafor\n');
  const typed = (folder: string) =>
    at(
      folder,
      'typed.csv',
      'Response ID,Which local groups do you belong to?,Who do you go to in times of need?\nT1,Book club,Amira Haddad\n',
    );

  it('finds each entry by file name, folders aside; a file with none is detected afresh and said so', () => {
    const last = run([google('2025'), typed('2025')]);
    // This year: the typed file is gone, a new one takes its place in the list.
    const other = at('2026', 'other.csv', 'Response ID,Who do you trust?\nO1,Dr Priya Patel\n');
    const r = run([google('2026'), other], { mapping: last.mapping });
    expect(codes(r.quality)).toContain('mapping-no-entry');
    expect(r.quality.issues.find((i) => i.code === 'mapping-no-entry')!.file).toBe('2026/other.csv');
    expect(codes(r.quality)).not.toContain('mapping-column-missing');
    expect(tieSet(r)).toEqual(['r-O1>ps-04:trust', 'r-google-row2>ps-01:trust']);
  });

  it('keys respondents of several files by the file name, not its folder', () => {
    const r = run([google('/home/evaluator/2026'), typed('/home/evaluator/2026')]);
    expect(r.respondents.map((p) => p.key)).toEqual(['r-google-row2', 'r-T1']);
  });
});

describe("next year's choices", () => {
  const saved = () => run([fixture('qualtrics.csv')]).mapping;
  const trusted = (r: ReturnType<typeof run>) =>
    tieSet(r).filter((t) => t.startsWith('r-R_1aB2cD3eF4>') && t.endsWith(':trust'));

  it('reads a choice column now headed by another person as that person, and says so', () => {
    const file = qualtrics((rows) => {
      rows[1]![20] = 'Who do you trust? - Karen Douglas';
    });
    const r = run([file], { mapping: saved() });
    expect(trusted(r)).toEqual(['r-R_1aB2cD3eF4>ps-04:trust', 'r-R_1aB2cD3eF4>ps-12:trust']);
    const note = r.quality.issues.find((i) => i.code === 'choice-changed')!;
    expect(note).toMatchObject({ severity: 'warning', column: 'Q3_2' });
    expect(note.message).toContain('"Karen Douglas"');
  });

  it('reads a choice added since, and leaves out one removed, saying so', () => {
    const file = qualtrics((rows) => {
      rows.forEach((row, i) =>
        row.push(
          i === 0
            ? 'Q3_4'
            : i === 1
              ? 'Who do you trust? - Sgt David Jones'
              : i === 2
                ? '{"ImportId":"QID3_4"}'
                : i === 4
                  ? '1'
                  : '',
        ),
      );
      for (const row of rows) row.splice(21, 1); // Q3_3, Amira Haddad, is gone
    });
    const r = run([file], { mapping: saved() });
    expect(trusted(r)).toEqual([
      'r-R_1aB2cD3eF4>ps-01:trust',
      'r-R_1aB2cD3eF4>ps-04:trust',
      'r-R_1aB2cD3eF4>ps-08:trust',
    ]);
    expect(r.quality.issues.find((i) => i.code === 'choice-added')).toMatchObject({ column: 'Q3_4' });
    expect(r.quality.issues.find((i) => i.code === 'choice-removed')).toMatchObject({ column: 'Q3_3' });
    expect(codes(r.quality)).not.toContain('unmapped-question');
  });

  it('follows a question whose every column was renumbered, by its wording', () => {
    const file = qualtrics((rows) => {
      rows[0] = rows[0]!.map((c) => c.replace(/^Q3_/, 'Q7_'));
    });
    const r = run([file], { mapping: saved() });
    expect(codes(r.quality)).toContain('question-moved');
    expect(trusted(r)).toEqual(['r-R_1aB2cD3eF4>ps-01:trust', 'r-R_1aB2cD3eF4>ps-04:trust']);
  });
});

describe('a decision whose roster id now belongs to someone else', () => {
  it('records whom it chose, and is asked again when the roster gives the id to another person', () => {
    const survey = text('s.csv', 'Response ID,Who do you trust?\nR1,the head at Riverside\n');
    const decided = mappingWith([{ text: 'the head at Riverside', action: 'choose', id: 'ps-01' }]);
    const first = run([survey], { mapping: decided });
    expect(tieSet(first)).toEqual(['r-R1>ps-01:trust']);
    expect(first.mapping.decisions[0]).toMatchObject({ id: 'ps-01', name: 'Helen Okafor' });
    // Next year Helen has left and the roster gives ps-01 to the new head.
    const roster = text(
      'roster.csv',
      'id,name,type,role\nps-01,Marcus Oyelaran,public-servant,Headteacher\n',
    );
    const next = run([survey], { mapping: structuredClone(first.mapping), roster });
    expect(next.ties).toEqual([]);
    expect(next.review.map((x) => x.text)).toEqual(['the head at Riverside']);
    expect(next.quality.issues.find((i) => i.code === 'decision-not-applied')!.message).toContain(
      'who was Helen Okafor when it was made and is Marcus Oyelaran on this roster',
    );
    // A mapping saved before names were recorded still applies as it did, and so does one whose
    // person is written otherwise on this year's roster.
    expect(tieSet(run([survey], { mapping: decided, roster }))).toEqual(['r-R1>ps-01:trust']);
    const retitled = text(
      'roster.csv',
      'id,name,type,role\nps-01,Mrs Helen Okafor,public-servant,Headteacher\n',
    );
    expect(tieSet(run([survey], { mapping: structuredClone(first.mapping), roster: retitled }))).toEqual([
      'r-R1>ps-01:trust',
    ]);
  });
});

describe('a name decided before under another spelling', () => {
  it('suggests the person decided first, and accepts no one unasked', () => {
    const survey = text('s.csv', 'Response ID,Who do you trust?\nR1,Dr. Patel\nR2,Patel\n');
    const r = run([survey], { mapping: mappingWith([{ text: 'Patel', action: 'choose', id: 'ps-06' }]) });
    // "Patel" is decided; "Dr. Patel" waits in review with Dr Anil Patel first, still as close as
    // Dr Priya Patel (the matcher's confidence is not made up), so the reviewer still chooses.
    expect(tieSet(r)).toEqual(['r-R2>ps-06:trust']);
    const item = r.review.find((x) => x.text === 'Dr. Patel')!;
    expect(item.candidates.map((c) => c.id)).toEqual(['ps-06', 'ps-04']);
    expect(item.candidates[0]!.confidence).toBe(item.candidates[1]!.confidence);
    // Without the decision Dr Priya Patel, first on the roster, comes first.
    const fresh = run([survey]).review.find((x) => x.text === 'Dr. Patel')!;
    expect(fresh.candidates.map((c) => c.id)).toEqual(['ps-04', 'ps-06']);
  });
});

describe("a near spelling of an actor added in review (last year's included)", () => {
  it('suggests that actor, and a decision to accept it ties to the same node', () => {
    const survey = text(
      's.csv',
      'Response ID,Who do you trust?\nR1,Millbrook Community Larder\nR2,Millbrook Comunity Larder\n',
    );
    const first = run([survey], {
      mapping: mappingWith([{ text: 'Millbrook Community Larder', action: 'new', type: 'group' }]),
    });
    const larder = first.mapping.decisions[0]!.id!;
    // Run again with the saved mapping (next year's run, or the app's rerun after the decision).
    const again = run([survey], { mapping: structuredClone(first.mapping) });
    const item = again.review.find((x) => x.text === 'Millbrook Comunity Larder')!;
    expect(item.candidates[0]).toMatchObject({ id: larder, name: 'Millbrook Community Larder' });
    const mapping = structuredClone(first.mapping);
    mapping.decisions.push({ text: 'Millbrook Comunity Larder', action: 'accept', id: larder });
    expect(tieSet(run([survey], { mapping }))).toEqual([`r-R1>${larder}:trust`, `r-R2>${larder}:trust`]);
  });
});

describe("a question reworded since, known again by Qualtrics' question id", () => {
  const reword = (rows: string[][]) => {
    rows[1] = rows[1]!.map((c) =>
      c.replace(/^Who do you trust\? - /, 'Which of these people do you trust? - '),
    );
  };

  it('reads it with its saved tie type and says so, renumbered too', () => {
    const first = run([fixture('qualtrics.csv')]);
    const trust = first.mapping.surveys[0]!.questions.find((q) => q.columns[0] === 'Q3_1')!;
    expect(trust.questionId).toBe('QID3');
    const expected = tieSet(first).filter((t) => t.endsWith(':trust'));
    for (const edit of [
      reword,
      (rows: string[][]) => {
        reword(rows);
        rows[0] = rows[0]!.map((c) => c.replace(/^Q3_/, 'Q7_'));
      },
    ]) {
      const r = run([qualtrics(edit)], { mapping: structuredClone(first.mapping) });
      expect(codes(r.quality)).toContain('question-reworded');
      expect(tieSet(r).filter((t) => t.endsWith(':trust'))).toEqual(expected);
    }
    // A mapping saved before ids were kept stops, as it did, naming the column.
    const old = structuredClone(first.mapping);
    for (const q of old.surveys[0]!.questions) delete q.questionId;
    expect(() => run([qualtrics(reword)], { mapping: old })).toThrowError(/Q3_1/);
  });
});
