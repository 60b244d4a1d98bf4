// The project file: every input file, the mapping and review decisions, index weights, layout and
// view, as one JSON document that moves between machines. Parsing is all-or-nothing: a damaged,
// truncated or newer file yields { ok: false, reason } and the caller's state is never touched.
// On disk this is the same format as src/ui/project-file.ts writes (format + version + project).
import type { InputFile } from '../model';

export const PROJECT_FORMAT = 'civic-ties-project';
export const PROJECT_VERSION = 1;

/** A file as stored: text when it was text, base64 when bytes (an .xlsx, a non-UTF-8 CSV). */
export type StoredFile = { name: string; text: string } | { name: string; base64: string };

/** One wave's inputs (the current wave, or the baseline). */
export interface ProjectWave {
  roster: StoredFile | null;
  surveys: StoredFile[];
  appraisals: StoredFile | null;
  satisfaction: StoredFile | null;
  codebook: StoredFile | null;
}

export interface ProjectBody {
  name: string;
  current: ProjectWave;
  baseline: ProjectWave | null;
  /** Column mapping (ingest's Mapping); owned by the app, kept as given. */
  mapping: unknown;
  /** Decisions on review items (name matches accepted or rejected); owned by the app. */
  reviewDecisions?: unknown;
  /** Index weights the user changed. */
  weights: Record<string, number>;
  /** Map layout positions by node id. */
  layout: Record<string, { x: number; y: number }> | null;
  /** Map view state (camera, filters); owned by the app. */
  view: unknown;
  /** Other app state worth restoring (route, table sort); owned by the app. */
  ui?: Record<string, unknown>;
}

export interface ProjectFile {
  format: typeof PROJECT_FORMAT;
  version: number;
  /** ISO 8601 time of saving. */
  savedAt: string;
  project: ProjectBody;
}

export type ParsedProjectFile = { ok: true; project: ProjectFile } | { ok: false; reason: string };

const NOTHING_CHANGED = 'Nothing was changed.';
/** Keys that would reach Object.prototype if copied onto a plain object. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Bytes to base64 without Buffer (runs in the browser, the worker and node alike). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk)
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** An input file as the project stores it. */
export function storeInputFile(file: InputFile): StoredFile {
  return typeof file.data === 'string'
    ? { name: file.name, text: file.data }
    : { name: file.name, base64: bytesToBase64(file.data) };
}

/** A stored file back as the pipeline's InputFile. */
export function restoreInputFile(file: StoredFile): InputFile {
  return 'text' in file
    ? { name: file.name, data: file.text }
    : { name: file.name, data: base64ToBytes(file.base64) };
}

/** Writes the project file (2-space JSON: diff-friendly; inputs dominate the size anyway). */
export function serialiseProject(project: ProjectFile): string {
  return JSON.stringify({ ...project, format: PROJECT_FORMAT }, null, 2) + '\n';
}

class Damaged extends Error {}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

function readFile(value: unknown, where: string): StoredFile {
  if (!isRecord(value)) throw new Damaged(`${where} is not a file entry.`);
  if (typeof value.name !== 'string' || !value.name) throw new Damaged(`${where} has no file name.`);
  if (typeof value.text === 'string') return { name: value.name, text: value.text };
  if (typeof value.base64 === 'string') {
    if (value.base64.length % 4 !== 0 || !BASE64.test(value.base64))
      throw new Damaged(`${where} (“${value.name}”) is damaged: its contents are not valid base64.`);
    return { name: value.name, base64: value.base64 };
  }
  throw new Damaged(`${where} (“${value.name}”) has no contents.`);
}

function readWave(value: unknown, label: string): ProjectWave {
  if (!isRecord(value)) throw new Damaged(`The ${label} wave is missing or damaged.`);
  const one = (key: string): StoredFile | null =>
    value[key] == null ? null : readFile(value[key], `The ${label} wave's ${key} file`);
  if (!Array.isArray(value.surveys)) throw new Damaged(`The ${label} wave has no list of survey files.`);
  return {
    roster: one('roster'),
    surveys: value.surveys.map((s, i) => readFile(s, `Survey ${i + 1} of the ${label} wave`)),
    appraisals: one('appraisals'),
    satisfaction: one('satisfaction'),
    codebook: one('codebook'),
  };
}

function readWeights(value: unknown): Record<string, number> {
  if (value == null) return {};
  if (!isRecord(value)) throw new Damaged('The index weights are damaged.');
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(value)) {
    if (UNSAFE_KEYS.has(k)) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      throw new Damaged(`The weight “${k}” is not a non-negative number.`);
    out[k] = v;
  }
  return out;
}

function readLayout(value: unknown): Record<string, { x: number; y: number }> | null {
  if (value == null) return null;
  if (!isRecord(value)) throw new Damaged('The map layout is damaged.');
  const out: Record<string, { x: number; y: number }> = {};
  for (const [id, p] of Object.entries(value)) {
    if (UNSAFE_KEYS.has(id)) continue;
    if (
      !isRecord(p) ||
      typeof p.x !== 'number' ||
      typeof p.y !== 'number' ||
      !Number.isFinite(p.x) ||
      !Number.isFinite(p.y)
    )
      throw new Damaged(`The map position of “${id}” is damaged.`);
    out[id] = { x: p.x, y: p.y };
  }
  return out;
}

/**
 * Reads a project file. Checks, in order: valid JSON (a truncated file fails here), the format
 * marker, the version (newer than this app → refused, with both numbers), then every part. The
 * reason is one sentence a person can act on, ending "Nothing was changed."
 */
export function parseProject(text: string): ParsedProjectFile {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return {
      ok: false,
      reason: `This file is damaged or incomplete, or is not a Civic Ties project file (it is not valid JSON). ${NOTHING_CHANGED}`,
    };
  }
  if (!isRecord(doc) || doc.format !== PROJECT_FORMAT)
    return { ok: false, reason: `This is not a Civic Ties project file. ${NOTHING_CHANGED}` };
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return {
      ok: false,
      reason: `This project file has no valid version number; it may be damaged. ${NOTHING_CHANGED}`,
    };
  if (version > PROJECT_VERSION)
    return {
      ok: false,
      reason: `This project was saved by a newer version of Civic Ties (file version ${version}; this version reads up to ${PROJECT_VERSION}). Update Civic Ties to open it. ${NOTHING_CHANGED}`,
    };
  try {
    const p = doc.project;
    if (!isRecord(p)) throw new Damaged('The project section is missing.');
    const ui: Record<string, unknown> = {};
    if (isRecord(p.ui)) for (const [k, v] of Object.entries(p.ui)) if (!UNSAFE_KEYS.has(k)) ui[k] = v;
    const body: ProjectBody = {
      name: typeof p.name === 'string' && p.name.trim() ? p.name : 'Imported project',
      current: readWave(p.current, 'current'),
      baseline: p.baseline == null ? null : readWave(p.baseline, 'baseline'),
      mapping: p.mapping ?? null,
      weights: readWeights(p.weights),
      layout: readLayout(p.layout),
      view: p.view ?? null,
      ui,
    };
    if (p.reviewDecisions !== undefined) body.reviewDecisions = p.reviewDecisions;
    return {
      ok: true,
      project: {
        format: PROJECT_FORMAT,
        version,
        savedAt: typeof doc.savedAt === 'string' ? doc.savedAt : '',
        project: body,
      },
    };
  } catch (err) {
    if (err instanceof Damaged)
      return { ok: false, reason: `This project file is damaged: ${err.message} ${NOTHING_CHANGED}` };
    throw err;
  }
}
