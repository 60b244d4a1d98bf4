// Screening messages say what was done and why: a resubmission with no time to compare says the
// lower row was kept (not "the later one"), and bad cells are reported under the file's own
// column names, as the user will look for them.
import { describe, expect, it } from 'vitest';
import { codes, run, text, tieSet } from './helpers';

describe('screening responses', () => {
  it('keeps the lower row of a resubmission with no time, and says so rather than "the later one"', () => {
    const r = run([
      text(
        'formstack.csv',
        'Your email,Which best describes you?,Who do you trust?\n' +
          'jo@example.org,Resident,Helen Okafor\n' +
          'sam@example.org,Resident,Amira Haddad\n' +
          'JO@example.org,Resident,Dr Priya Patel\n',
      ),
    ]);
    const resubmitted = r.quality.issues.filter((i) => i.code === 'resubmitted-response');
    expect(resubmitted).toMatchObject([{ row: 2, file: 'formstack.csv' }]);
    expect(resubmitted[0]!.message).toContain('no time');
    expect(resubmitted[0]!.message).toContain('row 4');
    expect(resubmitted[0]!.message).not.toContain('replaced by the later one');
    expect(r.respondents.map((p) => p.row)).toEqual([3, 4]);
  });

  it('keeps the later answer by time when both have one, whatever the row order', () => {
    const r = run([
      text(
        'newest-first.csv',
        'Timestamp,Email Address,Who do you trust?\n' +
          '2026/03/03 10:00:00 AM GMT,jo@example.org,Dr Priya Patel\n' +
          '2026/03/02 10:00:00 AM GMT,jo@example.org,Helen Okafor\n',
      ),
    ]);
    const resubmitted = r.quality.issues.filter((i) => i.code === 'resubmitted-response');
    expect(resubmitted).toMatchObject([{ row: 3 }]);
    expect(resubmitted[0]!.message).toContain('replaced by the later one');
    expect(r.respondents.map((p) => p.row)).toEqual([2]);
  });

  it("names the file's own e-mail and time columns when their cells are not valid", () => {
    const r = run([
      text(
        'google.csv',
        'Timestamp,Email Address,Who do you trust?\n' +
          'yesterday,not an address,Helen Okafor\n' +
          '2026/03/02 10:00:00 AM GMT,sam@example.org,Amira Haddad\n',
      ),
    ]);
    expect(r.quality.issues.find((i) => i.code === 'invalid-email')).toMatchObject({
      row: 2,
      column: 'Email Address',
    });
    expect(r.quality.issues.find((i) => i.code === 'invalid-date')).toMatchObject({
      row: 2,
      column: 'Timestamp',
    });
  });

  it('says when a roster person answered in two files, whose ties then add up', () => {
    const survey = (name: string, trusted: string) =>
      text(
        name,
        `Email Address,Which best describes you?,Who do you trust?\nhelen.okafor@millbrook.gov.uk,Public servant,${trusted}\n`,
      );
    const r = run([survey('online.csv', 'Amira Haddad'), survey('paper.csv', 'Amira Haddad')]);
    expect(tieSet(r)).toEqual(['ps-01>ps-09:trust', 'ps-01>ps-09:trust']);
    const twice = r.quality.issues.filter((i) => i.code === 'answered-twice');
    expect(twice).toMatchObject([{ file: 'paper.csv', row: 2 }]);
    expect(twice[0]!.message).toContain('Helen Okafor (ps-01) also answered in online.csv (row 2)');
  });

  it('flags a response that looks like a test of the form, and keeps it', () => {
    const r = run([
      text(
        'msforms.csv',
        'ID,Start time,Completion time,Email,Name,Who do you trust?\n' +
          '1,3/2/26 10:00:00,3/2/26 10:01:00,anonymous,Test,Helen Okafor;\n' +
          '2,3/2/26 11:00:00,3/2/26 11:01:00,test2@millbrook.gov.uk,,Amira Haddad;\n' +
          '3,3/2/26 12:00:00,3/2/26 12:01:00,tess.testa@example.org,Tess Testa,Amira Haddad;\n',
      ),
    ]);
    expect(r.quality.issues.filter((i) => i.code === 'possible-test').map((i) => i.row)).toEqual([2, 3]);
    expect(r.respondents).toHaveLength(3);
  });

  it('lists the names accepted by close spelling, which a decision can overrule', () => {
    const survey = text(
      'typos.csv',
      'Response ID,Respondent type,Who do you trust?\nT1,Resident,Hellen Okafour\nT2,Resident,Amira Haddad\nT3,Resident,Hellen Okafour\n',
    );
    const r = run([survey]);
    expect(tieSet(r)).toEqual(['r-T1>ps-01:trust', 'r-T2>ps-09:trust', 'r-T3>ps-01:trust']);
    const note = r.quality.issues.find((i) => i.code === 'matched-not-exact')!;
    expect(note).toMatchObject({ severity: 'info', file: 'typos.csv' });
    expect(note.message).toMatch(/^1 name was matched .*"Hellen Okafour" as Helen Okafor \(\d+%\)/);
    const mapping = structuredClone(r.mapping);
    mapping.decisions.push({ text: 'Hellen Okafour', action: 'ignore' });
    const decided = run([survey], { mapping });
    expect(tieSet(decided)).toEqual(['r-T2>ps-09:trust']);
    expect(codes(decided.quality)).not.toContain('matched-not-exact');
  });

  it('lists each name accepted by close spelling for the app, counted, and drops it once decided', () => {
    const survey = text(
      'typos.csv',
      'Response ID,Respondent type,Who do you trust?,Who do you go to in times of need?\n' +
        'T1,Resident,Hellen Okafour,Amira Hadad\n' +
        'T2,Resident,Amira Haddad,hellen okafour\n' +
        'T3,Resident,Hellen Okafour,"Dr Reid and Dr Priya Patell"\n',
    );
    const r = run([survey]);
    // One item per name as written (any case), with who it was taken as; not the exact "Amira
    // Haddad". Of a joined answer, each part on its own, which a decision for it overrules.
    expect(r.autoMatched.map((i) => [i.text, i.count, i.matched?.id, i.file, i.row])).toEqual([
      ['Hellen Okafour', 3, 'ps-01', 'typos.csv', 2],
      ['Amira Hadad', 1, 'ps-09', 'typos.csv', 2],
      ['Dr Priya Patell', 1, 'ps-04', 'typos.csv', 4],
      ['Dr Reid', 1, 'ps-05', 'typos.csv', 4],
    ]);
    // quality.json lists the same, for the command line's users.
    expect(r.quality.report().matched!.map((m) => [m.text, m.count, m.id, m.name])).toEqual([
      ['Hellen Okafour', 3, 'ps-01', 'Helen Okafor'],
      ['Amira Hadad', 1, 'ps-09', 'Amira Haddad'],
      ['Dr Priya Patell', 1, 'ps-04', 'Dr Priya Patel'],
      ['Dr Reid', 1, 'ps-05', 'Dr Thomas Reid'],
    ]);
    // The note counts the same names.
    expect(r.quality.issues.find((i) => i.code === 'matched-not-exact')!.message).toMatch(/^4 names were/);
    expect(r.autoMatched[0]!.matched!.confidence).toBeGreaterThan(0.7);
    expect(r.autoMatched[0]!.matched!.confidence).toBeLessThan(1);
    expect(r.review).toEqual([]);
    const mapping = structuredClone(r.mapping);
    mapping.decisions.push({ text: 'Amira Hadad', action: 'choose', id: 'ps-10' });
    // A part of a joined answer is overruled by a decision for the part.
    mapping.decisions.push({ text: 'Dr Reid', action: 'choose', id: 'ps-07' });
    const decided = run([survey], { mapping });
    expect(decided.autoMatched.map((i) => i.text)).toEqual(['Hellen Okafour', 'Dr Priya Patell']);
    expect(tieSet(decided)).toContain('r-T1>ps-10:need');
    expect(tieSet(decided)).toContain('r-T3>ps-07:need');
    expect(tieSet(decided)).not.toContain('r-T3>ps-05:need');
  });

  it('reads dates in the order the time column\'s header gives ("Timestamp (mm/dd/yyyy)")', () => {
    const rows = (header: string) =>
      text(
        'questionpro.csv',
        `${header},Email,Who do you trust?\n` +
          '02/03/2026 10:00,a@example.org,Helen Okafor\n' +
          '01/04/2026 10:00,b@example.org,Amira Haddad\n' +
          '03/02/2026 10:00,a@example.org,Dr Priya Patel\n',
      );
    // Said month first: a's 2 March answer (row 4) is later than 3 February's (row 2).
    const said = run([rows('Timestamp (mm/dd/yyyy)')]);
    expect(said.respondents.map((p) => p.row)).toEqual([3, 4]);
    expect(codes(said.quality)).not.toContain('date-order');
    // Unsaid, nothing settles it and the UK's day-first order keeps row 2 (2 March), with a note.
    const unsaid = run([rows('Timestamp')]);
    expect(unsaid.respondents.map((p) => p.row)).toEqual([2, 3]);
    expect(codes(unsaid.quality)).toContain('date-order');
  });
});

