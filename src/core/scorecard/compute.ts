// Builds one scorecard per public servant: network, 360 and satisfaction figures, the
// relational-capital index with its breakdown, and bootstrap intervals for the index and rank.
import type { Actor, Tie } from '../model';
import { isCivil } from '../model';
import type { Progress } from '../quality';
import type { AppraisalSummary } from '../appraisal';
import type { SatisfactionSummary } from '../satisfaction';
import { buildCountFrame, countDraw, type RespondentLike } from './network-counts';
import { normalise, rankDescending, type Normalisation } from './normalise';
import { binomial, makeRng, quantileSorted } from './rng';
import { COMPONENT_KEYS, resolveWeights, type ComponentKey, type IndexWeights } from './weights';

/**
 * The metrics a scorecard reads, typed structurally so any metrics result with these fields fits:
 * `nodes[id].betweenness | constraint | civilReach | brokerage` and `layers[rel].nodes[id].inDegree`.
 */
export interface ScorecardMetrics {
  nodes: Record<string, unknown>;
  layers?: Record<string, { nodes: Record<string, unknown> }>;
}

export interface ComponentPart {
  /** The measure before normalisation (constraint as measured: lower is better). */
  raw: number | null;
  /** 0–100 within the area; null when missing. */
  normalised: number | null;
  /** Weight as configured (before rescaling). */
  weight: number;
  /** Share of the index this component actually carries for this person (0 when missing). */
  weightUsed: number;
  /** normalised × weightUsed: the points it adds to the index. */
  contribution: number | null;
  missing: boolean;
}

/** Flat breakdown columns for the CSV: `<component>Norm` (0–100) and `<component>Weight` (share used). */
export type ComponentColumns = { [K in ComponentKey as `${K}Norm`]: number | null } & {
  [K in ComponentKey as `${K}Weight`]: number;
};

export interface Scorecard extends ComponentColumns {
  id: string;
  name: string;
  role: string | null;
  service: string | null;
  index: number | null;
  rank: number | null;
  indexLow: number | null;
  indexHigh: number | null;
  rankLow: number | null;
  rankHigh: number | null;
  civilInDegree: number | null;
  civilInDegreeLow: number | null;
  civilInDegreeHigh: number | null;
  needInDegree: number | null;
  trustInDegree: number | null;
  infoInDegree: number | null;
  civilReach: number | null;
  betweenness: number | null;
  constraint: number | null;
  brokerage: number | null;
  appraisalOthers: number | null;
  appraisalSelf: number | null;
  takingResponsibility: number | null;
  honestOpen: number | null;
  askingForFeedback: number | null;
  actingOnFeedback: number | null;
  avoidingUnnecessaryContact: number | null;
  goodCommunication: number | null;
  satisfied: number | null;
  influence: number | null;
  involved: number | null;
  trust: number | null;
  /** Residents' answers behind the satisfaction figures (the service's response count). */
  satisfactionN: number | null;
  /** Components left out of this person's index (rescaled around), `;`-joined for the CSV. */
  missingComponents: string;
  components: Record<ComponentKey, ComponentPart>;
  /** 95% intervals: bootstrap for index, rank and the network counts; Wilson for satisfaction. */
  intervals: Record<string, { low: number | null; high: number | null }>;
  /** Roster civil-society actors who named this person (any tie type), for ties gained and lost. */
  civilNamers: string[];
  /** Bootstrap draws behind the intervals (0 = none). */
  draws: number;
}

export interface ScorecardInput {
  actors: Actor[];
  ties: Tie[];
  respondents: readonly RespondentLike[];
  /** Unused beyond its presence; the counts are taken from the ties so the bootstrap can redo them. */
  network?: unknown;
  metrics: ScorecardMetrics;
  appraisal: AppraisalSummary;
  satisfaction: SatisfactionSummary;
}

export interface ScorecardOptions {
  weights?: Partial<IndexWeights>;
  /** Bootstrap draws over respondents; 0 = no intervals. */
  bootstrapDraws: number;
  seed: number;
  normalisation?: Normalisation;
}

