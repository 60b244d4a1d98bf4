// The browser pool splits path sources across workers and must give the in-thread results; here
// each "worker" is an in-process fake wired to servePathJobs, so the message protocol is exercised.
import { describe, expect, it } from 'vitest';
import Graph from 'graphology';
import { computeMetrics, computeMetricsWith } from '../../../src/core/metrics';
import { makeProgress } from '../../../src/core/quality';
import {
  POOL_MIN_NODES,
  servePathJobs,
  webWorkerPathRunner,
  type PathJob,
  type PathReply,
} from '../../../src/worker/metrics-pool';
import { seededRandom } from '../../../src/core/metrics/random';

function fakeWorker() {
  const toMain: ((e: MessageEvent<PathReply>) => void)[] = [];
  const toWorker: ((e: MessageEvent<PathJob>) => void)[] = [];
  servePathJobs({
    postMessage: (m) =>
      queueMicrotask(() => toMain.forEach((l) => l({ data: structuredClone(m) } as MessageEvent<PathReply>))),
    addEventListener: (_t, l) => toWorker.push(l),
  });
  return {
    postMessage: (m: unknown) =>
      setTimeout(() => toWorker.forEach((l) => l({ data: structuredClone(m) } as MessageEvent<PathJob>))),
    addEventListener: (type: string, l: (e: never) => void) => {
      if (type === 'message') toMain.push(l as (e: MessageEvent<PathReply>) => void);
    },
    terminate: () => {},
  };
}

describe('Web Worker pool', () => {
  it('matches the in-thread pass', async () => {
    const rand = seededRandom(9);
    const n = POOL_MIN_NODES + 50;
    const g = new Graph({ type: 'directed' });
    for (let i = 0; i < n; i++) g.addNode(`v${i}`);
    while (g.size < n * 3) {
      const s = Math.floor(rand() * n);
      const t = Math.floor(rand() * n);
      if (s !== t) g.mergeEdge(`v${s}`, `v${t}`, { weight: 1 });
    }
    const single = computeMetrics(g);
    const pooled = await computeMetricsWith(webWorkerPathRunner(fakeWorker, 3), g);
    for (const [id, node] of Object.entries(single.nodes)) {
      expect(pooled.nodes[id]!.betweenness!).toBeCloseTo(node.betweenness!, 10);
      expect(pooled.nodes[id]!.closeness!).toBeCloseTo(node.closeness!, 10);
    }
    expect(pooled.graph).toEqual(single.graph);
  }, 60_000);

  it('falls back to the in-thread pass when the host cannot start a worker', async () => {
    const n = POOL_MIN_NODES + 10;
    const g = new Graph({ type: 'undirected' });
    for (let i = 0; i < n; i++) g.addNode(`v${i}`);
    for (let i = 1; i < n; i++) g.addEdge(`v${i - 1}`, `v${i}`, { weight: 1 });
    let started = 0;
    const flaky = () => {
      if (++started > 1) throw new Error('no more workers');
      return fakeWorker();
    };
    const pooled = await computeMetricsWith(webWorkerPathRunner(flaky, 3), g);
    expect(pooled.nodes).toEqual(computeMetrics(g).nodes);
  }, 60_000);

  it('moves the bar forward only, the pooled path pass within its share', async () => {
    const n = POOL_MIN_NODES + 20;
    const g = new Graph({ type: 'directed' });
    for (let i = 0; i < n; i++) g.addNode(`v${i}`);
    for (let i = 1; i < n; i++) g.addEdge(`v${i - 1}`, `v${i}`, { weight: 1 });
    const seen: [string, number][] = [];
    await computeMetricsWith(
      webWorkerPathRunner(fakeWorker, 3),
      g,
      {},
      undefined,
      makeProgress((phase, fraction) => seen.push([phase, fraction])),
    );
    const backwards = seen.filter(([, f], i) => i > 0 && f < seen[i - 1]![1]);
    expect(backwards).toEqual([]);
    expect(seen.filter(([phase]) => phase === 'Paths').every(([, f]) => f <= 0.8)).toBe(true);
    expect(seen.at(-1)).toEqual(['Metrics', 1]);
    // A layer's every step carries its relation, Communities' restarts included.
    const layer: string[] = [];
    await computeMetricsWith(
      webWorkerPathRunner(fakeWorker, 3),
      g,
      {},
      undefined,
      makeProgress((phase) => layer.push(phase)),
      '"trust"',
    );
    expect(layer).toContain('Communities ("trust")');
    expect(layer.filter((phase) => !phase.endsWith('("trust")'))).toEqual([]);
  }, 60_000);
});