describe('lists over several lines', () => {
  it('drops the joining word that starts a line or follows a comma', () => {
    const r = run([
      text(
        'lines.csv',
        'Response ID,Who do you trust?\nL1,"Helen Okafor\nand Zebedee Quint"\nL2,"Amira Haddad, and Sue Grey"\n',
      ),
    ]);
    expect(tieSet(r)).toEqual(['r-L1>ps-01:trust', 'r-L2>ps-09:trust']);
    expect(r.review.map((x) => x.text).sort()).toEqual(['Sue Grey', 'Zebedee Quint']);
  });
});

describe('a tie type given to two different questions', () => {
  it('is said when two files ask different things under one unrecognised tie type', () => {
    const file = (name: string, question: string) =>
      text(name, `Response ID,${question}\n${name[0]}1,Helen Okafor\n`);
    const r = run([file('a.csv', 'Who do you play football with?'), file('b.csv', 'Who do you sing with?')]);
    const shared = r.quality.issues.filter((i) => i.code === 'tie-type-shared');
    expect(shared).toMatchObject([{ file: 'b.csv', column: 'Who do you sing with?' }]);
    expect(shared[0]!.message).toContain('"Who do you play football with?" in a.csv');
    // The same question in both files (two collectors of one survey) is one tie type, as meant.
    const same = run([file('a.csv', 'Who do you sing with?'), file('b.csv', 'Who do you sing with?')]);
    expect(codes(same.quality)).not.toContain('tie-type-shared');
  });
});
