// The app's side of project files: converts the open project to and from the core's project file
// (src/core/export/project.ts), which does the validation. Nothing changes unless the file is valid.
import {
  parseProject,
  restoreInputFile,
  serialiseProject,
  storeInputFile,
  PROJECT_FORMAT,
  PROJECT_VERSION,
  type ProjectWave,
} from '../core/export/project';
import type { Mapping } from '../core/ingest/types';
import type { ProjectData, WaveFiles } from './project';

function toStored(wave: WaveFiles): ProjectWave {
  return {
    roster: wave.roster ? storeInputFile(wave.roster) : null,
    surveys: wave.surveys.map(storeInputFile),
    appraisals: wave.appraisals ? storeInputFile(wave.appraisals) : null,
    satisfaction: wave.satisfaction ? storeInputFile(wave.satisfaction) : null,
    codebook: wave.codebook ? storeInputFile(wave.codebook) : null,
  };
}

function fromStored(wave: ProjectWave): WaveFiles {
  return {
    roster: wave.roster ? restoreInputFile(wave.roster) : null,
    surveys: wave.surveys.map(restoreInputFile),
    appraisals: wave.appraisals ? restoreInputFile(wave.appraisals) : null,
    satisfaction: wave.satisfaction ? restoreInputFile(wave.satisfaction) : null,
    codebook: wave.codebook ? restoreInputFile(wave.codebook) : null,
  };
}

/** A mapping is kept only when it has the shape ingest reads; otherwise detection runs again. */
function asMapping(value: unknown): Mapping | null {
  if (!value || typeof value !== 'object') return null;
  const m = value as Partial<Mapping>;
  return Array.isArray(m.surveys) && Array.isArray(m.decisions) ? (m as Mapping) : null;
}

function readInvited(value: unknown): Record<string, number> | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>))
    if (typeof v === 'number' && Number.isFinite(v) && v > 0) out[k] = v;
  return out;
}

export function serialiseProjectFile(project: ProjectData): string {
  return serialiseProject({
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    savedAt: new Date().toISOString(),
    project: {
      name: project.name,
      current: toStored(project.current),
      baseline: project.baseline ? toStored(project.baseline) : null,
      // Review decisions travel inside the mapping (Mapping.decisions), as ingest reads them.
      mapping: project.mapping,
      weights: project.weights,
      layout: project.layout,
      view: project.view,
      // The sample frame travels with the app's own state (the core format has no field for it).
      ui: project.invited ? { ...project.ui, invited: project.invited } : project.ui,
    },
  });
}

export type ParsedProject = { ok: true; project: ProjectData } | { ok: false; reason: string };

/** Reads a project file; a damaged file or one from a newer version is refused with a reason. */
export function parseProjectFile(text: string): ParsedProject {
  const parsed = parseProject(text);
  if (!parsed.ok) return parsed;
  const p = parsed.project.project;
  try {
    return {
      ok: true,
      project: {
        name: p.name,
        current: fromStored(p.current),
        baseline: p.baseline ? fromStored(p.baseline) : null,
        mapping: asMapping(p.mapping),
        weights: p.weights,
        layout: p.layout,
        view: p.view,
        ui: p.ui ?? {},
        invited: readInvited(p.ui?.invited),
        updatedAt: new Date().toISOString(),
      },
    };
  } catch (err) {
    return {
      ok: false,
      reason: `This project file is damaged: ${err instanceof Error ? err.message : String(err)} Nothing was changed.`,
    };
  }
}
