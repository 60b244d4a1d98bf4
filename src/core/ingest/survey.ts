// Reads the rows of one survey export, laid out as its SurveyMapping says, into raw responses:
// who answered (metadata) and the names they gave, per relation, with row and column.
import type { QualityCollector } from '../quality';
import { DATE_SHAPE, REDCAP_COLUMNS, TICK } from './detect';
import { nameKey } from './names';
import { relationOfLabel, scaleRank } from './relations';
import type { SurveyMapping } from './types';
import { isSpace } from './chars';
import { entryOf, intern } from '../intern';
import { isCoreRelation } from '../model';
import { emailHash, isPlausibleDate, NOT_EMAIL } from './dates';

export interface Nomination {
  text: string;
  column: string;
  relation: string;
}

/**
 * Every name given in a run, as integer triples (text, column, relation) over interned tables:
 * 100,000 responses hold no per-name strings or arrays, only offsets into one typed array, and
 * each distinct text is matched once.
 */
export class NominationStore {
  data = new Int32Array(1 << 14);
  length = 0;
  readonly texts: string[] = [];
  readonly columns: string[] = [];
  readonly relations: string[] = [];
  private readonly textIds = new Map<string, number>();
  private readonly columnIds = new Map<string, number>();
  private readonly relationIds = new Map<string, number>();

  textId(text: string): number {
    return intern(text, this.textIds, this.texts);
  }

  columnId(column: string): number {
    return intern(column, this.columnIds, this.columns);
  }

  relationId(relation: string): number {
    return intern(relation, this.relationIds, this.relations);
  }

  /** Weights other than 1 (a rating grid's answers), by the offset of their triple in `data`. */
  readonly weights = new Map<number, number>();

