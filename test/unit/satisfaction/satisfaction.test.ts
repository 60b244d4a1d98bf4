// Satisfaction: Likert reading, don't-know handling, per-service figures and the interval maths.
import { describe, expect, it } from 'vitest';
import {
  readSatisfaction,
  summariseSatisfaction,
  parseAnswer,
  wilsonInterval,
  meanInterval,
  tQuantile975,
  itemStat,
} from '../../../src/core/satisfaction';
import { QualityCollector, InputError } from '../../../src/core/quality';
import { fixture, rosterActors } from '../appraisal/helpers';
import { xlsxOf } from '../ingest/helpers';
import Papa from 'papaparse';
import { zipSync } from 'fflate';

describe('interval maths', () => {
  it('Wilson score interval matches published values', () => {
    // Newcombe (1998), Table I: 81/263 -> 0.2553 to 0.3662; 15/148 -> 0.0624 to 0.1605.
    const a = wilsonInterval(81, 263)!;
    expect(a.low).toBeCloseTo(0.2553, 4);
    expect(a.high).toBeCloseTo(0.3662, 4);
    const b = wilsonInterval(15, 148)!;
    expect(b.low).toBeCloseTo(0.0624, 4);
    expect(b.high).toBeCloseTo(0.1605, 4);
    // 0 of 10 stays inside [0, 1] (Newcombe: 0 to 0.2775).
    const c = wilsonInterval(0, 10)!;
    expect(c.low).toBe(0);
    expect(c.high).toBeCloseTo(0.2775, 4);
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('t quantiles: table to 30 and the expansion beyond', () => {
    expect(tQuantile975(1)).toBeCloseTo(12.7062, 4);
    expect(tQuantile975(10)).toBeCloseTo(2.2281, 4);
    expect(tQuantile975(31)).toBeCloseTo(2.0395, 4);
    expect(tQuantile975(60)).toBeCloseTo(2.0003, 4);
    expect(tQuantile975(120)).toBeCloseTo(1.9799, 4);
  });

  it('mean interval uses t with n − 1 df and is null below two values', () => {
    const m = meanInterval([2, 4, 4, 4, 5, 5, 7, 9])!;
    expect(m.mean).toBe(5);
    // sd = 2.138090; t(7) = 2.364624; half = 2.364624 × 2.138090 / √8 = 1.78749.
    expect(m.low).toBeCloseTo(5 - 1.78749, 4);
    expect(m.high).toBeCloseTo(5 + 1.78749, 4);
    expect(meanInterval([3])).toEqual({ mean: 3, sd: null, low: null, high: null });
    expect(meanInterval([])).toBeNull();
  });

  it('itemStat leaves don’t know out of n and counts it', () => {
    const s = itemStat([5, 4, 2, 'dont-know', 'dont-know']);
    expect(s).toMatchObject({ n: 3, agree: 2, dontKnow: 2 });
    expect(s.pctAgree).toBeCloseTo(66.6667, 3);
    expect(itemStat(['dont-know']).pctAgree).toBeNull();
  });
});

describe('parseAnswer', () => {
  it('reads five-point, NI4 four-point and numeric answers', () => {
    expect(parseAnswer('Strongly agree')).toBe(5);
    expect(parseAnswer('Tend to agree')).toBe(4);
    expect(parseAnswer('Definitely disagree')).toBe(1);
    expect(parseAnswer('Very satisfied')).toBe(5);
    expect(parseAnswer('3')).toBe(3);
    expect(parseAnswer("Don't know")).toBe('dont-know');
    expect(parseAnswer('Don’t know')).toBe('dont-know');
    expect(parseAnswer('')).toBeNull();
    expect(parseAnswer('maybe')).toBe('invalid');
  });
});

describe('readSatisfaction and summariseSatisfaction', () => {
  it('summarises per service, links public servants, and reports problems', () => {
    const q = new QualityCollector();
    const rows = readSatisfaction(fixture('satisfaction.csv'), rosterActors, q);
    expect(rows).toHaveLength(7);
    expect(rows[2]!.services).toEqual(['Riverside Primary School']);
    expect(rows[5]!.services).toEqual([]);
    expect(q.issues.map((i) => i.code).sort()).toEqual(['invalid-answer', 'unknown-service']);
    expect(q.issues.find((i) => i.code === 'invalid-answer')).toMatchObject({
      row: 8,
      column: 'Satisfied with the service',
    });

    const s = summariseSatisfaction(rows, rosterActors);
    expect(s.items.map((i) => i.key)).toEqual(['satisfied', 'influence', 'involved', 'trust']);
    const school = s.services.find((x) => x.service === 'Riverside Primary School')!;
    expect(school.responses).toBe(4);
    // satisfied: 5, 4, 3, 2 -> 2 of 4 agree.
    expect(school.items.satisfied).toMatchObject({ n: 4, agree: 2, pctAgree: 50, dontKnow: 0 });
    const w = wilsonInterval(2, 4)!;
    expect(school.items.satisfied!.pctAgreeLow).toBeCloseTo(100 * w.low, 9);
    // influence: Tend to agree, Definitely disagree, Don't know, Agree -> 2 of 3, 1 don't know.
    expect(school.items.influence).toMatchObject({ n: 3, agree: 2, dontKnow: 1 });
    expect(school.importance!.mean).toBe(4);
    expect(s.byPerson).toEqual({ 'ps-1': 'Riverside Primary School', 'ps-2': 'Riverside Surgery' });
    expect(s.matrix.map((m) => m.service)).toEqual(['Riverside Primary School', 'Riverside Surgery']);
    expect(s.area.responses).toBe(7);
  });

  it("reads the same answers from the survey tool's .xlsx and from a zipped download", () => {
    const csv = fixture('satisfaction.csv');
    const fromCsv = readSatisfaction(csv, rosterActors, new QualityCollector());
    const rows = Papa.parse<string[]>(new TextDecoder().decode(csv.data as Uint8Array), {
      skipEmptyLines: true,
    }).data;
    const workbook = xlsxOf(rows);
    for (const file of [
      { name: 'satisfaction.xlsx', data: workbook },
      { name: 'satisfaction.zip', data: zipSync({ 'Satisfaction (Responses).xlsx': workbook }) },
    ]) {
      const q = new QualityCollector();
      const read = readSatisfaction(file, rosterActors, q);
      expect(read.map((r) => ({ ...r, file: 'satisfaction.csv' }))).toEqual(fromCsv);
      expect(q.issues.map((i) => i.code).sort()).toEqual(
        file.name.endsWith('.zip')
          ? ['archive', 'invalid-answer', 'unknown-service']
          : ['invalid-answer', 'unknown-service'],
      );
    }
  });

  it('stops with a message naming the Service column when it is missing', () => {
    const q = new QualityCollector();
    expect(() => readSatisfaction({ name: 's.csv', data: 'id,Satisfied\n1,Agree' }, rosterActors, q)).toThrow(
      InputError,
    );
  });
});
