// A respondent often describes a public servant by role and place instead of naming them ("the
// librarian", "the headteacher at Riverside"). Such a text is never accepted on its own (they may
// mean someone not on the roster), but the people it fits are suggested in review, best first.
import { describe, expect, it } from 'vitest';
import { AUTO_ACCEPT } from '../../../src/core/ingest/matcher';
import { run, text } from './helpers';

function reviewOf(...answers: string[]) {
  const csv =
    'Response ID,Respondent type,Who do you go to in times of need?\n' +
    answers.map((a, i) => `D${i + 1},Resident,"${a}"`).join('\n') +
    '\n';
  const r = run([text('described.csv', csv)]);
  return { r, item: (t: string) => r.review.find((x) => x.text === t) };
}

describe('people described by their role', () => {
  it('suggests the one person whose role and service fit, and accepts no one', () => {
    const { r, item } = reviewOf('the housing officer', 'the headteacher at Riverside', 'the librarian');
    expect(r.ties).toEqual([]);
    expect(item('the housing officer')!.candidates.map((c) => c.id)).toEqual(['ps-14']);
    // Helen Okafor is Riverside's headteacher; its deputy fits less, Hillside's head not at all.
    const head = item('the headteacher at Riverside')!.candidates.map((c) => c.id);
    expect(head[0]).toBe('ps-01');
    expect(head).toContain('ps-02');
    expect(head).not.toContain('ps-03');
    // The librarian before the library assistant, whose role only implies the word.
    expect(item('the librarian')!.candidates.map((c) => c.id)).toEqual(['ps-15', 'ps-16']);
    for (const x of r.review) for (const c of x.candidates) expect(c.confidence).toBeLessThan(AUTO_ACCEPT);
  });

  it('puts several who fit side by side, and no one a word of the text rules out', () => {
    const { item } = reviewOf('my GP at Northgate', 'the PCSO', 'Sue the librarian', 'the vicar');
    const gps = item('my GP at Northgate')!.candidates;
    expect(gps.map((c) => c.id).sort()).toEqual(['ps-06', 'ps-07']);
    expect(gps[0]!.confidence).toBe(gps[1]!.confidence);
    expect(
      item('the PCSO')!
        .candidates.map((c) => c.id)
        .sort(),
    ).toEqual(['ps-09', 'ps-10']);
    // "Sue" is nobody's role or service: the librarian is not suggested for her.
    expect(item('Sue the librarian')!.candidates.map((c) => c.id)).not.toContain('ps-15');
    expect(item('the vicar')!.candidates).toEqual([]);
  });

  it('names every equally close person in the quality message, not one of them', () => {
    const { r } = reviewOf('my GP at Northgate', 'the housing officer');
    const message = (t: string) =>
      r.quality.issues.find((i) => i.code === 'unmatched-name' && i.message.startsWith(`"${t}"`))!.message;
    expect(message('my GP at Northgate')).toContain(
      'Equally close on the roster (50%): Dr Anil Patel and Dr Grace Mensah; choose who is meant.',
    );
    expect(message('the housing officer')).toContain('Closest on the roster: Fiona MacLeod (60%).');
  });
});