  push(text: number, column: number, relation: number): void {
    if (this.length + 3 > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = text;
    this.data[this.length++] = column;
    this.data[this.length++] = relation;
  }
}

export interface RawResponse {
  file: string;
  row: number;
  responseId: string | null;
  typeText: string;
  service: string;
  rosterRef: string;
  email: string;
  /**
   * emailHash(email), taken while the row is read (its characters are then still in the cache):
   * NOT_EMAIL, NEEDS_LOWER_CASE or the hash. Screening settles it to hashString of the checked,
   * lower-cased address, or -1 when there is none.
   */
  emailHash: number;
  name: string;
  /** The organisation a group responding for itself names (SurveyMapping.organisation). */
  organisation: string;
  timestamp: string;
  /** isPlausibleDate(timestamp), taken while the row is read; screening reports it when false. */
  timestampOk: boolean;
  /** This response's names: triples [from, to) in the shared NominationStore. */
  nomFrom: number;
  nomTo: number;
  /** Set when the row must not count (preview, test, spam...). */
  rejected: { code: string; message: string; column: string | null } | null;
  unfinished: boolean;
  /**
   * REDCap: the row's event in a longitudinal project (each event is a wave), and the repeating
   * instrument the row is an instance of (its answers belong to its record's row); else ''.
   */
  event: string;
  repeatOf: string;
}

/** Characters that send an answer to splitNames: other separators, brackets, quotes. */
const NOT_PLAIN = /[;\n\r|(["]/;

/** An answer, or a part of one between separators, of two question marks or more and nothing else. */
const QUESTION_MARKS_ONLY = /(^|[,;|\n])\s*\?{2,}\s*($|[,;|\r\n])/;

/** Answers longer than this are sentences, not names. */
export const MAX_NAME_LENGTH = 100;
/** More names than this in one answer box is a paste or spam, not a personal network. */
export const MAX_NAMES_PER_ANSWER = 30;
/** The most comma-separated parts one roster label is read as ("Friends of Park, Garden & Pond"). */
const MAX_LABEL_PARTS = 8;

// Answers that name nobody ("None of the above", "Not sure", "No one really", "I don't trust
// anyone", "?", a ticked "Other (please specify)" whose names are in its own box), and what
// spreadsheets and scripts leave in an empty cell: Excel's errors, NULL, NaN.
// With the same words in the languages of exports met (Welsh, French, German, Spanish): "neb",
// "aucun", "niemand", "nadie".
const EMPTY_ANSWER =
  /^(neb|dim un|dim byd|aucun|aucune|personne|rien|niemand|keine?r?|nichts|nadie|ninguno|ninguna|nada|none|none of (the above|these|them)|(no ?one|no-one|nobody|none)( (in particular|really|at all|at the moment|currently|yet|sorry))?|n\/a|na|n\/k|nil|[-–—_*?!/\\.]+|nothing|not applicable|(i )?don.?t know|not sure|unsure|can.?t remember|prefer not to say|other( \(?(please )?(specify|say who|state|give details)\)?)?:?|dk|no|0|null|undefined|nan|i (do not|don.?t) [\w' ]{1,40} (anyone|anybody|any of (them|these|those))|#(n\/a|value!|ref!|name\?|div\/0!|null!|num!))[.!]*$/i;

/** Whether an answer (or a code's label: "Other", "None of these") names nobody. */
export const namesNobody = (answer: string): boolean => EMPTY_ANSWER.test(answer.trim());

/** How often two pieces must be ticked side by side, and never apart, to be read as one choice. */
const JOINED_CHOICE_MIN = 3;

/**
 * Google Forms joins ticked choices with ", " (Qualtrics with ","), and a choice may hold ", "
 * itself ("Citizens Advice, Millbrook & District"). In a sample of a question's cells, pieces that are always ticked
 * next to each other in one order (at least JOINED_CHOICE_MIN times, never apart) are one choice;
 * a piece that names someone on the roster is never joined, but to words that describe that same
 * person ("Karen Douglas, Neighbourhood Manager"). Runs of three or more join in turn.
 */
export function joinedChoices(
  cells: readonly string[],
  isPerson: (piece: string) => boolean,
  /**
   * Whether `label` ("Karen Douglas, Neighbourhood Manager") names the same one person as its
   * first piece: a choice that gives a person's name and their job is joined like any other.
   */
  describesPerson: (person: string, label: string) => boolean = () => false,
): string[] {
  let rows = cells
    .filter((c) => c.includes(','))
    .map((c) =>
      c
        .split(/,\s*/)
        .map((p) => p.trim())
        .filter(Boolean),
    );
  if (rows.length === 0) return [];
  const alone = new Set(cells.filter((c) => !c.includes(',')).map((c) => c.trim()));
  const learned = new Set<string>();
  for (let round = 0; round < 4; round++) {
    const count = new Map<string, number>();
    // Each pair of neighbours by the label they would make together.
    const pairs = new Map<string, { a: string; b: string; n: number }>();
    for (const parts of rows) {
      parts.forEach((b, i) => {
        count.set(b, (count.get(b) ?? 0) + 1);
        if (i === 0) return;
        const a = parts[i - 1]!;
        const pair = pairs.get(`${a}, ${b}`);
        if (pair) pair.n++;
        else pairs.set(`${a}, ${b}`, { a, b, n: 1 });
      });
    }
    const joins = new Set<string>();
    for (const [label, { a, b, n }] of pairs) {
      if (n < JOINED_CHOICE_MIN || count.get(a) !== n || count.get(b) !== n) continue;
      if (alone.has(a) || alone.has(b) || isPerson(b)) continue;
      if (isPerson(a) && !describesPerson(a, label)) continue;
      joins.add(label);
    }
    if (joins.size === 0) break;
    rows = rows.map((parts) => {
      const out: string[] = [];
      for (const p of parts) {
        const joined = out.length > 0 ? `${out[out.length - 1]}, ${p}` : '';
        if (joins.has(joined)) out[out.length - 1] = joined;
        else out.push(p);
      }
      return out;
    });
    for (const label of joins) learned.add(label);
  }
  // Only the longest of a run: "A, B" inside "A, B, C" is not a choice of its own.
  const all = [...learned];
  return all.filter((l) => !all.some((m) => m !== l && m.includes(l)));
}

/**
 * Jotform and Wufoo join ticked choices with line breaks, and a choice may hold ", " ("Patel,
 * Anjali (GP)", "Tenants' Association, Cwmbach"), which splitNames would split. In questions whose
 * answers are joined by lines, a line holding a comma written the same in two cells or more (typed
 * lines are not) is one choice, when it names one person on the roster as a whole or none of its
 * parts names anyone. `questions` holds each question's sampled cells; a choice may recur across them.
 */
export function lineJoinedChoices(
  questions: readonly (readonly string[])[],
  isPerson: (piece: string) => boolean,
  /** The one person `label` names as a whole, or null. */
  personOf: (label: string) => string | null,
): string[] {
  const seen = new Map<string, number>();
  for (const cells of questions) {
    if (!cells.some((c) => /[\n\r]/.test(c)) || cells.some((c) => c.includes(';'))) continue;
    for (const cell of cells) {
      const lines = new Set(
        cell
          .split(/[\n\r]+/)
          .filter((line) => line.includes(','))
          .map((line) =>
            line
              .split(',')
              .map((p) => p.trim())
              .filter(Boolean)
              .join(', '),
          ),
      );
      for (const line of lines) seen.set(line, (seen.get(line) ?? 0) + 1);
    }
  }
  return [...seen]
    .filter(([label, n]) => n >= 2 && label.includes(', '))
    .map(([label]) => label)
    .filter((label) => personOf(label) !== null || !label.split(', ').some(isPerson));
}

/**
 * Split one answer cell into names. `;`, new lines and `|` always separate; commas separate too,
 * except inside a label the roster knows ("Patel, Priya", "Friends of Park, Garden & Pond"), which
 * is how Google Forms' ", "-joined choices are told apart from choices that contain ", ".
 */
export function splitNames(
  cell: string,
  isKnown: (s: string) => boolean,
  /** False when no known label can begin with this part and go on past a comma (a shortcut only). */
  mayBeginLabel: (part: string) => boolean = () => true,
  /**
   * Whether a part after a comma only says who the name before it is ("Dr Patel, Riverside
   * Surgery"): such a part is kept with that name (RosterMatcher.describes).
   */
  describesPrevious?: (previous: string, part: string) => boolean,
): string[] {
  const out: string[] = [];
  // Most cells hold one name: skip the splitting machinery for them.
  if (!/[;\n\r|,]/.test(cell)) {
    const one = afterChoice(cell.trim().replace(LEADING_JOIN, ''), isKnown);
    return one && !EMPTY_ANSWER.test(one) ? [one] : [];
  }
  for (const raw of cell.split(/[;\n\r|]+/)) {
    const piece = raw.trim();
    if (!piece) continue;
    if (!piece.includes(',')) {
      out.push(piece);
      continue;
    }
    const parts = splitOutsideBrackets(piece)
      .map((p) => p.trim())
      .filter(Boolean);
    // Fast path: every part is a known label on its own (names repeat, so these lookups are memoised).
    if (parts.length > 1 && parts.every(isKnown)) {
      out.push(...parts);
      continue;
    }
    const from = out.length;
    let i = 0;
    outer: while (i < parts.length) {
      // Every join tried here starts with parts[i]: none can be known if no label starts so; and
      // none of more than MAX_LABEL_PARTS parts (a cell of 3,000 names took minutes otherwise).
      const longest = mayBeginLabel(parts[i]!) ? Math.min(parts.length, i + MAX_LABEL_PARTS) : i + 1;
      for (let j = longest; j >= i + 2; j--) {
        const joined = parts.slice(i, j).join(', ');
        if (isKnown(joined)) {
          out.push(joined);
          i = j;
          continue outer;
        }
      }
      out.push(parts[i]!);
      i++;
    }
    if (describesPrevious) joinDescriptions(out, from, describesPrevious);
  }
  // A list written "Chloe, and Sam" or over lines ("...\nand Sam"): the joining word is no part of the name.
  return out
    .map((s) => afterChoice(s.replace(LEADING_JOIN, ''), isKnown))
    .filter((s) => s !== '' && !EMPTY_ANSWER.test(s));
}

/** Joins each name from `from` on that only says who the name before it is onto that name. */
function joinDescriptions(
  names: string[],
  from: number,
  describesPrevious: (previous: string, part: string) => boolean,
): void {
  for (let i = from + 1; i < names.length;) {
    if (describesPrevious(names[i - 1]!, names[i]!)) {
      names[i - 1] = `${names[i - 1]}, ${names[i]}`;
      names.splice(i, 1);
    } else i++;
  }
}

const LEADING_JOIN = /^(?:and|&)\s+/i;

/**
 * A ticked "None of the above" or "Other" written before the text typed with it, as GOV.UK Forms
 * exports it ("None of the above - my neighbour Sue"; Welsh "Dim un o'r uchod - y ficer").
 */
// English, Welsh, and the "Other" of French, German and Spanish exports (Microsoft Forms' "Autre").
const CHOICE_PREFIX =
  /^(?:none of (?:the above|these)|other(?: \(?please specify\)?)?|dim un o['’]r uchod|arall|autre|sonstiges?|andere|otro)\s*[-–—:]\s*/i;

/** The typed text after such a prefix; a roster label that happens to begin so stays whole. */
function afterChoice(name: string, isKnown: (s: string) => boolean): string {
  return CHOICE_PREFIX.test(name) && !isKnown(name) ? name.replace(CHOICE_PREFIX, '') : name;
}

/** Where a piece value[a, b) starts past a leading "and " or "& " (LEADING_JOIN, without a slice). */
function afterJoin(value: string, a: number, b: number): number {
  let at = -1;
  if (value.charCodeAt(a) === 38) at = a + 1;
  else if (
    b - a > 4 &&
    (value.charCodeAt(a) | 0x20) === 0x61 &&
    (value.charCodeAt(a + 1) | 0x20) === 0x6e &&
    (value.charCodeAt(a + 2) | 0x20) === 0x64
  )
    at = a + 3;
  if (at < 0 || at >= b || !isSpace(value.charCodeAt(at))) return a;
  while (at < b && isSpace(value.charCodeAt(at))) at++;
  return at;
}

/**
 * Split on commas (or another separator) that are not inside (), [] or quotes:
 * "=HYPERLINK("a","b")" stays whole, and so does "youth club (Chloe and Dan)" split on "and".
 */
export function splitOutsideBrackets(s: string, separator?: RegExp): string[] {
  if (!separator && !/[([""]/.test(s)) return s.split(',');
  // Where each character stands: outside any bracket or quote, or not.
  const outside = new Uint8Array(s.length);
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    else if (depth === 0) outside[i] = 1;
  }
  const out: string[] = [];
  let start = 0;
  const re = new RegExp(separator?.source ?? ',', `g${separator?.flags.replace('g', '') ?? ''}`);
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (outside[m.index] !== 1) continue;
    out.push(s.slice(start, m.index));
    start = m.index + m[0].length;
  }
  out.push(s.slice(start));
  return out;
}

const QUALTRICS_STATUS: Record<string, string> = {
  '1': 'preview',
  '2': 'test',
  '8': 'spam',
  '9': 'spam',
  '12': 'spam',
  '17': 'preview',
};

/**
 * Does a status / channel cell mark a response that is not a real answer? Numbers are read as
 * Qualtrics' status codes only in a Qualtrics export: elsewhere such a column (SurveyMonkey's
 * Collector ID) holds numbers that mean nothing of the kind.
 */
function statusRejection(value: string, qualtricsCodes: boolean): string | null {
  const v = value.trim().toLowerCase();
  if (!v) return null;
  if (qualtricsCodes && QUALTRICS_STATUS[v]) return QUALTRICS_STATUS[v]!;
  // KoboToolbox's _validation_status: the value (validation_status_not_approved) or its label.
  if (/not.?approved/.test(v)) return 'not-approved';
  // ODK Central's ReviewState and SurveyCTO's review_status.
  if (v === 'rejected') return 'rejected';
  // Whole words: a collector or channel may be named "Botanic Gardens poster" or "Sarah Talbot".
  if (/\bpreview\b/.test(v)) return 'preview';
  if (/\btest\b/.test(v)) return 'test';
  if (/\b(spam|bots?|fraud|fraudulent)\b/.test(v)) return 'spam';
  // The survey's own logic or quotas screened the respondent out: Alchemer's Disqualified,
  // QuestionPro's Terminated, Over quota, Screened out.
  if (/^(disqualified|terminated|screened.?out|over.?quota|quota.?full)$/.test(v)) return 'disqualified';
  return null;
}

/**
 * A status that says the respondent left part-way (Alchemer's and Zoho's "Partial", QuestionPro's
 * "Started" and "Dropped"): kept, with a note.
 */
const UNFINISHED_STATUS =
  /^\s*(partial|partially complete(d)?|incomplete|started|dropped|dropped out|in progress)\s*$/i;

const REJECT_MESSAGE: Record<string, string> = {
  preview: 'This is a survey preview made by the survey author, not a real response; it was left out.',
  test: 'This is a test response generated by the survey tool; it was left out.',
  spam: 'The survey tool flagged this response as spam; it was left out.',
  'not-approved':
    'This submission was marked "Not approved" when it was validated in the survey tool (KoboToolbox); it was left out.',
  rejected:
    'This submission was marked "Rejected" when it was reviewed in the survey tool (ODK Central, SurveyCTO); it was left out.',
  disqualified:
    'The survey tool screened this respondent out (disqualified, terminated or over quota: its screening questions, quotas or logic ended the survey); the response was left out.',
};

/**
 * A column as quality notes and the review queue name it. SurveyMonkey leaves the first header
 * blank over every choice column but a question's first (read as "Column 14"), so such a column
 * is named by its question and choice instead: "Who do you trust? [Other (please specify)]", or
 * by its question and place when no choice row names it: "Who do you trust? (column 14)".
 */
function columnName(q: SurveyMapping['questions'][number], column: string, k: number): string {
  if (!/^Column \d+$/.test(column)) return column;
  const choice = q.targets?.[k];
  return choice ? `${q.label} [${choice}]` : `${q.label} (${column.toLowerCase()})`;
}

/** Slots of the table of answer pieces met before (a power of two). */
const PIECE_SPOTS = 1 << 12;

/** value.slice(a, b) === text, compared in place (the engine's startsWith cost more per call). */
function sameTextAt(value: string, a: number, b: number, text: string): boolean {
  if (text.length !== b - a) return false;
  for (let i = 0; i < text.length; i++) if (value.charCodeAt(a + i) !== text.charCodeAt(i)) return false;
  return true;
}

/** Reads one data row into a raw response; made once per file from its header and mapping. */
export type RowReader = (row: string[], line: number) => RawResponse;

/** Distinct answer texts remembered per file: answers repeat heavily, free-text typos do not. */
const MEMO_LIMIT = 100_000;

/**
 * Plan a file's columns once (indices, question layouts) and return the per-row reader. Name
 * splitting is memoised per distinct cell text, since the same choices are ticked thousands of times.
 */
export function makeRowReader(
  file: string,
  header: string[],
  mapping: SurveyMapping,
  isKnown: (s: string) => boolean,
  quality: QualityCollector,
  store: NominationStore,
  mayBeginLabel?: (part: string) => boolean,
  options: {
    /** RosterMatcher.mayBeginLongerLabel: lets answers with names off the roster skip splitNames. */
    mayBeginLongerLabel?: (part: string) => boolean;
    /** RosterMatcher.mayDescribe: sends an answer with a piece that may describe the name before it to splitNames. */
    mayDescribe?: (part: string) => boolean;
    /** RosterMatcher.describes, for splitNames. */
    describesPrevious?: (previous: string, part: string) => boolean;
    /**
     * Told of each answer holding a run of question marks only ("??"), read as naming no one: in
     * an export saved without the letters of other scripts, a name written in one.
     */
    onQuestionMarks?: (row: number, column: string) => void;
    /** Tests only: read every answer through splitNames, to check the fast path against it. */
    generalOnly?: boolean;
  } = {},
): RowReader {
  const col = (name: string | null | undefined) => (name == null ? -1 : header.indexOf(name));
  const idx = {
    id: col(mapping.responseId),
    type: col(mapping.respondentType),
    service: col(mapping.service),
    roster: col(mapping.rosterId),
    email: col(mapping.email),
    name: col(mapping.name),
    firstName: col(mapping.firstName),
    organisation: col(mapping.organisation),
    lastName: col(mapping.lastName),
    time: col(mapping.timestamp),
    status: col(mapping.status),
    finished: col(mapping.finished),
    channel: col(mapping.channel),
    // REDCap's own columns, the same in every project: raw export's names, else the labels export's.
    event: mapping.format === 'redcap' ? redcapColumn(header, REDCAP_COLUMNS.event) : -1,
    repeat: mapping.format === 'redcap' ? redcapColumn(header, REDCAP_COLUMNS.repeat) : -1,
  };
  const metadata = new Set<number>(Object.values(idx).filter((i) => i >= 0));
  const statusColumns = (
    [
      [idx.status, mapping.status],
      [idx.channel, mapping.channel],
    ] as const
  ).filter(([i]) => i >= 0);
  // A finished column of dates (LimeSurvey's submitdate, Jisc's Completed) is blank when
  // unfinished; told by its name or its being the response's time, else by its first value.
  let finishedByDate: boolean | null =
    (mapping.finished != null && mapping.finished === mapping.timestamp) ||
    /submitdate/i.test(mapping.finished ?? '') ||
    null;
  const qualtricsCodes = mapping.format === 'qualtrics';
  // REDCap's codes belong to their field: "1" in other_tie is that field's choice 1 (need___1 is
  // need's), never another field's person; its data dictionary gives them scoped that way.
  const scopedCodes = mapping.format === 'redcap';
  // Qualtrics' fraud detection: kept (the flags are guesses), but each flagged response is reported.
  // RelevantID's duplicate flag, and Ballot Box Stuffing (the survey's "prevent multiple submissions"
  // set to flag): the first one set on a row is reported.
  const duplicateFlags = header.flatMap((h, i) =>
    /^Q_(RelevantIDDuplicate|DuplicateRespondent|BallotBoxStuffing)$/.test(h) ? [i] : [],
  );
  const botScore = header.indexOf('Q_RecaptchaScore');
  const questions = mapping.questions
    .filter((q) => (q.kind === 'grid' && !q.valued) || q.relation != null)
    .map((q) => {
      // Each column as notes and the review queue name it; the store keeps one id per name.
      const columnNames = q.columns.map((c, k) => columnName(q, c, k));
      return {
        q,
        notPeople: q.notPeople && q.notPeople.length > 0 ? new Set(q.notPeople) : null,
        cols: q.columns.map((c) => header.indexOf(c)),
        columnNames,
        columnIds: columnNames.map((name) => store.columnId(name)),
        relationId: store.relationId(q.relation ?? 'named'),
      };
    });
  const ownRelations = new Set<string>(); // tie types named by grid labels, each noted once
  // trim() only when an end is blank: most cells are not, and the call costs more than the check.
  const cell = (row: string[], i: number): string => {
    if (i < 0) return '';
    const value = row[i];
    if (value === undefined || value.length === 0) return '';
    return isSpace(value.charCodeAt(0)) || isSpace(value.charCodeAt(value.length - 1)) ? value.trim() : value;
  };
  // Low-cardinality answers (respondent type, service) share one string instead of one per row.
  const shared = new Map<string, string>();
  const same = (s: string) => {
    if (s === '' || s.length > 60) return s;
    const hit = shared.get(s);
    if (hit !== undefined) return hit;
    if (shared.size < MEMO_LIMIT) shared.set(s, s);
    return s;
  };
  interface Split {
    names: string[];
    ids: number[];
  }
  const memo = new Map<string, Split>();
  const codedMemo = new Map<string, Split>();
  let misses = 0;
  let hits = 0;
  const namesOf = (value: string, coded: boolean): Split => {
    const cache = coded ? codedMemo : memo;
    const cached = cache.get(value);
    if (cached) {
      hits++;
      return cached;
    }
    let names = splitNames(value, isKnown, mayBeginLabel, options.describesPrevious);
    if (coded || names.some((n) => !isKnown(n))) names = names.flatMap((piece) => splitCodes(piece, isKnown));
    const split = { names, ids: names.map((n) => store.textId(n)) };
    // Remember cells only while remembering pays: lists of three names rarely repeat exactly.
    if (cache.size < MEMO_LIMIT && (++misses < 1000 || hits > misses)) cache.set(value, split);
    return split;
  };
  /**
   * Per distinct comma-separated piece of an answer, as the general path reads it when the piece
   * stands alone: `ids`, the text ids of the names splitCodes makes of it (a roster label stays
   * whole; "1 3 5" splits when each code is known), or null when the general path must decide (an
   * empty answer such as "none", or too long to be a name); `known`, whether the roster knows it;
   * `joins`, whether a roster label might begin with it and go on past a comma into a piece with
   * words; `wordless`, whether its name key is empty ("?"), so that a join onto it keeps the key;
   * `describes`, whether it may only say who the name before it is ("Riverside Surgery").
   */
  interface Piece {
    text: string;
    ids: number[] | null;
    known: boolean;
    joins: boolean;
    wordless: boolean;
    describes: boolean;
  }
  const mayBeginLonger = options.mayBeginLongerLabel;
  const pieceMemo = new Map<string, Piece>();
  // Pieces seen, hashed by length and three of their characters, so that one met again is found by
  // comparing it in place: no slice of the answer, no hashing of the whole text by the engine.
  const bySpot: (Piece[] | undefined)[] = new Array<Piece[] | undefined>(PIECE_SPOTS);
  const spotOf = (text: string, a: number, b: number) =>
    ((b - a) * 961 + text.charCodeAt(a) * 31 + text.charCodeAt(b - 1) * 7 + text.charCodeAt((a + b) >> 1)) &
    (PIECE_SPOTS - 1);
  const pieceOf = (text: string): Piece => {
    let piece = pieceMemo.get(text);
    if (piece === undefined) {
      const known = isKnown(text);
      // A "None of the above - ..." answer is read by splitNames, which takes the prefix off.
      const plain = text.length <= MAX_NAME_LENGTH && !EMPTY_ANSWER.test(text) && !CHOICE_PREFIX.test(text);
      piece = {
        text,
        ids: !plain
          ? null
          : known
            ? [store.textId(text)]
            : splitCodes(text, isKnown).map((n) => store.textId(n)),
        known,
        joins: mayBeginLonger ? mayBeginLonger(text) : true,
        wordless: nameKey(text) === '',
        describes: !known && options.mayDescribe !== undefined && options.mayDescribe(text),
      };
      if (pieceMemo.size < MEMO_LIMIT) {
        pieceMemo.set(text, piece);
        if (text.length <= MAX_NAME_LENGTH) {
          const bucket = (bySpot[spotOf(text, 0, text.length)] ??= []);
          if (bucket.length < 8) bucket.push(piece);
        }
      }
    }
    return piece;
  };
  /** pieceOf(value.slice(a, b)), for a non-empty range. */
  const pieceAt = (value: string, a: number, b: number): Piece => {
    if (b - a <= MAX_NAME_LENGTH) {
      const bucket = bySpot[spotOf(value, a, b)];
      if (bucket !== undefined) {
        for (let k = 0; k < bucket.length; k++) {
          const piece = bucket[k]!;
          if (sameTextAt(value, a, b, piece.text)) return piece;
        }
      }
    }
    return pieceOf(a === 0 && b === value.length ? value : value.slice(a, b));
  };
  const scratch = new Int32Array(MAX_NAMES_PER_ANSWER);
  /**
   * The common answer, names joined with "," (typed or ticked, on the roster or not), read without
   * splitNames: the number of names written to `scratch`, or -1 when the answer needs the general
   * path (a separator other than ",", brackets or quotes, a piece `pieceOf` leaves to it, too many
   * names, or, with a piece the roster does not know, a join splitNames would try that might be a
   * label). For such an answer splitNames returns exactly these pieces, and splitCodes splits each
   * as it would alone.
   */
  const plainPieces = (value: string): number => {
    // Found by the engine's own regular expression and indexOf: a loop over every character in
    // script cost more than the rest of this function.
    if (NOT_PLAIN.test(value)) return -1;
    let count = 0;
    let pieces = 0;
    let allKnown = true;
    // Whether some piece before the latest may begin a label, and whether the latest may.
    let joinsBefore = false;
    let joinsLast = false;
    let wordless = false;
    let previous: Piece | null = null;
    const n = value.length;
    for (let start = 0; start <= n;) {
      let end = value.indexOf(',', start);
      if (end < 0) end = n;
      let a = start;
      let b = end;
      start = end + 1;
      while (a < b && isSpace(value.charCodeAt(a))) a++;
      while (b > a && isSpace(value.charCodeAt(b - 1))) b--;
      a = afterJoin(value, a, b);
      if (a === b) continue;
      const piece = pieceAt(value, a, b);
      const ids = piece.ids;
      if (ids === null || count + ids.length > MAX_NAMES_PER_ANSWER) return -1;
      for (let k = 0; k < ids.length; k++) scratch[count++] = ids[k]!;
      pieces++;
      allKnown &&= piece.known;
      joinsBefore ||= joinsLast;
      joinsLast = piece.joins;
      wordless ||= piece.wordless;
      // splitNames tries joins only when some piece is unknown, each from a piece before the last,
      // and keeps a description with the name before it ("Dr Patel, Riverside Surgery").
      if (!allKnown && pieces > 1 && (joinsBefore || wordless)) return -1;
      if (piece.describes && previous !== null && describesPiece(previous, piece)) return -1;
      previous = piece;
    }
    return count;
  };
  /** describesPrevious for two pieces, each pair asked once ("Karen Douglas, the food bank" is met often). */
  const describedPairs = new Map<Piece, Map<Piece, boolean>>();
  const describesPiece = (person: Piece, part: Piece): boolean => {
    const describes = options.describesPrevious;
    if (!describes) return false;
    const known = entryOf(describedPairs, person, () => new Map<Piece, boolean>());
    let said = known.get(part);
    if (said === undefined) {
      said = describes(person.text, part.text);
      if (known.size < 1000) known.set(part, said);
    }
    return said;
  };
  /** The name given in two columns, as one ("Karen" and "Douglas": "Karen Douglas"). */
  const fullName = (row: string[]) =>
    `${cell(row, idx.firstName)} ${cell(row, idx.lastName)}`.replace(/\s+/g, ' ').trim();
  return (row, line) => {
    const email = idx.email < 0 ? '' : emailOf(cell(row, idx.email));
    const timestamp = idx.time < 0 ? '' : timeOf(cell(row, idx.time));
    const response: RawResponse = {
      file,
      row: line,
      responseId: cell(row, idx.id) || null,
      typeText: same(cell(row, idx.type)),
      service: same(cell(row, idx.service)),
      rosterRef: cell(row, idx.roster),
      // Microsoft Forms writes "anonymous" where it has no e-mail.
      email,
      emailHash: email === '' ? NOT_EMAIL : emailHash(email),
      name: idx.name >= 0 || idx.firstName < 0 ? cell(row, idx.name) : fullName(row),
      organisation: idx.organisation < 0 ? '' : cell(row, idx.organisation),
      timestamp,
      timestampOk: timestamp === '' || isPlausibleDate(timestamp),
      nomFrom: store.length,
      nomTo: store.length,
      rejected: null,
      unfinished: false,
      event: idx.event < 0 ? '' : same(cell(row, idx.event)),
      repeatOf: idx.repeat < 0 ? '' : same(cell(row, idx.repeat)),
    };
    for (const [i, column] of statusColumns) {
      const status = cell(row, i);
      const reason = statusRejection(status, qualtricsCodes);
      if (reason && !response.rejected) {
        response.rejected = {
          code: `${reason}-response`,
          message: REJECT_MESSAGE[reason]!,
          column: column ?? null,
        };
      } else if (UNFINISHED_STATUS.test(status)) response.unfinished = true;
    }
    const duplicateFlag =
      duplicateFlags.length === 0 ? undefined : duplicateFlags.find((i) => /^true$/i.test(cell(row, i)));
    if (duplicateFlag !== undefined) {
      quality.warn(
        file,
        line,
        header[duplicateFlag]!,
        'possible-duplicate',
        'Qualtrics flagged this response as probably from someone who had already answered; it was kept. Check it: if it is a repeat, delete the row from the export and run again.',
      );
    }
    if (botScore >= 0) {
      const scoreText = cell(row, botScore);
      const score = Number(scoreText);
      if (scoreText !== '' && score < 0.5) {
        quality.warn(
          file,
          line,
          header[botScore]!,
          'possible-bot',
          `Qualtrics' reCAPTCHA score for this response is ${score} (below 0.5 suggests a bot); it was kept. Check it: if it is not a person's, delete the row from the export and run again.`,
        );
      }
    }
    if (idx.finished >= 0) {
      const f = cell(row, idx.finished).toLowerCase();
      if (finishedByDate === null && f !== '') finishedByDate = DATE_SHAPE.test(f);
      // REDCap's form status: 0 or "Incomplete" (1 / "Unverified" and 2 / "Complete" are done).
      response.unfinished ||= finishedByDate
        ? f === ''
        : f === 'false' || f === '0' || f === 'no' || f === 'incomplete';
    }
    for (const { q, cols, columnNames, columnIds, relationId, notPeople } of questions) {
      if (q.kind === 'text') {
        for (let k = 0; k < cols.length; k++) {
          const value = cell(row, cols[k]!);
          if (!value) continue;
          const byColumn = scopedCodes || q.codesByColumn === true;
          if (q.coded !== true && !byColumn) {
            const count = options.generalOnly ? -1 : plainPieces(value);
            if (count >= 0) {
              for (let n = 0; n < count; n++) {
                const id = scratch[n]!;
                if (notPeople?.has(store.texts[id]!)) continue;
                store.push(id, columnIds[k]!, relationId);
              }
              continue;
            }
          }
          const split = namesOf(value, q.coded === true);
          if (options.onQuestionMarks && QUESTION_MARKS_ONLY.test(value))
            options.onQuestionMarks(line, columnNames[k]!);
          let names = split.names;
          if (names.length > MAX_NAMES_PER_ANSWER) {
            quality.warn(
              file,
              line,
              columnNames[k]!,
              'too-many-names',
              `This answer lists ${names.length} names; only the first ${MAX_NAMES_PER_ANSWER} were kept (a list this long is usually pasted or spam).`,
            );
            names = names.slice(0, MAX_NAMES_PER_ANSWER);
          }
          for (let n = 0; n < names.length; n++) {
            const text = names[n]!;
            if (notPeople?.has(text)) continue;
            if (text.length > MAX_NAME_LENGTH) {
              quality.warn(
                file,
                line,
                columnNames[k]!,
                'long-name',
                `An answer of ${text.length} characters is too long to be a name and was left out ("${text.slice(0, 40)}...").`,
              );
              continue;
            }
            const id =
              byColumn && /^\d+$/.test(text) ? store.textId(`${header[cols[k]!]}___${text}`) : split.ids[n]!;
            store.push(id, columnIds[k]!, relationId);
          }
        }
      } else if (q.kind === 'choices') {
        for (let k = 0; k < cols.length; k++) {
          const value = cell(row, cols[k]!);
          if (!value || !isTicked(value, q.targets?.[k])) continue;
          // A SurveyMonkey / Qualtrics choice column holds the choice text itself: prefer it. A
          // number is a tick too (SurveyMonkey's numerical export writes the choice's position).
          const target = TICK.test(value) || /^\d{1,2}$/.test(value) ? (q.targets?.[k] ?? value) : value;
          store.push(store.textId(target), columnIds[k]!, relationId);
        }
      } else if (q.valued) {
        for (let k = 0; k < cols.length; k++) {
          const value = cell(row, cols[k]!);
          const target = q.targets?.[k];
          if (!value || !target) continue;
          const rank = scaleRank(value);
          if (rank == null) {
            quality.warn(
              file,
              line,
              columnNames[k]!,
              'unknown-rating',
              `"${value.length > 40 ? `${value.slice(0, 40)}...` : value}" is not an answer on this question's scale (how often, how close, 0–10), so no tie was read from it.`,
            );
            continue;
          }
          if (rank === 0) continue; // "Never", "Not at all": an answer, and no tie
          store.weights.set(store.length, rank);
          store.push(store.textId(target), columnIds[k]!, relationId);
        }
      } else {
        for (let k = 0; k < cols.length; k++) {
          const value = cell(row, cols[k]!);
          const target = q.targets?.[k];
          if (!value || !target || /^(0|no|none|n\/a|-)$/i.test(value)) continue;
          if (TICK.test(value)) {
            store.push(store.textId(target), columnIds[k]!, relationId);
            continue;
          }
          for (const label of value.split(/[,;|]+/)) {
            const relation = relationOfLabel(label);
            if (!relation) continue;
            if (!isCoreRelation(relation) && !ownRelations.has(relation)) {
              // A label read as a tie type of its own: said once, where it is first met.
              ownRelations.add(relation);
              quality.info(
                file,
                line,
                columnNames[k]!,
                'relation-from-label',
                `"${label.trim().slice(0, 60)}" ticked in this grid does not read as need, trust or information; its ties are recorded as the tie type "${relation}". Rename it in the mapping if it is one of those.`,
              );
            }
            store.push(store.textId(target), columnIds[k]!, store.relationId(relation));
          }
        }
      }
    }
    response.nomTo = store.length;
    // A record with nothing in it but the tool's own columns (Airtable's empty row, which still
    // has its Created time) is no respondent: kept, it would be an isolate of no type. Checked
    // cell by cell only when it names no one and says nothing about who answered.
    if (
      response.nomTo === response.nomFrom &&
      !response.rejected &&
      response.typeText === '' &&
      response.email === '' &&
      response.name === '' &&
      response.rosterRef === '' &&
      row.every((value, i) => metadata.has(i) || value.trim() === '')
    ) {
      response.rejected = {
        code: 'empty-response',
        message:
          "This response answers none of the questions (only the survey tool's own columns are filled in); it was left out.",
        column: null,
      };
    }
    return response;
  };
}

/** A REDCap column by its raw export's field name, else the labels export's label; -1 if neither. */
export function redcapColumn(header: string[], [field, label]: readonly [string, string]): number {
  const i = header.indexOf(field);
  return i >= 0 ? i : header.indexOf(label);
}

/**
 * Microsoft Forms writes "anonymous" in its Email and Name columns where it has none: "anoniem"
 * in Dutch, "anonym" in German, "anonyme" in French, "anónimo" in Spanish.
 */
const ANONYMOUS = /^(anonymous|anoniem|anonym|anonyme|an[oó]nimo)$/i;
export function isAnonymous(value: string): boolean {
  // Most cells are e-mails or names: a length test before the expression.
  return value.length >= 6 && value.length <= 9 && ANONYMOUS.test(value);
}

function emailOf(value: string): string {
  return isAnonymous(value) ? '' : value;
}

function timeOf(value: string): string {
  // REDCap writes "[not completed]" for surveys never submitted.
  return value.startsWith('[') && value.endsWith(']') ? '' : value;
}

function isTicked(value: string, _option: string | undefined): boolean {
  return !/^(0|n|no|false|not selected|unchecked|off|-)$/i.test(value);
}

/** "1 3 5" or "priya_patel helen_okafor" (Kobo select_multiple): split when every part is a known code. */
function splitCodes(piece: string, isKnown: (s: string) => boolean): string[] {
  if (!/\s/.test(piece) || isKnown(piece)) return [piece];
  const parts = piece.split(/\s+/);
  if (parts.length < 2) return [piece];
  if (parts.every((p) => isKnown(p))) return parts;
  return knownLabelRun(parts, isKnown) ?? [piece];
}

/**
 * Words that are wholly a run of known labels, read as those labels, fewest first: KoboToolbox's
 * labels export joins a select_multiple's labels with spaces ("Sgt David Jones Karen Douglas").
 * Null unless every word falls in a label the roster knows (a typed "Helen from the library" stays).
 */
function knownLabelRun(words: string[], isKnown: (s: string) => boolean): string[] | null {
  const n = words.length;
  if (n > MAX_RUN_WORDS) return null;
  // Most typed answers ("Joe from the library") begin with no label: ruled out in n - 1 lookups.
  let opens = false;
  for (let j = 1; j < n && !opens; j++) opens = isKnown(words.slice(0, j).join(' '));
  if (!opens) return null;
  // From the end: next[i] is where the first label of the fewest covering words[i..] ends (-1:
  // none covers them), count[i] how many labels that takes.
  const next = new Int32Array(n + 1).fill(-1);
  const count = new Int32Array(n + 1).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = n; j > i; j--) {
      if (j < n && next[j]! < 0) continue;
      const total = 1 + count[j]!;
      if (next[i]! >= 0 && total >= count[i]!) continue;
      if (isKnown(words.slice(i, j).join(' '))) {
        next[i] = j;
        count[i] = total;
      }
    }
  }
  if (next[0]! < 0 || count[0]! < 2) return null;
  const labels: string[] = [];
  for (let i = 0; i < n; i = next[i]!) labels.push(words.slice(i, next[i]!).join(' '));
  return labels;
}

/** Longer answers are sentences, not joined labels: not worth the search. */
const MAX_RUN_WORDS = 12;
