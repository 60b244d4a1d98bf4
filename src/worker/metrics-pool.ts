// Browser host for the metrics engine's costly part: splits shortest-path sources across Web Workers
// (one per core) and sums their partial results. Two halves: `webWorkerPathRunner` (the front, used
// by whoever calls computeMetricsWith / computeLayeredMetricsWith) and `servePathJobs` (the body of a
// tiny worker entry file). Falls back to the in-thread pass when workers are unavailable or the graph
// is small, so node tests and old browsers get the same numbers.
//
// Wiring (a two-line worker entry, e.g. src/worker/metrics-paths-worker.ts):
//   import { servePathJobs } from './metrics-pool';
//   servePathJobs(self);
// and in the pipeline worker:
//   const run = webWorkerPathRunner(() => new Worker(new URL('./metrics-paths-worker.ts', import.meta.url), { type: 'module' }));
//   await computeLayeredMetricsWith(run, network, options, quality, progress);
import {
  addPathSums,
  emptyPathSums,
  pathPass,
  type PathInput,
  type PathRunner,
  type PathSums,
} from '../core/metrics';

export interface PathJob {
  type: 'paths';
  input: PathInput;
  sources: Int32Array;
  betweennessSources: Uint8Array | null;
}

export type PathReply =
  { type: 'progress'; done: number } | { type: 'done'; sums: PathSums } | { type: 'error'; message: string };

/** Below this many nodes the worker start-up costs more than it saves. */
export const POOL_MIN_NODES = 1500;

interface WorkerLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<PathReply>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

function cores(): number {
  const n = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 1;
  return Math.max(1, Math.min(16, n || 1));
}

/** A PathRunner over Web Workers made by `spawn`; in-thread when `spawn` is missing or fails. */
export function webWorkerPathRunner(spawn?: () => WorkerLike, workers = cores()): PathRunner {
  return async (input, betweennessSources, progress, label) => {
    const inThread = () => pathPass(input, { betweennessSources, progress, progressLabel: label });
    if (!spawn || workers <= 1 || input.n < POOL_MIN_NODES) return inThread();
    const pool: WorkerLike[] = [];
    try {
      for (let t = 0; t < workers; t++) pool.push(spawn());
    } catch {
      pool.forEach((w) => w.terminate());
      return inThread();
    }
    const done = new Array<number>(workers).fill(0);
    const total = emptyPathSums(input.n);
    try {
      await Promise.all(
        pool.map(
          (worker, t) =>
            new Promise<void>((resolve, reject) => {
              // Interleaved sources balance the load across workers.
              const mine: number[] = [];
              for (let s = t; s < input.n; s += workers) mine.push(s);
              worker.addEventListener('message', (event) => {
                const reply = event.data;
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
              worker.addEventListener('error', (event) =>
                reject(new Error(event.message || 'metrics worker failed')),
              );
              const job: PathJob = {
                type: 'paths',
                input,
                sources: Int32Array.from(mine),
                betweennessSources,
              };
              worker.postMessage(job);
            }),
        ),
      );
    } finally {
      pool.forEach((w) => w.terminate());
    }
    progress.report(label, 1);
    return total;
  };
}

interface ScopeLike {
  postMessage(message: PathReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<PathJob>) => void): void;
}

/** The worker side: answer each path job with its partial sums. */
export function servePathJobs(scope: ScopeLike): void {
  scope.addEventListener('message', (event) => {
    const job = event.data;
    if (job?.type !== 'paths') return;
    let last = 0;
    const step = Math.max(1, Math.floor(job.sources.length / 50));
    try {
      const sums = pathPass(job.input, {
        sources: job.sources,
        betweennessSources: job.betweennessSources,
        progress: {
          report: (_phase, fraction) => {
            const now = Math.round(fraction * job.sources.length);
            if (now - last >= step) {
              last = now;
              scope.postMessage({ type: 'progress', done: now });
            }
          },
          check: () => {},
        },
      });
      scope.postMessage({ type: 'done', sums });
    } catch (err) {
      scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  });
}
