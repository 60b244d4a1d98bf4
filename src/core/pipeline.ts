// Files in, result out: the only entry the hosts (worker, CLI, tests) call.
// Each stage is a plain function over plain data; progress and cancel flow through `Progress`.
import type { InputFile, Actor, Tie } from './model';
import { QualityCollector, type Progress, type QualityReport, silentProgress, subProgress } from './quality';
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
}

/** The stages before and after metrics, shared by the in-thread and the parallel entry points. */
interface Prepared {
  quality: QualityCollector;
  seed: number;
  ingested: ReturnType<typeof ingest>;
  network: Network;
}

function prepare(input: PipelineInput, options: PipelineOptions, progress: Progress): Prepared {
  const quality = new QualityCollector();
  progress.report('Reading surveys', 0);
  const ingested = ingest(
    { surveys: input.surveys, roster: input.roster, mapping: input.mapping, codebook: input.codebook },
    quality,
    subProgress(progress, 0, 0.3),
  );
  progress.report('Building network', 0.3);
  const network = buildNetwork(ingested.actors, ingested.ties);
  progress.report('Computing metrics', 0.35);
  return { quality, seed: options.seed ?? 1, ingested, network };
}

const METRICS_SPAN = [0.35, 0.75] as const;

function finish(
  { quality, seed, ingested, network }: Prepared,
  metrics: LayeredMetrics,
  input: PipelineInput,
  options: PipelineOptions,
  progress: Progress,
): PipelineResult {
  progress.report('Reading appraisals and satisfaction', 0.75);
  const ratings = input.appraisals ? readAppraisals(input.appraisals, ingested.actors, quality) : [];
  const appraisal = summariseAppraisals(ratings, { threshold: options.anonymityThreshold ?? 3 });
  const satisfactionRows = input.satisfaction
    ? readSatisfaction(input.satisfaction, ingested.actors, quality)
    : [];
  const satisfaction = summariseSatisfaction(satisfactionRows, ingested.actors);

  progress.report('Scorecards', 0.8);
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
    subProgress(progress, 0.8, 0.99),
  );
  const coverage = computeCoverage(ingested.actors, ingested.respondents, { invited: options.invited });
  const change = input.baseline ? compareWaves(input.baseline, scorecards) : null;
  const serviceChange = input.baseline ? compareServices(input.baseline, scorecards) : null;

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
    quality: quality.report(),
    mapping: ingested.mapping,
    review: ingested.review,
  };
}

/** Everything in the calling thread: tests, small runs, and hosts without workers. */
export function runPipeline(
  input: PipelineInput,
  options: PipelineOptions = {},
  progress: Progress = silentProgress,
): PipelineResult {
  const prepared = prepare(input, options, progress);
  const metrics = computeLayeredMetrics(
    prepared.network,
    { seed: prepared.seed, ...options.metrics },
    prepared.quality,
    subProgress(progress, ...METRICS_SPAN),
  );
  return finish(prepared, metrics, input, options, progress);
}

/**
 * The same run with the costly shortest-path pass handed to a host's runner (worker threads in
 * the CLI, Web Workers in the app), so large networks use every core. Results are identical.
 */
export async function runPipelineWith(
  runPaths: PathRunner,
  input: PipelineInput,
  options: PipelineOptions = {},
  progress: Progress = silentProgress,
): Promise<PipelineResult> {
  const prepared = prepare(input, options, progress);
  const metrics = await computeLayeredMetricsWith(
    runPaths,
    prepared.network,
    { seed: prepared.seed, ...options.metrics },
    prepared.quality,
    subProgress(progress, ...METRICS_SPAN),
  );
  return finish(prepared, metrics, input, options, progress);
}
