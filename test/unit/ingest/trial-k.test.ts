// Exports found read wrong in new-user trials (K: tools not tried before, M: the app, N: a
// baseline and follow-up): Tally, Airtable, Gravity Forms, GOV.UK Forms, Typeform, paper forms.
import { describe, expect, it } from 'vitest';
import { setQuestionRelation } from '../../../src/core/ingest/mapping-edit';
import { codes, run, text, tieSet } from './helpers';

const NEED = 'Who do you go to when you need help?';

describe('Tally', () => {
  // One column of the ticked labels and the typed Other text, then a TRUE/FALSE column per option.
  const options = ['Helen Okafor', 'PC Rachel Osei', 'Other'];
  const csv = [
    [
      'Submission ID',
      'Respondent ID',
      'Submitted at',
      "What's your name?",
      'Which describes you best?',
      NEED,
      ...options.map((o) => `${NEED} (${o})`),
    ].join(','),
    'wLZ4Ry,7kP2sD,2026-03-02 12:40:03,Joe Bloggs,Resident,Helen Okafor,TRUE,FALSE,FALSE',
    'nPjM0e,Bq81Zc,2026-03-03 15:20:00,Aisha,Resident,"Helen Okafor, Imam Yusuf at the mosque",TRUE,FALSE,TRUE',
    '3EvXqa,7kP2sD,2026-03-03 08:02:40,Joe Bloggs,Resident,"Helen Okafor, PC Rachel Osei",TRUE,TRUE,FALSE',
  ].join('\n');

  it('keeps the later answer of a respondent who answered again (the same Respondent ID)', () => {
    const r = run([text('tally.csv', csv)]);
    // The first answer (row 2) used to be kept and the later one, which adds PC Osei, left out.
    expect(tieSet(r)).toEqual(['r-7kP2sD>ps-01:need', 'r-7kP2sD>ps-11:need', 'r-Bq81Zc>ps-01:need']);
    const note = r.quality.issues.find((i) => i.code === 'resubmitted-response');
    expect(note).toMatchObject({ row: 2, column: 'Respondent ID' });
    expect(note!.message).toContain('replaced by the later one');
    // The same id at the same time is a copy, and the first is kept as before.
    const copy = run([text('tally.csv', csv.replace('2026-03-03 08:02:40', '2026-03-02 12:40:03'))]);
    expect(codes(copy.quality)).toContain('duplicate-response');
    expect(tieSet(copy)).toEqual(['r-7kP2sD>ps-01:need', 'r-Bq81Zc>ps-01:need']);
  });

  it('reads the typed Other text from the question column, not TRUE/FALSE as names', () => {
    const r = run([text('tally.csv', csv)]);
    // "FALSE" and "TRUE" used to wait in review, and the typed name was lost.
    expect(r.review.map((x) => [x.text, x.row, x.column])).toEqual([['Imam Yusuf at the mosque', 3, NEED]]);
    expect(codes(r.quality)).not.toContain('unread-name-column');
  });
});

describe('Airtable', () => {
  const csv =
    'Name,Email,Respondent type,Who do you go to in times of need?,Created\n' +
    ',,,,3/16/2026 3:06pm\n' +
    'Sophie Turner,sophie.t@example.com,Resident,"PC Rachel Osei,Eleanor Price",3/15/2026 9:45am\n' +
    'Sophie Turner,Sophie.T@example.com,Resident,Karen Douglas,3/13/2026 6:45pm\n';

  it('orders a resubmission by the Created time in a view sorted newest first', () => {
    const r = run([text('airtable.csv', csv)]);
    expect(r.mapping.surveys[0]!.timestamp).toBe('Created');
    expect(tieSet(r)).toEqual(['r-row3>ps-11:need', 'r-row3>ps-15:need']);
    expect(r.quality.issues.find((i) => i.code === 'resubmitted-response')?.row).toBe(4);
  });

  it('leaves out an empty record (only its Created time), and says so', () => {
    const r = run([text('airtable.csv', csv)]);
    // It used to become a respondent of no type: an isolate that lowers density.
    expect(r.respondents.map((x) => x.row)).toEqual([3]);
    expect(r.quality.issues.find((i) => i.code === 'empty-response')).toMatchObject({ row: 2 });
    expect(r.quality.rows).toMatchObject({ read: 3, accepted: 1, rejected: 2 });
  });
});

