// Metrics engine benchmark: the whole contract metric set on a 10,000-node / 50,000-arc survey-like
// graph against python-igraph on the same graph in the same run, networkx on a smaller one, and the
// error of sampled betweenness against exact.
import { join } from 'node:path';
import { computeMetrics, type MetricsResult } from '../src/core/metrics';
import { QualityCollector } from '../src/core/quality';
import { surveyLikeGraph, writeEdgeList } from './lib/graphs';
import { pythonHas, runPython } from './lib/python';
import type { BenchContext, BenchRow } from './lib/types';

interface Reference {
  tool: string;
  version: string;
  ms: number;
  cpuMs: number;
  phases: Record<string, number>;
}

function measure<T>(fn: () => T): { ms: number; cpuMs: number; result: T } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms, cpuMs: (c.user + c.system) / 1000, result };
}

async function measureAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const t0 = performance.now();
  const result = await fn();
  return { ms: performance.now() - t0, result };
}

function top(result: MetricsResult, k: number): string[] {
  return Object.entries(result.nodes)
    .sort((a, b) => (b[1].betweenness ?? 0) - (a[1].betweenness ?? 0))
    .slice(0, k)
    .map(([id]) => id);
}

export default async function metricsBench(context: BenchContext): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const n = context.quick ? 2000 : 10_000;
  const m = n * 5;
  const size = `${n / 1000}k nodes / ${m / 1000}k arcs`;
  const big = surveyLikeGraph(n, m, 1);
  const bigFile = join(context.outDir, `graph-${n}.txt`);
  writeEdgeList(bigFile, big);
  const haveIgraph = pythonHas('igraph');
  const haveNetworkx = pythonHas('networkx');

  context.log(`engine, all metrics, ${size}`);
  const ours = measure(() => computeMetrics(big.graph, { weight: 'none', seed: 1 }, new QualityCollector()));
  let igraph: Reference | null = null;
  if (haveIgraph) {
    context.log(`python-igraph, same metric set, ${size}`);
    igraph = runPython<Reference>(join(import.meta.dirname, 'lib/reference-metrics.py'), [bigFile, 'igraph']);
  }
  rows.push({
    case: `all metrics, ${size}, one thread`,
    ms: ours.ms,
    reference: igraph ? `python-igraph ${igraph.version}` : undefined,
    referenceMs: igraph ? igraph.ms : undefined,
    note: `cpu ${Math.round(ours.cpuMs)} ms${igraph ? ` vs igraph cpu ${Math.round(igraph.cpuMs)} ms` : haveIgraph ? '' : '; /usr/bin/python3 has no igraph'}`,
  });

  // Worker threads over the path pass (the CLI host); skipped when the host module is absent.
  try {
    const threads =
      (await import('../src/cli/metrics-threads')) as typeof import('../src/cli/metrics-threads');
    context.log(`engine on worker threads, ${size}`);
    const par = await measureAsync(() =>
      threads.computeMetricsThreaded(big.graph, { weight: 'none', seed: 1 }, new QualityCollector()),
    );
    rows.push({
      case: `all metrics, ${size}, ${threads.defaultThreads()} threads`,
      ms: par.ms,
      reference: igraph ? `python-igraph ${igraph.version}` : undefined,
      referenceMs: igraph ? igraph.ms : undefined,
    });
  } catch (err) {
    rows.push({
      case: 'worker threads',
      ms: null,
      note: `skipped: ${err instanceof Error ? err.message : err}`,
    });
  }

  // Sampled betweenness: time and error against the exact run above.
  const k = Math.round(n / 10);
  context.log(`sampled betweenness (${k} sources)`);
  const sampledQuality = new QualityCollector();
  const sampled = measure(() =>
    computeMetrics(big.graph, { weight: 'none', seed: 1, sampleAbove: 1, sampleSources: k }, sampledQuality),
  );
  const shown = sampledQuality.issues.find((i) => i.code === 'betweenness-sampled')?.message ?? '';
  const reportedSe = /standard error is ([0-9.e+-]+)/.exec(shown)?.[1] ?? '?';
  let maxAbs = 0;
  let sumAbs = 0;
  let maxExact = 0;
  for (const [id, exact] of Object.entries(ours.result.nodes)) {
    const e = exact.betweenness ?? 0;
    const d = Math.abs((sampled.result.nodes[id]!.betweenness ?? 0) - e);
    maxAbs = Math.max(maxAbs, d);
    sumAbs += d;
    maxExact = Math.max(maxExact, e);
  }
  const top20 = new Set(top(ours.result, 20));
  const overlap = top(sampled.result, 20).filter((id) => top20.has(id)).length;
  rows.push({
    case: `sampled betweenness, ${k} of ${n} sources`,
    ms: sampled.ms,
    reference: 'exact engine',
    referenceMs: ours.ms,
    note: `max abs error ${maxAbs.toExponential(2)} (largest value ${maxExact.toExponential(2)}), mean ${(sumAbs / n).toExponential(2)}, top-20 overlap ${overlap}/20; reported SE ${reportedSe}`,
  });

  // networkx is pure Python: compare on a smaller graph.
  const sn = context.quick ? 300 : 600;
  const small = surveyLikeGraph(sn, sn * 5, 2);
  const smallFile = join(context.outDir, `graph-${sn}.txt`);
  writeEdgeList(smallFile, small);
  context.log(`engine and networkx, ${sn} nodes`);
  const oursSmall = measure(() =>
    computeMetrics(small.graph, { weight: 'none', seed: 1 }, new QualityCollector()),
  );
  const nx = haveNetworkx
    ? runPython<Reference>(join(import.meta.dirname, 'lib/reference-metrics.py'), [smallFile, 'networkx'])
    : null;
  rows.push({
    case: `all metrics, ${sn} nodes / ${(sn * 5) / 1000}k arcs`,
    ms: oursSmall.ms,
    reference: nx ? `networkx ${nx.version}` : undefined,
    referenceMs: nx ? nx.ms : undefined,
    note: nx ? '' : '/usr/bin/python3 has no networkx',
  });
  if (igraph) {
    const slowest = Object.entries(igraph.phases)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([p, ms]) => `${p} ${Math.round(ms)}`)
      .join(', ');
    rows.push({ case: 'igraph slowest phases (ms)', ms: null, note: slowest });
  }
  return rows;
}
