// Reading 360 files: long and wide layouts, numbers and text labels, N/A, unknown people.
import { describe, expect, it } from 'vitest';
import { readAppraisals, parseScore, parseCompetency, parseRaterGroup } from '../../../src/core/appraisal';
import { InputError, QualityCollector } from '../../../src/core/quality';
import { fixture, rosterActors } from './helpers';
import { xlsxOf } from '../ingest/helpers';
import Papa from 'papaparse';

describe('parseScore', () => {
  it('reads numbers, "4 - Good" and text labels; N/A is missing', () => {
    expect(parseScore('4')).toBe(4);
    expect(parseScore('4 - Good')).toBe(4);
    expect(parseScore('2 (Poor)')).toBe(2);
    expect(parseScore('Excellent')).toBe(5);
    expect(parseScore('strongly disagree')).toBe(1);
    expect(parseScore('N/A')).toBeNull();
    expect(parseScore("Don't know")).toBeNull();
    expect(parseScore('')).toBeNull();
    expect(parseScore('7')).toBe('invalid');
    expect(parseScore('banana')).toBe('invalid');
  });
  it('recognises competency and group wording', () => {
    expect(parseCompetency('Q3. Asking for feedback')).toBe('askingForFeedback');
    expect(parseCompetency('Good communication')).toBe('goodCommunication');
    expect(parseCompetency('Honest and open treatment')).toBe('honestOpen');
    expect(parseRaterGroup('Line manager')).toBe('manager');
    expect(parseRaterGroup('direct report')).toBe('direct report');
    expect(parseRaterGroup('Service user')).toBe('citizen');
    expect(parseRaterGroup('astronaut')).toBeNull();
  });
});

describe('readAppraisals (long)', () => {
  const long = [
    'ratee_id,rater_id,rater_group,competency,score',
    'ps-1,ps-1,self,Taking responsibility,4',
    'ps-1,m1,manager,Taking responsibility,Good',
    'ps-1,p1,peer,Taking responsibility,N/A',
    'ps-1,p2,peer,Good communication,3',
    'ps-9,p2,peer,Good communication,3',
    'ps-1,p3,peer,Flying,3',
  ].join('\n');

  it('keeps scored rows, leaves N/A out and reports unknown people and competencies', () => {
    const q = new QualityCollector();
    const ratings = readAppraisals({ name: 'a.csv', data: long }, rosterActors, q);
    expect(ratings.map((r) => [r.ratee, r.rater, r.group, r.competency, r.score])).toEqual([
      ['ps-1', 'ps-1', 'self', 'takingResponsibility', 4],
      ['ps-1', 'm1', 'manager', 'takingResponsibility', 4],
      ['ps-1', 'p2', 'peer', 'goodCommunication', 3],
    ]);
    const codes = q.issues.map((i) => [i.code, i.row]);
    expect(codes).toContainEqual(['unknown-ratee', 6]);
    expect(codes).toContainEqual(['unknown-competency', 7]);
  });

  it('stops with a message naming the missing column', () => {
    const q = new QualityCollector();
    expect(() => readAppraisals({ name: 'a.csv', data: 'rater,score\nx,4' }, rosterActors, q)).toThrow(
      InputError,
    );
    try {
      readAppraisals({ name: 'a.csv', data: 'rater,score\nx,4' }, rosterActors, q);
    } catch (e) {
      expect((e as InputError).column).toBe('ratee_id');
    }
  });
});

describe('readAppraisals (wide)', () => {
  it('reads one row per rater, matches ratees by id or name, reports the rest', () => {
    const q = new QualityCollector();
    const ratings = readAppraisals(fixture('appraisals-wide.csv'), rosterActors, q);
    const m1 = ratings.filter((r) => r.rater === 'm-1');
    expect(m1.map((r) => [r.competency, r.score, r.group])).toEqual([
      ['takingResponsibility', 4, 'manager'],
      ['honestOpen', 4, 'manager'],
      ['askingForFeedback', 5, 'manager'],
      ['avoidingUnnecessaryContact', 3, 'manager'],
      ['goodCommunication', 4, 'manager'],
    ]);
    // By name.
    expect(ratings.filter((r) => r.rater === 'x-1').every((r) => r.ratee === 'ps-2')).toBe(true);
    // Self by rater id = ratee id.
    expect(ratings.filter((r) => r.rater === 'ps-1').every((r) => r.group === 'self')).toBe(true);
    // c-1: text labels, n/a left out.
    expect(ratings.filter((r) => r.rater === 'c-1').map((r) => r.score)).toEqual([2, 1, 2, 2, 2]);
    expect(q.issues.find((i) => i.code === 'unknown-ratee')?.row).toBe(10);
    const invalid = q.issues.find((i) => i.code === 'invalid-score');
    expect(invalid).toMatchObject({ row: 11, column: 'Taking responsibility' });
  });

  it("reads the survey tool's .xlsx export as it reads the CSV, rows numbered alike", () => {
    const csv = fixture('appraisals-wide.csv');
    const q = new QualityCollector();
    const fromCsv = readAppraisals(csv, rosterActors, q);
    const rows = Papa.parse<string[]>(new TextDecoder().decode(csv.data as Uint8Array), {
      skipEmptyLines: true,
    }).data;
    const qx = new QualityCollector();
    const fromXlsx = readAppraisals({ name: '360.xlsx', data: xlsxOf(rows) }, rosterActors, qx);
    expect(fromXlsx.map((r) => ({ ...r, file: 'appraisals-wide.csv' }))).toEqual(fromCsv);
    const where = (c: QualityCollector) => c.issues.map((i) => [i.code, i.row, i.column]);
    expect(where(qx)).toEqual(where(q));
  });
});

describe('readAppraisals without rater ids', () => {
  it('counts raters per competency, not one per row, so group sizes are not overstated', async () => {
    const { summariseAppraisals } = await import('../../../src/core/appraisal');
    const rows = ['ratee,rater group,competency,score'];
    // Two citizens, each scoring two competencies: 4 rows but only 2 raters.
    for (const c of ['Taking responsibility', 'Good communication'])
      rows.push(`ps-1,citizen,${c},4`, `ps-1,citizen,${c},2`);
    const q = new QualityCollector();
    const ratings = readAppraisals({ name: 'a.csv', data: rows.join('\n') }, rosterActors, q);
    expect(new Set(ratings.map((r) => r.rater)).size).toBe(2);
    const p = summariseAppraisals(ratings, { threshold: 3 }).people['ps-1']!;
    expect(p.competencies[0]!.groups.citizen).toBeUndefined();
  });
});
