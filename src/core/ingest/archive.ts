// Survey tools hand their exports over zipped: Google Forms ("Download responses (.csv)"),
// Qualtrics ("Download data table") and SurveyMonkey ("All individual responses") all download a
// .zip holding the CSV or .xlsx. Evaluators upload what they downloaded, so the one data file
// inside is read as if it had been uploaded itself.
import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import type { InputFile } from '../model';
import { InputError, type QualityCollector } from '../quality';
import { isZip } from './xlsx';

/** Files a survey tool puts in its archive that hold data. */
const DATA_FILE = /\.(csv|tsv|txt|xlsx)$/i;
/** Larger than any survey export, smaller than memory: beyond this an archive is refused. */
export const MAX_UNPACKED_BYTES = 1 << 30;

/** True for a zip that is an Office workbook (.xlsx), which is read as a workbook, not unpacked. */
function isWorkbook(names: string[]): boolean {
  return names.some((n) => n === '[Content_Types].xml' || n.startsWith('xl/'));
}

/**
 * The file itself, or, when it is a .zip archive (and not an .xlsx workbook) holding exactly one
 * data file, that file under the archive's name (so mappings and quality notes keep naming what
 * the user uploaded), with a note saying which file inside was read. An archive with no data
 * file, several, or one too large to unpack stops the run with a message that says so.
 */
export function unpackArchive(file: InputFile, quality: QualityCollector): InputFile {
  if (typeof file.data === 'string' || !isZip(file.data)) return file;
  const entries: { name: string; size: number }[] = [];
  try {
    // List first (the filter sees every entry and unpacks none): a workbook is left whole.
    unzipSync(file.data, {
      filter: (f) => {
        entries.push({ name: f.name, size: f.originalSize });
        return false;
      },
    });
  } catch {
    throw new InputError(
      file.name,
      null,
      null,
      'unreadable-file',
      'This .zip archive is damaged and cannot be opened.',
    );
  }
  const names = entries.map((e) => e.name);
  if (isWorkbook(names)) return file;
  const data = entries.filter(
    (e) => DATA_FILE.test(e.name) && !e.name.endsWith('/') && !/(^|\/)(__MACOSX\/|\.)/.test(e.name),
  );
  const listed = names.slice(0, 6).join(', ') + (names.length > 6 ? ', ...' : '');
  if (data.length === 0) {
    throw new InputError(
      file.name,
      null,
      null,
      'unreadable-file',
      `This .zip archive holds no CSV or Excel file${names.length ? ` (it holds: ${listed})` : ''}; unzip it and upload the survey export.`,
    );
  }
  if (data.length > 1) {
    throw new InputError(
      file.name,
      null,
      null,
      'unreadable-file',
      `This .zip archive holds ${data.length} data files (${data.map((e) => e.name).join(', ')}); unzip it and upload the survey export on its own.`,
    );
  }
  const inner = data[0]!;
  if (inner.size > MAX_UNPACKED_BYTES) {
    throw new InputError(
      file.name,
      null,
      null,
      'unreadable-file',
      `"${inner.name}" inside this .zip archive unpacks to more than 1 GB; unzip it and check it is the survey export.`,
    );
  }
  let bytes: Uint8Array | undefined;
  try {
    bytes = unzipSync(file.data, { filter: (f) => f.name === inner.name })[inner.name];
  } catch {
    bytes = undefined;
  }
  if (!bytes) {
    throw new InputError(
      file.name,
      null,
      null,
      'unreadable-file',
      `"${inner.name}" inside this .zip archive is damaged and cannot be read.`,
    );
  }
  quality.info(file.name, null, null, 'archive', `Read "${inner.name}" from this .zip archive.`);
  return { name: file.name, data: bytes };
}

/**
 * The first `maxBytes` (or a little more) of the data file inside a zipped export, inflated as a
 * stream and stopped there: enough for a header row without unpacking 50 MB on a page's main
 * thread. Null when the file is not such an archive, or the data file inside is a workbook
 * (which has to be read whole); the caller then reads the file as it is.
 */
export function archiveHead(file: InputFile, maxBytes: number): InputFile | null {
  const data = file.data;
  if (typeof data === 'string' || !isZip(data)) return null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  let found = false;
  let done = false;
  const unzip = new Unzip((entry) => {
    if (found || entry.name.startsWith('xl/') || entry.name === '[Content_Types].xml') {
      done ||= !found; // a workbook
      return;
    }
    if (!/\.(csv|tsv|txt)$/i.test(entry.name) || /(^|\/)(__MACOSX\/|\.)/.test(entry.name)) return;
    found = true;
    entry.ondata = (err, chunk, final) => {
      if (err) {
        done = true;
        return;
      }
      chunks.push(chunk);
      size += chunk.length;
      if (final || size >= maxBytes) {
        done = true;
        if (!final) entry.terminate();
      }
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  const STEP = 1 << 16;
  try {
    for (let at = 0; at < data.length && !done; at += STEP) {
      unzip.push(data.subarray(at, at + STEP), at + STEP >= data.length);
    }
  } catch {
    return null;
  }
  if (!found || size === 0) return null;
  const head = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    head.set(c, at);
    at += c.length;
  }
  return { name: file.name, data: head };
}
