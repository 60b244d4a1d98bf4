// Change between two waves, person by person (matched by roster id): before, after, the change,
// an interval for the change, and whether it is a real change rather than resampling noise.
import type { Scorecard } from './compute';
import { INDICATOR_COLUMNS } from './columns';

export interface ChangeRow {
  id: string;
  [col: string]: number | string | boolean | null;
}

type Bound = { low: number | null; high: number | null };

function boundsOf(card: Scorecard | undefined, col: string): Bound | null {
  if (!card) return null;
  const fromMap = card.intervals?.[col];
  if (fromMap && fromMap.low !== null && fromMap.high !== null) return fromMap;
  // A baseline read back from scorecards.csv has only the flat columns.
  const rec = card as unknown as Record<string, unknown>;
  const low = rec[`${col}Low`];
  const high = rec[`${col}High`];
  return typeof low === 'number' && typeof high === 'number' ? { low, high } : null;
}

const value = (card: Scorecard | undefined, col: string): number | null => {
  const v = card ? (card as unknown as Record<string, unknown>)[col] : null;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

/**
 * Interval for after − before from each wave's own 95% interval, by the MOVER method (Zou &
 * Donner 2008; Newcombe 1998 for proportions): the waves are independent samples, so the
 * distances from each estimate to its limits combine in quadrature, keeping any asymmetry.
 */
export function moverDifference(before: number, b: Bound, after: number, a: Bound): Bound {
  if (a.low === null || a.high === null || b.low === null || b.high === null)
    return { low: null, high: null };
  const d = after - before;
  return {
    low: d - Math.sqrt((after - a.low) ** 2 + (b.high - before) ** 2),
    high: d + Math.sqrt((a.high - after) ** 2 + (before - b.low) ** 2),
  };
}

/**
 * One row per person in either wave. `<col>RealChange` is true only when the change's interval
 * excludes zero, false when it includes it, null when no interval could be computed (then the
 * change must not be called real). The index and rank are relative to the area in each wave.
 */
export function compareWaves(before: Scorecard[], after: Scorecard[]): ChangeRow[] {
  const byIdBefore = new Map(before.map((c) => [c.id, c]));
  const byIdAfter = new Map(after.map((c) => [c.id, c]));
  const ids = [...after.map((c) => c.id), ...before.map((c) => c.id).filter((id) => !byIdAfter.has(id))];
  return ids.map((id) => {
    const b = byIdBefore.get(id);
    const a = byIdAfter.get(id);
    const who = a ?? b!;
    const row: ChangeRow = {
      id,
      name: who.name ?? null,
      service: who.service ?? null,
      status: a && b ? 'both' : a ? 'new' : 'gone',
    };
    for (const col of INDICATOR_COLUMNS) {
      const vb = value(b, col);
      const va = value(a, col);
      const change = vb !== null && va !== null ? va - vb : null;
      let low: number | null = null;
      let high: number | null = null;
      if (change !== null) {
        const bb = boundsOf(b, col);
        const ab = boundsOf(a, col);
        if (bb && ab) ({ low, high } = moverDifference(vb!, bb, va!, ab));
      }
      row[`${col}Before`] = vb;
      row[`${col}After`] = va;
      row[`${col}Change`] = change;
      row[`${col}ChangeLow`] = low;
      row[`${col}ChangeHigh`] = high;
      row[`${col}RealChange`] = low === null || high === null ? null : low > 0 || high < 0;
    }
    if (a && b && Array.isArray(a.civilNamers) && Array.isArray(b.civilNamers)) {
      const was = new Set(b.civilNamers);
      const now = new Set(a.civilNamers);
      const gained = [...now].filter((x) => !was.has(x)).sort();
      const lost = [...was].filter((x) => !now.has(x)).sort();
      row.civilTiesGained = gained.length;
      row.civilTiesLost = lost.length;
      row.civilTiesGainedIds = gained.join(';');
      row.civilTiesLostIds = lost.join(';');
    } else {
      row.civilTiesGained = null;
      row.civilTiesLost = null;
      row.civilTiesGainedIds = null;
      row.civilTiesLostIds = null;
    }
    return row;
  });
}
