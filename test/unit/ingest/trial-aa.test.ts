// Exports from tools and locales met for the first time in trial AA: Wufoo's checkbox columns,
// Microsoft Forms in French, German and Spanish, Jotform's choices joined by lines, and a Google
// Sheets copy of a form's responses that an evaluator edited.
import { describe, expect, it } from 'vitest';
import { codes, run, text, tieSet } from './helpers';

describe('Wufoo: a checkbox exported one column per choice, with no question over them', () => {
  // Two choices the roster does not know sit among the people it does.
  const wufoo = text(
    'wufoo.csv',
    [
      'Entry Id,Email,Helen Okafor,Amira Haddad,Citizens Advice Millbrook,Cllr Sarah Bevan,Karen Douglas,Date Created',
      '1,a@example.org,Helen Okafor,,Citizens Advice Millbrook,,,2026-03-02 09:14:00',
      '2,b@example.org,,Amira Haddad,,Cllr Sarah Bevan,Karen Douglas,2026-03-02 10:06:00',
      '3,c@example.org,,,Citizens Advice Millbrook,Cllr Sarah Bevan,,2026-03-02 11:00:00',
    ].join('\n'),
  );

  it('reads the choices the roster does not know as the same question, and sends them to review', () => {
    const r = run([wufoo]);
    const question = r.mapping.surveys[0]!.questions;
    expect(question).toHaveLength(1);
    expect(question[0]!.columns).toEqual([
      'Helen Okafor',
      'Amira Haddad',
      'Citizens Advice Millbrook',
      'Cllr Sarah Bevan',
      'Karen Douglas',
    ]);
    // Before: the two were only "columns not read", their four ticks lost, and Karen Douglas,
    // after them, a question of her own.
    expect(r.review.map((item) => [item.text, item.count]).sort()).toEqual([
      ['Citizens Advice Millbrook', 2],
      ['Cllr Sarah Bevan', 2],
    ]);
    expect(tieSet(r)).toHaveLength(3);
  });

  it('needs two people the roster knows: a lone column repeating its header is not a question', () => {
    const r = run([
      text(
        'consent.csv',
        ['Entry Id,I agree,Who do you trust?', '1,I agree,Helen Okafor', '2,I agree,Amira Haddad'].join('\n'),
      ),
    ]);
    expect(r.mapping.surveys[0]!.questions.map((q) => q.columns)).toEqual([['Who do you trust?']]);
  });
});

describe('Microsoft Forms in other languages', () => {
  it.each([
    ['French', 'ID,Heure de début,Heure de fin,Adresse de messagerie,Nom', 'anonyme'],
    ['German', 'ID,Startzeit,Fertigstellungszeit,E-Mail,Name', 'anonym'],
    ['Spanish', 'Id,Hora de inicio,Hora de finalización,Correo electrónico,Nombre', 'anónimo'],
  ])('in %s: its columns, "anonymous" and its completion time', (_language, meta, anonymous) => {
    const r = run([
      text(
        'forms.csv',
        [
          `${meta},Who do you trust?`,
          `1,02/03/2026 09:10:00,02/03/2026 09:14:00,${anonymous},${anonymous},Helen Okafor;`,
          `2,02/03/2026 10:00:00,02/03/2026 10:06:00,yvonne@example.org,Yvonne Ahmed,Amira Haddad;`,
          // Sorted by name since: the same respondent's later answer is on the row above.
          `7,03/03/2026 10:00:00,03/03/2026 10:06:00,bob@example.org,Bob,Karen Douglas;`,
          `3,02/03/2026 11:00:00,02/03/2026 11:03:00,bob@example.org,Bob,Liam Byrne;`,
        ].join('\n'),
      ),
    ]);
    const mapping = r.mapping.surveys[0]!;
    expect(mapping.format).toBe('microsoft-forms');
    expect([mapping.email, mapping.name]).toEqual(meta.split(',').slice(3));
    expect(mapping.timestamp).toBe(meta.split(',')[2]);
    // "anonyme" is no e-mail (before: an invalid-email warning per row).
    expect(codes(r.quality)).not.toContain('invalid-email');
    // Bob's later answer (Karen Douglas) is kept, by its time.
    expect(tieSet(r).filter((t) => t.endsWith('ps-10:trust'))).toEqual([]);
    expect(tieSet(r).filter((t) => t.includes('>ps-12:'))).toHaveLength(1);
  });

  it('reads French "Autre :" as the Other choice, as "Other:"', () => {
    const r = run([
      text(
        'forms.csv',
        ['ID,Heure de début,Heure de fin,En qui avez-vous confiance ?', '1,,,Autre : ma voisine Sue;'].join(
          '\n',
        ),
      ),
    ]);
    expect(r.review.map((item) => item.text)).toEqual(['ma voisine Sue']);
  });
});

describe('a resubmission with no time that could be read', () => {
  it('keeps the response with the higher number, as tools number responses as they arrive', () => {
    const r = run([
      text(
        'sorted.csv',
        [
          'Submission ID,E-mail,Who do you trust?',
          '6123456789012345679,bob@example.org,Karen Douglas',
          '6123456789012345671,bob@example.org,Liam Byrne',
        ].join('\n'),
      ),
    ]);
    // Before: the lower row (the earlier answer) was kept, with a warning to check it.
    expect(tieSet(r).map((t) => t.split('>')[1])).toEqual(['ps-12:trust']);
    const note = r.quality.issues.find((i) => i.code === 'resubmitted-response')!;
    expect(note.message).toContain('higher number (6123456789012345679)');
  });
});

