// The pure work behind the pipeline worker: run one wave (or a baseline then a follow-up) and turn
// every failure into an error value. Shared by the worker host and the in-thread fallback.
import {
  measureWave,
  measureWaveWith,
  scoreWave,
  type MeasuredWave,
  type PipelineInput,
  type PipelineOptions,
  type PipelineResult,
} from '../core/pipeline';
import type { PathRunner } from '../core/metrics';
import { CancelledError, InputError, makeProgress, subProgress, type Progress } from '../core/quality';

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

/**
 * `listener` called a few dozen times a second at most, which is plenty for a bar and keeps the
 * message queue light; but always for a new phase, whose name tells the user where a long step is
 * ("Building network" had been dropped, and the bar said "Matching names" for 3 s after it ended).
 */
export function throttleProgress(listener: ProgressListener, now: () => number = Date.now): ProgressListener {
  let lastPost = -Infinity;
  let lastPhase = '';
  let lastFraction = -1;
  return (phase, fraction) => {
    const t = now();
    const same = phase === lastPhase && Math.abs(fraction - lastFraction) < 0.02;
    if (same && t - lastPost < 40 && fraction < 1) return;
    lastPost = t;
    lastPhase = phase;
    lastFraction = fraction;
    listener(phase, fraction);
  };
}

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

/** Lets queued messages (a cancel) in between the stages. */
const yieldToHost = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Called once the current wave is measured, with its scorecards before the bootstrap. */
export type PartialListener = (partial: JobResult & { ok: true }) => void;

/**
 * Measures the current wave first and hands over its figures without intervals (onPartial), so
 * they show at once; then runs the baseline wave (if any) in full, and scores the current wave
 * again with the bootstrap and the change since the baseline. The current wave is measured once.
 */
export async function runJob(
  request: JobRequest,
  onProgress: ProgressListener,
  signal: AbortSignal,
  runPaths?: PathRunner,
  onPartial?: PartialListener,
): Promise<JobResult> {
  const options = request.options;
  // With a path runner (the worker host's pool) the costly path pass is split across cores; the
  // awaits in between also let a cancel message in. Without one, everything runs here.
  const measure = (input: PipelineInput, progress: Progress): Promise<MeasuredWave> =>
    runPaths
      ? measureWaveWith(runPaths, input, options, progress)
      : Promise.resolve(measureWave(input, options, progress));
  const draws = options.bootstrapDraws ?? 1000;
  const hasBaseline = !!request.baseline;
  // The bar: measuring the current wave, then the baseline wave, then the bootstrap.
  const [measureEnd, baselineEnd] = hasBaseline ? [0.4, 0.7] : [0.6, 0.6];
  const stage = (label: string, from: number, to: number): Progress =>
    makeProgress(
      (phase, f) => onProgress(label ? `${label}: ${phase}` : phase, from + f * (to - from)),
      signal,
    );
  let wave: 'current' | 'baseline' = 'current';
  try {
    const current = await measure(request.current, stage(hasBaseline ? 'Follow-up' : '', 0, measureEnd));
    await yieldToHost();
    if (signal.aborted) throw new CancelledError();
    if (onPartial && (draws > 0 || hasBaseline)) {
      onProgress(hasBaseline ? 'Follow-up: Scorecards' : 'Scorecards', measureEnd);
      const quick = scoreWave(current, request.current.baseline, { ...options, bootstrapDraws: 0 });
      onPartial({ ok: true, current: quick, baseline: null });
    }

    let baseline: PipelineResult | null = null;
    if (request.baseline) {
      wave = 'baseline';
      const progress = stage('Baseline', measureEnd, baselineEnd);
      baseline = scoreWave(
        await measure(request.baseline, subProgress(progress, 0, 0.7)),
        undefined,
        options,
        subProgress(progress, 0.7, 1),
      );
      await yieldToHost();
      wave = 'current';
    }
    const result = scoreWave(
      current,
      baseline?.scorecards ?? request.current.baseline,
      options,
      stage('Uncertainty intervals', baselineEnd, 1),
    );
    return { ok: true, current: result, baseline };
  } catch (err) {
    return { ok: false, error: toJobError(err, hasBaseline ? wave : undefined) };
  }
}
