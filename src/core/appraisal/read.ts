// Reads a 360 appraisal file, long (one row per score) or wide (one row per rater, one column per
// competency), into plain ratings. Unknown people, groups and scores become quality issues.
import type { Actor, ActorId, InputFile } from '../model';
import { InputError, type QualityCollector } from '../quality';
import { findColumn, type CsvTable } from '../ingest/csv';
import { readTable } from '../ingest/table';
import {
  parseCompetency,
  parseRaterGroup,
  parseScore,
  type CompetencyKey,
  type RaterGroup,
} from './competencies';

/** One score given by one rater to one person on one competency (N/A rows are not kept). */
export interface AppraisalRating {
  ratee: ActorId;
  /** Rater id as the file gives it; for a file without one, a stable per-row key. Never shown. */
  rater: string;
  group: RaterGroup;
  competency: CompetencyKey;
  score: number;
  file: string;
  row: number;
}

const RATEE_COLUMNS = [
  'ratee_id',
  'ratee',
  'appraisee',
  'appraisee_id',
  'subject',
  'subject_id',
  'person',
  'employee',
  'staff_id',
  'public servant',
];
const RATER_COLUMNS = [
  'rater_id',
  'rater',
  'respondent',
  'respondent_id',
  'response id',
  'reviewer',
  'reviewer_id',
];
const GROUP_COLUMNS = [
  'rater_group',
  'group',
  'relationship',
  'rater relationship',
  'rater_type',
  'rater type',
  'relationship to ratee',
];
const COMPETENCY_COLUMNS = ['competency', 'competence', 'item', 'question', 'dimension'];
const SCORE_COLUMNS = ['score', 'rating', 'value', 'answer', 'response'];

const normName = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Ratee lookup: roster id first (exact, then case-insensitive), then the roster name. */
function makeRateeMatcher(actors: Actor[]): (text: string) => Actor | null {
  const byId = new Map<string, Actor>();
  const byIdLower = new Map<string, Actor>();
  const byName = new Map<string, Actor | 'ambiguous'>();
  for (const a of actors) {
    if (!a.onRoster) continue;
    byId.set(a.id, a);
    byIdLower.set(a.id.toLowerCase(), a);
    const key = normName(a.label);
    byName.set(key, byName.has(key) ? 'ambiguous' : a);
  }
  return (text) => {
    const t = text.trim();
    const hit = byId.get(t) ?? byIdLower.get(t.toLowerCase());
    if (hit) return hit;
    const named = byName.get(normName(t));
    return named && named !== 'ambiguous' ? named : null;
  };
}

export function readAppraisals(
  file: InputFile,
  actors: Actor[],
  quality: QualityCollector,
): AppraisalRating[] {
  // Any table the survey tool exported: CSV in any dialect, .xlsx, or either zipped.
  const table = readTable(file, quality);
  const rateeCol = findColumn(table.header, ...RATEE_COLUMNS);
  if (rateeCol < 0) {
    throw new InputError(
      file.name,
      1,
      'ratee_id',
      'missing-column',
      `The column "ratee_id" (the person being appraised) is missing (found: ${table.header.join(', ')}).`,
    );
  }
  const competencyCol = findColumn(table.header, ...COMPETENCY_COLUMNS);
  const scoreCol = findColumn(table.header, ...SCORE_COLUMNS);
  const wideCols = table.header
    .map((h, i) => ({ i, key: parseCompetency(h) }))
    .filter((c): c is { i: number; key: CompetencyKey } => c.key !== null && c.i !== rateeCol);
  const long = competencyCol >= 0 && scoreCol >= 0;
  if (!long && wideCols.length === 0) {
    throw new InputError(
      file.name,
      1,
      'competency',
      'missing-column',
      'Neither a long layout (columns "competency" and "score") nor a wide one (a column per competency, such as "Taking responsibility") was found.',
    );
  }
  const ctx = {
    table,
    quality,
    match: makeRateeMatcher(actors),
    rateeCol,
    raterCol: findColumn(table.header, ...RATER_COLUMNS),
    groupCol: findColumn(table.header, ...GROUP_COLUMNS),
    warnedNonServant: new Set<string>(),
  };
  return long ? readLong(ctx, competencyCol, scoreCol) : readWide(ctx, wideCols);
}

interface Ctx {
  table: CsvTable;
  quality: QualityCollector;
  match: (text: string) => Actor | null;
  rateeCol: number;
  raterCol: number;
  groupCol: number;
  warnedNonServant: Set<string>;
}

