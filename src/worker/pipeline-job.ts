// The pure work behind the pipeline worker: run one wave (or a baseline then a follow-up) and turn
// every failure into an error value. Shared by the worker host and the in-thread fallback.
import {
  runPipeline,
  runPipelineWith,
  type PipelineInput,
  type PipelineOptions,
  type PipelineResult,
} from '../core/pipeline';
import type { PathRunner } from '../core/metrics';
import { CancelledError, InputError, makeProgress } from '../core/quality';

/** What a host asks for: the current wave, optionally a baseline wave run first. */
export interface JobRequest {
  current: PipelineInput;
  /** The baseline wave's own files; its scorecards become `current.baseline`. */
  baseline?: PipelineInput | null;
  options: PipelineOptions;
}

/** An error as a value, never thrown past the host boundary. */
export interface JobError {
  code: string;
  message: string;
  file: string | null;
  row: number | null;
  column: number | string | null;
  /** Which wave failed, so the app can say "in the baseline files". */
  wave?: 'current' | 'baseline';
}

export type JobResult =
  { ok: true; current: PipelineResult; baseline: PipelineResult | null } | { ok: false; error: JobError };

export type ProgressListener = (phase: string, fraction: number) => void;

/** Turns anything thrown inside core into a value a person can act on. */
export function toJobError(err: unknown, wave?: 'current' | 'baseline'): JobError {
  if (err instanceof CancelledError || (err instanceof Error && err.name === 'CancelledError')) {
    return {
      code: 'cancelled',
      message: 'The run was cancelled.',
      file: null,
      row: null,
      column: null,
      wave,
    };
  }
  if (err instanceof InputError) {
    return { code: err.code, message: err.message, file: err.file, row: err.row, column: err.column, wave };
  }
  const message = err instanceof Error ? err.message : String(err);
  return {
    code: 'internal',
    message: `Something went wrong inside the analysis: ${message}`,
    file: null,
    row: null,
    column: null,
    wave,
  };
}

/** Lets queued messages (a cancel) in between the two waves. */
const yieldToHost = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Runs the baseline wave (if any) over the first part of the progress bar, then the current
 * wave with the baseline's scorecards so change between waves is computed.
 */
export async function runJob(
  request: JobRequest,
  onProgress: ProgressListener,
  signal: AbortSignal,
  runPaths?: PathRunner,
): Promise<JobResult> {
  // With a path runner (the worker host's pool) the costly path pass is split across cores; the
  // awaits in between also let a cancel message in. Without one, everything runs here.
  const run = (input: PipelineInput, progress: ReturnType<typeof makeProgress>): Promise<PipelineResult> =>
    runPaths
      ? runPipelineWith(runPaths, input, request.options, progress)
      : Promise.resolve(runPipeline(input, request.options, progress));
  const hasBaseline = !!request.baseline;
  const split = hasBaseline ? 0.4 : 0;
  let baseline: PipelineResult | null = null;
  let wave: 'current' | 'baseline' = 'baseline';
  try {
    if (request.baseline) {
      const progress = makeProgress((phase, f) => onProgress(`Baseline: ${phase}`, f * split), signal);
      baseline = await run(request.baseline, progress);
      await yieldToHost();
      progress.check();
    }
    wave = 'current';
    const progress = makeProgress(
      (phase, f) => onProgress(hasBaseline ? `Follow-up: ${phase}` : phase, split + f * (1 - split)),
      signal,
    );
    const input: PipelineInput = baseline
      ? { ...request.current, baseline: baseline.scorecards }
      : request.current;
    const current = await run(input, progress);
    return { ok: true, current, baseline };
  } catch (err) {
    return { ok: false, error: toJobError(err, hasBaseline ? wave : undefined) };
  }
}