describe('Gravity Forms', () => {
  it('keys respondents by the Entry Id and reads the Entry Date as the time', () => {
    const csv =
      '"Email","Which of these best describes you?","Who do you trust? (Helen Okafor)","Who do you trust? (Amira Haddad)","Entry Id","Entry Date"\n' +
      '"a@example.org","Resident","Helen Okafor","","101","2026-03-01 15:02:11"\n' +
      '"b@example.org","Volunteer","","Amira Haddad","102","2026-03-02 09:14:51"\n';
    const r = run([text('gravity.csv', csv)]);
    expect(r.mapping.surveys[0]).toMatchObject({ responseId: 'Entry Id', timestamp: 'Entry Date' });
    expect(tieSet(r)).toEqual(['r-101>ps-01:trust', 'r-102>ps-09:trust']);
  });
});

describe('GOV.UK Forms, English and Welsh', () => {
  const english =
    'Reference,Submitted at,What is your name?,What is your email address?,Which of these describes you?,Who do you go to in times of need?\n' +
    '7XK2M9PQ,2026-03-02T10:00:00+00:00,Sian Evans,sian.evans@example.com,Resident,Sgt David Jones\n' +
    'B9NV3CXA,2026-03-02T11:00:00+00:00,Tom,,Resident,None of the above - my neighbour Sue\n';
  const welsh =
    'Reference,Submitted at,Beth yw eich enw?,Beth yw eich cyfeiriad e-bost?,Pa un o’r rhain sy’n eich disgrifio chi?,At bwy ydych chi’n troi mewn cyfnod o angen?\n' +
    'L6ZX2VBN,2026-03-03T14:00:00+00:00,Dafydd Morgan,,Gwirfoddolwr,Karen Douglas\n' +
    'W1ER5TYH,2026-03-04T09:30:00+00:00,Sian Evans,Sian.Evans@example.com,Preswylydd,Sgt David Jones\n';

  it('reads the Welsh form’s respondent type, name and e-mail, and keys by the Reference', () => {
    const r = run([text('en.csv', english), text('cy.csv', welsh)]);
    expect(r.mapping.surveys[1]).toMatchObject({
      responseId: 'Reference',
      respondentType: 'Pa un o’r rhain sy’n eich disgrifio chi?',
      name: 'Beth yw eich enw?',
      email: 'Beth yw eich cyfeiriad e-bost?',
    });
    // "Gwirfoddolwr" was a resident ("no respondent type was given").
    expect(r.respondents.find((x) => x.key === 'r-L6ZX2VBN')?.type).toBe('volunteer');
  });

  it('reviews the text typed with "None of the above" without the choice', () => {
    const r = run([text('en.csv', english)]);
    expect(r.review.map((x) => x.text)).toEqual(['my neighbour Sue']);
  });

  it('names the file of each name in the matched-not-exact note when they come from both (trial M)', () => {
    const note = run([
      text('en.csv', english.replace(',Sgt David Jones\n', ',Dr Reid\n')),
      text('cy.csv', welsh.replace('Karen Douglas', 'Rhingyll David Jones')),
    ]).quality.issues.find((i) => i.code === 'matched-not-exact');
    // It was filed under en.csv and named "Rhingyll David Jones", written only in cy.csv.
    expect(note!.message).toContain('"Dr Reid" (en.csv) as Dr Thomas Reid');
    expect(note!.message).toContain('"Rhingyll David Jones" (cy.csv) as Sgt David Jones');
  });

  it('warns when the same e-mail answers in both files (one survey in two languages)', () => {
    const r = run([text('en.csv', english), text('cy.csv', welsh)]);
    // Both kept, as two surveys may rightly both be answered; the double count is said.
    expect(tieSet(r)).toContain('r-7XK2M9PQ>ps-08:need');
    expect(tieSet(r)).toContain('r-W1ER5TYH>ps-08:need');
    const note = r.quality.issues.find((i) => i.code === 'answered-twice');
    expect(note).toMatchObject({ file: 'cy.csv', row: 3 });
    expect(note!.message).toContain('en.csv (row 2)');
  });
});

