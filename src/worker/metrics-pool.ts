// Browser host for the metrics engine's costly part: the shortest-path sources split across Web
// Workers (one per core) by core's pool driver. `webWorkerPathRunner` is the front, used by the
// pipeline worker; `servePathJobs` is the body of the tiny entry file metrics-paths-worker.ts.
import {
  answerPathJob,
  poolPathRunner,
  type PathJob,
  type PathReply,
  type PathRunner,
} from '../core/metrics';

export { POOL_MIN_NODES, type PathJob, type PathReply } from '../core/metrics';

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
  if (!spawn) return poolPathRunner(null, workers);
  return poolPathRunner((job, onReply, onError) => {
    const worker = spawn();
    worker.addEventListener('message', (event) => onReply(event.data));
    worker.addEventListener('error', (event) => onError(new Error(event.message || 'metrics worker failed')));
    worker.postMessage(job);
    return worker;
  }, workers);
}

interface ScopeLike {
  postMessage(message: PathReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<PathJob>) => void): void;
}

/** The worker side: answer each path job with its partial sums. */
export function servePathJobs(scope: ScopeLike): void {
  scope.addEventListener('message', (event) => {
    if (event.data?.type === 'paths') answerPathJob(event.data, (reply) => scope.postMessage(reply));
  });
}
