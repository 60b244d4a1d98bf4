// The anonymity rule: a rater group below the threshold is never visible on its own (self and
// manager exempt), whatever the data; plus the self–others gap, hidden strengths and blind spots.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  summariseAppraisals,
  planGroups,
  readAppraisals,
  COMPETENCY_KEYS,
  RATER_GROUPS,
  type AppraisalRating,
  type RaterGroup,
  type CompetencyKey,
} from '../../../src/core/appraisal';
import { asActorId } from '../../../src/core/model';
import { QualityCollector } from '../../../src/core/quality';
import { fixture, rosterActors } from './helpers';

const rating = (
  rater: string,
  group: RaterGroup,
  competency: CompetencyKey,
  score: number,
): AppraisalRating => ({
  ratee: asActorId('ps-1'),
  rater,
  group,
  competency,
  score,
  file: 't.csv',
  row: 2,
});

/** Every rater scores every competency the same. */
function team(spec: [RaterGroup, number, number][]): AppraisalRating[] {
  const out: AppraisalRating[] = [];
  for (const [group, raters, score] of spec) {
    for (let i = 0; i < raters; i++) {
      for (const c of COMPETENCY_KEYS) out.push(rating(`${group}-${i}`, group, c, score));
    }
  }
  return out;
}

describe('planGroups', () => {
  it('folds small groups into others and keeps large ones', () => {
    const plan = planGroups(
      new Map<RaterGroup, number>([
        ['self', 1],
        ['manager', 1],
        ['peer', 2],
        ['direct report', 4],
        ['citizen', 1],
        ['community partner', 5],
      ]),
      3,
    );
    expect(plan.get('peer')).toBe('others');
    expect(plan.get('citizen')).toBe('others');
    expect(plan.get('direct report')).toBe('direct report');
    expect(plan.get('community partner')).toBe('community partner');
    expect(plan.get('manager')).toBe('manager');
  });
  it('joins the smallest shown group when the others pool is itself too small', () => {
    const plan = planGroups(
      new Map<RaterGroup, number>([
        ['peer', 1],
        ['direct report', 4],
        ['citizen', 3],
      ]),
      3,
    );
    expect(plan.get('peer')).toBe('others');
    expect(plan.get('citizen')).toBe('others');
    expect(plan.get('direct report')).toBe('direct report');
  });
  it('folds the manager in when all other raters together are too few', () => {
    const plan = planGroups(
      new Map<RaterGroup, number>([
        ['manager', 1],
        ['peer', 2],
      ]),
      3,
    );
    expect(plan.get('manager')).toBe('others');
  });
});

