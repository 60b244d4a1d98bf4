// The worker_threads host splits path sources across threads and must give the in-thread results.
import { describe, expect, it } from 'vitest';
import Graph from 'graphology';
import { computeMetrics } from '../../../src/core/metrics';
import { computeMetricsThreaded, THREADS_MIN_NODES } from '../../../src/cli/metrics-threads';
import { seededRandom } from '../../../src/core/metrics/random';

function randomGraph(n: number, m: number, seed: number): Graph {
  const rand = seededRandom(seed);
  const g = new Graph({ type: 'directed' });
  for (let i = 0; i < n; i++) g.addNode(`v${i}`, { sector: i % 3 ? 'community' : 'public' });
  while (g.size < m) {
    const s = Math.floor(rand() * n);
    const t = Math.floor(rand() * n);
    if (s !== t) g.mergeEdge(`v${s}`, `v${t}`, { weight: 1 + Math.floor(rand() * 3) });
  }
  return g;
}

describe('worker threads host', () => {
  it('gives the same path metrics as the in-thread pass (both weight modes)', async () => {
    const g = randomGraph(THREADS_MIN_NODES + 100, (THREADS_MIN_NODES + 100) * 3, 5);
    for (const weight of ['none', 'strength'] as const) {
      const single = computeMetrics(g, { weight });
      const threaded = await computeMetricsThreaded(g, { weight }, undefined, undefined, 2);
      expect(threaded.graph).toEqual(single.graph);
      for (const [id, node] of Object.entries(single.nodes)) {
        const other = threaded.nodes[id]!;
        for (const key of ['betweenness', 'closeness', 'harmonic'] as const) {
          expect(other[key]!).toBeCloseTo(node[key]!, 9);
        }
      }
    }
  }, 120_000);
});