describe('an Excel sheet with a total under the responses', () => {
  it('skips the "Total forms: 12" row, and says so', () => {
    const csv =
      'Ref;Date;Which best describes you?;Who do you go to in times of need?\n' +
      'P001;09/03/2026;Resident;Helen Okafor\n' +
      ';;;\n' +
      'Total forms: 1;;;\n';
    const r = run([text('forms.csv', csv)]);
    // It used to become respondent "Resident 2".
    expect(r.respondents).toHaveLength(1);
    expect(r.quality.issues.find((i) => i.code === 'summary-row')).toMatchObject({ row: 4 });
  });
});

describe('Typeform, two multi-select questions over the same people', () => {
  // Typeform heads a choice column with the choice alone, so the second question repeats the first
  // one's headers (uniqueHeaders reads them as "Helen Okafor (2)").
  const people = ['Helen Okafor', 'Dr Priya Patel', 'Amira Haddad'];
  const csv =
    [
      '#',
      'Which of these best describes you?',
      ...people,
      'Other',
      ...people,
      'Other',
      'Submit Date (UTC)',
    ].join(',') +
    '\n' +
    'k3j9,Resident,Helen Okafor,,,,Helen Okafor,,Amira Haddad,,2026-03-02 09:14:51\n' +
    'v7b8,Service user,,Dr Priya Patel,,,,,,Age UK Millbrook,2026-03-04 13:05:00\n';

  it('reads each block as a question with a tie type of its own, and each Other box with it', () => {
    const r = run([text('typeform.csv', csv)]);
    const questions = r.mapping.surveys[0]!.questions;
    expect(questions.map((q) => [q.kind, q.relation, q.columns[0]])).toEqual([
      ['choices', 'named', 'Helen Okafor'],
      ['choices', 'named-2', 'Helen Okafor (2)'],
      ['text', 'named', 'Other'],
      ['text', 'named-2', 'Other (2)'],
    ]);
    expect(questions[1]!.targets).toEqual(people);
    // The second block used to become a tie type per person ("helen-okafor-2"), and its Other box
    // ("Age UK Millbrook") was dropped unsaid.
    expect(tieSet(r)).toEqual([
      'r-k3j9>ps-01:named',
      'r-k3j9>ps-01:named-2',
      'r-k3j9>ps-09:named-2',
      'r-v7b8>ps-04:named',
      'r-v7b8>vg-03:named-2',
    ]);
  });
});

describe("a question's tie type set in the mapping step", () => {
  it('takes its Other box along, as the typed names answer the same question (trial M)', () => {
    const csv =
      'Helen Okafor,Amira Haddad,Other,Helen Okafor,Amira Haddad,Other\n' +
      'Helen Okafor,,,,Amira Haddad,Age UK Millbrook\n';
    const first = run([text('typeform.csv', csv)]);
    const mapping = structuredClone(first.mapping);
    const survey = mapping.surveys[0]!;
    setQuestionRelation(survey, 0, 'need');
    setQuestionRelation(survey, 1, 'trust');
    expect(survey.questions.map((q) => q.relation)).toEqual(['need', 'trust', 'need', 'trust']);
    // The Age UK nomination used to stay alone under "named-2".
    expect(tieSet(run([text('typeform.csv', csv)], { mapping }))).toEqual([
      'r-row2>ps-01:need',
      'r-row2>ps-09:trust',
      'r-row2>vg-03:trust',
    ]);
    // A box given a tie type of its own keeps it.
    survey.questions[3]!.relation = 'advice';
    setQuestionRelation(survey, 1, 'need');
    expect(survey.questions[3]!.relation).toBe('advice');
  });
});