describe('summariseAppraisals', () => {
  it('never shows a two-peer group, with the default threshold of 3', () => {
    const s = summariseAppraisals(
      team([
        ['self', 1, 5],
        ['manager', 1, 4],
        ['peer', 2, 1],
        ['citizen', 3, 3],
        ['direct report', 4, 4],
      ]),
      { threshold: 3 },
    );
    const p = s.people['ps-1']!;
    expect(p.groups.map((g) => g.group)).toEqual(['self', 'manager', 'direct report', 'others']);
    // Peers (2) joined the smallest shown group (citizens, 3): 5 raters, mean (2×1 + 3×3) / 5.
    expect(p.groups.find((g) => g.group === 'others')!.raters).toBe(5);
    const c = p.competencies[0]!;
    expect(c.groups.peer).toBeUndefined();
    expect(c.groups.others!.mean).toBeCloseTo(11 / 5);
    expect(JSON.stringify(s)).not.toMatch(/"peer"/);
    expect(p.othersMean).toBeCloseTo((4 + 2 * 1 + 3 * 3 + 4 * 4) / 10);
    expect(p.selfMean).toBe(5);
  });

  it('shows the group alone once it reaches the threshold, and the threshold is configurable', () => {
    const ratings = team([
      ['self', 1, 3],
      ['peer', 2, 4],
      ['citizen', 4, 2],
    ]);
    expect(
      summariseAppraisals(ratings, { threshold: 2 }).people['ps-1']!.competencies[0]!.groups.peer!.mean,
    ).toBe(4);
    expect(
      summariseAppraisals(ratings, { threshold: 3 }).people['ps-1']!.competencies[0]!.groups.peer,
    ).toBeUndefined();
  });

  it('withholds a cell where N/A leaves fewer raters than the threshold', () => {
    const ratings = team([['citizen', 3, 4]]).filter(
      (r) => !(r.competency === 'goodCommunication' && r.rater !== 'citizen-0'),
    );
    const p = summariseAppraisals(ratings, { threshold: 3 }).people['ps-1']!;
    const comm = p.competencies.find((c) => c.key === 'goodCommunication')!;
    expect(comm.groups.citizen).toEqual({ mean: null, raters: 1, suppressed: true });
    expect(comm.others.mean).toBeNull();
  });

  it('withholds the others mean when there are fewer raters than the threshold in all', () => {
    const p = summariseAppraisals(
      team([
        ['self', 1, 3],
        ['peer', 1, 5],
      ]),
      { threshold: 3 },
    ).people['ps-1']!;
    expect(p.othersMean).toBeNull();
    expect(p.notes.join(' ')).toMatch(/withheld/);
  });

  it('flags blind spots and hidden strengths by the self–others gap', () => {
    const ratings = [
      ...team([['citizen', 3, 3]]),
      rating('ps-1', 'self', 'takingResponsibility', 5),
      rating('ps-1', 'self', 'goodCommunication', 2),
      rating('ps-1', 'self', 'honestOpen', 3.5),
    ];
    const p = summariseAppraisals(ratings, { threshold: 3 }).people['ps-1']!;
    expect(p.blindSpots).toEqual(['takingResponsibility']);
    expect(p.hiddenStrengths).toEqual(['goodCommunication']);
    expect(p.competencies.find((c) => c.key === 'takingResponsibility')!.gap).toBe(2);
  });

  it('works end to end on the wide fixture', () => {
    const q = new QualityCollector();
    const s = summariseAppraisals(readAppraisals(fixture('appraisals-wide.csv'), rosterActors, q), {
      threshold: 3,
    });
    const p = s.people['ps-1']!;
    // 2 peers fold with 3 residents into others; the manager stays visible.
    expect(p.groups.map((g) => g.group)).toEqual(['self', 'manager', 'others']);
  });

  it('property: no visible non-exempt group or cell rests on fewer raters than the threshold', () => {
    const groupArb = fc.constantFrom(...RATER_GROUPS);
    const ratingArb = fc.record({
      rater: fc.integer({ min: 0, max: 12 }),
      group: groupArb,
      competency: fc.constantFrom(...COMPETENCY_KEYS),
      score: fc.integer({ min: 1, max: 5 }),
    });
    fc.assert(
      fc.property(
        fc.array(ratingArb, { maxLength: 80 }),
        fc.integer({ min: 2, max: 5 }),
        (rows, threshold) => {
          const ratings = rows.map((r) => rating(`r${r.rater}`, r.group, r.competency, r.score));
          const p = summariseAppraisals(ratings, { threshold }).people['ps-1'];
          if (!p) return ratings.length === 0;
          for (const g of p.groups) {
            if (g.group === 'self' || g.group === 'manager') continue;
            // A shown group below the threshold is allowed only if every one of its cells is withheld.
            if (g.raters < threshold) {
              for (const c of p.competencies) if (c.groups[g.group]?.mean != null) return false;
            }
          }
          for (const c of p.competencies) {
            for (const [name, cell] of Object.entries(c.groups)) {
              if (name === 'self' || name === 'manager') continue;
              if (cell && cell.mean !== null && cell.raters < threshold) return false;
            }
          }
          return true;
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });
});
