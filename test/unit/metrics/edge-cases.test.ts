// Degenerate graphs never crash and never yield NaN: undefined values are null with a quality note.
// Also: Louvain determinism per seed, layered metrics, civil reach, sampled betweenness, registry.
import { describe, expect, it } from 'vitest';
import Graph from 'graphology';
import fc from 'fast-check';
import {
  computeLayeredMetrics,
  computeMetrics,
  METRICS,
  metricByKey,
  metricsMarkdown,
  type MetricsResult,
} from '../../../src/core/metrics';
import { buildNetwork } from '../../../src/core/network/build';
import { QualityCollector, silentProgress, CancelledError, makeProgress } from '../../../src/core/quality';
import { asActorId, type Actor, type Tie } from '../../../src/core/model';
import { fixtureGraph, loadFixture } from './fixtures';

function noNaN(result: MetricsResult): void {
  const walk = (x: unknown, path: string) => {
    if (typeof x === 'number') expect(Number.isFinite(x), path).toBe(true);
    else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) walk(v, `${path}.${k}`);
  };
  walk(result, 'result');
}

const codes = (q: QualityCollector) => q.issues.map((i) => i.code);

describe('degenerate graphs', () => {
  it('empty graph: zero counts, nulls, a note, no NaN', () => {
    const q = new QualityCollector();
    const r = computeMetrics(new Graph({ type: 'directed' }), {}, q);
    expect(r.graph).toMatchObject({
      nodes: 0,
      edges: 0,
      density: null,
      diameter: null,
      modularity: null,
      eiIndex: null,
    });
    expect(r.nodes).toEqual({});
    expect(codes(q)).toContain('metrics-empty-graph');
    noNaN(r);
  });

  it('one node: centralities as networkx, undefined ones null with notes', () => {
    const g = new Graph({ type: 'directed' });
    g.addNode('a', { sector: 'public' });
    const q = new QualityCollector();
    const r = computeMetrics(g, {}, q);
    const a = r.nodes.a!;
    expect(a.degreeCentrality).toBe(1);
    expect(a.betweenness).toBe(0);
    expect(a.closeness).toBe(0);
    expect(a.pagerank).toBeCloseTo(1, 12);
    expect(a.constraint).toBeNull();
    expect(a.effectiveSize).toBeNull();
    expect(a.eiIndex).toBeNull();
    expect(a.hub).toBeNull();
    expect(r.graph.density).toBeNull();
    expect(codes(q)).toEqual(
      expect.arrayContaining(['density-undefined', 'metrics-isolates', 'hits-disconnected']),
    );
    noNaN(r);
  });

  it('isolates and a disconnected graph: eigenvector and HITS null with notes, others defined', () => {
    const g = new Graph({ type: 'directed' });
    for (const id of ['a', 'b', 'c', 'd']) g.addNode(id, { sector: id === 'a' ? 'public' : 'community' });
    g.addEdge('a', 'b', { weight: 1 });
    g.addEdge('b', 'a', { weight: 1 });
    const q = new QualityCollector();
    const r = computeMetrics(g, { weight: 'strength' }, q);
    expect(r.nodes.a!.eigenvector).toBeNull();
    expect(r.nodes.a!.hub).toBeNull();
    expect(r.nodes.c!.constraint).toBeNull();
    expect(r.nodes.a!.constraint).toBe(1);
    expect(r.graph.components).toBe(3);
    expect(r.graph.diameter).toBeNull();
    expect(codes(q)).toEqual(
      expect.arrayContaining([
        'eigenvector-disconnected',
        'hits-disconnected',
        'diameter-disconnected',
        'metrics-isolates',
      ]),
    );
    noNaN(r);
  });

  it('a node with in-ties only still gets constraint and effective size', () => {
    const g = new Graph({ type: 'directed' });
    g.mergeEdge('a', 'sink', { weight: 1 });
    g.mergeEdge('b', 'sink', { weight: 1 });
    const r = computeMetrics(g);
    expect(r.nodes.sink!.constraint).toBeCloseTo(0.5, 12);
    expect(r.nodes.sink!.effectiveSize).toBeCloseTo(2, 12);
  });

  it('self-ties are left out with a note', () => {
    const g = new Graph({ type: 'directed' });
    g.mergeEdge('a', 'a', { weight: 1 });
    g.mergeEdge('a', 'b', { weight: 1 });
    const q = new QualityCollector();
    const r = computeMetrics(g, {}, q);
    expect(r.nodes.a!.outDegree).toBe(1);
    expect(codes(q)).toContain('metrics-self-loops');
  });

  it('non-positive and missing weights do not produce NaN', () => {
    const g = new Graph({ type: 'directed' });
    g.mergeEdge('a', 'b', { weight: 0 });
    g.mergeEdge('b', 'c', { weight: -2 });
    g.mergeEdge('c', 'a', {});
    for (const weight of ['none', 'strength', 'distance'] as const) {
      const q = new QualityCollector();
      noNaN(computeMetrics(g, { weight }, q));
      if (weight !== 'none') expect(codes(q)).toContain('metrics-bad-weights');
    }
  });

  it('random small graphs never produce NaN or throw (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 }),
        fc.array(fc.tuple(fc.nat(11), fc.nat(11), fc.integer({ min: 1, max: 4 })), { maxLength: 40 }),
        fc.boolean(),
        fc.constantFrom('none', 'strength', 'distance'),
        (n, edges, directed, weight) => {
          const g = new Graph({ type: directed ? 'directed' : 'undirected' });
          for (let i = 0; i < n; i++) g.addNode(`n${i}`, { sector: i % 2 ? 'public' : 'community' });
          for (const [s, t, w] of edges) {
            if (s >= n || t >= n || s === t || g.hasEdge(`n${s}`, `n${t}`)) continue;
            g.addEdge(`n${s}`, `n${t}`, { weight: w });
          }
          const r = computeMetrics(g, { weight: weight as 'none' }, new QualityCollector());
          noNaN(r);
          expect(Object.keys(r.nodes)).toHaveLength(n);
        },
      ),
      { numRuns: 150, seed: 42 },
    );
  });
});

