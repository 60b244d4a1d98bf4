// `analyse`: survey files (+ appraisals, satisfaction, baseline) in; scorecards, metrics, report out.
import { parse, optionalString, integer, choice } from '../args';
import { ensureDir, readInput, summariseQuality, writeJson, writeOut } from '../io';
import { readBaseline, readSurveyInputs, surveyOptions, surveyOptionsHelp } from './survey-inputs';
import { measureWaveWith, scoreWave, type PipelineInput, type PipelineOptions } from '../../core/pipeline';
import { threadedPathRunner } from '../metrics-threads';
import {
  SCORECARD_COLUMNS,
  CHANGE_COLUMNS,
  readInvitedCounts,
  readWeightsConfig,
} from '../../core/scorecard';
import { toCsv, toGexf, toGraphml } from '../../core/export';
import { computeLayout } from '../../core/layout';
import { buildReport } from '../../core/report';
import { QualityCollector, subProgress, type Progress } from '../../core/quality';

export const analyseHelp = `Usage: civic-ties analyse --survey FILE [--survey FILE ...] --roster FILE [options] --out DIR

Build the network, compute every metric, join 360 appraisals and satisfaction, and write
scorecards and a self-contained report.

Options:
${surveyOptionsHelp}
  --appraisals FILE     360 appraisal ratings (long: ratee,rater,rater group,competency,score; or wide)
  --satisfaction FILE   resident satisfaction returns (service + Likert items)
  --baseline DIR        the --out folder of an earlier analyse run (wave one): writes change.csv
  --weights FILE        index weights as JSON ({"weights": {"appraisal": 0.3, ...}}); see README, "The index"
  --normalisation MODE  percentile (default: rank within the area) or minmax
  --invited FILE        CSV sector,invited: how many were asked per sector, for response-rate warnings
  --sample-above N      estimate betweenness from a seeded sample of sources above N actors (its
                        standard error goes into quality.json); default exact at any size
  --bootstrap N         bootstrap draws over respondents for intervals (default 1000; 0 turns off)
  --anonymity N         smallest 360 rater group shown on its own (default 3; self and manager exempt)
  -h, --help            show this help

Writes metrics.json, scorecards.csv, scorecards.json, quality.json, network.gexf,
network.graphml, report.html, mapping.json and, with --baseline, change.csv.
Exit codes: 0 done, 1 bad input, 2 usage.`;

export async function runAnalyse(argv: string[], progress: Progress): Promise<number> {
  const values = parse(argv, {
    ...surveyOptions,
    appraisals: { type: 'string' },
    satisfaction: { type: 'string' },
    baseline: { type: 'string' },
    bootstrap: { type: 'string' },
    anonymity: { type: 'string' },
    weights: { type: 'string' },
    normalisation: { type: 'string' },
    invited: { type: 'string' },
    'sample-above': { type: 'string' },
  });
  if (values.help) {
    console.log(analyseHelp);
    return 0;
  }
  const inputs = readSurveyInputs(values);
  const appraisalsPath = optionalString(values, 'appraisals');
  const satisfactionPath = optionalString(values, 'satisfaction');
  const baselineDir = optionalString(values, 'baseline');
  const seed = integer(values, 'seed', 1);
  const includeNames = values['include-names'] === true;
  const out = values.out as string;
  const normalisation = choice(values, 'normalisation', ['percentile', 'minmax'] as const, 'percentile');
  // Problems in the small config files are reported with the run's own quality notes.
  const configQuality = new QualityCollector();
  const weightsPath = optionalString(values, 'weights');
  const invitedPath = optionalString(values, 'invited');
  const weights = weightsPath ? readWeightsConfig(readInput(weightsPath), configQuality) : undefined;
  const invited = invitedPath ? readInvitedCounts(readInput(invitedPath), configQuality) : undefined;

  const input: PipelineInput = {
    ...inputs,
    appraisals: appraisalsPath ? readInput(appraisalsPath) : undefined,
    satisfaction: satisfactionPath ? readInput(satisfactionPath) : undefined,
    baseline: baselineDir ? readBaseline(baselineDir) : undefined,
  };
  const options: PipelineOptions = {
    seed,
    bootstrapDraws: integer(values, 'bootstrap', 1000),
    anonymityThreshold: integer(values, 'anonymity', 3),
    weights,
    normalisation,
    invited,
    metrics:
      values['sample-above'] === undefined ? undefined : { sampleAbove: integer(values, 'sample-above', 0) },
  };
  // Measured once: the wave's network serves the scorecards, the layout and the graph files.
  const wave = await measureWaveWith(threadedPathRunner(), input, options, subProgress(progress, 0, 0.7));
  const result = scoreWave(wave, input.baseline, options, subProgress(progress, 0.7, 0.9));
  result.quality.issues.unshift(...configQuality.issues);

  ensureDir(out);
  progress.report('Writing outputs', 0.95);
  writeJson(out, 'metrics.json', result.metrics);
  writeOut(
    out,
    'scorecards.csv',
    toCsv(result.scorecards as unknown as Record<string, unknown>[], SCORECARD_COLUMNS),
  );
  writeJson(out, 'scorecards.json', result.scorecards);
  const qualityPath = writeJson(out, 'quality.json', result.quality);
  writeJson(out, 'mapping.json', result.mapping);
  const network = wave.network;
  const positions = computeLayout(network.union, { seed });
  const nodeMetrics = result.metrics.nodes as unknown as Record<string, Record<string, unknown>>;
  writeOut(out, 'network.gexf', toGexf(network.union, nodeMetrics, { includeNames, positions }));
  writeOut(out, 'network.graphml', toGraphml(network.union, nodeMetrics, { includeNames, positions }));
  if (result.change) {
    writeOut(out, 'change.csv', toCsv(result.change as Record<string, unknown>[], CHANGE_COLUMNS));
  }
  writeOut(out, 'report.html', buildReport(result, { positions, includeNames }));
  summariseQuality(result.quality, qualityPath, wave.quality.blankRows);
  return 0;
}
