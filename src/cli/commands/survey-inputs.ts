// Options shared by `network` and `analyse`: the survey files, roster, mapping and codebook.
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { stringList, requireString, optionalString, UsageError, type OptionSpec } from '../args';
import { readInput, readJson } from '../io';
import type { PipelineInput } from '../../core/pipeline';
import { checkMapping } from '../../core/ingest/mapping-file';
import type { Scorecard } from '../../core/scorecard';
import { InputError } from '../../core/quality';

export const surveyOptions: OptionSpec = {
  survey: { type: 'string', multiple: true },
  roster: { type: 'string' },
  mapping: { type: 'string' },
  codebook: { type: 'string' },
  out: { type: 'string' },
  'include-names': { type: 'boolean' },
  seed: { type: 'string' },
};

export const surveyOptionsHelp = `  --survey FILE         a survey export (CSV, TSV or .xlsx as the survey tool wrote it); repeat for several
  --roster FILE         the roster of public servants, groups and volunteers (required)
  --mapping FILE        a mapping.json from an earlier run: same columns, relations and review decisions
  --codebook FILE       the survey tool's codebook for numerically coded exports (e.g. a REDCap data dictionary)
  --out DIR             folder to write into (created if missing; required)
  --include-names       label respondents who are not on the roster by name (default: type and pseudonym)
  --seed N              seed for communities, layout and bootstrap (default 1)`;

export function readSurveyInputs(
  values: Record<string, unknown>,
): Pick<PipelineInput, 'surveys' | 'roster' | 'mapping' | 'codebook'> {
  const surveys = stringList(values, 'survey');
  if (surveys.length === 0) throw new UsageError('--survey is required (give it once per survey file).');
  const rosterPath = requireString(values, 'roster');
  requireString(values, 'out');
  const mappingPath = optionalString(values, 'mapping');
  const codebookPath = optionalString(values, 'codebook');
  return {
    surveys: surveys.map(readInput),
    roster: readInput(rosterPath),
    mapping: mappingPath ? checkMapping(readJson<unknown>(mappingPath), mappingPath) : undefined,
    codebook: codebookPath ? readInput(codebookPath) : undefined,
  };
}

/** A previous `analyse` output folder: its scorecards.json is wave one. */
export function readBaseline(dir: string): Scorecard[] {
  const path = join(dir, 'scorecards.json');
  if (!existsSync(dir))
    throw new InputError(dir, null, null, 'file-not-found', 'The baseline folder does not exist.');
  if (!existsSync(path)) {
    throw new InputError(
      path,
      null,
      null,
      'file-not-found',
      'The baseline folder has no scorecards.json; give the --out folder of an earlier analyse run.',
    );
  }
  const data = readJson<unknown>(path);
  const rows = Array.isArray(data) ? data : (data as { scorecards?: unknown }).scorecards;
  if (!Array.isArray(rows))
    throw new InputError(
      path,
      null,
      null,
      'bad-baseline',
      'scorecards.json does not hold a list of scorecards.',
    );
  return rows as Scorecard[];
}