describe('the note of names matched though not written as on the roster', () => {
  it('names each part of a joined answer matched not as written, and more of a long name', () => {
    const csv =
      'Timestamp,Which best describes you?,Who do you trust?\n' +
      '2026/03/02 10:01:00 AM GMT,Resident,Dr Reid and Dr Priya Patel\n' +
      '2026/03/02 10:02:00 AM GMT,Resident,Riverside Residents Association newsletter\n';
    const note = run([text('joined.csv', csv)]).quality.issues.find((i) => i.code === 'matched-not-exact');
    // It said "as Dr Priya Patel (…%)" alone, and cut names at 40 characters. "Dr Priya Patel" is
    // exact: only "Dr Reid" is listed, on its own, as a decision for it would overrule it.
    expect(note!.message).toContain('"Dr Reid" as Dr Thomas Reid (');
    expect(note!.message).not.toContain('"Dr Reid and Dr Priya Patel"');
    expect(note!.message).toContain(
      '"Riverside Residents Association newsletter" as Riverside Residents Association (',
    );
  });
});

describe('"and" inside brackets', () => {
  it('does not split a name: "youth club (Chloe and Dan)" stays whole', () => {
    const csv =
      'Timestamp,Which best describes you?,Who do you trust?\n' +
      '2026/03/02 10:01:00 AM GMT,Resident,youth club (Chloe and Dan) and Helen Okafor\n';
    const r = run([text('brackets.csv', csv)]);
    expect(tieSet(r)).toEqual(['r-row2>ps-01:trust']);
    // "Dan)" used to wait in review on its own.
    expect(r.review.map((x) => x.text)).toEqual(['youth club (Chloe and Dan)']);
  });
});

describe('a mapping of review decisions only (the app\'s "detect again")', () => {
  it('detects every file without a mapping-no-entry note, and applies the decisions', () => {
    const csv =
      'Timestamp,Which best describes you?,Who do you trust?\n' +
      '2026/03/02 10:01:00 AM GMT,Resident,Dr Patel\n';
    const r = run([text('survey.csv', csv)], {
      mapping: {
        version: 1,
        roster: null,
        surveys: [],
        decisions: [{ text: 'Dr Patel', action: 'choose', id: 'ps-04' }],
      },
    });
    expect(codes(r.quality)).not.toContain('mapping-no-entry');
    expect(tieSet(r)).toEqual(['r-row2>ps-04:trust']);
  });
});

describe('a respondent on the roster writing about someone like themselves (trial M)', () => {
  it('is never offered as their own match in review', () => {
    const csv =
      'Timestamp,Email Address,Which best describes you?,Who do you trust?\n' +
      "2026/03/02 10:01:00 AM GMT,gareth.lewis@volunteers.example.org,Volunteer,Gareth from the Men's Shed\n";
    const r = run([text('shed.csv', csv)]);
    expect(r.respondents[0]!.key).toBe('vol-07');
    // "Accept Gareth Lewis (74%)" was offered; accepting gave only a self-nomination warning.
    const item = r.review.find((x) => x.text === "Gareth from the Men's Shed");
    expect(item!.candidates.map((c) => c.id)).not.toContain('vol-07');
    // Written by someone else too, the suggestion stands for them.
    const two = run([
      text('shed.csv', csv + "2026/03/02 10:02:00 AM GMT,,Resident,Gareth from the Men's Shed\n"),
    ]);
    expect(two.review[0]!.candidates.map((c) => c.id)).toContain('vol-07');
  });
});

