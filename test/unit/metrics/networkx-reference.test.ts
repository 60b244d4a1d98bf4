// Every contract metric against networkx 2.8 on published graphs (karate, Florentine, Les Misérables,
// Krackhardt kite) and directed test graphs, in all three weight modes. Fixtures: make-fixtures.py.
import { describe, expect, it } from 'vitest';
import { computeMetrics, metricByKey, buildCsr } from '../../../src/core/metrics';
import { modularity } from '../../../src/core/metrics/community';
import { QualityCollector } from '../../../src/core/quality';
import { fixtureGraph, fixtureNames, loadFixture, type Mode } from './fixtures';

/** Iterative metrics are compared at 1e-4 (contract); everything else at 1e-6. */
const ITERATIVE = new Set(['pagerank', 'eigenvector', 'hub', 'authority']);
const NODE_KEYS = [
  'inDegree',
  'outDegree',
  'degree',
  'inStrength',
  'outStrength',
  'strength',
  'degreeCentrality',
  'inDegreeCentrality',
  'outDegreeCentrality',
  'betweenness',
  'closeness',
  'harmonic',
  'eigenvector',
  'pagerank',
  'hub',
  'authority',
  'clustering',
  'constraint',
  'effectiveSize',
  'coreNumber',
  'eiIndex',
  'civilReach',
] as const;
const GRAPH_KEYS = [
  'nodes',
  'edges',
  'directed',
  'density',
  'reciprocity',
  'transitivity',
  'components',
  'strongComponents',
  'diameter',
  'eiIndex',
] as const;
const MODES: Mode[] = ['none', 'strength', 'distance'];

function close(actual: unknown, expected: unknown, tol: number): boolean {
  if (expected === null || expected === undefined) return actual === null;
  if (typeof expected === 'boolean') return actual === expected;
  if (typeof expected !== 'number' || typeof actual !== 'number') return false;
  return Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected));
}

for (const name of fixtureNames()) {
  const fixture = loadFixture(name);
  describe(`${name}: ${fixture.source}`, () => {
    for (const mode of MODES) {
      const expected = fixture.modes[mode];
      const result = computeMetrics(fixtureGraph(fixture), { weight: mode, seed: 1 }, new QualityCollector());

      for (const key of NODE_KEYS) {
        const convention = metricByKey(key, 'node')?.convention ?? key;
        it(`--weight ${mode}: node ${key} matches networkx (${convention.slice(0, 90)})`, () => {
          const tol = ITERATIVE.has(key) ? 1e-4 : 1e-6;
          const wrong: string[] = [];
          for (const [id, exp] of Object.entries(expected.nodes)) {
            const got = result.nodes[id]?.[key];
            if (!close(got, exp[key], tol))
              wrong.push(`${id}: got ${String(got)}, networkx ${String(exp[key])}`);
          }
          expect(wrong.slice(0, 5)).toEqual([]);
        });
      }

      it(`--weight ${mode}: brokerage roles match the Gould-Fernandez reference`, () => {
        for (const [id, exp] of Object.entries(expected.nodes)) {
          expect(result.nodes[id]?.brokerage, id).toEqual(exp.brokerage);
        }
      });

      for (const key of GRAPH_KEYS) {
        it(`--weight ${mode}: graph ${key} matches networkx`, () => {
          expect(
            close(result.graph[key], expected.graph[key], 1e-9),
            `${result.graph[key]} vs ${expected.graph[key]}`,
          ).toBe(true);
        });
      }

      it(`--weight ${mode}: modularity of a fixed partition matches nx.community.modularity`, () => {
        const csr = buildCsr(fixtureGraph(fixture));
        const part = Int32Array.from(csr.ids, (id) => expected.partition.partition[id]!);
        const q = modularity(csr, part, mode === 'strength');
        expect(close(q, expected.partition.modularity, 1e-9)).toBe(true);
      });

      it(`--weight ${mode}: Louvain modularity reaches the reference (igraph multilevel / networkx louvain, best of 10 seeds)`, () => {
        const ref = expected.graph.referenceModularity as number | null;
        if (ref === null) expect(result.graph.modularity).toBeNull();
        else expect(result.graph.modularity!).toBeGreaterThanOrEqual(ref - 1e-9);
      });
    }
  });
}
