// Survey-tool shapes beyond the basic exports: Qualtrics loop & merge columns and "Other (please
// specify)" text boxes, and KoboToolbox submissions marked "Not approved" in validation.
import { describe, expect, it } from 'vitest';
import { codes, fixture, run, tieSet } from './helpers';

describe('Qualtrics loop & merge and "Other" text', () => {
  const r = run([fixture('qualtrics-loop-other.csv')]);
  const m = r.mapping.surveys[0]!;

  it('joins every loop of a question into one question with one relation', () => {
    const trust = m.questions.find((q) => q.relation === 'trust')!;
    expect(trust.kind).toBe('text');
    expect(trust.columns).toEqual(['1_Q5', '2_Q5']);
    const info = m.questions.find((q) => q.relation === 'info')!;
    expect(info.kind).toBe('choices');
    expect(info.columns).toEqual(['1_Q6_1', '1_Q6_2', '2_Q6_1', '2_Q6_2']);
    expect(info.targets).toEqual(['Dr Priya Patel', 'Eleanor Price', 'Dr Priya Patel', 'Eleanor Price']);
    expect(m.questions.filter((q) => q.relation === 'trust')).toHaveLength(1);
  });

  it('reads the "Other" box as typed names for its question, and never the word "Other"', () => {
    const other = m.questions.find((q) => q.columns.includes('Q2_4_TEXT'))!;
    expect(other).toMatchObject({ kind: 'text', relation: 'need' });
    expect(r.review.map((x) => x.text)).not.toContain('Other (please specify)');
    expect(tieSet(r)).toEqual([
      'r-R_loop0001>ps-01:need',
      'r-R_loop0001>ps-04:info',
      'r-R_loop0001>ps-04:trust',
      'r-R_loop0001>ps-09:need',
      'r-R_loop0001>ps-15:info',
      'r-R_loop0001>ps-15:trust',
      'r-R_loop0002>ps-15:info',
      'r-R_loop0002>ps-16:trust',
      'r-R_loop0002>vg-01:need',
    ]);
  });
});

describe('KoboToolbox validation status', () => {
  const r = run([fixture('kobo-validation.csv')]);

  it('leaves out submissions marked "Not approved" (label or value), each reported', () => {
    const issues = r.quality.issues.filter((i) => i.code === 'not-approved-response');
    expect(issues.map((i) => [i.row, i.column])).toEqual([
      [3, '_validation_status'],
      [5, '_validation_status'],
    ]);
    expect(r.quality.rows).toEqual({ read: 4, accepted: 2, rejected: 2 });
    expect(r.respondents.map((x) => x.key)).toEqual(['r-201', 'r-203']);
    expect(tieSet(r).every((t) => t.startsWith('r-201>') || t.startsWith('r-203>'))).toBe(true);
    expect(codes(r.quality)).not.toContain('unmatched-name');
  });
});