const CORE_SAT = ['satisfied', 'influence', 'involved', 'trust'] as const;
const BOOTSTRAPPED = [
  'civilInDegree',
  'needInDegree',
  'trustInDegree',
  'infoInDegree',
  'civilReach',
] as const;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const field = (rec: unknown, key: string): unknown =>
  rec && typeof rec === 'object' ? (rec as Record<string, unknown>)[key] : undefined;

function brokerageTotal(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (!v || typeof v !== 'object') return null;
  let total = 0;
  let any = false;
  for (const x of Object.values(v as Record<string, unknown>)) {
    if (typeof x === 'number' && Number.isFinite(x)) {
      total += x;
      any = true;
    }
  }
  return any ? total : null;
}

/** Index of each servant from per-component raw values (null = missing), as in the scorecard. */
function indexFrom(
  raw: Record<ComponentKey, (number | null)[]>,
  weights: IndexWeights,
  method: Normalisation,
  servants: number,
): { index: (number | null)[]; norm: Record<ComponentKey, (number | null)[]> } {
  const norm = {} as Record<ComponentKey, (number | null)[]>;
  for (const k of COMPONENT_KEYS) norm[k] = normalise(raw[k], method, k !== 'lowConstraint');
  const index: (number | null)[] = [];
  for (let s = 0; s < servants; s++) {
    let sum = 0;
    let wsum = 0;
    for (const k of COMPONENT_KEYS) {
      const v = norm[k][s];
      if (v === null || v === undefined || weights[k] <= 0) continue;
      sum += v * weights[k];
      wsum += weights[k];
    }
    // Rounded to 1e-9 (and so kept within 0–100): float sums like 100.00000000000001 would
    // otherwise fall just outside their own interval.
    index.push(wsum > 0 ? Math.round((sum / wsum) * 1e9) / 1e9 : null);
  }
  return { index, norm };
}

/**
 * Scorecards for every public servant (actors of type `public-servant`, roster order).
 *
 * Bootstrap (Efron's nonparametric bootstrap, percentile 95% intervals): each draw resamples the
 * survey respondents with replacement and recounts the cheap network figures — in-degrees per tie
 * type, civil-society in-degree and civil reach — from the ties of the drawn respondents; each
 * service's satisfaction % agree is redrawn from its own answers (binomial, which is the bootstrap
 * of a proportion). Path-based figures (betweenness, constraint, brokerage) and the 360 are held
 * at their observed values: recomputing them for 1,000 draws is too slow, so the intervals
 * understate their share of the uncertainty. The index is renormalised within every draw, so the
 * intervals are for standing within the area. Rank ranges then widen so that two people whose
 * index intervals overlap always have overlapping rank ranges.
 */
