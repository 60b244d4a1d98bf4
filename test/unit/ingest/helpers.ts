// Shared helpers for ingest tests: fixture files as InputFile, and a one-call ingest.
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ingest,
  readRoster,
  RosterMatcher,
  type IngestResult,
  type Mapping,
  type RosterEntry,
} from '../../../src/core/ingest';
import { asActorId, type InputFile } from '../../../src/core/model';
import { InputError, QualityCollector, silentProgress } from '../../../src/core/quality';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/ingest', import.meta.url));

export function fixture(name: string): InputFile {
  return { name, data: new Uint8Array(readFileSync(join(FIXTURES, name))) };
}

export function text(name: string, data: string): InputFile {
  return { name, data };
}

/** A matcher over a roster written as CSV text, as the matcher tests build theirs. */
export const matcherOf = (csv: string): RosterMatcher =>
  new RosterMatcher(readRoster(text('roster.csv', csv), new QualityCollector()).entries);

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

/**
 * A Google Forms export of residents' answers to "Who do you go to in times of need?" and "Who do
 * you trust?": each row is those two cells, CSV-quoted as needed ('"Dr Patel, Riverside Surgery",').
 */
export function googleFormsSurvey(rows: string[]): InputFile {
  const header =
    'Timestamp,Email Address,Which best describes you?,Who do you go to in times of need?,Who do you trust?';
  const lines = rows.map((r, i) => `2026/03/01 1:0${i}:00 PM GMT,r${i}@example.org,Resident,${r}`);
  return text('google-forms.csv', [header, ...lines].join('\n'));
}

/** "source>target:relation" strings, sorted, for compact assertions. */
export function tieSet(result: IngestResult): string[] {
  return result.ties.map((t) => `${t.source}>${t.target}:${t.relation}`).sort();
}

/** tieSet with each tie's weight: "source>target:relation=weight". */
export function weightedTieSet(result: IngestResult): string[] {
  return result.ties.map((t) => `${t.source}>${t.target}:${t.relation}=${t.weight}`).sort();
}

export function codes(quality: QualityCollector): string[] {
  return quality.issues.map((i) => i.code);
}

/** A minimal .xlsx workbook (one sheet, inline strings) holding `rows`, as Excel would open it. */
export function xlsxOf(rows: string[][]): Uint8Array {
  return workbookOf([{ name: 'Sheet1', rows }]);
}

/**
 * A minimal .xlsx workbook with these sheets in tab order (inline strings; `hidden` as Excel marks
 * it; `hiddenColumns`, 1-based, as Excel writes a column hidden by hand: a <col> with hidden="1").
 */
export function workbookOf(
  sheets: { name: string; rows: string[][]; hidden?: boolean; hiddenColumns?: number[] }[],
): Uint8Array {
  const column = (c: number) => String.fromCharCode(65 + (c % 26)).padStart(c < 26 ? 1 : 2, 'A');
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const sheetXml = (rows: string[][]) =>
    rows
      .map(
        (row, r) =>
          `<row r="${r + 1}">${row
            .map((v, c) => `<c r="${column(c)}${r + 1}" t="inlineStr"><is><t>${escape(v)}</t></is></c>`)
            .join('')}</row>`,
      )
      .join('');
  const parts: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<Types/>'),
    'xl/workbook.xml': strToU8(
      `<workbook><sheets>${sheets
        .map(
          (s, i) =>
            `<sheet name="${escape(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`,
        )
        .join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships>${sheets
        .map((_, i) => `<Relationship Id="rId${i + 1}" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join('')}</Relationships>`,
    ),
  };
  sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      `<worksheet>${
        s.hiddenColumns?.length
          ? `<cols>${s.hiddenColumns.map((c) => `<col min="${c}" max="${c}" width="0" hidden="1" customWidth="1"/>`).join('')}</cols>`
          : ''
      }<sheetData>${sheetXml(s.rows)}</sheetData></worksheet>`,
    );
  });
  return zipSync(parts);
}

/** A roster entry as readRoster makes one, for matcher and reader tests with rosters of their own. */
export function rosterEntry(
  id: string,
  name: string,
  type: RosterEntry['type'] = 'resident',
  sector = 'civil',
): RosterEntry {
  return { id: asActorId(id), name, type, sector, attrs: {} };
}

/** The InputError `read` stops with (a file refused, naming it and why); fails the test if none. */
export function inputErrorOf(read: () => unknown): InputError {
  try {
    read();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}
