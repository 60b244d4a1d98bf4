// Reads resident satisfaction rows (one per response, linked to the service used) into plain
// answers on a 1–5 agreement scale, keeping "don't know" apart so it can be counted, not averaged.
import type { Actor, InputFile } from '../model';
import { InputError, type QualityCollector } from '../quality';
import { findColumn } from '../ingest/csv';
import { readTable } from '../ingest/table';

/** Indicators read when present; the first four are the scorecard's columns. */
export const SATISFACTION_ITEMS = [
  {
    key: 'satisfied',
    label: 'Satisfied with the service',
    aliases: [
      'satisfied with the service',
      'satisfied',
      'satisfaction',
      'overall satisfaction',
      'how satisfied',
    ],
  },
  {
    key: 'influence',
    label: 'I can influence decisions affecting my local area',
    aliases: ['i can influence decisions affecting my local area', 'influence decisions', 'influence', 'ni4'],
  },
  {
    key: 'involved',
    label: 'I feel involved',
    aliases: ['i feel involved', 'involved', 'involvement', 'feel involved'],
  },
  {
    key: 'trust',
    label: 'I trust the service',
    aliases: ['i trust the service', 'trust the service', 'trust'],
  },
  {
    key: 'capability',
    label: 'Capability',
    aliases: ['capability', 'capabilities', 'i feel capable', 'able to'],
  },
  { key: 'resilience', label: 'Resilience', aliases: ['resilience', 'resilient', 'bounce back'] },
] as const;

export type SatisfactionItem = (typeof SATISFACTION_ITEMS)[number]['key'];

export type Answer = number | 'dont-know';

export interface SatisfactionResponse {
  id: string;
  file: string;
  row: number;
  /** Roster service names (canonical spelling) this response is about; empty when none matched. */
  services: string[];
  answers: Partial<Record<SatisfactionItem, Answer>>;
  /** Importance of the service, 1–5; null when not asked or not answered. */
  importance: number | null;
}

const norm = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const DONT_KNOW = new Set([
  'dont know',
  'do not know',
  'dk',
  'not sure',
  'unsure',
  'n a',
  'na',
  'not applicable',
  'prefer not to say',
  'no opinion',
  'cant say',
  'cannot say',
]);

/**
 * Agreement and satisfaction labels on one 1–5 scale (5 = most positive). The four-point NI4
 * wording (definitely / tend to) maps to 5, 4, 2, 1 so "agree" means the same on both scales.
 */
const LIKERT: Record<string, number> = {
  'strongly agree': 5,
  'definitely agree': 5,
  agree: 4,
  'tend to agree': 4,
  'neither agree nor disagree': 3,
  'neither agree or disagree': 3,
  neutral: 3,
  neither: 3,
  'tend to disagree': 2,
  disagree: 2,
  'definitely disagree': 1,
  'strongly disagree': 1,
  'very satisfied': 5,
  'fairly satisfied': 4,
  satisfied: 4,
  'neither satisfied nor dissatisfied': 3,
  'fairly dissatisfied': 2,
  dissatisfied: 2,
  'very dissatisfied': 1,
  'a great deal': 5,
  'a fair amount': 4,
  'not very much': 2,
  'not at all': 1,
  'very important': 5,
  important: 4,
  'fairly important': 4,
  'not very important': 2,
  'not at all important': 1,
  'not important': 1,
  yes: 5,
  no: 1,
};

