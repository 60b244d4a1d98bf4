// Change between waves: a designed real change is flagged, pure resampling noise is not; the
// interval of a change follows the MOVER method; civil ties gained and lost are listed.
import { describe, expect, it } from 'vitest';
import {
  compareWaves,
  computeScorecards,
  moverDifference,
  type Scorecard,
} from '../../../src/core/scorecard';
import { silentProgress } from '../../../src/core/quality';
import { inputOf, makeArea, resampleArea } from './area';

const P = [0.4, 0.3, 0.2, 0.1];
const cards = (area: ReturnType<typeof makeArea>) =>
  computeScorecards(inputOf(area), { bootstrapDraws: 1000, seed: 11 }, silentProgress);

describe('compareWaves', () => {
  const before = makeArea(300, P, 'wave-1', 'b');
  const baseline = cards(before);

  it('resampling noise is not marked as a real change', () => {
    // The follow-up is the same people drawn again: any difference is sampling noise.
    const noise = compareWaves(baseline, cards(resampleArea(before, 'noise', 'f')));
    for (const row of noise) {
      expect(row.civilInDegreeRealChange).toBe(false);
      expect(row.civilInDegreeChangeLow as number).toBeLessThanOrEqual(0);
      expect(row.civilInDegreeChangeHigh as number).toBeGreaterThanOrEqual(0);
    }
  });

  it('a designed real change is marked, and only for that person', () => {
    // ps-4 goes from being named by 10% of residents to 30%; everyone else is unchanged.
    const after = makeArea(300, [0.4, 0.3, 0.2, 0.3], 'wave-2', 'f');
    const change = compareWaves(baseline, cards(after));
    const ps4 = change.find((r) => r.id === 'ps-4')!;
    expect(ps4.civilInDegreeChange as number).toBeGreaterThan(30);
    expect(ps4.civilInDegreeRealChange).toBe(true);
    expect(ps4.civilInDegreeChangeLow as number).toBeGreaterThan(0);
    for (const id of ['ps-1', 'ps-2', 'ps-3']) {
      expect(change.find((r) => r.id === id)!.civilInDegreeRealChange).toBe(false);
    }
    expect(ps4).toHaveProperty('indexBefore');
    expect(ps4).toHaveProperty('indexAfter');
    expect(ps4).toHaveProperty('indexChange');
  });

  it('MOVER: symmetric intervals combine in quadrature', () => {
    const d = moverDifference(10, { low: 7, high: 13 }, 14, { low: 10, high: 18 });
    expect(d.low).toBeCloseTo(4 - 5, 12);
    expect(d.high).toBeCloseTo(4 + 5, 12);
    expect(moverDifference(1, { low: null, high: null }, 2, { low: 1, high: 3 })).toEqual({
      low: null,
      high: null,
    });
  });

  it('no interval means no claim of real change; people in one wave only are listed', () => {
    const card = (id: string, civilInDegree: number | null, namers: string[]): Scorecard =>
      ({
        id,
        name: id,
        service: 'S',
        civilInDegree,
        intervals: {},
        civilNamers: namers,
      }) as unknown as Scorecard;
    const rows = compareWaves(
      [card('a', 3, ['g-1', 'g-2']), card('gone', 1, [])],
      [card('a', 9, ['g-2', 'g-3', 'g-4']), card('new', 2, [])],
    );
    const a = rows.find((r) => r.id === 'a')!;
    expect(a).toMatchObject({
      civilInDegreeBefore: 3,
      civilInDegreeAfter: 9,
      civilInDegreeChange: 6,
      civilInDegreeChangeLow: null,
      civilInDegreeRealChange: null,
      indexChange: null,
      civilTiesGained: 2,
      civilTiesLost: 1,
      civilTiesGainedIds: 'g-3;g-4',
      civilTiesLostIds: 'g-1',
      status: 'both',
    });
    expect(rows.find((r) => r.id === 'gone')!.status).toBe('gone');
    expect(rows.find((r) => r.id === 'new')!.status).toBe('new');
  });
});

describe('a roster id given to someone else between waves (trial X)', () => {
  const before = makeArea(120, P, 'wave-1', 'b');
  const after = makeArea(120, [0.1, 0.3, 0.2, 0.1], 'wave-2', 'f');
  const renamed = (list: Scorecard[], id: string, name: string) =>
    list.map((c) => (c.id === id ? { ...c, name } : c));

  it('compares no one with another person: Dr Thomas Reid then Dr Fatima Malik is "id-reused"', () => {
    const change = compareWaves(
      renamed(cards(before), 'ps-1', 'Dr Thomas Reid'),
      renamed(cards(after), 'ps-1', 'Dr Fatima Malik'),
    );
    const row = change.find((r) => r.id === 'ps-1')!;
    // Before: her "change" was his figures against hers (−23 points in the trial).
    expect(row).toMatchObject({ status: 'id-reused', name: 'Dr Fatima Malik', civilInDegreeBefore: null });
    expect(row.civilInDegreeChange).toBeNull();
    expect(change.find((r) => r.id === 'ps-2')!.status).toBe('both');
  });

  it('still compares one person whose surname, title or short name changed', () => {
    for (const [was, is] of [
      ['Sarah Lindqvist', 'Sarah Morgan'],
      ['Helen Okafor', 'Mrs Helen Okafor'],
      ['James Whitfield', 'Jim Whitfield'],
      // A related name (William, then Liam) under one id: the evaluator kept the id for them.
      ['William Hughes', 'Liam Hughes'],
    ]) {
      const change = compareWaves(renamed(cards(before), 'ps-1', was!), renamed(cards(after), 'ps-1', is!));
      expect(change.find((r) => r.id === 'ps-1')!.status).toBe('both');
    }
  });
});
