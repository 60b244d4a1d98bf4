// The project as the user builds it: input files per wave, mapping and review decisions, index
// weights, map layout and view. Everything here is saved (IndexedDB, project file) and restored.
import type { InputFile } from '../core/model';
import type { Mapping } from '../core/ingest/types';
import type { PipelineInput } from '../core/pipeline';
import type { JobRequest } from '../worker/pipeline-job';

export interface WaveFiles {
  roster: InputFile | null;
  surveys: InputFile[];
  appraisals: InputFile | null;
  satisfaction: InputFile | null;
  codebook: InputFile | null;
}

export type Weights = Record<string, number>;
export type Positions = Record<string, { x: number; y: number }>;

export interface ProjectData {
  /** Random per project; ties the quick settings backup (persist.ts) to the right project. */
  id?: string;
  name: string;
  /** True while the project is the untouched demo data set. */
  demo?: boolean;
  current: WaveFiles;
  baseline: WaveFiles | null;
  /** null = let ingest detect the layout; set once the user edits it or decides a review item. */
  mapping: Mapping | null;
  /** Only the weights the user changed; the rest keep the scorecard defaults. */
  weights: Weights;
  layout: Positions | null;
  view: unknown;
  /** How many were asked per sector (sample frame), for response-rate warnings; optional. */
  invited?: Record<string, number>;
  /** App view state worth restoring (route, table filters). */
  ui: Record<string, unknown>;
  updatedAt: string;
}

export function newProjectId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `p-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export const emptyWave = (): WaveFiles => ({
  roster: null,
  surveys: [],
  appraisals: null,
  satisfaction: null,
  codebook: null,
});

export function emptyProject(name = 'Untitled project'): ProjectData {
  return {
    id: newProjectId(),
    name,
    current: emptyWave(),
    baseline: null,
    mapping: null,
    weights: {},
    layout: null,
    view: null,
    ui: {},
    updatedAt: new Date().toISOString(),
  };
}

function pipelineInput(
  wave: WaveFiles,
  fallbackRoster: InputFile | null,
  mapping: Mapping | null,
): PipelineInput | null {
  const roster = wave.roster ?? fallbackRoster;
  if (!roster || wave.surveys.length === 0) return null;
  const input: PipelineInput = { surveys: wave.surveys, roster };
  if (wave.appraisals) input.appraisals = wave.appraisals;
  if (wave.satisfaction) input.satisfaction = wave.satisfaction;
  if (wave.codebook) input.codebook = wave.codebook;
  if (mapping) input.mapping = mappingFor(mapping, wave.surveys);
  return input;
}

/**
 * The saved mapping restricted to the files of one wave: ingest matches survey mappings by file
 * name and then by order, so a mapping for another wave's file must not be offered.
 */
export function mappingFor(mapping: Mapping, surveys: InputFile[]): Mapping {
  const names = new Set(surveys.map((s) => s.name));
  return { ...mapping, surveys: mapping.surveys.filter((s) => names.has(s.file)) };
}

/** What is missing before a run can start, in words; null when the project can run. */
export function missingInputs(project: ProjectData): string | null {
  if (!project.current.roster) return 'Add a roster file (one row per public servant, group or volunteer).';
  if (project.current.surveys.length === 0) return 'Add at least one survey file.';
  return null;
}

export function jobRequest(project: ProjectData, options: JobRequest['options']): JobRequest | null {
  const current = pipelineInput(project.current, null, project.mapping);
  if (!current) return null;
  if (project.invited && Object.keys(project.invited).length > 0)
    options = { ...options, invited: project.invited };
  const baseline = project.baseline
    ? pipelineInput(project.baseline, project.current.roster, project.mapping)
    : null;
  return { current, baseline, options };
}

/** Every file of the project with its role, for lists in the Import view. */
export function listFiles(wave: WaveFiles): { role: keyof WaveFiles; file: InputFile; index: number }[] {
  const out: { role: keyof WaveFiles; file: InputFile; index: number }[] = [];
  if (wave.roster) out.push({ role: 'roster', file: wave.roster, index: 0 });
  wave.surveys.forEach((file, index) => out.push({ role: 'surveys', file, index }));
  if (wave.appraisals) out.push({ role: 'appraisals', file: wave.appraisals, index: 0 });
  if (wave.satisfaction) out.push({ role: 'satisfaction', file: wave.satisfaction, index: 0 });
  if (wave.codebook) out.push({ role: 'codebook', file: wave.codebook, index: 0 });
  return out;
}

export function fileSize(file: InputFile): number {
  return typeof file.data === 'string' ? file.data.length : file.data.byteLength;
}
