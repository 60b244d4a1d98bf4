// `network`: survey exports + roster in, a clean network out (edges.csv, nodes.csv) for Gephi, UCINET or R.
import { parse } from '../args';
import { ensureDir, summariseQuality, writeJson, writeOut } from '../io';
import { readSurveyInputs, surveyOptions, surveyOptionsHelp } from './survey-inputs';
import { ingest } from '../../core/ingest';
import { edgesCsv, nodesCsv } from '../../core/export';
import { QualityCollector, type Progress } from '../../core/quality';

export const networkHelp = `Usage: civic-ties network --survey FILE [--survey FILE ...] --roster FILE [options] --out DIR

Convert survey exports into a clean network: each named person matched to the roster, each
question mapped to a tie type (need, trust, info, ...).

Options:
${surveyOptionsHelp}
  -h, --help            show this help

Writes edges.csv (source,target,relation,weight), nodes.csv (id,label,type,sector,...),
quality.json (every rejected row and unmatched name) and mapping.json (reuse it with --mapping).
Exit codes: 0 done, 1 bad input, 2 usage.`;

export async function runNetwork(argv: string[], progress: Progress): Promise<number> {
  const values = parse(argv, surveyOptions);
  if (values.help) {
    console.log(networkHelp);
    return 0;
  }
  const inputs = readSurveyInputs(values);
  const out = values.out as string;
  const quality = new QualityCollector();
  const result = ingest(inputs, quality, progress);
  ensureDir(out);
  writeOut(out, 'edges.csv', edgesCsv(result.ties));
  writeOut(out, 'nodes.csv', nodesCsv(result.actors, { includeNames: values['include-names'] === true }));
  const report = quality.report();
  const qualityPath = writeJson(out, 'quality.json', report);
  writeJson(out, 'mapping.json', result.mapping);
  summariseQuality(report, qualityPath, quality.blankRows);
  return 0;
}
