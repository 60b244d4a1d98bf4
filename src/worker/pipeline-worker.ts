// The Web Worker host: a thin shell that receives a job, runs it with progress and cancel, and
// posts progress events and the result (or an error value) back. All the work is in pipeline-job.
import { runJob, throttleProgress, toJobError, type JobRequest, type JobResult } from './pipeline-job';
import { webWorkerPathRunner } from './metrics-pool';
import { RECEIVE_SHARE, splitIntoPieces, type Piece } from './pieces';
import { receiveFiles } from './blob-files';

// Large graphs split their shortest-path pass across a pool of workers (one per core); small ones
// run in this worker (the pool decides by size).
const runPaths = webWorkerPathRunner(
  () =>
    new Worker(new URL('./metrics-paths-worker.ts', import.meta.url), {
      type: 'module',
      name: 'metrics-paths',
    }),
);

export type ToWorker = { type: 'run'; id: number; request: JobRequest } | { type: 'cancel'; id: number };
export type FromWorker =
  | { type: 'progress'; id: number; phase: string; fraction: number }
  /**
   * A partial or final result in pieces (see pieces.ts): first the result with its large arrays
   * and records emptied, then their pieces, then `end`; the page puts each piece in as it comes.
   */
  | { type: 'start'; id: number; kind: 'partial' | 'result'; result: JobResult; pieces: number }
  | { type: 'piece'; id: number; piece: Piece }
  | { type: 'end'; id: number };

const scope = self as unknown as {
  postMessage(message: FromWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
};

const controllers = new Map<number, AbortController>();

scope.addEventListener('message', (event) => {
  const message = event.data;
  if (message.type === 'cancel') {
    controllers.get(message.id)?.abort();
    return;
  }
  const controller = new AbortController();
  controllers.set(message.id, controller);
  // The work fills the bar up to its last part, which the page fills as the result's pieces come
  // in (pipeline-client): 100% only once the result is in.
  const onProgress = throttleProgress((phase, fraction) =>
    scope.postMessage({ type: 'progress', id: message.id, phase, fraction: fraction * (1 - RECEIVE_SHARE) }),
  );
  const post = (kind: 'partial' | 'result', result: JobResult): void => {
    const { skeleton, pieces } = splitIntoPieces(result);
    scope.postMessage({ type: 'start', id: message.id, kind, result: skeleton, pieces: pieces.length });
    for (const piece of pieces) scope.postMessage({ type: 'piece', id: message.id, piece });
    scope.postMessage({ type: 'end', id: message.id });
  };
  // The files came as Blobs (pipeline-client): their bytes are read here, off the page's thread.
  const request = Promise.all([
    receiveFiles(message.request.current),
    message.request.baseline ? receiveFiles(message.request.baseline) : message.request.baseline,
  ]).then(([current, baseline]) => ({ ...message.request, current, baseline }));
  request
    .then((job) => runJob(job, onProgress, controller.signal, runPaths, (result) => post('partial', result)))
    .catch((err: unknown): JobResult => ({ ok: false, error: toJobError(err) }))
    .then((result) => {
      controllers.delete(message.id);
      post('result', result);
    });
});
