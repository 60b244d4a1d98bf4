// The relational-capital index: normalisation, weights, missing components, columns.
import { describe, expect, it } from 'vitest';
import {
  computeScorecards,
  normalise,
  rankDescending,
  resolveWeights,
  DEFAULT_WEIGHTS,
  COMPONENT_KEYS,
  WEIGHTS_RATIONALE,
  SCORECARD_COLUMNS,
  type ScorecardInput,
} from '../../../src/core/scorecard';
import { asActorId, type Actor, type Tie } from '../../../src/core/model';
import { silentProgress } from '../../../src/core/quality';
import { summariseAppraisals, type AppraisalRating } from '../../../src/core/appraisal';
import { summariseSatisfaction, type SatisfactionResponse } from '../../../src/core/satisfaction';
import { inputOf, makeArea } from './area';

const A = (id: string, type: Actor['type'], sector: string, service?: string): Actor => ({
  id: asActorId(id),
  label: id.toUpperCase(),
  type,
  sector,
  service,
  role: type === 'public-servant' ? 'GP' : undefined,
  onRoster: !id.startsWith('r'),
  attrs: {},
});
const T = (s: string, t: string, relation: string, row: number): Tie => ({
  source: asActorId(s),
  target: asActorId(t),
  relation,
  weight: 1,
  file: 's.csv',
  row,
});

describe('normalise and rank', () => {
  it('mid-rank percentiles: lowest 0, highest 100, ties share, nulls stay null', () => {
    expect(normalise([1, 2, 2, 5, null])).toEqual([0, 50, 50, 100, null]);
    expect(normalise([3])).toEqual([50]);
    expect(normalise([4, 4])).toEqual([50, 50]);
    expect(normalise([0.1, 0.5, 0.9], 'percentile', false)).toEqual([100, 50, 0]);
    expect(normalise([0, 5, 10], 'minmax')).toEqual([0, 50, 100]);
  });
  it('competition ranks, 1 = highest, ties share', () => {
    expect(rankDescending([10, 30, 30, null, 5])).toEqual([3, 1, 1, null, 4]);
  });
  it('weights: defaults sum to 1, each has a rationale, overrides clamp to non-negative', () => {
    expect(COMPONENT_KEYS.reduce((a, k) => a + DEFAULT_WEIGHTS[k], 0)).toBeCloseTo(1, 12);
    for (const k of COMPONENT_KEYS) expect(WEIGHTS_RATIONALE[k].length).toBeGreaterThan(40);
    expect(resolveWeights({ betweenness: -1, appraisal: 0.5 })).toMatchObject({
      betweenness: 0,
      appraisal: 0.5,
    });
  });
  it('scorecard columns start with the contract columns in order', () => {
    expect(SCORECARD_COLUMNS.slice(0, 4)).toEqual(['id', 'name', 'role', 'service']);
    for (const c of [
      'index',
      'rank',
      'indexLow',
      'indexHigh',
      'rankLow',
      'rankHigh',
      'civilInDegree',
      'trust',
    ])
      expect(SCORECARD_COLUMNS).toContain(c);
  });
});

