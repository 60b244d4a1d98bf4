// Project files: the whole project (inputs, mapping and review decisions, weights, layout, view) as
// one JSON file to move between machines. Reading never changes anything until the file is valid.
import type { InputFile } from '../core/model';
import { emptyWave, type ProjectData, type WaveFiles } from './project';

export const PROJECT_FORMAT = 'civic-ties-project';
export const PROJECT_VERSION = 1;

type StoredFile = { name: string; text: string } | { name: string; base64: string };

function encodeFile(file: InputFile): StoredFile {
  if (typeof file.data === 'string') return { name: file.name, text: file.data };
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < file.data.length; i += chunk)
    binary += String.fromCharCode(...file.data.subarray(i, i + chunk));
  return { name: file.name, base64: btoa(binary) };
}

function decodeFile(value: unknown, where: string): InputFile {
  if (!value || typeof value !== 'object') throw new Error(`${where} is not a file entry.`);
  const v = value as Record<string, unknown>;
  if (typeof v.name !== 'string') throw new Error(`${where} has no file name.`);
  if (typeof v.text === 'string') return { name: v.name, data: v.text };
  if (typeof v.base64 === 'string') {
    let binary: string;
    try {
      binary = atob(v.base64);
    } catch {
      throw new Error(`${where} (“${v.name}”) is damaged: its contents are not valid base64.`);
    }
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return { name: v.name, data: bytes };
  }
  throw new Error(`${where} (“${v.name}”) has no contents.`);
}

function encodeWave(wave: WaveFiles): Record<string, unknown> {
  return {
    roster: wave.roster ? encodeFile(wave.roster) : null,
    surveys: wave.surveys.map(encodeFile),
    appraisals: wave.appraisals ? encodeFile(wave.appraisals) : null,
    satisfaction: wave.satisfaction ? encodeFile(wave.satisfaction) : null,
    codebook: wave.codebook ? encodeFile(wave.codebook) : null,
  };
}

function decodeWave(value: unknown, label: string): WaveFiles {
  if (!value || typeof value !== 'object') throw new Error(`The ${label} wave is missing or damaged.`);
  const v = value as Record<string, unknown>;
  const one = (key: string): InputFile | null =>
    v[key] == null ? null : decodeFile(v[key], `The ${label} ${key} file`);
  if (!Array.isArray(v.surveys)) throw new Error(`The ${label} wave has no list of surveys.`);
  return {
    ...emptyWave(),
    roster: one('roster'),
    surveys: v.surveys.map((s, i) => decodeFile(s, `Survey ${i + 1} of the ${label} wave`)),
    appraisals: one('appraisals'),
    satisfaction: one('satisfaction'),
    codebook: one('codebook'),
  };
}

export function serialiseProjectFile(project: ProjectData): string {
  return JSON.stringify(
    {
      format: PROJECT_FORMAT,
      version: PROJECT_VERSION,
      savedAt: new Date().toISOString(),
      project: {
        name: project.name,
        current: encodeWave(project.current),
        baseline: project.baseline ? encodeWave(project.baseline) : null,
        mapping: project.mapping,
        weights: project.weights,
        layout: project.layout,
        view: project.view,
        ui: project.ui,
      },
    },
    null,
    1,
  );
}

export type ParsedProject = { ok: true; project: ProjectData } | { ok: false; reason: string };

/** Reads a project file; a damaged file or one from a newer version is refused with a reason. */
export function parseProjectFile(text: string): ParsedProject {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return {
      ok: false,
      reason:
        'This file is damaged or is not a Civic Ties project file (it is not valid JSON). Nothing was changed.',
    };
  }
  if (!doc || typeof doc !== 'object' || (doc as Record<string, unknown>).format !== PROJECT_FORMAT) {
    return { ok: false, reason: 'This is not a Civic Ties project file. Nothing was changed.' };
  }
  const d = doc as Record<string, unknown>;
  const version = d.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      reason: 'This project file has no valid version number; it may be damaged. Nothing was changed.',
    };
  }
  if (version > PROJECT_VERSION) {
    return {
      ok: false,
      reason: `This project was saved by a newer version of Civic Ties (file version ${version}; this app reads up to ${PROJECT_VERSION}). Update the app to open it. Nothing was changed.`,
    };
  }
  try {
    const p = d.project as Record<string, unknown> | undefined;
    if (!p || typeof p !== 'object') throw new Error('The project section is missing.');
    const current = decodeWave(p.current, 'current');
    const baseline = p.baseline == null ? null : decodeWave(p.baseline, 'baseline');
    const weights: Record<string, number> = {};
    if (p.weights && typeof p.weights === 'object') {
      for (const [k, v] of Object.entries(p.weights as Record<string, unknown>))
        if (typeof v === 'number' && Number.isFinite(v)) weights[k] = v;
    }
    const mapping =
      p.mapping &&
      typeof p.mapping === 'object' &&
      Array.isArray((p.mapping as Record<string, unknown>).surveys)
        ? (p.mapping as ProjectData['mapping'])
        : null;
    const layout = p.layout && typeof p.layout === 'object' ? (p.layout as ProjectData['layout']) : null;
    return {
      ok: true,
      project: {
        name: typeof p.name === 'string' && p.name.trim() ? p.name : 'Imported project',
        current,
        baseline,
        mapping,
        weights,
        layout,
        view: p.view ?? null,
        ui: p.ui && typeof p.ui === 'object' ? (p.ui as Record<string, unknown>) : {},
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