describe('Jotform: ticked choices joined by line breaks', () => {
  const jotform = (cells: string[]) =>
    text(
      'jotform.csv',
      [
        'Submission Date,E-mail,Who do you trust?',
        ...cells.map((c, i) => `2026-03-02 09:1${i}:00,r${i}@example.org,"${c}"`),
      ].join('\n'),
    );

  it('keeps a choice holding ", " whole when it recurs, naming a person or a group', () => {
    const r = run([
      jotform([
        'Okafor, Helen (Headteacher)\nMillbrook Food Bank',
        'Okafor, Helen (Headteacher)',
        'Citizens Advice, Millbrook\nAmira Haddad',
        'Citizens Advice, Millbrook',
      ]),
    ]);
    expect(r.mapping.surveys[0]!.questions[0]!.joinedChoices?.sort()).toEqual([
      'Citizens Advice, Millbrook',
      'Okafor, Helen (Headteacher)',
    ]);
    // Before: "Okafor" and "Citizens Advice" / "Millbrook" went to review as names of their own.
    expect(r.review.map((item) => item.text)).toEqual(['Citizens Advice, Millbrook']);
    expect(tieSet(r).filter((t) => t.includes('>ps-01:'))).toHaveLength(2);
  });

  it('splits a typed line naming two people, and a line written once', () => {
    const r = run([jotform(['Helen Okafor, Amira Haddad\nKaren Douglas', 'Helen Okafor, Amira Haddad'])]);
    expect(r.mapping.surveys[0]!.questions[0]!.joinedChoices).toBeUndefined();
    expect(tieSet(r)).toHaveLength(5);
  });
});

describe('a Google Sheets copy of the responses, edited by the evaluator', () => {
  const sheet = text(
    'sheet.csv',
    [
      'Date,Email Address,Who do you trust?,Follow-up needed?',
      '02/03/2026 09:14:00,bob@example.org,Karen Douglas,No',
      '02/03/2026 10:06:00,amy@example.org,Liam Byrne,Yes',
      '01/03/2026 10:06:00,bob@example.org,Amira Haddad,No',
    ].join('\n'),
  );

  it('reads no name question from a column answered Yes or No, though its wording says "needed"', () => {
    const r = run([sheet]);
    expect(r.mapping.surveys[0]!.questions.map((q) => q.label)).toEqual(['Who do you trust?']);
    expect(r.review).toEqual([]);
  });

  it('reads a first column renamed "Date" that holds dates as the time, so the later answer is kept', () => {
    const r = run([sheet]);
    expect(r.mapping.surveys[0]!.timestamp).toBe('Date');
    expect(tieSet(r).filter((t) => t.includes('ps-09'))).toEqual([]);
    expect(tieSet(r)).toHaveLength(2);
  });
});

describe('Citizen Space: a group answering for itself', () => {
  const export_ = text(
    'citizen-space.csv',
    [
      'Response ID,Submitted on,Are you responding as an individual or on behalf of an organisation?,What is your name?,What is the name of your organisation?,Who do you trust?',
      'ANON-1,2026-03-02 10:06:00,Organisation,Yasmin Akhtar,Millbrook Food Bank,"Millbrook Food Bank; Helen Okafor"',
      'ANON-2,2026-03-02 11:06:00,Individual,Sam,Millbrook Food Bank,Millbrook Food Bank',
      'ANON-3,2026-03-02 12:06:00,Organisation,,A group not on the roster,Helen Okafor',
    ].join('\n'),
  );

  it('is linked to the group on the roster by the organisation it names, and does not name itself', () => {
    const r = run([export_]);
    expect(r.mapping.surveys[0]!.organisation).toBe('What is the name of your organisation?');
    // Before: "Group 1" naming vg-01, the food bank's own tie to itself, with no note.
    expect(tieSet(r)).toEqual(['r-ANON-2>vg-01:trust', 'r-ANON-3>ps-01:trust', 'vg-01>ps-01:trust']);
    expect(codes(r.quality)).toContain('self-nomination');
    // An individual naming the group they are with is not the group.
    expect(r.respondents.find((x) => x.responseId === 'ANON-2')?.onRoster).toBe(false);
  });
});

describe('a mapping.json whose question was given a tie type by hand', () => {
  // Typeform: one column per choice, then the "Other" box; the question carries no wording.
  const typeform = text(
    'typeform.csv',
    [
      '#,Helen Okafor,Amira Haddad,Karen Douglas,Other,Submit Date (UTC)',
      'a1,Helen Okafor,,,,2026-03-02 10:00:00',
      'a2,,Amira Haddad,Karen Douglas,Liam Byrne,2026-03-02 11:00:00',
      'a3,Helen Okafor,Amira Haddad,,,2026-03-02 12:00:00',
    ].join('\n'),
  );

  it('reads its "Other" box, left on the shared placeholder, as that tie type too', () => {
    const detected = run([typeform]).mapping;
    const questions = detected.surveys[0]!.questions;
    expect(questions.map((q) => q.relation)).toEqual(['named', 'named']);
    const edited = structuredClone(detected);
    edited.surveys[0]!.questions[0]!.relation = 'need';
    const r = run([typeform], { mapping: edited });
    // Before: Liam Byrne, typed in the Other box, stayed "named" beside the need ties.
    expect(tieSet(r)).toContain('r-a2>ps-10:need');
    expect(tieSet(r).filter((t) => t.endsWith(':named'))).toEqual([]);
    expect(codes(r.quality)).toContain('other-follows-question');
  });

  it('keeps a tie type given to the box itself', () => {
    const edited = structuredClone(run([typeform]).mapping);
    edited.surveys[0]!.questions[0]!.relation = 'need';
    edited.surveys[0]!.questions[1]!.relation = 'trust';
    expect(tieSet(run([typeform], { mapping: edited }))).toContain('r-a2>ps-10:trust');
  });
});
