// Files in, result out: the only entry the hosts (worker, CLI, tests) call.
// Each stage is a plain function over plain data; progress and cancel flow through `Progress`.
import type { InputFile, Actor, Tie } from './model';
import {
  QualityCollector,
  type Progress,
  type QualityIssue,
  type QualityReport,
  silentProgress,
  subProgress,
} from './quality';
import { ingest, type Mapping, type Respondent, type ReviewItem } from './ingest';
import { buildNetwork, type Network } from './network/build';
import {
  computeLayeredMetrics,
  computeLayeredMetricsWith,
  type LayeredMetrics,
  type MetricsOptions,
  type PathRunner,
} from './metrics';
import { readAppraisals, summariseAppraisals, type AppraisalSummary } from './appraisal';
import { readSatisfaction, summariseSatisfaction, type SatisfactionSummary } from './satisfaction';
import {
  computeScorecards,
  compareWaves,
  compareServices,
  computeCoverage,
  type Scorecard,
  type ChangeRow,
  type Coverage,
  type IndexWeights,
  type Normalisation,
  type ServiceChange,
} from './scorecard';

export interface PipelineInput {
  surveys: InputFile[];
  roster: InputFile;
  appraisals?: InputFile;
  satisfaction?: InputFile;
  mapping?: Mapping;
  codebook?: InputFile;
  /** A previous run's scorecards (wave 1), matched by roster id. */
  baseline?: Scorecard[];
}

export interface PipelineOptions {
  metrics?: Partial<MetricsOptions>;
  weights?: Partial<IndexWeights>;
  /** Anonymity threshold for 360 rater groups (self and manager exempt). */
  anonymityThreshold?: number;
  /** Bootstrap draws over respondents; 0 turns it off. */
  bootstrapDraws?: number;
  seed?: number;
  /** How index components are put on one scale (default percentile within the area). */
  normalisation?: Normalisation;
  /** Invited (sample frame) size per sector, for response-rate warnings. */
  invited?: Record<string, number>;
}

export interface PipelineResult {
  actors: Actor[];
  ties: Tie[];
  relations: string[];
  respondents: Respondent[];
  metrics: LayeredMetrics;
  appraisal: AppraisalSummary;
  satisfaction: SatisfactionSummary;
  scorecards: Scorecard[];
  coverage: Coverage;
  change: ChangeRow[] | null;
  serviceChange: ServiceChange[] | null;
  quality: QualityReport;
  mapping: Mapping;
  review: ReviewItem[];
  /** Names matched automatically though not as written, for the user to confirm or overrule. */
  autoMatched: ReviewItem[];
}

/**
 * A wave read and measured: everything but the scorecards. Hosts that want figures on screen
 * early score it twice (first without the bootstrap, then with it) without measuring again.
 * It holds the run's quality collector, so it stays inside the host that made it.
 */
export interface MeasuredWave {
  quality: QualityCollector;
  seed: number;
  ingested: ReturnType<typeof ingest>;
  network: Network;
  metrics: LayeredMetrics;
  appraisal: AppraisalSummary;
  satisfaction: SatisfactionSummary;
}

/** Share of the bar for reading and measuring; scoring (the bootstrap) takes the rest. */
const MEASURE_SHARE = 0.75;

function prepare(input: PipelineInput, progress: Progress) {
  const quality = new QualityCollector();
  progress.report('Reading surveys', 0);
  const ingested = ingest(
    { surveys: input.surveys, roster: input.roster, mapping: input.mapping, codebook: input.codebook },
    quality,
    subProgress(progress, 0, 0.4),
  );
  progress.report('Building network', 0.4);
  const network = buildNetwork(ingested.actors, ingested.ties);
  progress.report('Computing metrics', 0.45);
  return { quality, ingested, network };
}

function readOthers(
  prepared: ReturnType<typeof prepare>,
  metrics: LayeredMetrics,
  input: PipelineInput,
  options: PipelineOptions,
  progress: Progress,
): MeasuredWave {
  const { quality, ingested } = prepared;
  progress.report('Reading appraisals and satisfaction', 0.95);
  const ratings = input.appraisals ? readAppraisals(input.appraisals, ingested.actors, quality) : [];
  const appraisal = summariseAppraisals(ratings, { threshold: options.anonymityThreshold ?? 3 });
  const satisfactionRows = input.satisfaction
    ? readSatisfaction(input.satisfaction, ingested.actors, quality)
    : [];
  const satisfaction = summariseSatisfaction(satisfactionRows, ingested.actors);
  progress.report('Measured', 1);
  return { ...prepared, seed: options.seed ?? 1, metrics, appraisal, satisfaction };
}

