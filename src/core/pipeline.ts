// Files in, result out: the only entry the hosts (worker, CLI, tests) call.
// Each stage is a plain function over plain data; progress and cancel flow through `Progress`.
import type { InputFile, Actor, Tie } from './model';
import { QualityCollector, type Progress, type QualityReport, silentProgress, subProgress } from './quality';
import { ingest, type Mapping, type Respondent, type ReviewItem } from './ingest';
import { buildNetwork } from './network/build';
import { computeLayeredMetrics, type LayeredMetrics, type MetricsOptions } from './metrics';
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

export function runPipeline(
  input: PipelineInput,
  options: PipelineOptions = {},
  progress: Progress = silentProgress,
): PipelineResult {
  const quality = new QualityCollector();
  const seed = options.seed ?? 1;

  progress.report('Reading surveys', 0);
  const ingested = ingest(
    { surveys: input.surveys, roster: input.roster, mapping: input.mapping, codebook: input.codebook },
    quality,
    subProgress(progress, 0, 0.3),
  );

  progress.report('Building network', 0.3);
  const network = buildNetwork(ingested.actors, ingested.ties);

  progress.report('Computing metrics', 0.35);
  const metrics = computeLayeredMetrics(
    network,
    { seed, ...options.metrics },
    quality,
    subProgress(progress, 0.35, 0.75),
  );

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
