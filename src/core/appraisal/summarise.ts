// Summarises 360 ratings per person and competency, applying the anonymity rule before anything
// leaves this module: no rater group below the threshold is ever visible on its own.
import {
  COMPETENCIES,
  COMPETENCY_KEYS,
  EXEMPT_GROUPS,
  RATER_GROUPS,
  type CompetencyKey,
  type RaterGroup,
} from './competencies';
import type { AppraisalRating } from './read';

/** A rater group as shown: a real group, or `others` (groups folded in to protect anonymity). */
export type ShownGroup = Exclude<RaterGroup, 'other'> | 'others';

export interface GroupCell {
  /** Mean score; null when there are no scores or too few raters to show one (`suppressed`). */
  mean: number | null;
  /** Distinct raters who scored (N/A left out). */
  raters: number;
  suppressed: boolean;
}

export interface CompetencyAppraisal {
  key: CompetencyKey;
  label: string;
  self: number | null;
  /** Every non-self rater pooled. */
  others: GroupCell;
  /** Only the groups that may be shown, in display order; `others` holds the folded groups. */
  groups: Partial<Record<ShownGroup, GroupCell>>;
  /** self − others; positive = rates themself higher than others do. */
  gap: number | null;
  flag: 'hidden-strength' | 'blind-spot' | null;
}

export interface PersonAppraisal {
  id: string;
  /** Distinct non-self raters. */
  raters: number;
  /** The groups shown for this person, with their rater counts (never one below the threshold unless exempt). */
  groups: { group: ShownGroup; raters: number }[];
  competencies: CompetencyAppraisal[];
  /** Mean of every non-self score, all competencies pooled (the `appraisalOthers` column). */
  othersMean: number | null;
  othersScores: number;
  selfMean: number | null;
  selfScores: number;
  hiddenStrengths: CompetencyKey[];
  blindSpots: CompetencyKey[];
  /** Plain-English notes on what was folded or withheld (never naming a folded group). */
  notes: string[];
}

export interface AppraisalSummary {
  threshold: number;
  gap: number;
  competencies: { key: CompetencyKey; label: string }[];
  people: Record<string, PersonAppraisal>;
}

export interface AppraisalOptions {
  /** Smallest rater group shown on its own (self and manager exempt). Default 3. */
  threshold: number;
  /** Self–others difference (scale points) that marks a hidden strength or blind spot. Default 1. */
  gap?: number;
}

const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/**
 * Decide which groups a person's report may show. Groups under the threshold fold into `others`;
 * if `others` is still too small, the smallest shown group joins it until it is large enough; if
 * every non-exempt rater together is too few, the manager folds in too, so nobody can recover the
 * small group by subtracting the manager's scores from the pooled mean.
 */
export function planGroups(
  raterCounts: Map<RaterGroup, number>,
  threshold: number,
): Map<RaterGroup, ShownGroup> {
  const plan = new Map<RaterGroup, ShownGroup>();
  const shown: RaterGroup[] = [];
  let pool = 0;
  for (const g of RATER_GROUPS) {
    const n = raterCounts.get(g) ?? 0;
    if (n === 0 || g === 'self') continue;
    if (EXEMPT_GROUPS.includes(g)) continue;
    if (g !== 'other' && n >= threshold) shown.push(g);
    else pool += n;
  }
  if (pool > 0) {
    shown.sort((a, b) => (raterCounts.get(a) ?? 0) - (raterCounts.get(b) ?? 0));
    while (pool < threshold && shown.length) pool += raterCounts.get(shown.shift()!) ?? 0;
  }
  for (const g of RATER_GROUPS) {
    if ((raterCounts.get(g) ?? 0) === 0) continue;
    if (g === 'self' || g === 'manager') plan.set(g, g);
    else plan.set(g, shown.includes(g) ? (g as ShownGroup) : 'others');
  }
  if (pool > 0 && pool < threshold && plan.has('manager')) plan.set('manager', 'others');
  return plan;
}

export function summariseAppraisals(ratings: AppraisalRating[], opts: AppraisalOptions): AppraisalSummary {
  const threshold = Math.max(1, Math.floor(opts.threshold));
  const gapLimit = opts.gap ?? 1;
  const byRatee = new Map<string, AppraisalRating[]>();
  for (const r of ratings) {
    const list = byRatee.get(r.ratee);
    if (list) list.push(r);
    else byRatee.set(r.ratee, [r]);
  }
  const people: Record<string, PersonAppraisal> = {};
  for (const id of [...byRatee.keys()].sort()) {
    people[id] = summarisePerson(id, byRatee.get(id)!, threshold, gapLimit);
  }
  return {
    threshold,
    gap: gapLimit,
    competencies: COMPETENCIES.map((c) => ({ key: c.key, label: c.label })),
    people,
  };
}