/** Reads and measures one wave in the calling thread. */
export function measureWave(
  input: PipelineInput,
  options: PipelineOptions = {},
  progress: Progress = silentProgress,
): MeasuredWave {
  const prepared = prepare(input, progress);
  const metrics = computeLayeredMetrics(
    prepared.network,
    { seed: options.seed ?? 1, ...options.metrics },
    prepared.quality,
    subProgress(progress, 0.45, 0.95),
  );
  return readOthers(prepared, metrics, input, options, progress);
}

/**
 * The same with the costly shortest-path pass handed to a host's runner (worker threads in the
 * CLI, Web Workers in the app), so large networks use every core. Results are identical.
 */
export async function measureWaveWith(
  runPaths: PathRunner,
  input: PipelineInput,
  options: PipelineOptions = {},
  progress: Progress = silentProgress,
): Promise<MeasuredWave> {
  const prepared = prepare(input, progress);
  const metrics = await computeLayeredMetricsWith(
    runPaths,
    prepared.network,
    { seed: options.seed ?? 1, ...options.metrics },
    prepared.quality,
    subProgress(progress, 0.45, 0.95),
  );
  return readOthers(prepared, metrics, input, options, progress);
}

/**
 * Scorecards, coverage and change for a measured wave. Adds nothing to the wave's quality
 * collector, so it may run more than once (without, then with, the bootstrap or a baseline).
 */
export function scoreWave(
  wave: MeasuredWave,
  baseline: Scorecard[] | undefined,
  options: PipelineOptions = {},
  progress: Progress = silentProgress,
): PipelineResult {
  const { ingested, network, metrics, appraisal, satisfaction, seed } = wave;
  progress.report('Scorecards', 0);
  const scorecards = computeScorecards(
    {
      actors: ingested.actors,
      ties: ingested.ties,
      respondents: ingested.respondents,
      network,
      metrics,
      appraisal,
      satisfaction,
    },
    {
      weights: options.weights,
      bootstrapDraws: options.bootstrapDraws ?? 1000,
      seed,
      normalisation: options.normalisation,
    },
    subProgress(progress, 0, 0.99),
  );
  const coverage = computeCoverage(ingested.actors, ingested.respondents, { invited: options.invited });
  const change = baseline ? compareWaves(baseline, scorecards) : null;
  const serviceChange = baseline ? compareServices(baseline, scorecards) : null;

  progress.report('Done', 1);
  return {
    actors: ingested.actors,
    ties: ingested.ties,
    relations: network.relations,
    respondents: ingested.respondents,
    metrics,
    appraisal,
    satisfaction,
    scorecards,
    coverage,
    change,
    serviceChange,
    quality: withReusedIds(wave.quality.report(), change, baseline),
    mapping: ingested.mapping,
    review: ingested.review,
    autoMatched: ingested.autoMatched,
  };
}

/**
 * The wave's quality report, with a warning for each roster id the baseline knew as someone else
 * (compareWaves leaves them out of the change): a copy, as scoreWave may run twice on one wave.
 */
function withReusedIds(
  report: QualityReport,
  change: ChangeRow[] | null,
  baseline: Scorecard[] | undefined,
): QualityReport {
  const reused = (change ?? []).filter((row) => row.status === 'id-reused');
  if (reused.length === 0) return report;
  const before = new Map((baseline ?? []).map((c) => [c.id, c.name]));
  const issues = reused.map((row): QualityIssue => ({
    severity: 'warning',
    file: 'baseline',
    row: null,
    column: null,
    code: 'baseline-id-reused',
    message: `The roster id ${row.id} is ${String(row.name)} now and was ${before.get(String(row.id)) ?? 'someone else'} in the baseline, so their figures were not compared as one person's change (change.csv says "id-reused"). If it is the same person under a new name, give the roster both names in a "Previous surname" or "Known as" column; if not, give the newcomer an id of their own.`,
  }));
  return { ...report, issues: [...report.issues, ...issues] };
}

/** Everything in the calling thread: tests, small runs, and hosts without workers. */
export function runPipeline(
  input: PipelineInput,
  options: PipelineOptions = {},
  progress: Progress = silentProgress,
): PipelineResult {
  const wave = measureWave(input, options, subProgress(progress, 0, MEASURE_SHARE));
  return scoreWave(wave, input.baseline, options, subProgress(progress, MEASURE_SHARE, 1));
}
