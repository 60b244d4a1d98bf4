// Survey tools hand their exports over zipped: Google Forms ("Download responses (.csv)"),
// Qualtrics ("Download data table") and SurveyMonkey ("All individual responses") all download a
// .zip holding the CSV or .xlsx. Evaluators upload what they downloaded, so the one data file
// inside is read as if it had been uploaded itself.
import { Inflate, strFromU8, unzipSync } from 'fflate';
import type { InputFile } from '../model';
import { firstFew, InputError, type QualityCollector } from '../quality';

/**
 * Files a survey tool puts in its archive that hold data, not folders, a Mac's resource forks
 * (`__MACOSX/`) or hidden files (`.name`). A `..` in the path is not a hidden file: an entry
 * stored as `../../responses.csv` is still the export (see outsidePath).
 */
function isDataFile(name: string): boolean {
  return (
    /\.(csv|tsv|txt|xlsx)$/i.test(name) &&
    !name.split(/[\\/]/).some((part) => part === '__MACOSX' || /^\.(?!\.?$)/.test(part))
  );
}

/**
 * True for an entry stored under a path that leads out of the folder it is unpacked in (`../`,
 * `/`, `C:\`): what a tampered archive uses to write over other files, or an odd zipping tool
 * makes. Harmless here, as entries are only read into memory, never unpacked to disk.
 */
function outsidePath(name: string): boolean {
  if (/^([\\/]|[a-z]:)/i.test(name)) return true;
  let depth = 0;
  for (const part of name.split(/[\\/]/)) {
    depth += part === '..' ? -1 : part === '.' || part === '' ? 0 : 1;
    if (depth < 0) return true;
  }
  return false;
}

/** A data file read as text: the only kind whose head alone can be read (a workbook needs all). */
function isTextDataFile(name: string): boolean {
  return isDataFile(name) && !/\.xlsx$/i.test(name);
}

/**
 * Of several data files, the main one when the others are its parts: ODK Central's "all data" zip
 * holds `form.csv` and a `form-repeat.csv` per repeat group. Null when no file is so.
 */
