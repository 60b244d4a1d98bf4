// Input files cross to the worker, and into IndexedDB, with their bytes as Blobs. A Blob is
// cloned by reference; the Uint8Array of a 120 MB export was copied on the page's thread each
// time, 150–180 ms once per run and once per autosave (trial V). Text stays text.
import type { InputFile } from '../core/model';

/** A file as it crosses a thread or goes into storage: bytes as a Blob (or still bytes, from an older save). */
export interface CarriedFile {
  name: string;
  data: Blob | Uint8Array | string;
}

/** The files of a wave, as PipelineInput and WaveFiles both hold them. */
interface Files<F> {
  surveys: F[];
  roster?: F | null;
  appraisals?: F | null;
  satisfaction?: F | null;
  codebook?: F | null;
}

const SINGLE_FILES = ['roster', 'appraisals', 'satisfaction', 'codebook'] as const;

const blobs = new WeakMap<Uint8Array, Blob>();

/** The Blob a file's bytes were read from (a picked File): they are then never copied again. */
export function rememberBlob(data: Uint8Array, blob: Blob): void {
  blobs.set(data, blob);
}

function carried(file: InputFile): CarriedFile {
  if (typeof file.data === 'string') return file;
  let blob = blobs.get(file.data);
  if (!blob) {
    // One copy, the first time these bytes cross (a demo file, a project file's).
    blob = new Blob([file.data as Uint8Array<ArrayBuffer>]);
    blobs.set(file.data, blob);
  }
  return { name: file.name, data: blob };
}

async function read(file: CarriedFile): Promise<InputFile> {
  if (typeof file.data === 'string' || file.data instanceof Uint8Array)
    return { name: file.name, data: file.data };
  const bytes = new Uint8Array(await file.data.arrayBuffer());
  blobs.set(bytes, file.data);
  return { name: file.name, data: bytes };
}

/** A wave's files with their bytes as Blobs, the rest of it as it is. */
export function carryFiles<W extends Files<InputFile>>(wave: W): W {
  const out: Record<string, unknown> = { ...(wave as object), surveys: wave.surveys.map(carried) };
  for (const key of SINGLE_FILES) {
    const file = wave[key];
    if (file) out[key] = carried(file);
  }
  return out as unknown as W;
}

/** A wave whose files crossed as Blobs, with their bytes read back (asynchronously, off any long task). */
export async function receiveFiles<W extends Files<InputFile>>(wave: W): Promise<W> {
  const files = wave as unknown as Files<CarriedFile>;
  const out: Record<string, unknown> = {
    ...(wave as object),
    surveys: await Promise.all(files.surveys.map(read)),
  };
  for (const key of SINGLE_FILES) {
    const file = files[key];
    if (file) out[key] = await read(file);
  }
  return out as unknown as W;
}