export function computeScorecards(
  input: ScorecardInput,
  opts: ScorecardOptions,
  progress: Progress,
): Scorecard[] {
  const weights = resolveWeights(opts.weights);
  const method = opts.normalisation ?? 'percentile';
  const actorsById = new Map(input.actors.map((a) => [a.id as string, a]));
  const frame = buildCountFrame(input.actors, input.ties, input.respondents);
  const S = frame.servants.length;
  const ones = new Float64Array(frame.units).fill(1);
  const observed = countDraw(frame, ones);
  const relIdx = (rel: string): number => frame.relations.indexOf(rel);

  const layerInDegree = (rel: string, s: number): number | null => {
    const id = frame.servants[s]!;
    const fromMetrics = num(field(input.metrics.layers?.[rel]?.nodes[id], 'inDegree'));
    if (fromMetrics !== null) return fromMetrics;
    const r = relIdx(rel);
    return r >= 0 ? observed.inDegree[r]![s]! : null;
  };

  // Observed raw values per servant.
  const rows = frame.servants.map((id, s) => {
    const actor = actorsById.get(id)!;
    const node = input.metrics.nodes[id];
    const person = input.appraisal.people[id];
    const serviceName = input.satisfaction.byPerson[id] ?? null;
    const service = serviceName
      ? input.satisfaction.services.find((x) => x.service === serviceName)
      : undefined;
    const comp = (key: string): number | null =>
      person?.competencies.find((c) => c.key === key)?.others.mean ?? null;
    const sat = (key: (typeof CORE_SAT)[number]) => service?.items[key] ?? null;
    const satPcts = CORE_SAT.map((k) => sat(k)?.pctAgree ?? null).filter((v): v is number => v !== null);
    return {
      actor,
      civilInDegree: observed.civilInDegree[s]!,
      needInDegree: layerInDegree('need', s),
      trustInDegree: layerInDegree('trust', s),
      infoInDegree: layerInDegree('info', s),
      civilReach: num(field(node, 'civilReach')) ?? observed.civilReach[s]!,
      betweenness: num(field(node, 'betweenness')),
      constraint: num(field(node, 'constraint')),
      brokerage: brokerageTotal(field(node, 'brokerage')),
      appraisalOthers: person?.othersMean ?? null,
      appraisalSelf: person?.selfMean ?? null,
      competencies: {
        takingResponsibility: comp('takingResponsibility'),
        honestOpen: comp('honestOpen'),
        askingForFeedback: comp('askingForFeedback'),
        actingOnFeedback: comp('actingOnFeedback'),
        avoidingUnnecessaryContact: comp('avoidingUnnecessaryContact'),
        goodCommunication: comp('goodCommunication'),
      },
      sat: Object.fromEntries(CORE_SAT.map((k) => [k, sat(k)])) as Record<
        (typeof CORE_SAT)[number],
        ReturnType<typeof sat>
      >,
      satisfactionN: service ? service.responses : null,
      satisfaction: satPcts.length ? satPcts.reduce((a, b) => a + b, 0) / satPcts.length : null,
    };
  });

  const rawObserved: Record<ComponentKey, (number | null)[]> = {
    civilInDegree: rows.map((r) => r.civilInDegree),
    trustInDegree: rows.map((r) => r.trustInDegree),
    civilReach: rows.map((r) => r.civilReach),
    brokerage: rows.map((r) => r.brokerage),
    lowConstraint: rows.map((r) => r.constraint),
    betweenness: rows.map((r) => r.betweenness),
    appraisal: rows.map((r) => r.appraisalOthers),
    satisfaction: rows.map((r) => r.satisfaction),
  };
  const point = indexFrom(rawObserved, weights, method, S);
  const pointRank = rankDescending(point.index);

  // ---- Bootstrap -------------------------------------------------------------------------------
  const draws = frame.units > 0 && S > 0 ? Math.max(0, Math.floor(opts.bootstrapDraws)) : 0;
  const indexDraws = Array.from({ length: S }, () => new Float64Array(draws));
  const rankDraws = Array.from({ length: S }, () => new Float64Array(draws));
  const countDraws: Record<(typeof BOOTSTRAPPED)[number], Float64Array[]> = {
    civilInDegree: Array.from({ length: S }, () => new Float64Array(draws)),
    needInDegree: Array.from({ length: S }, () => new Float64Array(draws)),
    trustInDegree: Array.from({ length: S }, () => new Float64Array(draws)),
    infoInDegree: Array.from({ length: S }, () => new Float64Array(draws)),
    civilReach: Array.from({ length: S }, () => new Float64Array(draws)),
  };
  if (draws > 0) {
    const rng = makeRng(opts.seed, 'scorecard-bootstrap');
    const mult = new Float64Array(frame.units);
    const scratch = new Int32Array(frame.nodes);
    const services = input.satisfaction.services;
    const step = Math.max(1, Math.floor(draws / 50));
    for (let d = 0; d < draws; d++) {
      progress.check();
      if (d % step === 0) progress.report('Bootstrap', d / draws);
      mult.fill(0);
      for (let i = 0; i < frame.units; i++) mult[Math.floor(rng() * frame.units)]! += 1;
      const c = countDraw(frame, mult, scratch);
      // Satisfaction: redraw each service's agree count from its own answers.
      const satDraw = new Map<string, number | null>();
      for (const svc of services) {
        const pcts: number[] = [];
        for (const k of CORE_SAT) {
          const st = svc.items[k];
          if (!st || st.n === 0) continue;
          pcts.push((100 * binomial(rng, st.n, st.agree / st.n)) / st.n);
        }
        satDraw.set(svc.service, pcts.length ? pcts.reduce((a, b) => a + b, 0) / pcts.length : null);
      }
      const rel = (name: string): Float64Array | null => {
        const r = relIdx(name);
        return r >= 0 ? c.inDegree[r]! : null;
      };
      const trust = rel('trust');
      const raw: Record<ComponentKey, (number | null)[]> = {
        ...rawObserved,
        civilInDegree: Array.from(c.civilInDegree),
        trustInDegree: rawObserved.trustInDegree.map((v, s) => (v === null || !trust ? null : trust[s]!)),
        civilReach: Array.from(c.civilReach),
        satisfaction: rows.map((r, s) =>
          r.satisfaction === null
            ? null
            : (satDraw.get(input.satisfaction.byPerson[frame.servants[s]!]!) ?? null),
        ),
      };
      const { index } = indexFrom(raw, weights, method, S);
      const ranks = rankDescending(index);
      const need = rel('need');
      const info = rel('info');
      for (let s = 0; s < S; s++) {
        indexDraws[s]![d] = index[s] ?? NaN;
        rankDraws[s]![d] = ranks[s] ?? NaN;
        countDraws.civilInDegree[s]![d] = c.civilInDegree[s]!;
        countDraws.needInDegree[s]![d] = need ? need[s]! : NaN;
        countDraws.trustInDegree[s]![d] = trust ? trust[s]! : NaN;
        countDraws.infoInDegree[s]![d] = info ? info[s]! : NaN;
        countDraws.civilReach[s]![d] = c.civilReach[s]!;
      }
    }
    progress.report('Bootstrap', 1);
  }

  /** Percentile interval, widened to contain the observed value; null without draws or value. */
  const interval = (samples: Float64Array | undefined, observedValue: number | null) => {
    if (!samples || draws === 0 || observedValue === null) return { low: null, high: null };
    const sorted = Float64Array.from(samples.filter((v) => !Number.isNaN(v))).sort();
    const lo = quantileSorted(sorted, 0.025);
    const hi = quantileSorted(sorted, 0.975);
    if (lo === null || hi === null) return { low: null, high: null };
    // Rounded to 1e-9 so interpolated counts do not print as 40.02499999999998.
    const r9 = (x: number) => Math.round(x * 1e9) / 1e9;
    return { low: r9(Math.min(lo, observedValue)), high: r9(Math.max(hi, observedValue)) };
  };

  const indexIntervals = rows.map((_, s) => interval(indexDraws[s], point.index[s] ?? null));
  const rankIntervals = rows.map((_, s) => interval(rankDraws[s], pointRank[s] ?? null));
  // Overlap rule: rank range covers every position not ruled out by non-overlapping index intervals.
  for (let s = 0; s < S; s++) {
    const mine = indexIntervals[s]!;
    const ri = rankIntervals[s]!;
    if (mine.low === null || mine.high === null || ri.low === null || ri.high === null) continue;
    let surelyAbove = 0;
    let mayBeAbove = 0;
    for (let t = 0; t < S; t++) {
      if (t === s) continue;
      const other = indexIntervals[t]!;
      if (other.low === null || other.high === null) continue;
      if (other.low > mine.high) surelyAbove++;
      if (other.high >= mine.low) mayBeAbove++;
    }
    ri.low = Math.min(Math.round(ri.low), surelyAbove + 1);
    ri.high = Math.max(Math.round(ri.high), mayBeAbove + 1);
  }

  const civilOnRoster = (id: string): boolean => {
    const a = actorsById.get(id);
    return !!a && a.onRoster && isCivil(a);
  };
  const namers = new Map<string, Set<string>>();
  for (const t of input.ties) {
    if (t.source === t.target || !civilOnRoster(t.source)) continue;
    const set = namers.get(t.target) ?? new Set<string>();
    set.add(t.source);
    namers.set(t.target, set);
  }

  const totalWeight = (s: number): number =>
    COMPONENT_KEYS.reduce(
      (acc, k) => acc + (point.norm[k][s] !== null && weights[k] > 0 ? weights[k] : 0),
      0,
    );

  return rows.map((r, s) => {
    const id = frame.servants[s]!;
    const wsum = totalWeight(s);
    const components = {} as Record<ComponentKey, ComponentPart>;
    const missing: ComponentKey[] = [];
    for (const k of COMPONENT_KEYS) {
      const normalised = point.norm[k][s] ?? null;
      const isMissing = normalised === null;
      if (isMissing && weights[k] > 0) missing.push(k);
      // Rounded to 1e-12 so 0.2 prints as 0.2, not 0.20000000000000004.
      const weightUsed =
        !isMissing && wsum > 0 && weights[k] > 0 ? Math.round((weights[k] / wsum) * 1e12) / 1e12 : 0;
      components[k] = {
        raw: rawObserved[k][s] ?? null,
        normalised,
        weight: weights[k],
        weightUsed,
        contribution: isMissing ? null : normalised * weightUsed,
        missing: isMissing,
      };
    }
    const flat = {} as Record<string, number | null>;
    for (const k of COMPONENT_KEYS) {
      flat[`${k}Norm`] = components[k].normalised;
      flat[`${k}Weight`] = components[k].weightUsed;
    }
    const intervals: Scorecard['intervals'] = {
      index: indexIntervals[s]!,
      rank: rankIntervals[s]!,
    };
    const observedOf: Record<(typeof BOOTSTRAPPED)[number], number | null> = {
      civilInDegree: r.civilInDegree,
      needInDegree: r.needInDegree,
      trustInDegree: r.trustInDegree,
      infoInDegree: r.infoInDegree,
      civilReach: r.civilReach,
    };
    for (const k of BOOTSTRAPPED) intervals[k] = interval(countDraws[k][s], observedOf[k]);
    for (const k of CORE_SAT) {
      const st = r.sat[k];
      intervals[k] = { low: st?.pctAgreeLow ?? null, high: st?.pctAgreeHigh ?? null };
    }
    return {
      id,
      name: r.actor.label,
      role: r.actor.role ?? null,
      service: r.actor.service ?? null,
      index: point.index[s] ?? null,
      rank: pointRank[s] ?? null,
      indexLow: indexIntervals[s]!.low,
      indexHigh: indexIntervals[s]!.high,
      rankLow: rankIntervals[s]!.low,
      rankHigh: rankIntervals[s]!.high,
      civilInDegree: r.civilInDegree,
      civilInDegreeLow: intervals.civilInDegree!.low,
      civilInDegreeHigh: intervals.civilInDegree!.high,
      needInDegree: r.needInDegree,
      trustInDegree: r.trustInDegree,
      infoInDegree: r.infoInDegree,
      civilReach: r.civilReach,
      betweenness: r.betweenness,
      constraint: r.constraint,
      brokerage: r.brokerage,
      appraisalOthers: r.appraisalOthers,
      appraisalSelf: r.appraisalSelf,
      ...r.competencies,
      satisfied: r.sat.satisfied?.pctAgree ?? null,
      influence: r.sat.influence?.pctAgree ?? null,
      involved: r.sat.involved?.pctAgree ?? null,
      trust: r.sat.trust?.pctAgree ?? null,
      satisfactionN: r.satisfactionN,
      missingComponents: missing.join(';'),
      ...(flat as ComponentColumns),
      components,
      intervals,
      civilNamers: [...(namers.get(id) ?? [])].sort(),
      draws,
    };
  });
}
