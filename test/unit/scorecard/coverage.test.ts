// Coverage per sector with the low-response warning; service-level change; fair comparison helpers.
import { describe, expect, it } from 'vitest';
import {
  computeCoverage,
  compareServices,
  distinguishable,
  rankLabel,
  type Scorecard,
} from '../../../src/core/scorecard';
import { asActorId, type Actor } from '../../../src/core/model';

const A = (id: string, type: Actor['type'], sector: string, onRoster = true): Actor => ({
  id: asActorId(id),
  label: id,
  type,
  sector,
  onRoster,
  attrs: {},
});

describe('computeCoverage', () => {
  const actors = [
    A('ps-1', 'public-servant', 'public'),
    A('ps-2', 'public-servant', 'public'),
    A('g-1', 'group', 'voluntary'),
    A('g-2', 'group', 'voluntary'),
    A('g-3', 'group', 'voluntary'),
    A('g-4', 'group', 'voluntary'),
    A('r-1', 'resident', 'community', false),
    A('r-2', 'resident', 'community', false),
  ];
  const respondents = [
    { key: 'g-1', type: 'group' },
    { key: 'g-1', type: 'group' },
    { key: 'ps-1', type: 'public-servant' },
    { key: 'ps-2', type: 'public-servant' },
    { key: 'r-1', type: 'resident' },
    { key: 'r-2', type: 'resident' },
  ];

  it('uses the roster as the frame where it lists everyone, counts people once, and warns on low response', () => {
    const c = computeCoverage(actors, respondents);
    const vol = c.sectors.find((s) => s.sector === 'voluntary')!;
    expect(vol).toMatchObject({ invited: 4, invitedFrom: 'roster', responded: 1, rate: 0.25, low: true });
    expect(vol.warning).toMatch(/Only 1 of 4 voluntary/);
    expect(c.sectors.find((s) => s.sector === 'public')).toMatchObject({
      rate: 1,
      low: false,
      warning: null,
    });
    // Residents are not on the roster: no frame, no rate, no claim either way.
    expect(c.sectors.find((s) => s.sector === 'community')).toMatchObject({
      invited: null,
      rate: null,
      low: false,
    });
    expect(c.warnings).toHaveLength(1);
  });

  it('takes invited counts when given', () => {
    const c = computeCoverage(actors, respondents, { invited: { community: 3 }, minRate: 0.5 });
    expect(c.sectors.find((s) => s.sector === 'community')).toMatchObject({
      invited: 3,
      invitedFrom: 'given',
      responded: 2,
      low: false,
    });
    const d = computeCoverage(actors, respondents, { invited: { community: 10 } });
    expect(d.sectors.find((s) => s.sector === 'community')!.low).toBe(true);
  });
});

describe('fair comparison helpers', () => {
  it('only non-overlapping intervals are distinguishable; ranks read as ranges', () => {
    expect(distinguishable({ indexLow: 60, indexHigh: 80 }, { indexLow: 30, indexHigh: 59 })).toBe(true);
    expect(distinguishable({ indexLow: 60, indexHigh: 80 }, { indexLow: 30, indexHigh: 60 })).toBe(false);
    expect(distinguishable({ indexLow: null, indexHigh: null }, { indexLow: 1, indexHigh: 2 })).toBe(false);
    expect(rankLabel({ rank: 3, rankLow: 2, rankHigh: 5 })).toBe('2–5');
    expect(rankLabel({ rank: 1, rankLow: 1, rankHigh: 1 })).toBe('1');
    expect(rankLabel({ rank: null, rankLow: null, rankHigh: null })).toBe('');
  });
});

describe('compareServices', () => {
  const card = (id: string, service: string, index: number, satisfied: number, lo: number, hi: number) =>
    ({
      id,
      service,
      index,
      satisfied,
      intervals: { satisfied: { low: lo, high: hi } },
    }) as unknown as Scorecard;
  it('averages people and compares the shared satisfaction figures with an interval', () => {
    const rows = compareServices(
      [card('a', 'S', 40, 50, 40, 60), card('b', 'S', 60, 50, 40, 60)],
      [card('a', 'S', 50, 80, 72, 88), card('b', 'S', 70, 80, 72, 88)],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      service: 'S',
      people: 2,
      indexBefore: 50,
      indexAfter: 60,
      indexChange: 10,
    });
    expect(rows[0]!.satisfiedChange).toBe(30);
    expect(rows[0]!.satisfiedChangeLow as number).toBeCloseTo(30 - Math.sqrt(8 ** 2 + 10 ** 2), 9);
    expect(rows[0]!.satisfiedRealChange).toBe(true);
  });
});
