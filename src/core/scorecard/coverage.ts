// Who was asked and who answered, per sector: every network figure depends on it, so the app and
// report show it beside them and warn where a sector answered too thinly to compare people on.
import { SECTOR_OF_TYPE, type Actor, type ActorType } from '../model';
import type { RespondentLike } from './network-counts';

export interface SectorCoverage {
  sector: string;
  /** How many were asked: the given count, else the roster when it lists everyone who answered. */
  invited: number | null;
  invitedFrom: 'given' | 'roster' | null;
  /** Distinct respondents (someone answering twice counts once). */
  responded: number;
  /** responded / invited, 0–1; null when the invited count is unknown. */
  rate: number | null;
  low: boolean;
  warning: string | null;
}

export interface Coverage {
  minRate: number;
  sectors: SectorCoverage[];
  warnings: string[];
}

export interface CoverageOptions {
  /** Invited (sample frame) size per sector, e.g. { community: 400, voluntary: 25 }. */
  invited?: Record<string, number>;
  /**
   * Response rate below which a sector is flagged. Default 0.6: simulation studies of missing
   * respondents (Costenbader & Valente 2003; Kossinets 2006) find centrality rankings become
   * unreliable as response falls towards and below about 60%.
   */
  minRate?: number;
}

type CoverageRespondent = RespondentLike & { type?: ActorType | string };

export function computeCoverage(
  actors: Actor[],
  respondents: readonly CoverageRespondent[],
  opts: CoverageOptions = {},
): Coverage {
  const minRate = opts.minRate ?? 0.6;
  const byId = new Map(actors.map((a) => [a.id as string, a]));
  const responded = new Map<string, Set<string>>();
  const offRoster = new Set<string>();
  for (const r of respondents) {
    const actor = byId.get(r.key);
    const sector = actor?.sector ?? SECTOR_OF_TYPE[(r.type ?? 'other') as ActorType] ?? 'community';
    const set = responded.get(sector) ?? new Set<string>();
    set.add(r.key);
    responded.set(sector, set);
    if (!actor?.onRoster) offRoster.add(sector);
  }
  const rosterCount = new Map<string, number>();
  for (const a of actors) if (a.onRoster) rosterCount.set(a.sector, (rosterCount.get(a.sector) ?? 0) + 1);
  const sectors = [
    ...new Set([...responded.keys(), ...Object.keys(opts.invited ?? {}), ...rosterCount.keys()]),
  ].sort();

  const out: SectorCoverage[] = sectors.map((sector) => {
    const n = responded.get(sector)?.size ?? 0;
    const given = opts.invited?.[sector];
    let invited: number | null = null;
    let invitedFrom: SectorCoverage['invitedFrom'] = null;
    if (given !== undefined && Number.isFinite(given) && given > 0) {
      invited = given;
      invitedFrom = 'given';
    } else if (!offRoster.has(sector) && (rosterCount.get(sector) ?? 0) > 0) {
      // Everyone who answered is on the roster, so the roster is the sample frame.
      invited = rosterCount.get(sector)!;
      invitedFrom = 'roster';
    }
    const rate = invited ? n / invited : null;
    let warning: string | null = null;
    if (rate !== null && rate < minRate) {
      warning = `Only ${n} of ${invited} ${sector} actors answered (${Math.round(rate * 100)}%): too few to compare people on their ${sector} ties.`;
    } else if (rate !== null && rate > 1) {
      warning = `${n} ${sector} respondents but only ${invited} invited: check the invited count.`;
    }
    return {
      sector,
      invited,
      invitedFrom,
      responded: n,
      rate,
      low: rate !== null && rate < minRate,
      warning,
    };
  });
  return {
    minRate,
    sectors: out,
    warnings: out.map((s) => s.warning).filter((w): w is string => w !== null),
  };
}