/** Ratee, rater and group of one row, or null when the row cannot be used (already reported). */
function rowHead(ctx: Ctx, cells: string[], rowNo: number, fallbackRater: string) {
  const { table, quality } = ctx;
  const rateeText = (cells[ctx.rateeCol] ?? '').trim();
  const ratee = rateeText === '' ? null : ctx.match(rateeText);
  if (!ratee) {
    quality.error(
      table.file,
      rowNo,
      table.header[ctx.rateeCol] ?? null,
      'unknown-ratee',
      rateeText === ''
        ? 'The person being appraised is blank; the row was skipped.'
        : `"${rateeText}" is neither a roster id nor a roster name; the row was skipped.`,
    );
    return null;
  }
  if (ratee.type !== 'public-servant' && !ctx.warnedNonServant.has(ratee.id)) {
    ctx.warnedNonServant.add(ratee.id);
    quality.warn(
      table.file,
      rowNo,
      table.header[ctx.rateeCol] ?? null,
      'ratee-not-public-servant',
      `"${rateeText}" is on the roster as ${ratee.type}, not a public servant; their appraisals are kept but get no scorecard.`,
    );
  }
  const raterText = ctx.raterCol >= 0 ? (cells[ctx.raterCol] ?? '').trim() : '';
  const rater = raterText !== '' ? raterText : fallbackRater;
  const groupText = ctx.groupCol >= 0 ? (cells[ctx.groupCol] ?? '').trim() : '';
  let group: RaterGroup | null = parseRaterGroup(groupText);
  // A rater rating themself is a self-rating whatever the group column says.
  if (raterText !== '' && ctx.match(raterText)?.id === ratee.id) group = 'self';
  if (!group) {
    group = 'other';
    quality.warn(
      table.file,
      rowNo,
      ctx.groupCol >= 0 ? (table.header[ctx.groupCol] ?? null) : null,
      'unknown-rater-group',
      groupText === ''
        ? 'No rater group given; the scores count among "others".'
        : `"${groupText}" is not a known rater group (self, manager, peer, direct report, community partner, citizen); the scores count among "others".`,
    );
  }
  return { ratee: ratee.id, rater, group };
}

function addScore(
  ctx: Ctx,
  out: AppraisalRating[],
  head: { ratee: ActorId; rater: string; group: RaterGroup },
  competency: CompetencyKey,
  cell: string,
  rowNo: number,
  col: number,
): 'kept' | 'missing' | 'invalid' {
  const score = parseScore(cell);
  if (score === null) return 'missing';
  if (score === 'invalid') {
    ctx.quality.warn(
      ctx.table.file,
      rowNo,
      ctx.table.header[col] ?? null,
      'invalid-score',
      `"${cell.trim()}" is not a score from 1 to 5, a scale label or N/A; the score was left out.`,
    );
    return 'invalid';
  }
  out.push({ ...head, competency, score, file: ctx.table.file, row: rowNo });
  return 'kept';
}

function readLong(ctx: Ctx, competencyCol: number, scoreCol: number): AppraisalRating[] {
  const { table, quality } = ctx;
  const out: AppraisalRating[] = [];
  const seen = new Map<string, number>();
  table.rows.forEach((cells, i) => {
    const rowNo = table.rowNumbers[i]!;
    quality.rows.read++;
    const head = rowHead(ctx, cells, rowNo, '');
    if (!head) {
      quality.rows.rejected++;
      return;
    }
    const compText = (cells[competencyCol] ?? '').trim();
    const competency = parseCompetency(compText);
    if (competency && head.rater === '') {
      // No rater given: the k-th score a group gives a person on a competency is taken as rater k,
      // so a group's rater count is its largest count on any competency (never one per row, which
      // would overstate group sizes and weaken the anonymity rule).
      const k = `${head.ratee}|${head.group}|${competency}`;
      const nth = (seen.get(k) ?? 0) + 1;
      seen.set(k, nth);
      head.rater = `${head.ratee}|${head.group}|${nth}`;
    }
    if (!competency) {
      quality.rows.rejected++;
      quality.warn(
        table.file,
        rowNo,
        table.header[competencyCol] ?? null,
        'unknown-competency',
        `"${compText}" is not one of the six competencies; the row was skipped.`,
      );
      return;
    }
    const result = addScore(ctx, out, head, competency, cells[scoreCol] ?? '', rowNo, scoreCol);
    if (result === 'invalid') quality.rows.rejected++;
    else quality.rows.accepted++;
  });
  return out;
}

function readWide(ctx: Ctx, cols: { i: number; key: CompetencyKey }[]): AppraisalRating[] {
  const { table, quality } = ctx;
  const out: AppraisalRating[] = [];
  table.rows.forEach((cells, i) => {
    const rowNo = table.rowNumbers[i]!;
    quality.rows.read++;
    // One row is one rater's form, so the row itself identifies the rater when no column does.
    const head = rowHead(ctx, cells, rowNo, `${table.file}#${rowNo}`);
    if (!head) {
      quality.rows.rejected++;
      return;
    }
    for (const c of cols) addScore(ctx, out, head, c.key, cells[c.i] ?? '', rowNo, c.i);
    quality.rows.accepted++;
  });
  return out;
}
