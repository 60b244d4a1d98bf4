// Defects found by trial P (exports from tools and locales not tried before), each pinned here.
import { describe, expect, it } from 'vitest';
import { exportNode } from '../../../src/core/export/privacy';
import { codes, run, text } from './helpers';

describe('respondents off the roster (trial P)', () => {
  it('keeps a public servant off the roster in the public sector, unscored, and says so', () => {
    const r = run([
      text(
        'ps.csv',
        'Timestamp,Which of these best describes you?,Who do you trust?\n' +
          '02/03/2026 10:00:00,Public servant,Helen Okafor\n' +
          '02/03/2026 11:00:00,Resident,Helen Okafor\n',
      ),
    ]);
    const servant = r.actors.find((a) => a.id === 'r-row2')!;
    // Not "public-servant": that type is scored, and a scorecard needs a roster entry.
    expect(servant).toMatchObject({ type: 'other', sector: 'public', onRoster: false });
    expect(r.actors.find((a) => a.id === 'r-row3')).toMatchObject({ type: 'resident', sector: 'community' });
    const note = r.quality.issues.find((i) => i.code === 'public-servant-off-roster')!;
    expect(note).toMatchObject({ severity: 'info', file: 'ps.csv', row: 2 });
    expect(note.message).toMatch(
      /^1 respondent says they are a public servant but is not on the roster \(row 2\): .*public sector/,
    );
  });

  it('keeps the name a respondent gave, shown only when names are asked for', () => {
    const r = run([
      text(
        'ms.csv',
        'ID,Start time,Completion time,Email,Name,Which best describes you?,Who do you trust?\n' +
          '1,27/11/2026 13:00:00,27/11/2026 13:05:00,anonymous,anonymous,Resident,Helen Okafor\n' +
          '2,27/11/2026 13:10:00,27/11/2026 13:15:00,jo@example.org,Jo Bloggs,Resident,Helen Okafor\n',
      ),
    ]);
    const [anonymous, jo] = ['r-1', 'r-2'].map((id) => r.actors.find((a) => a.id === id)!);
    expect(anonymous!.attrs.name).toBeUndefined();
    expect(jo!.attrs.name).toBe('Jo Bloggs');
    expect(exportNode(jo!, true).label).toBe('Jo Bloggs');
    const hidden = exportNode(jo!, false);
    expect(hidden.label).toBe('Resident 2');
    expect(JSON.stringify(hidden)).not.toContain('Bloggs');
    expect(codes(r.quality)).not.toContain('public-servant-off-roster');
  });
});

describe('answers that name no one, in the languages of exports met (trial P)', () => {
  it('reads "Aucun", "Neb", "Niemand" and "Nadie" as no one, not names to review', () => {
    const r = run([
      text(
        'fr.csv',
        'Horodateur,Who do you trust?\n' +
          '27/11/2026 13:22:05,Aucun\n' +
          '27/11/2026 13:23:05,Neb\n' +
          '27/11/2026 13:24:05,"Niemand, Helen Okafor"\n' +
          '27/11/2026 13:25:05,Nadie\n' +
          '27/11/2026 13:26:05,Personne\n',
      ),
    ]);
    expect(r.review).toEqual([]);
    expect(r.ties.map((t) => t.target)).toEqual(['ps-01']);
  });
});

describe('a respondent who ticks themselves in a grid (trial P)', () => {
  it('is warned once per column, not once per tie type ticked', () => {
    const q = 'For each person or group, tick every statement that applies to you';
    const r = run([
      text(
        'grid.csv',
        `Timestamp,Email Address,"${q} [Karen Douglas]","${q} [Helen Okafor]"\n` +
          '02/11/2026 09:00:00,karen.douglas@millbrook.gov.uk,"I go to them in times of need, I trust them","I trust them"\n',
      ),
    ]);
    expect(r.ties.map((t) => `${t.source}>${t.target}:${t.relation}`)).toEqual(['ps-12>ps-01:trust']);
    const warned = r.quality.issues.filter((i) => i.code === 'self-nomination');
    expect(warned.map((i) => [i.row, i.column])).toEqual([[2, `${q} [Karen Douglas]`]]);
  });
});

describe('a Snap export with answer labels under bare question codes (trial P)', () => {
  // Q5, the respondent's own e-mail: one volunteer answered twice, so it is not the e-mail column
  // by its answers (nearly all different), and stays unread.
  const snap =
    'RespID,DateStarted,DateCompleted,Status,Q1,Q2,Q5\n' +
    '1,02/11/2026 09:58,02/11/2026 10:04,Completed,Resident,Helen Okafor,\n' +
    '2,02/11/2026 11:10,02/11/2026 11:15,Completed,Volunteer,Karen Douglas,yvonne.ahmed@volunteers.example.org\n' +
    '3,02/11/2026 12:00,02/11/2026 12:05,Completed,Community group,Amira Haddad,\n' +
    '4,02/11/2026 12:10,02/11/2026 12:15,Completed,Service user,Helen Okafor,nadia.obi@volunteers.example.org\n' +
    '5,02/11/2026 12:20,02/11/2026 12:25,Completed,Volunteer,Karen Douglas,yvonne.ahmed@volunteers.example.org\n';

  it('reads the column whose answers are respondent types as the type, and says so', () => {
    const r = run([text('snap.csv', snap)]);
    expect(r.mapping.surveys[0]!.respondentType).toBe('Q1');
    expect(r.respondents.map((x) => x.type)).toEqual([
      'resident',
      'volunteer',
      'group',
      'service-user',
      'volunteer',
    ]);
    expect(r.quality.issues.find((i) => i.code === 'respondent-type-by-answers')).toMatchObject({
      column: 'Q1',
      severity: 'info',
    });
    expect(codes(r.quality)).not.toContain('respondent-type-default');
  });

  it("says that roster e-mails in an unread column may be the respondent's own", () => {
    const warned = run([text('snap.csv', snap)]).quality.issues.find((i) => i.code === 'unread-name-column')!;
    expect(warned.column).toBe('Q5');
    expect(warned.message).toMatch(
      /e-mail addresses of people on the roster .*choose it as the e-mail column/,
    );
  });
});

describe('trial Q: quality messages', () => {
  it("asks no tie type for a question about the respondent's own organisation, named on the roster", () => {
    const rows = ['Timestamp,What is your organisation?,Who do you trust?'];
    for (let i = 0; i < 6; i++) rows.push(`02/03/2026 10:0${i}:00,Millbrook Food Bank,Helen Okafor`);
    const r = run([text('cs.csv', rows.join('\n'))]);
    expect(codes(r.quality)).not.toContain('unread-name-column');
  });

  it('shows a test e-mail only to its "@" (quality.json leaves the machine; the domain may be personal)', () => {
    const r = run([
      text(
        't.csv',
        'Timestamp,Email Address,Who do you trust?\n02/03/2026 10:00:00,TEST@jo-bloggs-family.fr,Helen Okafor\n',
      ),
    ]);
    const warned = r.quality.issues.find((i) => i.code === 'possible-test')!;
    expect(warned.message).toContain('e-mail "TEST@..."');
    expect(JSON.stringify(r.quality.issues)).not.toContain('bloggs');
  });
});
