// Node host for the metrics engine's costly part: splits the shortest-path sources across
// worker_threads (one per core) and sums their partial results; the rest runs in core as usual.
// This same file is the worker's entry point (it recognises itself by its workerData).
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type Graph from 'graphology';
import {
  addPathSums,
  computeLayeredMetricsWith,
  computeMetricsWith,
  emptyPathSums,
  pathPass,
  type LayeredMetrics,
  type MetricsOptions,
  type MetricsResult,
  type PathInput,
  type PathRunner,
  type PathSums,
} from '../core/metrics';
import type { Network } from '../core/network/build';
import { QualityCollector, silentProgress, type Progress } from '../core/quality';

const WORKER_TAG = 'civic-ties-paths';

interface Job {
  tag: typeof WORKER_TAG;
  input: PathInput;
  sources: Int32Array;
  betweennessSources: Uint8Array | null;
}

type Reply =
  { type: 'progress'; done: number } | { type: 'done'; sums: PathSums } | { type: 'error'; message: string };

/**
 * Under tsx (no build step) a worker does not inherit the TypeScript loader, so a small bootstrap
 * registers tsx's ESM hooks and then imports this file; built JavaScript starts directly.
 */
function startWorker(job: Job): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new Worker(new URL(self), { workerData: job });
  let api = 'tsx/esm/api';
  try {
    api = import.meta.resolve(api);
  } catch {
    // Fall back to resolving from the working directory.
  }
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(self)}); })`;
  return new Worker(boot, { eval: true, workerData: job });
}

/** Below this many nodes the thread start-up costs more than it saves. */
export const THREADS_MIN_NODES = 1500;

export function defaultThreads(): number {
  return Math.max(1, Math.min(16, availableParallelism()));
}

/** A PathRunner backed by worker threads; falls back to the in-thread pass on small graphs. */
export function threadedPathRunner(threads = defaultThreads()): PathRunner {
  return async (input, betweennessSources, progress, label) => {
    if (threads <= 1 || input.n < THREADS_MIN_NODES) {
      return pathPass(input, { betweennessSources, progress, progressLabel: label });
    }
    // Interleaved sources balance the load: neighbouring indexes tend to have similar reach.
    const chunks: Int32Array[] = [];
    for (let t = 0; t < threads; t++) {
      const mine: number[] = [];
      for (let s = t; s < input.n; s += threads) mine.push(s);
      chunks.push(Int32Array.from(mine));
    }
    const done = new Array<number>(threads).fill(0);
    const workers: Worker[] = [];
    const total = emptyPathSums(input.n);
    try {
      await Promise.all(
        chunks.map(
          (sources, t) =>
            new Promise<void>((resolve, reject) => {
              const job: Job = { tag: WORKER_TAG, input, sources, betweennessSources };
              const worker = startWorker(job);
              workers.push(worker);
              worker.on('message', (reply: Reply) => {
                if (reply.type === 'progress') {
                  done[t] = reply.done;
                  try {
                    progress.check();
                  } catch (err) {
                    reject(err);
                    return;
                  }
                  progress.report(label, done.reduce((a, b) => a + b, 0) / input.n);
                } else if (reply.type === 'done') {
                  addPathSums(total, reply.sums);
                  resolve();
                } else reject(new Error(reply.message));
              });
              worker.on('error', reject);
              worker.on('exit', (code) => {
                if (code !== 0) reject(new Error(`metrics worker stopped with exit code ${code}`));
              });
            }),
        ),
      );
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
    // Eccentricity sums are per source, so adding disjoint source sets is exact.
    progress.report(label, 1);
    return total;
  };
}

export function computeMetricsThreaded(
  graph: Graph,
  options?: Partial<MetricsOptions>,
  quality: QualityCollector = new QualityCollector(),
  progress: Progress = silentProgress,
  threads = defaultThreads(),
): Promise<MetricsResult> {
  return computeMetricsWith(threadedPathRunner(threads), graph, options, quality, progress);
}

export function computeLayeredMetricsThreaded(
  network: Network,
  options: Partial<MetricsOptions>,
  quality: QualityCollector,
  progress: Progress,
  threads = defaultThreads(),
): Promise<LayeredMetrics> {
  return computeLayeredMetricsWith(threadedPathRunner(threads), network, options, quality, progress);
}

// Worker side.
if (!isMainThread && (workerData as Job | undefined)?.tag === WORKER_TAG && parentPort) {
  const job = workerData as Job;
  const port = parentPort;
  let last = 0;
  try {
    const sums = pathPass(job.input, {
      sources: job.sources,
      betweennessSources: job.betweennessSources,
      progress: {
        report: (_phase, fraction) => {
          const doneNow = Math.round(fraction * job.sources.length);
          if (doneNow - last >= Math.max(1, job.sources.length / 50)) {
            last = doneNow;
            port.postMessage({ type: 'progress', done: doneNow } satisfies Reply);
          }
        },
        check: () => {},
      },
    });
    port.postMessage({ type: 'done', sums } satisfies Reply);
  } catch (err) {
    port.postMessage({
      type: 'error',
      message: err instanceof Error ? err.message : String(err),
    } satisfies Reply);
  }
}
