// The shortest-path pass split over a pool of workers, whatever the host provides (worker_threads
// in the CLI, Web Workers in the app): interleaved sources, partial sums added, progress, cancel.
import type { Progress } from '../quality';
import { addPathSums, emptyPathSums, pathPass, type PathInput, type PathSums } from './paths';
import type { PathRunner } from './index';

/** Below this many nodes starting workers costs more than it saves. */
export const POOL_MIN_NODES = 1500;

/** What one worker is asked: the pass over some sources. */
export interface PathJob {
  type: 'paths';
  input: PathInput;
  sources: Int32Array;
  betweennessSources: Uint8Array | null;
}

export type PathReply =
  { type: 'progress'; done: number } | { type: 'done'; sums: PathSums } | { type: 'error'; message: string };

export interface PoolWorker {
  terminate(): unknown;
}

/** The host's part: start one worker on a job and pass its replies (or its failure) back. */
export type StartPathWorker = (
  job: PathJob,
  onReply: (reply: PathReply) => void,
  onError: (error: Error) => void,
) => PoolWorker;

/**
 * A PathRunner over `workers` workers started by `start`. Small graphs, one worker, or a host that
 * cannot start workers run the pass in this thread instead: the numbers are the same either way,
 * since betweenness, closeness and eccentricity sums over disjoint source sets add up exactly.
 */
export function poolPathRunner(start: StartPathWorker | null, workers: number): PathRunner {
  return async (input, betweennessSources, progress, label) => {
    const inThread = () => pathPass(input, { betweennessSources, progress, progressLabel: label });
    if (!start || workers <= 1 || input.n < POOL_MIN_NODES) return inThread();
    const done = new Array<number>(workers).fill(0);
    const total = emptyPathSums(input.n);
    const pool: PoolWorker[] = [];
    const runs: Promise<void>[] = [];
    try {
      for (let t = 0; t < workers; t++) {
        // Interleaved sources balance the load: neighbouring indexes tend to have similar reach.
        const mine: number[] = [];
        for (let s = t; s < input.n; s += workers) mine.push(s);
        const job: PathJob = { type: 'paths', input, sources: Int32Array.from(mine), betweennessSources };
        let settle!: { resolve: () => void; reject: (err: unknown) => void };
        const run = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
        // Workers stopped early (cancel, another worker's failure) reject later: not unhandled.
        run.catch(() => {});
        runs.push(run);
        const onReply = (reply: PathReply) => {
          if (reply.type === 'progress') {
            done[t] = reply.done;
            if (!checked(progress, settle.reject)) return;
            progress.report(label, done.reduce((a, b) => a + b, 0) / input.n);
          } else if (reply.type === 'done') {
            addPathSums(total, reply.sums);
            settle.resolve();
          } else settle.reject(new Error(reply.message));
        };
        // Started outside the promise, so a host that cannot start a worker lands in the catch below.
        pool.push(start(job, onReply, settle.reject));
      }
    } catch {
      // A host that cannot start (enough) workers still gets its answer.
      pool.forEach((w) => w.terminate());
      return inThread();
    }
    try {
      await Promise.all(runs);
    } finally {
      await Promise.all(pool.map((w) => w.terminate()));
    }
    progress.report(label, 1);
    return total;
  };
}

/** Cancel arrives through progress.check(); a cancelled run rejects instead of throwing in a callback. */
function checked(progress: Progress, reject: (err: unknown) => void): boolean {
  try {
    progress.check();
    return true;
  } catch (err) {
    reject(err);
    return false;
  }
}

/** The worker's side: run one job, posting progress about fifty times and then the sums. */
export function answerPathJob(job: PathJob, post: (reply: PathReply) => void): void {
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
            post({ type: 'progress', done: now });
          }
        },
        check: () => {},
      },
    });
    post({ type: 'done', sums });
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
}
