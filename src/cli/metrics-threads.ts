// Node host for the metrics engine's costly part: splits the shortest-path sources across
// worker_threads (one per core) and sums their partial results; the rest runs in core as usual.
// This same file is the worker's entry point (it recognises itself by its workerData).
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type Graph from 'graphology';
import {
  answerPathJob,
  computeLayeredMetricsWith,
  computeMetricsWith,
  poolPathRunner,
  type LayeredMetrics,
  type MetricsOptions,
  type MetricsResult,
  type PathJob,
  type PathRunner,
} from '../core/metrics';
import type { Network } from '../core/network/build';
import { QualityCollector, silentProgress, type Progress } from '../core/quality';

const WORKER_TAG = 'civic-ties-paths';

/** A path job as the thread receives it in workerData, tagged so the file knows it is a worker. */
type Job = PathJob & { tag: typeof WORKER_TAG };

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

/** Below this many nodes the thread start-up costs more than it saves (core's pool threshold). */
export { POOL_MIN_NODES as THREADS_MIN_NODES } from '../core/metrics';

export function defaultThreads(): number {
  return Math.max(1, Math.min(16, availableParallelism()));
}

/** A PathRunner backed by worker threads; falls back to the in-thread pass on small graphs. */
export function threadedPathRunner(threads = defaultThreads()): PathRunner {
  return poolPathRunner((job, onReply, onError) => {
    const worker = startWorker({ ...job, tag: WORKER_TAG });
    worker.on('message', onReply);
    worker.on('error', onError);
    worker.on('exit', (code) => {
      if (code !== 0) onError(new Error(`metrics worker stopped with exit code ${code}`));
    });
    return worker;
  }, threads);
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
  const port = parentPort;
  answerPathJob(workerData as Job, (reply) => port.postMessage(reply));
}