describe('computeScorecards', () => {
  // ps-a: named by 2 residents and a group (civil), and by ps-b (public, not civil).
  const actors = [
    A('ps-a', 'public-servant', 'public', 'Surgery'),
    A('ps-b', 'public-servant', 'public', 'School'),
    A('g-1', 'group', 'voluntary'),
    A('r-1', 'resident', 'community'),
    A('r-2', 'resident', 'community'),
    A('r-3', 'resident', 'community'),
  ];
  const ties = [
    T('r-1', 'ps-a', 'need', 2),
    T('r-1', 'ps-a', 'trust', 2),
    T('r-2', 'ps-a', 'info', 3),
    T('g-1', 'ps-a', 'need', 4),
    T('ps-b', 'ps-a', 'need', 5),
    T('r-3', 'g-1', 'need', 6),
    T('r-3', 'ps-b', 'trust', 6),
  ];
  const respondents = [
    { key: 'r-1', file: 's.csv', row: 2 },
    { key: 'r-2', file: 's.csv', row: 3 },
    { key: 'g-1', file: 's.csv', row: 4 },
    { key: 'ps-b', file: 's.csv', row: 5 },
    { key: 'r-3', file: 's.csv', row: 6 },
  ];
  const rating = (ratee: string, score: number, i: number): AppraisalRating => ({
    ratee: asActorId(ratee),
    rater: `x${i}`,
    group: 'citizen',
    competency: 'goodCommunication',
    score,
    file: 'a.csv',
    row: i,
  });
  const sat: SatisfactionResponse[] = [1, 2, 3, 4].map((i) => ({
    id: `S${i}`,
    file: 'sat.csv',
    row: i + 1,
    services: ['Surgery'],
    answers: { satisfied: i <= 3 ? 5 : 1, trust: 'dont-know' },
    importance: null,
  }));
  const base: ScorecardInput = {
    actors,
    ties,
    respondents,
    metrics: {
      nodes: {
        'ps-a': { betweenness: 0.2, constraint: 0.4, brokerage: { liaison: 2, gatekeeper: 1 } },
        'ps-b': { betweenness: 0, constraint: null },
      },
      layers: {},
    },
    appraisal: summariseAppraisals(
      [1, 2, 3].map((i) => rating('ps-a', 4, i)),
      { threshold: 3 },
    ),
    satisfaction: summariseSatisfaction(sat, actors),
  };

  it('counts distinct civil actors, per-relation in-degrees and civil reach', () => {
    const [a, b] = computeScorecards(base, { bootstrapDraws: 0, seed: 1 }, silentProgress);
    expect(a).toMatchObject({ id: 'ps-a', name: 'PS-A', role: 'GP', service: 'Surgery' });
    expect(a!.civilInDegree).toBe(3); // r-1, r-2, g-1 (ps-b is public)
    expect(a!.needInDegree).toBe(3); // r-1, g-1 and ps-b: every named-by counts here
    expect(a!.trustInDegree).toBe(1);
    expect(a!.infoInDegree).toBe(1);
    // Within two steps either way: r-1, r-2, g-1, and through g-1 / ps-b: r-3.
    expect(a!.civilReach).toBe(4);
    expect(b!.civilInDegree).toBe(1);
    expect(a!.brokerage).toBe(3);
    expect(a!.appraisalOthers).toBe(4);
    expect(a!.satisfied).toBe(75);
    expect(a!.trust).toBeNull(); // only don't know
    expect(b!.satisfied).toBeNull(); // no answers for the school
  });

  it('a missing component is left out and reweighted, never scored as zero', () => {
    const [a, b] = computeScorecards(base, { bootstrapDraws: 0, seed: 1 }, silentProgress);
    expect(b!.components.appraisal).toMatchObject({
      missing: true,
      normalised: null,
      weightUsed: 0,
      contribution: null,
    });
    expect(b!.missingComponents.split(';')).toEqual(
      expect.arrayContaining(['appraisal', 'satisfaction', 'lowConstraint']),
    );
    const used = COMPONENT_KEYS.reduce((s, k) => s + b!.components[k].weightUsed, 0);
    expect(used).toBeCloseTo(1, 12);
    // The index is the weighted mean of what is present.
    const idx = COMPONENT_KEYS.reduce((s, k) => s + (b!.components[k].contribution ?? 0), 0);
    expect(b!.index).toBeCloseTo(idx, 9);
    expect(a!.rank).toBe(1);
    expect(b!.rank).toBe(2);
    // Flat breakdown columns mirror the components.
    expect(a!.civilInDegreeNorm).toBe(a!.components.civilInDegree.normalised);
    expect(b!.appraisalWeight).toBe(0);
  });

  it('weights change the index; a person with nothing computable gets null, not 0', () => {
    const onlyAppraisal = Object.fromEntries(COMPONENT_KEYS.map((k) => [k, k === 'appraisal' ? 1 : 0]));
    const [a, b] = computeScorecards(
      base,
      { bootstrapDraws: 0, seed: 1, weights: onlyAppraisal },
      silentProgress,
    );
    expect(a!.index).toBe(50); // alone among those with an appraisal
    expect(b!.index).toBeNull();
    expect(b!.rank).toBeNull();
  });

  it('is reproducible from its seed', () => {
    const area = makeArea(60, [0.5, 0.3, 0.2], 's');
    const one = computeScorecards(inputOf(area), { bootstrapDraws: 200, seed: 7 }, silentProgress);
    const two = computeScorecards(inputOf(area), { bootstrapDraws: 200, seed: 7 }, silentProgress);
    const three = computeScorecards(inputOf(area), { bootstrapDraws: 200, seed: 8 }, silentProgress);
    expect(JSON.stringify(one)).toBe(JSON.stringify(two));
    expect(JSON.stringify(one)).not.toBe(JSON.stringify(three));
  });

  it('results are plain JSON with no NaN', () => {
    const area = makeArea(30, [0.5, 0.3, 0.2, 0], 'j');
    const cards = computeScorecards(inputOf(area), { bootstrapDraws: 50, seed: 1 }, silentProgress);
    const text = JSON.stringify(cards);
    expect(text).not.toMatch(/NaN|Infinity/);
    expect(JSON.parse(text)).toEqual(cards);
  });
});

describe('readWeightsConfig', () => {
  it('reads weights, reports unknown or invalid ones, and stops on malformed JSON', async () => {
    const { readWeightsConfig } = await import('../../../src/core/scorecard');
    const { QualityCollector, InputError } = await import('../../../src/core/quality');
    const q = new QualityCollector();
    const w = readWeightsConfig(
      { name: 'w.json', data: '{"weights": {"appraisal": 0.4, "luck": 1, "betweenness": "high"}}' },
      q,
    );
    expect(w).toEqual({ appraisal: 0.4 });
    expect(q.issues.map((i) => [i.code, i.column])).toEqual([
      ['unknown-weight', 'luck'],
      ['invalid-weight', 'betweenness'],
    ]);
    expect(() => readWeightsConfig({ name: 'w.json', data: '{oops' }, q)).toThrow(InputError);
  });
});

describe('default weights overview', () => {
  it('states the network and non-network shares that the defaults actually give', async () => {
    const { DEFAULT_WEIGHTS, WEIGHTS_OVERVIEW } = await import('../../../src/core/scorecard');
    const { appraisal, satisfaction, ...network } = DEFAULT_WEIGHTS;
    const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
    expect(WEIGHTS_OVERVIEW).toContain(
      `Network measures carry ${pct(Object.values(network).reduce((a, b) => a + b, 0))}`,
    );
    expect(WEIGHTS_OVERVIEW).toContain(`the 360 and satisfaction ${pct(appraisal + satisfaction)}`);
  });
});
