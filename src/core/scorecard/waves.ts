// Change between two waves, person by person (matched by roster id): before, after, the change,
// an interval for the change, and whether it is a real change rather than resampling noise.
import type { Scorecard } from './compute';
import { INDICATOR_COLUMNS } from './columns';
import { areNicknames, normaliseText, relatedNames, TITLES } from '../ingest/names';

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
    const a = byIdAfter.get(id);
    // A roster that gave a leaver's id to someone new: the baseline's figures are another person's,
    // never compared as this one's change (status "id-reused").
    const reused = a !== undefined && isOtherPerson(byIdBefore.get(id)?.name, a.name);
    const b = reused ? undefined : byIdBefore.get(id);
    const who = a ?? b!;
    const row: ChangeRow = {
      id,
      name: who.name ?? null,
      service: who.service ?? null,
      status: reused ? 'id-reused' : a && b ? 'both' : a ? 'new' : 'gone',
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

/**
 * Whether two names of one roster id are two people: their first names differ, titles aside, and
 * are not short forms or related forms of one another (Liam and William: one id kept for them). A surname changed (Sarah Lindqvist, then Sarah Morgan) or a
 * title added is the same person.
 */
export function isOtherPerson(before: string | null | undefined, after: string | null | undefined): boolean {
  if (!before || !after) return false;
  const first = (name: string) =>
    normaliseText(name)
      .split(' ')
      .find((w) => !TITLES.has(w)) ?? '';
  const [b, a] = [first(before), first(after)];
  return b !== '' && a !== '' && b !== a && !areNicknames(b, a) && !relatedNames(b, a);
}

export interface ServiceChange {
  service: string;
  people: number;
  [col: string]: number | string | boolean | null;
}

const SERVICE_MEANS = ['index', 'civilInDegree', 'trustInDegree', 'civilReach', 'appraisalOthers'] as const;
const SERVICE_SHARED = ['satisfied', 'influence', 'involved', 'trust'] as const;

/**
 * Service-level change: the mean over the service's public servants of each person figure, and
 * the service's own satisfaction figures (shared by its people) with a Newcombe (MOVER with
 * Wilson) interval for the change in % agree.
 */
export function compareServices(before: Scorecard[], after: Scorecard[]): ServiceChange[] {
  const group = (cards: Scorecard[]) => {
    const m = new Map<string, Scorecard[]>();
    for (const c of cards) {
      if (!c.service) continue;
      const list = m.get(c.service) ?? [];
      list.push(c);
      m.set(c.service, list);
    }
    return m;
  };
  const gb = group(before);
  const ga = group(after);
  const services = [...new Set([...gb.keys(), ...ga.keys()])].sort((a, b) => a.localeCompare(b));
  const avg = (cards: Scorecard[] | undefined, col: string): number | null => {
    const xs = (cards ?? []).map((c) => value(c, col)).filter((v): v is number => v !== null);
    return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
  };
  return services.map((service) => {
    const b = gb.get(service);
    const a = ga.get(service);
    const row: ServiceChange = { service, people: (a ?? b ?? []).length };
    for (const col of SERVICE_MEANS) {
      const vb = avg(b, col);
      const va = avg(a, col);
      row[`${col}Before`] = vb;
      row[`${col}After`] = va;
      row[`${col}Change`] = vb !== null && va !== null ? va - vb : null;
    }
    for (const col of SERVICE_SHARED) {
      const cb = b?.find((c) => value(c, col) !== null);
      const ca = a?.find((c) => value(c, col) !== null);
      const vb = value(cb, col);
      const va = value(ca, col);
      const change = vb !== null && va !== null ? va - vb : null;
      const bb = boundsOf(cb, col);
      const ab = boundsOf(ca, col);
      const ci = change !== null && bb && ab ? moverDifference(vb!, bb, va!, ab) : { low: null, high: null };
      row[`${col}Before`] = vb;
      row[`${col}After`] = va;
      row[`${col}Change`] = change;
      row[`${col}ChangeLow`] = ci.low;
      row[`${col}ChangeHigh`] = ci.high;
      row[`${col}RealChange`] = ci.low === null || ci.high === null ? null : ci.low > 0 || ci.high < 0;
    }
    return row;
  });
}
