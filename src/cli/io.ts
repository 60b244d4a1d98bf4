// File-system side of the CLI host: read inputs as bytes, write outputs, and report problems.
import { mkdirSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { InputFile } from '../core/model';
import { InputError, type QualityReport } from '../core/quality';

/** Reads a file for the core; a missing or unreadable file stops the run naming it (exit 1). */
/** The largest input read: a survey's text beyond about half of this is more than a string can hold. */
const MAX_INPUT_BYTES = 1e9;

export function readInput(path: string): InputFile {
  if (!existsSync(path)) throw new InputError(path, null, null, 'file-not-found', 'The file does not exist.');
  const stat = statSync(path);
  if (stat.isDirectory())
    throw new InputError(path, null, null, 'not-a-file', 'This is a folder, not a file.');
  // A device (/dev/zero) or a pipe has no end to read to: reading it would fill the memory or wait forever.
  if (!stat.isFile())
    throw new InputError(
      path,
      null,
      null,
      'not-a-file',
      'This is not a regular file (a device, a pipe or a socket): save the data to a file and give that.',
    );
  if (stat.size > MAX_INPUT_BYTES)
    throw new InputError(
      path,
      null,
      null,
      'too-large',
      `The file is ${(stat.size / 1e9).toFixed(1)} GB; files up to ${MAX_INPUT_BYTES / 1e9} GB are read. Split it (by date, say) and give the parts as separate surveys.`,
    );
  try {
    // Quality reports name the file as the user gave it on the command line.
    return { name: path, data: new Uint8Array(readFileSync(path)) };
  } catch (err) {
    throw new InputError(
      path,
      null,
      null,
      'unreadable',
      `The file cannot be read (${(err as Error).message}).`,
    );
  }
}

export function readJson<T>(path: string): T {
  const file = readInput(path);
  const text = typeof file.data === 'string' ? file.data : new TextDecoder().decode(file.data);
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    const line = jsonErrorLine(text, (err as Error).message);
    throw new InputError(
      path,
      line,
      null,
      'bad-json',
      `The file is not valid JSON${line === null ? '' : ` at line ${line}`} (${(err as Error).message}).`,
    );
  }
}

/**
 * The line of a JSON syntax error: from the engine's "at position N" where it gives one, else
 * that of a comma before a closing bracket, the usual slip when a file is edited by hand.
 */
function jsonErrorLine(text: string, message: string): number | null {
  const position = /at position (\d+)/.exec(message)?.[1];
  const at = position !== undefined ? Number(position) : /,\s*[}\]]/.exec(text)?.index;
  return at === undefined ? null : text.slice(0, at).split('\n').length;
}

export function ensureDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
}

export function writeOut(dir: string, name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

export function writeJson(dir: string, name: string, value: unknown): string {
  return writeOut(dir, name, JSON.stringify(value, null, 2) + '\n');
}

/**
 * One line on stderr summarising problems that did not stop the run, so none pass silently.
 * `blankRows`: how many of the rejected rows were blank (QualityCollector.blankRows).
 */
export function summariseQuality(quality: QualityReport, qualityPath: string | null, blankRows = 0): void {
  const errors = quality.issues.filter((i) => i.severity === 'error').length;
  const warnings = quality.issues.filter((i) => i.severity === 'warning').length;
  const notes = quality.issues.filter((i) => i.severity === 'info').length;
  const mentions = quality.unmatched.reduce((a, u) => a + u.count, 0);
  const unmatched = quality.unmatched.length;
  if (errors + warnings + notes + unmatched === 0 && quality.rows.rejected === 0) return;
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [
    `${count(quality.rows.read, 'row')} read`,
    `${quality.rows.accepted} accepted`,
    `${quality.rows.rejected} rejected${blankRows > 0 ? ` (${count(blankRows, 'blank row')})` : ''}`,
    count(errors, 'error'),
    count(warnings, 'warning'),
    count(notes, 'note'),
    `${count(unmatched, 'unmatched name')} (${count(mentions, 'mention')})`,
  ];
  // Accepted without asking though not written as on the roster: worth a look, so counted too.
  if (quality.matched?.length) parts.push(`${count(quality.matched.length, 'name')} matched not exactly`);
  process.stderr.write(`quality: ${parts.join(', ')}${qualityPath ? ` (details in ${qualityPath})` : ''}\n`);
}

export const displayName = (path: string) => basename(path);