describe('"Mum" added as a new actor (trial M)', () => {
  it("is each respondent's own mum, not one person named by everyone", () => {
    const csv =
      'Timestamp,Which best describes you?,Who do you go to in times of need?\n' +
      '2026/03/02 10:01:00 AM GMT,Resident,Mum\n' +
      '2026/03/02 10:02:00 AM GMT,Resident,"my mum, Helen Okafor"\n' +
      '2026/03/02 10:03:00 AM GMT,Resident,Mum\n' +
      '2026/03/02 10:04:00 AM GMT,Resident,Millbrook Men’s Shed breakfast club\n';
    const mapping = {
      version: 1 as const,
      roster: null,
      surveys: [],
      decisions: [
        { text: 'Mum', action: 'new' as const, type: 'resident' as const },
        { text: 'my mum', action: 'new' as const, type: 'resident' as const },
        { text: 'Millbrook Men’s Shed breakfast club', action: 'new' as const, type: 'group' as const },
      ],
    };
    const r = run([text('family.csv', csv)], { mapping });
    const mums = r.actors.filter((a) => a.attrs.of);
    // One "Mum" of in-degree 3 used to stand for three people.
    expect(mums.map((a) => [a.attrs.of, a.type])).toEqual([
      ['r-row2', 'resident'],
      ['r-row3', 'resident'],
      ['r-row4', 'resident'],
    ]);
    const targets = r.ties.map((t) => t.target);
    expect(new Set(targets.filter((t) => mums.some((m) => m.id === t))).size).toBe(3);
    // A group added from review stays one actor.
    expect(r.actors.filter((a) => a.label === 'Millbrook Men’s Shed breakfast club')).toHaveLength(1);
    expect(r.actors.filter((a) => a.attrs.named === 'true' && !a.attrs.of)).toHaveLength(1);
  });
});

describe('respondents who named no one (trial M)', () => {
  it('are kept, and a note per file says how many and where', () => {
    const csv =
      'Timestamp,Which best describes you?,Who do you trust?\n' +
      '2026/03/02 10:01:00 AM GMT,Resident,Helen Okafor\n' +
      '2026/03/02 10:02:00 AM GMT,Volunteer,\n' +
      '2026/03/02 10:03:00 AM GMT,Resident,none\n';
    const r = run([text('survey.csv', csv)]);
    expect(r.respondents).toHaveLength(3);
    const note = r.quality.issues.find((i) => i.code === 'named-no-one');
    expect(note).toMatchObject({ file: 'survey.csv', row: 3, severity: 'info' });
    expect(note!.message).toContain('2 respondents named no one in any name question (rows 3, 4)');
  });
});

describe('paper questionnaires typed into a sheet by a volunteer (trial N)', () => {
  it('reads "You are a" as the respondent type and "Name (optional)" as the name, and skips "TOTAL, 17 forms"', () => {
    const csv =
      'Name (optional),You are a,Q1 Who do you go to when you need help?\r\n' +
      ',Resident,Helen Okafor\r\n' +
      'Nadia Walsh,Volunteer,Helen Okafor\r\n' +
      ',Community group,Amira Haddad\r\n' +
      ',,\r\n' +
      'TOTAL,17 forms,\r\n';
    const r = run([text('paper.csv', csv)]);
    expect(r.mapping.surveys[0]).toMatchObject({ respondentType: 'You are a', name: 'Name (optional)' });
    // Every paper respondent was a resident, Nadia was not linked, and the total was a respondent.
    expect(r.respondents.map((x) => [x.key, x.type])).toEqual([
      ['r-row2', 'resident'],
      ['vol-03', 'volunteer'],
      ['r-row4', 'group'],
    ]);
    expect(r.quality.issues.find((i) => i.code === 'summary-row')).toMatchObject({ row: 6 });
  });
});

describe('respondent types read by their words (trial N)', () => {
  it('are listed in a note, unless the answer names the type', () => {
    const csv =
      'Timestamp,Which best describes you?,Who do you trust?\n' +
      '2026/03/02 10:01:00 AM GMT,Parent,Helen Okafor\n' +
      '2026/03/02 10:02:00 AM GMT,Local business,Helen Okafor\n' +
      '2026/03/02 10:03:00 AM GMT,Community group,Helen Okafor\n' +
      '2026/03/02 10:04:00 AM GMT,Parent,Helen Okafor\n';
    const r = run([text('types.csv', csv)]);
    expect(r.respondents.map((x) => x.type)).toEqual(['service-user', 'other', 'group', 'service-user']);
    // "Parent" became a service user without a word.
    const note = r.quality.issues.find((i) => i.code === 'respondent-types-read');
    expect(note).toMatchObject({ file: 'types.csv', column: 'Which best describes you?', severity: 'info' });
    expect(note!.message).toContain('"Parent": service user, "Local business": no listed type (other).');
  });
});