const SHOWN_ORDER: ShownGroup[] = [
  'self',
  'manager',
  'peer',
  'direct report',
  'community partner',
  'citizen',
  'others',
];

function summarisePerson(
  id: string,
  ratings: AppraisalRating[],
  threshold: number,
  gapLimit: number,
): PersonAppraisal {
  const ratersByGroup = new Map<RaterGroup, Set<string>>();
  for (const r of ratings) {
    const set = ratersByGroup.get(r.group) ?? new Set<string>();
    set.add(r.rater);
    ratersByGroup.set(r.group, set);
  }
  const counts = new Map<RaterGroup, number>([...ratersByGroup].map(([g, s]) => [g, s.size]));
  const plan = planGroups(counts, threshold);
  const shownRaters = new Map<ShownGroup, Set<string>>();
  for (const [g, set] of ratersByGroup) {
    const shown = plan.get(g)!;
    const acc = shownRaters.get(shown) ?? new Set<string>();
    for (const r of set) acc.add(`${g}|${r}`);
    shownRaters.set(shown, acc);
  }
  const others = ratings.filter((r) => r.group !== 'self');
  const otherRaters = new Set(others.map((r) => `${r.group}|${r.rater}`)).size;
  const self = ratings.filter((r) => r.group === 'self');
  const notes: string[] = [];
  if ([...plan].some(([g, s]) => s === 'others' && g !== 'other')) {
    notes.push(`Rater groups with fewer than ${threshold} raters are combined as "others".`);
  }
  // With too few non-self raters even the pooled mean would show individual scores.
  // (A manager alone is exempt: their scores are theirs to own.)
  const nonExempt = others.some((r) => !EXEMPT_GROUPS.includes(r.group));
  const othersTooFew = nonExempt && otherRaters < threshold;
  if (othersTooFew)
    notes.push(`Fewer than ${threshold} raters besides the person themself: others' scores are withheld.`);

  const cell = (
    scores: { rater: string; group: RaterGroup; score: number }[],
    exempt: boolean,
  ): GroupCell => {
    const raters = new Set(scores.map((s) => `${s.group}|${s.rater}`)).size;
    const suppressed = !exempt && raters > 0 && raters < threshold;
    return { mean: suppressed ? null : mean(scores.map((s) => s.score)), raters, suppressed };
  };

  const competencies: CompetencyAppraisal[] = COMPETENCY_KEYS.map((key) => {
    const mine = ratings.filter((r) => r.competency === key);
    const selfMean = mean(mine.filter((r) => r.group === 'self').map((r) => r.score));
    const mineOthers = mine.filter((r) => r.group !== 'self');
    const othersCell = cell(
      mineOthers,
      mineOthers.every((r) => EXEMPT_GROUPS.includes(r.group)),
    );
    const groups: Partial<Record<ShownGroup, GroupCell>> = {};
    for (const shown of SHOWN_ORDER) {
      if (!shownRaters.has(shown)) continue;
      const scores = mine.filter((r) => plan.get(r.group) === shown);
      groups[shown] = cell(scores, shown === 'self' || shown === 'manager');
    }
    const gap = selfMean !== null && othersCell.mean !== null ? selfMean - othersCell.mean : null;
    // A small epsilon so a gap of exactly the limit counts despite floating point.
    const flag =
      gap === null
        ? null
        : gap >= gapLimit - 1e-9
          ? 'blind-spot'
          : -gap >= gapLimit - 1e-9
            ? 'hidden-strength'
            : null;
    return {
      key,
      label: COMPETENCIES.find((c) => c.key === key)!.label,
      self: selfMean,
      others: othersCell,
      groups,
      gap,
      flag,
    };
  });

  return {
    id,
    raters: otherRaters,
    groups: SHOWN_ORDER.filter((g) => shownRaters.has(g)).map((g) => ({
      group: g,
      raters: shownRaters.get(g)!.size,
    })),
    competencies,
    othersMean: othersTooFew ? null : mean(others.map((r) => r.score)),
    othersScores: others.length,
    selfMean: mean(self.map((r) => r.score)),
    selfScores: self.length,
    hiddenStrengths: competencies.filter((c) => c.flag === 'hidden-strength').map((c) => c.key),
    blindSpots: competencies.filter((c) => c.flag === 'blind-spot').map((c) => c.key),
    notes,
  };
}
