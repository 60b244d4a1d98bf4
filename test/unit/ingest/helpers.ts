// Shared helpers for ingest tests: fixture files as InputFile, and a one-call ingest.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest, type IngestResult, type Mapping } from '../../../src/core/ingest';
import type { InputFile } from '../../../src/core/model';
import { QualityCollector, silentProgress } from '../../../src/core/quality';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/ingest', import.meta.url));

export function fixture(name: string): InputFile {
  return { name, data: new Uint8Array(readFileSync(join(FIXTURES, name))) };
}

export function text(name: string, data: string): InputFile {
  return { name, data };
}

export const ROSTER = (): InputFile => fixture('roster.csv');

export function run(
  surveys: InputFile[],
  options: { roster?: InputFile; mapping?: Mapping; codebook?: InputFile } = {},
): IngestResult & { quality: QualityCollector } {
  const quality = new QualityCollector();
  const result = ingest(
    { surveys, roster: options.roster ?? ROSTER(), mapping: options.mapping, codebook: options.codebook },
    quality,
    silentProgress,
  );
  return { ...result, quality };
}

/** "source>target:relation" strings, sorted, for compact assertions. */
export function tieSet(result: IngestResult): string[] {
  return result.ties.map((t) => `${t.source}>${t.target}:${t.relation}`).sort();
}

export function codes(quality: QualityCollector): string[] {
  return quality.issues.map((i) => i.code);
}