describe('options', () => {
  const karate = () => fixtureGraph(loadFixture('karate'));

  it('Louvain is deterministic for a seed', () => {
    const a = computeMetrics(karate(), { seed: 7 });
    const b = computeMetrics(karate(), { seed: 7 });
    expect(Object.values(a.nodes).map((x) => x.community)).toEqual(
      Object.values(b.nodes).map((x) => x.community),
    );
    expect(a.graph.modularity).toBe(b.graph.modularity);
  });

  it('directed: false analyses a directed graph as its undirected projection', () => {
    const f = loadFixture('directed-random');
    const r = computeMetrics(fixtureGraph(f), { directed: false });
    expect(r.graph.directed).toBe(false);
    expect(r.graph.reciprocity).toBeNull();
    const any = Object.values(r.nodes)[0]!;
    expect(any.inDegree).toBe(any.outDegree);
  });

  it('sampled betweenness is seeded, noted, and close to exact on a mid-size graph', () => {
    const g = fixtureGraph(loadFixture('lesmis'));
    const exact = computeMetrics(g, {});
    const q = new QualityCollector();
    const sampled = computeMetrics(g, { sampleAbove: 50, sampleSources: 60, seed: 3 }, q);
    expect(codes(q)).toContain('betweenness-sampled');
    const again = computeMetrics(g, { sampleAbove: 50, sampleSources: 60, seed: 3 });
    expect(again.nodes.Valjean!.betweenness).toBe(sampled.nodes.Valjean!.betweenness);
    // Closeness stays exact.
    expect(sampled.nodes.Valjean!.closeness).toBe(exact.nodes.Valjean!.closeness);
    expect(Math.abs(sampled.nodes.Valjean!.betweenness! - exact.nodes.Valjean!.betweenness!)).toBeLessThan(
      0.15,
    );
  });

  it('pagerankWeight "always" weights PageRank in every mode (networkx default), "mode" only with strength', () => {
    const f = loadFixture('lesmis');
    const strength = computeMetrics(fixtureGraph(f), { weight: 'strength' });
    const always = computeMetrics(fixtureGraph(f), { weight: 'none', pagerankWeight: 'always' });
    const plain = computeMetrics(fixtureGraph(f), { weight: 'none' });
    expect(always.nodes.Valjean!.pagerank).toBeCloseTo(strength.nodes.Valjean!.pagerank!, 12);
    expect(Math.abs(plain.nodes.Valjean!.pagerank! - strength.nodes.Valjean!.pagerank!)).toBeGreaterThan(
      1e-4,
    );
  });

  it('cancellation stops a long run', () => {
    const controller = new AbortController();
    controller.abort();
    expect(() =>
      computeMetrics(karate(), {}, new QualityCollector(), makeProgress(undefined, controller.signal)),
    ).toThrow(CancelledError);
  });
});

