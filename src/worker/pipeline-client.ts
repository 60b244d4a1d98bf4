// The front module for the pipeline: a promise per run with onProgress and cancel(). It uses the
// Web Worker when the browser has one and falls back to running in this thread when it does not.
import type { JobRequest, JobResult } from './pipeline-job';
import type { FromWorker, ToWorker } from './pipeline-worker';
import { assemblePieces, RECEIVE_SHARE } from './pieces';
import { carryFiles } from './blob-files';

export type { JobError, JobRequest, JobResult } from './pipeline-job';

export interface RunHandle {
  /** Resolves with the result or an error value; never rejects. */
  promise: Promise<JobResult>;
  cancel(): void;
}

export interface RunOptions {
  onProgress?: (phase: string, fraction: number) => void;
  /** The current wave's figures before the bootstrap and the baseline: shown while the rest runs. */
  onPartial?: (result: JobResult & { ok: true }) => void;
  /** Force the in-thread path (tests, or hosts without workers). */
  inThread?: boolean;
}

const cancelledResult = (): JobResult => ({
  ok: false,
  error: { code: 'cancelled', message: 'The run was cancelled.', file: null, row: null, column: null },
});

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<
  number,
  {
    resolve: (r: JobResult) => void;
    onProgress?: RunOptions['onProgress'];
    onPartial?: RunOptions['onPartial'];
    /** The partial or result being received, its pieces put in one message (one short task) at a time. */
    arriving: { kind: 'partial' | 'result'; result: JobResult; pieces: number; received: number } | null;
  }
>();

function getWorker(): Worker | null {
  if (worker) return worker;
  if (typeof Worker === 'undefined') return null;
  try {
    worker = new Worker(new URL('./pipeline-worker.ts', import.meta.url), {
      type: 'module',
      name: 'pipeline',
    });
  } catch {
    return null;
  }
  worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
    const message = event.data;
    const entry = pending.get(message.id);
    if (!entry) return;
    if (message.type === 'progress') entry.onProgress?.(message.phase, message.fraction);
    else if (message.type === 'start') {
      entry.arriving = { kind: message.kind, result: message.result, pieces: message.pieces, received: 0 };
      if (message.kind === 'result') entry.onProgress?.('Receiving results', 1 - RECEIVE_SHARE);
    } else if (message.type === 'piece') {
      const arriving = entry.arriving;
      if (!arriving) return;
      assemblePieces(arriving.result, [message.piece]);
      arriving.received++;
      // The bar's last part, a percent at a time (each step redraws the run bar); 100% is the end.
      const share = (n: number) => Math.floor((100 * RECEIVE_SHARE * n) / (arriving.pieces + 1));
      if (arriving.kind === 'result' && share(arriving.received) > share(arriving.received - 1))
        entry.onProgress?.('Receiving results', 1 - RECEIVE_SHARE + share(arriving.received) / 100);
    } else if (entry.arriving) {
      const { kind, result } = entry.arriving;
      entry.arriving = null;
      if (kind === 'partial') {
        if (result.ok) entry.onPartial?.(result);
      } else {
        pending.delete(message.id);
        entry.resolve(result);
      }
    }
  });
  worker.addEventListener('error', (event) => {
    // A worker that fails to load or crashes: fail every pending run with a readable value.
    const message = event.message || 'The analysis worker stopped unexpectedly.';
    for (const [id, entry] of pending) {
      pending.delete(id);
      entry.resolve({
        ok: false,
        error: { code: 'worker-error', message, file: null, row: null, column: null },
      });
    }
    worker?.terminate();
    worker = null;
  });
  return worker;
}

function runInThread(request: JobRequest, options: RunOptions): RunHandle {
  const controller = new AbortController();
  let settle: (r: JobResult) => void = () => {};
  const promise = new Promise<JobResult>((resolve) => {
    settle = resolve;
  });
  // Imported lazily so the core stays out of the main bundle when a worker is available.
  void import('./pipeline-job').then(async ({ runJob }) => {
    await new Promise((r) => setTimeout(r, 0));
    settle(
      await runJob(request, options.onProgress ?? (() => {}), controller.signal, undefined, (partial) => {
        if (!controller.signal.aborted) options.onPartial?.(partial);
      }),
    );
  });
  return {
    promise,
    cancel: () => {
      controller.abort();
      settle(cancelledResult());
    },
  };
}

export function runAnalysis(request: JobRequest, options: RunOptions = {}): RunHandle {
  const w = options.inThread ? null : getWorker();
  if (!w) return runInThread(request, options);
  const id = nextId++;
  const promise = new Promise<JobResult>((resolve) => {
    pending.set(id, {
      resolve,
      onProgress: options.onProgress,
      onPartial: options.onPartial,
      arriving: null,
    });
  });
  const post = (message: ToWorker): void => w.postMessage(message);
  // The files' bytes cross as Blobs (cloned by reference): a copy of a large export here is a
  // long task on the page's thread.
  post({
    type: 'run',
    id,
    request: {
      ...request,
      current: carryFiles(request.current),
      baseline: request.baseline ? carryFiles(request.baseline) : request.baseline,
    },
  });
  return {
    promise,
    cancel: () => {
      const entry = pending.get(id);
      if (!entry) return;
      post({ type: 'cancel', id });
      pending.delete(id);
      entry.resolve(cancelledResult());
      // The pipeline is synchronous, so the worker only sees the cancel message between stages.
      // Terminating it stops the work at once; a fresh worker is created for the next run.
      if (worker === w && pending.size === 0) {
        w.terminate();
        worker = null;
      }
    },
  };
}