export function mainDataFile(names: string[]): string | null {
  const base = (name: string) => (name.split('/').pop() ?? name).replace(/\.[^.]+$/, '');
  const main = names.filter((n) => names.every((o) => o === n || base(o).startsWith(`${base(n)}-`)));
  return main.length === 1 ? main[0]! : null;
}

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
      // An .xlsx is a zip inside: say what the user has, a workbook.
      /\.xlsx$/i.test(file.name)
        ? 'This Excel workbook is damaged or incomplete (cut short in a download, perhaps) and cannot be opened. Download it again, or open it in Excel and save it again.'
        : 'This .zip archive is damaged and cannot be opened.',
    );
  }
  const names = entries.map((e) => e.name);
  // Spreadsheets in zip formats this reader does not read: said by name, so the user saves as .xlsx.
  const other = names.includes('xl/workbook.bin')
    ? 'an Excel binary workbook (.xlsb)'
    : names.includes('mimetype') && names.includes('content.xml')
      ? "an OpenDocument file (.ods, LibreOffice's own format)"
      : null;
  if (other) {
    throw new InputError(
      file.name,
      null,
      null,
      'unreadable-file',
      `This is ${other}, which cannot be read here. Open it and save it as an Excel workbook (.xlsx) or "CSV UTF-8", then add that file.`,
    );
  }
  if (isWorkbook(names)) return file;
  const data = entries.filter((e) => isDataFile(e.name));
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
  const main = data.length > 1 ? mainDataFile(data.map((e) => e.name)) : data[0]!.name;
  if (main === null) {
    throw new InputError(
      file.name,
      null,
      null,
      'unreadable-file',
      `This .zip archive holds ${data.length} data files (${firstFew(data.map((e) => e.name))}); unzip it and upload the survey export on its own.`,
    );
  }
  const inner = data.find((e) => e.name === main)!;
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
  // Piece by piece where the archive's directory can be read, so that what the entry really unpacks
  // to is known: unzipSync fills a buffer of the size the archive states and drops the rest
  // without a word (a 110,000-response export stating 1 MB gave 2,118 rows).
  const entry = zipEntries(file.data)?.get(inner.name);
  if (entry) {
    const pieces: Uint8Array[] = [];
    let total = 0;
    const read = inflateEntry(file.data, entry, (chunk) => {
      pieces.push(chunk);
      total += chunk.length;
      return total > MAX_UNPACKED_BYTES;
    });
    if (read && total !== inner.size) {
      throw new InputError(
        file.name,
        null,
        null,
        'unreadable-file',
        `"${inner.name}" inside this .zip archive is damaged: it unpacks to ${total.toLocaleString('en')} bytes where the archive says ${inner.size.toLocaleString('en')}. Download or zip the export again.`,
      );
    }
    if (read) {
      bytes = new Uint8Array(total);
      let at = 0;
      for (const piece of pieces) {
        bytes.set(piece, at);
        at += piece.length;
      }
    }
  }
  if (!bytes) {
    try {
      bytes = unzipSync(file.data, { filter: (f) => f.name === inner.name })[inner.name];
    } catch {
      bytes = undefined;
    }
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
  const others = data.filter((e) => e !== inner).map((e) => `"${e.name}"`);
  const beside =
    others.length === 0
      ? ''
      : `; ${others.join(', ')} beside it (named after it: ODK and KoboToolbox keep repeat groups so) ${others.length === 1 ? 'was' : 'were'} not read`;
  if (outsidePath(inner.name)) {
    // Read, not refused: its bytes go no further than memory, and a user whose tool zipped oddly
    // should not be stuck. A warning, as such a path is also what a tampered archive looks like.
    const base = inner.name.split(/[\\/]/).pop()!;
    quality.warn(
      file.name,
      null,
      null,
      'archive-path',
      `Read "${base}" from this .zip archive, where it is stored under the path "${inner.name}", which leads outside the archive's folder (an odd zipping tool, or a tampered file): only its contents were read, nothing was unpacked to disk${beside}.`,
    );
  } else {
    quality.info(file.name, null, null, 'archive', `Read "${inner.name}" from this .zip archive${beside}.`);
  }
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
  const entries = zipEntries(data);
  if (!entries || isWorkbook([...entries.keys()])) return null;
  const dataFiles = [...entries.keys()].filter(isDataFile);
  const main = dataFiles.length === 1 ? dataFiles[0]! : mainDataFile(dataFiles);
  const entry = main !== null && isTextDataFile(main) ? entries.get(main) : undefined;
  if (!entry) return null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const read = inflateEntry(data, entry, (chunk) => {
    chunks.push(chunk);
    size += chunk.length;
    return size >= maxBytes;
  });
  if (!read || size === 0) return null;
  const head = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    head.set(c, at);
    at += c.length;
  }
  return { name: file.name, data: head };
}

export function isZip(data: Uint8Array): boolean {
  return data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
}

/** Where an entry's stored bytes start in the archive, how many there are and how (0 stored, 8 deflated). */
export interface ZipEntry {
  start: number;
  size: number;
  method: number;
}

/**
 * Every entry of a zip by name, from the archive's central directory. Null for an archive this
 * does not read (ZIP64, damaged): callers then unzip it whole.
 */
export function zipEntries(data: Uint8Array): Map<string, ZipEntry> | null {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let end = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries = new Map<string, ZipEntry>();
  for (let k = 0; k < count; k++) {
    if (at + 46 > data.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const name = strFromU8(data.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (size === 0xffffffff || local + 30 > data.length || view.getUint32(local, true) !== 0x04034b50)
      return null;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + size > data.length) return null;
    entries.set(name, { start, size, method });
  }
  return entries;
}

/**
 * Inflates one entry piece by piece, handing each piece to `onChunk` until it returns true (enough)
 * or the entry ends. False when the entry cannot be read this way (an unknown method, bad data).
 */
export function inflateEntry(
  data: Uint8Array,
  entry: ZipEntry,
  onChunk: (chunk: Uint8Array, final: boolean) => boolean,
): boolean {
  const raw = data.subarray(entry.start, entry.start + entry.size);
  if (entry.method === 0) {
    onChunk(raw, true);
    return true;
  }
  if (entry.method !== 8) return false;
  let done = false;
  const inflate = new Inflate((chunk, final) => {
    if (!done && (onChunk(chunk, final) || final)) done = true;
  });
  const STEP = 1 << 14;
  try {
    for (let at = 0; at < raw.length && !done; at += STEP)
      inflate.push(raw.subarray(at, at + STEP), at + STEP >= raw.length);
  } catch {
    return false;
  }
  return true;
}