describe('layered metrics and civil reach', () => {
  const actor = (id: string, type: Actor['type'], sector: string): Actor => ({
    id: asActorId(id),
    label: id,
    type,
    sector,
    onRoster: type === 'public-servant',
    attrs: {},
  });
  const tie = (s: string, t: string, relation: string): Tie => ({
    source: asActorId(s),
    target: asActorId(t),
    relation,
    weight: 1,
  });
  const actors = [
    actor('head', 'public-servant', 'public'),
    actor('gp', 'public-servant', 'public'),
    actor('r1', 'resident', 'community'),
    actor('r2', 'resident', 'community'),
    actor('v1', 'volunteer', 'voluntary'),
    actor('r3', 'resident', 'community'),
  ];
  const ties = [
    tie('r1', 'head', 'trust'),
    tie('r1', 'head', 'need'),
    tie('r2', 'r1', 'info'),
    tie('v1', 'gp', 'need'),
    tie('gp', 'head', 'info'),
    tie('r3', 'v1', 'trust'),
  ];
  const network = buildNetwork(actors, ties);

  it('union at the top, one result per relation in layers', () => {
    const q = new QualityCollector();
    const r = computeLayeredMetrics(network, {}, q, silentProgress);
    expect(Object.keys(r.layers).sort()).toEqual(['info', 'need', 'trust']);
    expect(r.graph.edges).toBe(5);
    expect(r.nodes.head!.inStrength).toBe(3); // r1 with two relations, gp with one
    expect(r.layers.need!.graph.edges).toBe(2);
    expect(r.layers.trust!.nodes.head!.inDegree).toBe(1);
    // Notes name the layer they are about.
    expect(q.issues.some((i) => i.message.includes('"need"'))).toBe(true);
  });

  it('progress never runs backwards across the union and the layers', () => {
    const fractions: number[] = [];
    computeLayeredMetrics(
      network,
      {},
      new QualityCollector(),
      makeProgress((_p, f) => fractions.push(f)),
    );
    expect(fractions.length).toBeGreaterThan(5);
    for (let i = 1; i < fractions.length; i++)
      expect(fractions[i]!).toBeGreaterThanOrEqual(fractions[i - 1]! - 1e-12);
    expect(fractions.at(-1)).toBeCloseTo(1, 9);
  });

  it('civil reach counts distinct civil-society actors within two steps either way, servants only', () => {
    const r = computeLayeredMetrics(network, {}, new QualityCollector(), silentProgress);
    // head: r1 (1 step), r2 (2 steps via r1), gp is public, v1 via gp (2 steps) -> 3
    expect(r.nodes.head!.civilReach).toBe(3);
    // gp: v1, r1 (via head), r3 (via v1) -> 3
    expect(r.nodes.gp!.civilReach).toBe(3);
    expect(r.nodes.r1!.civilReach).toBeNull();
  });
});

describe('registry', () => {
  it('describes every metric the engine returns, with a sentence and a convention', () => {
    const r = computeMetrics(fixtureGraph(loadFixture('kite')));
    for (const key of Object.keys(r.nodes.A!)) expect(metricByKey(key, 'node'), key).toBeDefined();
    for (const key of Object.keys(r.graph)) expect(metricByKey(key, 'graph'), key).toBeDefined();
    const md = metricsMarkdown();
    for (const m of METRICS) {
      expect(md).toContain(`\`${m.key}\``);
      expect(m.description).toMatch(/^[A-Z].*\.$/);
      expect(m.convention.length).toBeGreaterThan(10);
    }
  });
});