/** An answer on the 1–5 scale, 'dont-know', null for blank, or 'invalid'. Numbers: 5 = most positive. */
export function parseAnswer(text: string): Answer | null | 'invalid' {
  const raw = text.trim();
  if (raw === '') return null;
  const t = norm(raw);
  if (DONT_KNOW.has(t)) return 'dont-know';
  const lead = /^([0-9]+(?:[.,][0-9]+)?)(?:\s*(?:[-–—:(/].*)?)?$/.exec(raw);
  if (lead) {
    const value = Number(lead[1]!.replace(',', '.'));
    return value >= 1 && value <= 5 ? value : 'invalid';
  }
  return LIKERT[t] ?? 'invalid';
}

/** Column for an item: exact alias, then a header containing an alias as whole words. */
function findItemColumn(header: string[], aliases: readonly string[], taken: Set<number>): number {
  const normed = header.map(norm);
  for (const a of aliases) {
    const i = normed.findIndex((h, j) => h === a && !taken.has(j));
    if (i >= 0) return i;
  }
  for (const a of aliases) {
    const i = normed.findIndex(
      (h, j) => !taken.has(j) && ` ${h} `.includes(` ${a} `) && !h.includes('importan'),
    );
    if (i >= 0) return i;
  }
  return -1;
}

export function readSatisfaction(
  file: InputFile,
  actors: Actor[],
  quality: QualityCollector,
): SatisfactionResponse[] {
  // Any table the survey tool exported: CSV in any dialect, .xlsx, or either zipped.
  const table = readTable(file, quality);
  const serviceCol = findColumn(
    table.header,
    'Service',
    'Service used',
    'Services used',
    'service_name',
    'service_id',
  );
  if (serviceCol < 0) {
    throw new InputError(
      file.name,
      1,
      'Service',
      'missing-column',
      `The column "Service" (which service the resident answered about) is missing (found: ${table.header.join(', ')}).`,
    );
  }
  const idCol = findColumn(
    table.header,
    'Response ID',
    'ResponseId',
    'response_id',
    'id',
    'Respondent ID',
    '_uuid',
    'record_id',
  );
  const importanceCol = findColumn(
    table.header,
    'Importance of the service',
    'Importance',
    'How important is the service',
  );
  const taken = new Set<number>([serviceCol, idCol, importanceCol].filter((i) => i >= 0));
  const itemCols: { key: SatisfactionItem; col: number }[] = [];
  for (const item of SATISFACTION_ITEMS) {
    const col = findItemColumn(table.header, item.aliases, taken);
    if (col >= 0) {
      taken.add(col);
      itemCols.push({ key: item.key, col });
    }
  }
  if (itemCols.length === 0) {
    throw new InputError(
      file.name,
      1,
      'Satisfied with the service',
      'missing-column',
      `No satisfaction question was found (expected a column such as "Satisfied with the service" or "I can influence decisions affecting my local area"; found: ${table.header.join(', ')}).`,
    );
  }

  // Services as the roster spells them, matched case- and punctuation-insensitively.
  const services = new Map<string, string>();
  for (const a of actors) if (a.service) services.set(norm(a.service), a.service);
  const unknownServices = new Map<string, number>();

  const out: SatisfactionResponse[] = [];
  table.rows.forEach((cells, i) => {
    const rowNo = table.rowNumbers[i]!;
    quality.rows.read++;
    const serviceText = (cells[serviceCol] ?? '').trim();
    const matched: string[] = [];
    for (const part of serviceText
      .split(/[;|]/)
      .map((s) => s.trim())
      .filter(Boolean)) {
      const hit = services.get(norm(part));
      if (hit) matched.push(hit);
      else if (!unknownServices.has(part)) {
        unknownServices.set(part, rowNo);
        quality.warn(
          table.file,
          rowNo,
          table.header[serviceCol] ?? null,
          'unknown-service',
          `"${part}" is not a service on the roster; its answers count in the area total only.`,
        );
      }
    }
    const answers: Partial<Record<SatisfactionItem, Answer>> = {};
    for (const { key, col } of itemCols) {
      const a = parseAnswer(cells[col] ?? '');
      if (a === null) continue;
      if (a === 'invalid') {
        quality.warn(
          table.file,
          rowNo,
          table.header[col] ?? null,
          'invalid-answer',
          `"${(cells[col] ?? '').trim()}" is not an agreement answer (Strongly agree … Strongly disagree, 1–5 or Don't know); it was left out.`,
        );
        continue;
      }
      answers[key] = a;
    }
    let importance: number | null = null;
    if (importanceCol >= 0) {
      const a = parseAnswer(cells[importanceCol] ?? '');
      if (typeof a === 'number') importance = a;
      else if (a === 'invalid') {
        quality.warn(
          table.file,
          rowNo,
          table.header[importanceCol] ?? null,
          'invalid-answer',
          `"${(cells[importanceCol] ?? '').trim()}" is not an importance from 1 to 5; it was left out.`,
        );
      }
    }
    const id =
      idCol >= 0 && (cells[idCol] ?? '').trim() !== '' ? (cells[idCol] ?? '').trim() : `row-${rowNo}`;
    quality.rows.accepted++;
    out.push({ id, file: table.file, row: rowNo, services: matched, answers, importance });
  });
  return out;
}
