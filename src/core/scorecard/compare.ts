// Reading intervals the fair way: two people are "different" only when their intervals do not
// overlap, and a rank is shown as the range it could take.
import type { Scorecard } from './compute';

/** True only when both index intervals exist and do not overlap. */
export function distinguishable(
  a: Pick<Scorecard, 'indexLow' | 'indexHigh'>,
  b: Pick<Scorecard, 'indexLow' | 'indexHigh'>,
): boolean {
  if (a.indexLow === null || a.indexHigh === null || b.indexLow === null || b.indexHigh === null)
    return false;
  return a.indexLow > b.indexHigh || b.indexLow > a.indexHigh;
}

/** "3", "2–5", or "" when there is no rank: the text a table shows for a person's standing. */
export function rankLabel(c: Pick<Scorecard, 'rank' | 'rankLow' | 'rankHigh'>): string {
  if (c.rank === null) return '';
  if (c.rankLow === null || c.rankHigh === null || c.rankLow === c.rankHigh) return String(c.rank);
  return `${c.rankLow}–${c.rankHigh}`;
}
