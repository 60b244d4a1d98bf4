// Uncertainty: the bootstrap interval narrows as respondents are added, rank ranges never separate
// people whose intervals overlap, and progress/cancel are honoured.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeScorecards, type Scorecard } from '../../../src/core/scorecard';
import { CancelledError, silentProgress, type Progress } from '../../../src/core/quality';
import { inputOf, makeArea } from './area';

const P = [0.5, 0.4, 0.3, 0.25, 0.2, 0.1];
const width = (c: Scorecard, col: 'index' | 'civilInDegree') =>
  col === 'index' ? c.indexHigh! - c.indexLow! : c.civilInDegreeHigh! - c.civilInDegreeLow!;

describe('bootstrap over respondents', () => {
  it('intervals contain the estimate, and narrow as respondents are added', () => {
    const small = computeScorecards(
      inputOf(makeArea(40, P, 'n')),
      { bootstrapDraws: 400, seed: 3 },
      silentProgress,
    );
    const large = computeScorecards(
      inputOf(makeArea(640, P, 'n')),
      { bootstrapDraws: 400, seed: 3 },
      silentProgress,
    );
    for (const c of [...small, ...large]) {
      expect(c.indexLow!).toBeLessThanOrEqual(c.index!);
      expect(c.indexHigh!).toBeGreaterThanOrEqual(c.index!);
      expect(c.civilInDegreeLow!).toBeLessThanOrEqual(c.civilInDegree!);
      expect(c.civilInDegreeHigh!).toBeGreaterThanOrEqual(c.civilInDegree!);
      expect(c.rankLow!).toBeLessThanOrEqual(c.rank!);
      expect(c.rankHigh!).toBeGreaterThanOrEqual(c.rank!);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    // The index (0–100) interval narrows in absolute terms...
    expect(mean(large.map((c) => width(c, 'index')))).toBeLessThan(
      0.5 * mean(small.map((c) => width(c, 'index'))),
    );
    // ...and the in-degree interval narrows relative to the count (it grows like √n, the count like n).
    const rel = (cs: Scorecard[]) => mean(cs.map((c) => width(c, 'civilInDegree') / c.civilInDegree!));
    expect(rel(large)).toBeLessThan(0.5 * rel(small));
    // Rank ranges shrink too: with many respondents the order is clear.
    const rankSpan = (cs: Scorecard[]) => mean(cs.map((c) => c.rankHigh! - c.rankLow!));
    expect(rankSpan(large)).toBeLessThan(rankSpan(small));
  });

  it('the in-degree interval is close to the binomial one', () => {
    // 400 residents naming with p = 0.5: sd of the count ≈ √(400 × 0.25) = 10, so ±≈19.6.
    const [c] = computeScorecards(
      inputOf(makeArea(400, [0.5, 0.2], 'b')),
      { bootstrapDraws: 1000, seed: 1 },
      silentProgress,
    );
    expect(width(c!, 'civilInDegree')).toBeGreaterThan(2 * 16);
    expect(width(c!, 'civilInDegree')).toBeLessThan(2 * 24);
  });

  it('no draws, no intervals (null, not 0)', () => {
    const [c] = computeScorecards(
      inputOf(makeArea(20, P, 'z')),
      { bootstrapDraws: 0, seed: 1 },
      silentProgress,
    );
    expect(c).toMatchObject({
      indexLow: null,
      indexHigh: null,
      rankLow: null,
      rankHigh: null,
      civilInDegreeLow: null,
      draws: 0,
    });
  });

  it('property: two people whose index intervals overlap have overlapping rank ranges', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 0.8, noNaN: true }), { minLength: 2, maxLength: 7 }),
        fc.integer({ min: 5, max: 60 }),
        fc.integer({ min: 0, max: 1000 }),
        (p, n, seed) => {
          const cards = computeScorecards(
            inputOf(makeArea(n, p, `p${seed}`)),
            { bootstrapDraws: 60, seed },
            silentProgress,
          );
          for (const a of cards) {
            for (const b of cards) {
              if (a === b) continue;
              const overlap = a.indexLow! <= b.indexHigh! && b.indexLow! <= a.indexHigh!;
              const rankOverlap = a.rankLow! <= b.rankHigh! && b.rankLow! <= a.rankHigh!;
              if (overlap && !rankOverlap) return false;
            }
          }
          return true;
        },
      ),
      { seed: 5, numRuns: 40 },
    );
  });

  it('reports progress and stops when cancelled', () => {
    const phases: number[] = [];
    let checks = 0;
    const progress: Progress = {
      report: (phase, f) => {
        if (phase === 'Bootstrap') phases.push(f);
      },
      check: () => {
        if (++checks > 10) throw new CancelledError();
      },
    };
    expect(() =>
      computeScorecards(inputOf(makeArea(30, P, 'c')), { bootstrapDraws: 100, seed: 1 }, progress),
    ).toThrow(CancelledError);
    expect(phases.length).toBeGreaterThan(0);
  });
});
