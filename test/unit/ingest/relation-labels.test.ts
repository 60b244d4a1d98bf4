// Tie-type labels worded as sentences, as Google Forms checkbox grids tick them ("I go to them in
// times of need"): read as need, trust or info like a question's wording, not as new tie types.
import { describe, expect, it } from 'vitest';
import { relationOfLabel } from '../../../src/core/ingest/relations';
import { run, text, tieSet } from './helpers';

describe('relationOfLabel on sentence-like labels', () => {
  it.each([
    ['I go to them in times of need', 'need'],
    ['I would go to them for help', 'need'],
    ['Go to for advice', 'need'], // as detectRelation reads "Who do you go to for advice?"
    ['Someone I trust', 'trust'],
    ['I trust them', 'trust'],
    ['Trust them', 'trust'],
    ['I get information from them', 'info'],
    ['They keep me informed', 'info'],
  ])('"%s" → %s', (label, relation) => {
    expect(relationOfLabel(label)).toBe(relation);
  });

  it.each([
    'I do not trust them',
    "I don't trust them",
    'I don’t go to them for help',
    'I would never go to them in times of need',
    "They don't keep me informed",
    'Not trusted',
  ])('"%s" denies the tie: no tie, not a tie type', (label) => {
    expect(relationOfLabel(label)).toBeNull();
  });

  it('still names labels it cannot read by themselves', () => {
    expect(relationOfLabel('We work together')).toBe('we-work-together');
    expect(relationOfLabel('Advice')).toBe('advice');
    expect(relationOfLabel('Family support')).toBe('family-support'); // a short name, kept
  });
});

describe('a Google Forms checkbox grid of sentence labels', () => {
  const q = 'For each person, tick how you know them';
  const csv = [
    `Timestamp,Name,Which best describes you?,"${q} [Dr Priya Patel]","${q} [Helen Okafor]","${q} [Millbrook Food Bank]"`,
    '2026/03/02 10:15:32 AM GMT,Yvonne Ahmed,Volunteer,"I go to them in times of need, I trust them",,I get information from them',
    '2026/03/02 11:01:09 AM GMT,Ben Wright,Volunteer,,"I go to them in times of need, I trust them, I get information from them",I do not trust them',
    '2026/03/03 03:30:00 PM GMT,Karen Douglas,Public servant,I get information from them,We work together,',
  ].join('\n');
  const r = run([text('google-forms-grid.csv', csv)]);

  it('fills the need, trust and info layers; denials make no tie; other labels keep their names', () => {
    expect(tieSet(r)).toEqual([
      'ps-12>ps-01:we-work-together',
      'ps-12>ps-04:info',
      'vol-01>ps-04:need',
      'vol-01>ps-04:trust',
      'vol-01>vg-01:info',
      'vol-08>ps-01:info',
      'vol-08>ps-01:need',
      'vol-08>ps-01:trust',
    ]);
  });

  it('notes a label read as a tie type of its own, once, where it is first ticked', () => {
    const notes = r.quality.issues.filter((i) => i.code === 'relation-from-label');
    expect(notes.map((i) => [i.row, i.column, i.severity])).toEqual([[4, `${q} [Helen Okafor]`, 'info']]);
    expect(notes[0]!.message).toContain('"We work together"');
    expect(notes[0]!.message).toContain('"we-work-together"');
  });
});
