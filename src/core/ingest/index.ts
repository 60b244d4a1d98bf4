// Survey exports and a roster in, actors and ties out: the ingest stage of the pipeline.
// Detects each file's layout (or follows a saved mapping), links respondents to the roster,
// matches the names they gave, and records every problem and every uncertain name.
import { entryOf } from '../intern';
import {
  asActorId,
  isCoreRelation,
  SECTOR_OF_TYPE,
  type Actor,
  type ActorId,
  type ActorType,
  type InputFile,
  type Tie,
} from '../model';
import {
  firstFew,
  InputError,
  rowsText,
  subProgress,
  type Progress,
  type QualityCollector,
} from '../quality';
import { isRelativeTerm, parseRespondentType, typeLabel } from './actor-type';
import { isPlaceholderRelation, typedOtherLabel } from './mapping-edit';
import {
  asksOwnDetails,
  detectLayout,
  detectSurveyMapping,
  isDataCell,
  mayBeName,
  metadataColumns,
  REDCAP_COLUMNS,
  unreadColumns,
  numericScaleCodes,
  RESPONDENT_TYPE_WORDING,
} from './detect';
import { RosterMatcher, type MatchResult } from './matcher';
import { nameKey, TITLES } from './names';
import { plainWording, spacedWords } from './wording';
import { detectRelation, isNameGenerator } from './relations';
import { isSpace } from './chars';
import { findColumn } from './csv';
import {
  hashString,
  isEmail,
  NEEDS_LOWER_CASE,
  NOT_EMAIL,
  slashDateMs,
  slashOrderOf,
  StringTable,
  timestampMs,
  type SlashOrder,
} from './dates';
import { readCodebook, type Codebook } from './codebook';
import { pseudonym } from '../export/privacy';
import { detectRosterColumns, readRoster } from './roster';
import { guessFileRole } from './file-role';
import {
  isAnonymous,
  joinedChoices,
  lineJoinedChoices,
  makeRowReader,
  namesNobody,
  NominationStore,
  redcapColumn,
  type RawResponse,
  type RowReader,
  splitOutsideBrackets,
} from './survey';
import { isSummaryRow, reportRagged, skipTitleRows, streamGrid, uniqueHeaders } from './table';
import { isPlainNetwork, readPlainNetwork, type PlainNetwork } from './plain-network';
import type {
  Candidate,
  DecisionRecord,
  IngestInput,
  IngestResult,
  Mapping,
  Respondent,
  ReviewItem,
  RosterEntry,
  SurveyMapping,
} from './types';

export type * from './types';
export { readRoster, detectRosterColumns } from './roster';
export { RosterMatcher, AUTO_ACCEPT, AUTO_MARGIN, type MatchResult } from './matcher';
export { detectLayout, detectSurveyMapping, unreadColumns } from './detect';
export { detectRelation, relationOfLabel } from './relations';
export { splitNames } from './survey';
export { readPlainNetwork } from './plain-network';
export { applyReviewDecision, emptyMapping } from './review';
export { readTable, readGrid } from './table';
export { parseActorType, typeLabel } from './actor-type';

/** A Progress that maps this stage's 0..1 onto [start, end] of the caller's bar. */
export { subProgress } from '../quality';

function slug(s: string): string {
  if (/^[A-Za-z0-9_.-]{1,64}$/.test(s)) return s;
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

/**
 * The actor ids in use. A Set, except that ids of the form "r-row<n>" (every respondent of a
 * one-file export without response ids) are kept as one flag per row number, so 100,000 of them
 * need no string hashing. has/add agree whichever way an id is written or looked up.
 */
class ActorIds {
  private readonly other = new Set<string>();
  private rows = new Uint8Array(1024);

  constructor(ids: Iterable<string>) {
    for (const id of ids) this.add(id);
  }

  /** Row numbers kept as flags (above this, "r-row<n>" ids go to the Set like any other). */
  static isRow(n: number): boolean {
    return Number.isInteger(n) && n >= 1 && n < 1 << 24;
  }

  /** n when `id` is exactly `r-row${n}` for a row number isRow accepts; else -1. */
  private static rowOf(id: string): number {
    if (id.length < 6 || id.length > 13 || !id.startsWith('r-row') || id.charCodeAt(5) === 48) return -1;
    let n = 0;
    for (let i = 5; i < id.length; i++) {
      const c = id.charCodeAt(i);
      if (c < 48 || c > 57) return -1;
      n = n * 10 + (c - 48);
    }
    return ActorIds.isRow(n) ? n : -1;
  }

  hasRow(n: number): boolean {
    return n < this.rows.length && this.rows[n] === 1;
  }

  addRow(n: number): void {
    if (n >= this.rows.length) {
      const grown = new Uint8Array(Math.max(n + 1, this.rows.length * 2));
      grown.set(this.rows);
      this.rows = grown;
    }
    this.rows[n] = 1;
  }

  has(id: string): boolean {
    const n = ActorIds.rowOf(id);
    return n >= 0 ? this.hasRow(n) : this.other.has(id);
  }

  add(id: string): void {
    const n = ActorIds.rowOf(id);
    if (n >= 0) this.addRow(n);
    else this.other.add(id);
  }
}

/**
 * A tie type named after a column (Snap's "q2") or kept as "named", given to differently worded
 * questions of two files: their ties make one layer of the network, which the user may not mean.
 */
function noteSharedTieTypes(surveys: SurveyMapping[], quality: QualityCollector): void {
  const askedBy = new Map<string, { file: string; label: string }>();
  const said = new Set<string>();
  for (const s of surveys) {
    for (const q of s.questions) {
      if (q.relation == null || isCoreRelation(q.relation) || said.has(q.relation)) continue;
      const first = askedBy.get(q.relation);
      if (!first) askedBy.set(q.relation, { file: s.file, label: q.label });
      else if (first.file !== s.file && !sameWording(first.label, q.label)) {
        said.add(q.relation);
        quality.warn(
          s.file,
          1,
          q.columns[0] ?? null,
          'tie-type-shared',
          `The tie type "${q.relation}" is given to "${q.label.slice(0, 60)}" here and to "${first.label.slice(0, 60)}" in ${baseName(first.file)}, so their ties count as one tie type. If they ask different things, give one a tie type of its own in the mapping.`,
        );
      }
    }
  }
}

/**
 * The confidence shown for a person decided before for the same name (titles and punctuation
 * aside) whom the matcher did not suggest itself: enough to be listed, not to be taken for a match.
 */
const DECIDED_BEFORE = 0.5;

/** A name's key without its titles ("Dr. Patel" and "Patel" alike), to find decisions made about it. */
const bareKey = (text: string): string =>
  nameKey(text)
    .split(' ')
    .filter((w) => !TITLES.has(w))
    .join(' ');

/** A name's last word, titles aside ("Dr. Patel": patel), or '' for none. */
const lastWord = (text: string): string => {
  const key = bareKey(text);
  return key.slice(key.lastIndexOf(' ') + 1);
};

/**
 * Qualtrics names each question by an id that survives renumbering and rewording ("QID3" in the
 * ImportId row): kept on each question, so that next year's run knows the question again.
 */
function withQuestionIds(mapping: SurveyMapping, header: string[], subHeaders: string[][]): void {
  if (mapping.format !== 'qualtrics') return;
  for (const q of mapping.questions) {
    const id = questionIdOf(header, subHeaders, q.columns[0]);
    if (id) q.questionId = id;
  }
}

/** The Qualtrics question id (QID3) in a column's ImportId cell ({"ImportId":"QID3_1"}, "1_QID3"). */
function questionIdOf(header: string[], subHeaders: string[][], column: string | undefined): string | null {
  const i = column == null ? -1 : header.indexOf(column);
  if (i < 0) return null;
  for (const row of subHeaders) {
    const m = /"ImportId"\s*:\s*"(?:\d+_)?(QID\d+)/.exec(row[i] ?? '');
    if (m) return m[1]!;
  }
  return null;
}

/** A file's name without its folder: the command line names files as given ("2026/survey.csv"). */
const baseName = (path: string): string => path.replace(/^.*[\\/]/, '');

/**
 * The saved mapping's entry for a survey file: the one of its name (folders aside, as next year's
 * files sit in a folder of their own); else, when no file of the run has an entry of its name and
 * there are as many entries as files (every file renamed), the one in its place.
 */
function savedEntry(mapping: Mapping, files: InputFile[], index: number): SurveyMapping | undefined {
  const name = files[index]!.name;
  const exact = mapping.surveys.find((s) => s.file === name);
  if (exact) return exact;
  const sameName = mapping.surveys.filter((s) => baseName(s.file) === baseName(name));
  if (sameName.length === 1) return sameName[0];
  const named = (f: InputFile) => mapping.surveys.some((s) => baseName(s.file) === baseName(f.name));
  if (mapping.surveys.length === files.length && !files.some(named)) return mapping.surveys[index];
  return undefined;
}

/**
 * Order of responses for "keep the latest": the timestamp when readable, else NaN (the caller
 * then keeps the lower row and says so). Slash dates (02/03/2026) are read in the day/month order
 * of their file (slashOrderOf), worked out the first time one of its responses is compared; when
 * nothing in the dates themselves settles it, a note says how it was decided.
 */
function responseClock(
  raw: RawResponse[],
  quality: QualityCollector,
  /** Each file's time column, whose header may say its order ("Timestamp (mm/dd/yyyy)"). */
  timeColumnOf: (file: string) => string | null,
): (r: RawResponse) => number {
  const orders = new Map<string, SlashOrder | null>();
  const orderOf = (file: string): SlashOrder | null => {
    let order = orders.get(file);
    if (order !== undefined) return order;
    const said = /\b(mm|dd)[/.-](dd|mm)[/.-]yy(yy)?\b/i.exec(timeColumnOf(file) ?? '');
    if (said) {
      order = said[1]!.toLowerCase() === 'mm' ? 'month-first' : 'day-first';
      orders.set(file, order);
      return order;
    }
    // In the order the tool numbered the responses when every id is a number (Microsoft Forms'
    // ID, SurveyMonkey's): a file sorted in a spreadsheet no longer runs forward by its rows.
    const rows = raw.filter((r) => r.file === file);
    const numbered = rows.every((r) => r.responseId !== null && /^\d{1,15}$/.test(r.responseId));
    if (numbered) rows.sort((a, b) => Number(a.responseId) - Number(b.responseId));
    const found = slashOrderOf(rows.map((r) => r.timestamp));
    order = found?.order ?? null;
    orders.set(file, order);
    if (found && found.decided !== 'by-date') {
      const read =
        found.order === 'day-first' ? 'day first (02/03 is 2 March)' : 'month first (02/03 is 3 February)';
      quality.info(
        file,
        null,
        null,
        'date-order',
        `Dates such as 02/03/2026 were read ${read}: ${found.decided === 'by-row-order' ? (numbered ? 'so the responses run forward in time in the order the survey tool numbered them' : 'so the rows run forward in time, as survey tools write them') : 'no date in the file says which, and that is the UK order'}. It decides which of two answers from one person is the later.`,
      );
    }
    return order;
  };
  return (r) => {
    const order = r.timestamp ? orderOf(r.file) : null;
    const slash = order ? slashDateMs(r.timestamp, order) : NaN;
    return Number.isNaN(slash) ? timestampMs(r.timestamp) : slash;
  };
}

/** A name waiting in review: its item, up to five places, and who wrote it. */
interface WaitingName {
  item: ReviewItem;
  where: { file: string; row: number; column: string }[];
  /** The one respondent who wrote it, or null once another has: never suggested as themselves. */
  source: ActorId | null;
}

interface Resolved {
  target: ActorId | null;
  /** More people in the same text ("Priya Patel and Helen Okafor"). */
  also?: ActorId[];
  /**
   * Parts of the same text that no one matched ("Helen Okafor and Nadia": Nadia), for review; with
   * no target, the parts to review in place of the whole ("Mum and Dr Patel": Mum, Dr Patel).
   */
  pending?: { text: string; result: MatchResult }[];
  /** A saved decision for the text that could not be applied (its person is not on the roster). */
  stale?: DecisionRecord;
  result: MatchResult;
  decision?: DecisionRecord;
  /** The text matched when it is not the answer's own: a code's codebook label. */
  text?: string;
  /** The answer names nobody (a code labelled "Other" or "None"). */
  nobody?: true;
  /** With `stale`: the roster name its id has now, when the decision was made about someone else. */
  renamed?: string;
  /** A saved decision not applied because this roster has the name exactly (the person it names). */
  overruled?: DecisionRecord;
  /** With `stale`: an accept saved without an id, when two people are the closest match alike. */
  tied?: string[];
  /**
   * An accept or choose saved without the name it was made for (written by hand), applied to
   * someone the text does not resemble: their roster name, to say so, as a reused id cannot be told.
   */
  unchecked?: string;
  /** Parts of a joined answer matched though not as written ("Dr Reid" of "Dr Reid and Priya Patel"). */
  fuzzyParts?: { text: string; result: MatchResult; target: ActorId }[];
  /** Matched automatically though not as written: its items in the result's `autoMatched`, counted per use. */
  auto?: ReviewItem[];
}

/**
 * Codes of respondent types from the codebook. REDCap scopes each field's codes ("type___2");
 * bare codes (REDCap's too, or an ODK choices sheet's `value,label`) are shared by every choice
 * list, so a bare code stands for the first label that names a respondent type.
 */
function respondentTypeCodes(codebook: Codebook): Map<string, string> {
  const codes = new Map<string, string>();
  for (const [code, label] of codebook) {
    const key = code.toLowerCase();
    if (codes.has(key)) continue;
    if (key.includes('___') || parseRespondentType(label) !== null) codes.set(key, label);
  }
  return codes;
}

export function ingest(input: IngestInput, quality: QualityCollector, progress: Progress): IngestResult {
  const mapping: Mapping = {
    version: 1,
    roster: null,
    surveys: [],
    // Copies: applying a decision fills in its new actor's id and its person's name, and the
    // caller's mapping (the app's saved project, a test's) must not change under it.
    decisions: (input.mapping?.decisions ?? []).map((d) => ({ ...d })),
  };
  progress.report('Reading roster', 0);
  const roster = readRoster(input.roster, quality, input.mapping);
  mapping.roster = roster.columns;
  const fieldLabels = new Map<string, string>();
  const codebook = input.codebook ? readCodebook(input.codebook, quality, fieldLabels) : undefined;
  const matcher = new RosterMatcher(roster.entries, codebook);
  const isKnown = (s: string) => matcher.isKnown(s);

  // 1. Read every file into raw responses.
  const typeCodes = respondentTypeCodes(codebook ?? []);
  const raw: RawResponse[] = [];
  const store = new NominationStore();
  const fileShare = 0.7 / Math.max(1, input.surveys.length);
  const plainNetworks: PlainNetwork[] = [];
  const redcapColumns = new Map<string, { event: string | null; repeat: string | null }>();
  /** Per file, answers of question marks only: perhaps names in a script the file lost. */
  const questionMarksByFile = new Map<string, { row: number; column: string }[]>();
  /** Files whose header comes again among the answers (exports joined): screened for copied rows. */
  const joinedFiles = new Set<string>();
  input.surveys.forEach((file, fileIndex) => {
    progress.check();
    // A network already (edge list, adjacency matrix, UCINET DL, Pajek): its nodes are matched to
    // the roster below, after the surveys' respondents.
    if (isPlainNetwork(file)) {
      const network = readPlainNetwork(file, quality);
      plainNetworks.push(network);
      mapping.surveys.push(plainNetworkMapping(file.name, network));
      return;
    }
    const given = input.mapping ? savedEntry(input.mapping, input.surveys, fileIndex) : undefined;
    // A mapping of decisions only (the app's "detect again") detects every file without a word.
    if (input.mapping && input.mapping.surveys.length > 0 && !given) {
      quality.info(
        file.name,
        null,
        null,
        'mapping-no-entry',
        `The saved mapping has no entry for "${baseName(file.name)}" (by its name, or in its place when every file was renamed), so its columns were detected afresh; the saved review decisions still apply.`,
      );
    }
    const first = raw.length;
    const { surveyMapping, blankRows, questionMarks, eventColumn, repeatColumn, joined } = withSheetNamed(
      file.name,
      quality,
      () =>
        readSurveyFile(file, given, quality, isKnown, matcher, raw, store, fieldLabels, (f) => {
          progress.check();
          progress.report('Reading surveys', 0.05 + fileShare * (fileIndex + f));
        }),
    );
    mapping.surveys.push(surveyMapping);
    if (joined) joinedFiles.add(file.name);
    if (questionMarks.length > 0) questionMarksByFile.set(file.name, questionMarks);
    if (eventColumn || repeatColumn)
      redcapColumns.set(file.name, { event: eventColumn, repeat: repeatColumn });
    // Coded respondent types (REDCap radio "1, Resident | 2, Volunteer"; an ODK choices sheet):
    // read through the codebook, the field's own codes first.
    const typeField = surveyMapping.respondentType?.toLowerCase();
    if (typeField && typeCodes.size > 0) {
      for (let i = first; i < raw.length; i++) {
        const r = raw[i]!;
        const code = r.typeText.trim().toLowerCase();
        const label = typeCodes.get(`${typeField}___${code}`) ?? typeCodes.get(code);
        if (label) r.typeText = label;
      }
    }
    quality.rows.read += raw.length - first + blankRows;
    quality.rows.rejected += blankRows;
    quality.blankRows += blankRows;
    let named = false;
    for (let i = first; i < raw.length && !named; i++) named = raw[i]!.nomTo > raw[i]!.nomFrom;
    if (raw.length > first && !named) {
      const questions = surveyMapping.questions.filter((q) => q.kind === 'grid' || q.relation != null);
      quality.warn(
        file.name,
        null,
        null,
        'no-names',
        `None of the ${raw.length - first} responses names anyone in ${questions.length === 1 ? 'the name question' : `the ${questions.length} name questions`} (${questions
          .slice(0, 3)
          .map((q) => `"${q.label.slice(0, 60)}"`)
          .join(
            ', ',
          )}${questions.length > 3 ? ', ...' : ''}), so this file adds respondents but no ties. Check that those are the questions that ask for names, and that the export holds the answers.`,
      );
    }
  });

  noteSharedTieTypes(mapping.surveys, quality);

  // 2. Drop previews, tests, spam and superseded resubmissions (each reported).
  progress.report('Screening responses', 0.75);
  const recordOf = new Map<RawResponse, RawResponse>();
  const kept = screenResponses(
    raw,
    quality,
    progress,
    (ref) => rosterEntryOfRef(ref, matcher)?.id ?? null,
    recordOf,
    redcapColumns,
    new Map(mapping.surveys.map((m) => [m.file, m])),
    store,
    joinedFiles,
  );

  // 3. Respondents: roster people keep their id; the rest get keys from the response id.
  progress.report('Linking respondents', 0.77);
  const respondents: Respondent[] = [];
  const actors: Actor[] = roster.entries.map(rosterActor);
  const actorIds = new ActorIds(actors.map((a) => a.id));
  const counters = new Map<ActorType, number>();
  const multiFile = input.surveys.length > 1;
  const typeDefaulted = new Set<string>();
  const sourceOf: ActorId[] = [];
  const idOf = new Map<RawResponse, ActorId>(); // filled only when some rows are repeating instruments'
  const typeMemo = new Map<string, ActorType | null>();
  /** Per file, the stated types read by their words, each once ("Parent" as service user). */
  const typesByWords = new Map<string, string[]>();
  /** The first response of each roster person who answered, to say when they answered again. */
  const answered = new Map<ActorId, RawResponse>();
  /** Per file, the rows of respondents who said they are public servants and are not on the roster. */
  const servantsOffRoster = new Map<string, number[]>();
  /** Per file, roster ids linked only as numbers ("29" for "029"): said, as a spreadsheet did it. */
  const idsAsNumbers = new Map<string, string[]>();
  /** The first response of each e-mail off the roster, in a run of several files. */
  const answeredByEmail = new Map<string, RawResponse>();
  const rosterIdColumn = new Map(mapping.surveys.map((s) => [s.file, s.rosterId]));
  for (let k = 0; k < kept.length; k++) {
    // Report often enough that a host's bar moves and cancel answers within a few milliseconds.
    if ((k & (PROGRESS_EVERY - 1)) === 0) {
      progress.check();
      progress.report('Linking respondents', 0.77 + (0.03 * k) / kept.length);
    }
    const r = kept[k]!;
    const record = recordOf.size > 0 ? recordOf.get(r) : undefined;
    if (record) {
      // A repeating instrument's names are its record's respondent's.
      sourceOf.push(idOf.get(record)!);
      continue;
    }
    const linked = linkRespondent(r, matcher, (ref, entry) =>
      entryOf(idsAsNumbers, r.file, () => []).push(`"${ref}" (row ${r.row}) as ${entry.id}`),
    );
    let stated = typeMemo.get(r.typeText);
    if (stated === undefined) {
      stated = parseRespondentType(r.typeText);
      typeMemo.set(r.typeText, stated);
      // A type read from its words rather than named ("Parent" as a service user; not "Community
      // group", which names it): listed in a note.
      if (stated && !r.typeText.toLowerCase().includes(typeLabel(stated).toLowerCase())) {
        const as = stated === 'other' ? 'no listed type (other)' : typeLabel(stated).toLowerCase();
        entryOf(typesByWords, r.file, () => []).push(`"${r.typeText.trim().slice(0, 40)}": ${as}`);
      }
    }
    if (linked) {
      const earlier = answered.get(linked.id);
      if (earlier) {
        // Not a resubmission to drop: two files may be two surveys. Said, since ties named in both add up.
        const where = (x: RawResponse) => (x.file === r.file ? `row ${x.row}` : `${x.file} (row ${x.row})`);
        quality.warn(
          r.file,
          r.row,
          null,
          'answered-twice',
          `${linked.name} (${linked.id}) also answered in ${where(earlier)}; both responses were kept, so someone named in both counts twice for that tie type (the two weights add up). If they are the same survey (online and on paper, say), delete one response and run again.`,
        );
      } else answered.set(linked.id, r);
      respondents.push(respondentOf(linked.id, r, linked.type, true));
      sourceOf.push(linked.id);
      if (recordOf.size > 0) idOf.set(r, linked.id);
      continue;
    }
    if (r.email && multiFile) {
      // Someone off the roster in two files (a bilingual form exported as two, say), by e-mail.
      const earlier = answeredByEmail.get(r.email);
      if (earlier && earlier.file !== r.file) {
        quality.warn(
          r.file,
          r.row,
          null,
          'answered-twice',
          `The same e-mail also answered in ${earlier.file} (row ${earlier.row}); both responses were kept, as two respondents, so someone named in both is counted twice. If the two files are one survey (in two languages, say), delete the earlier response and run again.`,
        );
      } else if (!earlier) answeredByEmail.set(r.email, r);
    }
    const sharing = r.email && matcher.sharesEmails ? matcher.sharingEmail(r.email) : NO_ONE;
    if (sharing.length > 0) {
      quality.warn(
        r.file,
        r.row,
        null,
        'ambiguous-email',
        `The respondent's e-mail belongs to ${sharing.length} roster entries (${sharing.map((e) => e.name).join(', ')}), and neither their respondent type nor their name says which, so they were counted as someone new. Give the roster entries their own e-mails, or the export a roster-id column.`,
      );
    }
    if (r.rosterRef) {
      quality.warn(
        r.file,
        r.row,
        rosterIdColumn.get(r.file) ?? null,
        'unknown-roster-id',
        `"${r.rosterRef.slice(0, 60)}" in the roster-id column is not on the roster (as an id, e-mail, code or name), so this respondent was counted as someone new, not as that person. Correct the id, or add the person to the roster.`,
      );
    }
    let type: ActorType = stated ?? 'resident';
    const sector = SECTOR_OF_TYPE[type];
    if (type === 'public-servant') {
      // Not on the roster, so not scored as a public servant; still public sector, never counted
      // as civil society. Said per file, as the roster is the usual thing to correct.
      type = 'other';
      entryOf(servantsOffRoster, r.file, () => []).push(r.row);
    }
    if (!stated && !typeDefaulted.has(r.file)) {
      typeDefaulted.add(r.file);
      quality.info(
        r.file,
        null,
        null,
        'respondent-type-default',
        r.typeText
          ? `Some respondent types were not recognised (e.g. "${r.typeText}"); those respondents are counted as residents.${/^\d+$/.test(r.typeText) ? ' The answers are numbers, as survey tools write them when responses are exported as numeric values: export again with the answer text (Qualtrics: "Use choice text"), or add the tool\'s codebook.' : ''}`
          : 'No respondent type was given for some respondents; they are counted as residents.',
      );
    }
    // A one-file export without response ids: the key is the row's, looked up by number.
    const byRow = !r.responseId && !multiFile && ActorIds.isRow(r.row);
    let key = r.responseId
      ? `r-${slug(r.responseId)}`
      : multiFile
        ? `r-${slug(baseName(r.file).replace(/\.[^.]+$/, ''))}-row${r.row}`
        : `r-row${r.row}`;
    const taken = byRow ? actorIds.hasRow(r.row) : actorIds.has(key);
    if (taken) {
      key = `r-${slug(baseName(r.file).replace(/\.[^.]+$/, ''))}-${key.slice(2)}`;
      let n = 2;
      const base = key;
      while (actorIds.has(key)) key = `${base}-${n++}`;
    }
    const id = asActorId(key);
    if (byRow && !taken) actorIds.addRow(r.row);
    else actorIds.add(id);
    const count = (counters.get(type) ?? 0) + 1;
    counters.set(type, count);
    const attrs: Record<string, string> = { file: r.file, row: String(r.row) };
    if (r.responseId) attrs.responseId = r.responseId;
    // The name they gave, exported only when names are asked for (--include-names, the map's
    // "Show names"); Microsoft Forms writes "anonymous" for none.
    if (r.name && !isAnonymous(r.name)) attrs.name = r.name;
    // Properties in a fixed order and no spreads: 100,000 of these are built in one loop.
    const actor: Actor = r.service
      ? {
          id,
          label: `${typeLabel(type)} ${count}`,
          type,
          sector,
          service: r.service,
          onRoster: false,
          attrs,
        }
      : {
          id,
          label: `${typeLabel(type)} ${count}`,
          type,
          sector,
          onRoster: false,
          attrs,
        };
    actors.push(actor);
    respondents.push(respondentOf(id, r, type, false));
    sourceOf.push(id);
    if (recordOf.size > 0) idOf.set(r, id);
  }

  for (const [file, rows] of servantsOffRoster) {
    quality.info(
      file,
      rows[0]!,
      mapping.surveys.find((m) => m.file === file)?.respondentType ?? null,
      'public-servant-off-roster',
      `${rows.length} respondent${rows.length === 1 ? ' says they are a public servant but is' : 's say they are public servants but are'} not on the roster (${rowsText(rows)}): in the network as public sector, not civil society, with no scorecard. Add them to the roster (or link the export's e-mail or roster-id column) to score them.`,
    );
  }
  for (const [file, linked] of idsAsNumbers) {
    quality.info(
      file,
      null,
      rosterIdColumn.get(file) ?? null,
      'roster-id-as-number',
      `${linked.length} roster id${linked.length === 1 ? ' was' : 's were'} found on the roster only as a number, as a spreadsheet writes them ("29" or "29.0" for "029"): ${firstFew(linked)}. Each respondent was linked to that person; if the roster has two people whose ids differ only in leading zeros, give them ids that differ otherwise.`,
    );
  }
  for (const [file, read] of typesByWords) {
    quality.info(
      file,
      null,
      mapping.surveys.find((m) => m.file === file)?.respondentType ?? null,
      'respondent-types-read',
      `Respondent types were read by their words: ${firstFew(read)}. If one is wrong, correct the answers in the export (or the survey's choices) and run again.`,
    );
  }

  // 4. Names to people, then ties.
  progress.report('Matching names', 0.8);
  const decisions = new Map(mapping.decisions.map((d) => [nameKey(d.text), d]));
  // Resolved once per distinct text, on its first use by a kept response (decisions create actors).
  const resolved: (Resolved | undefined)[] = new Array<Resolved | undefined>(store.texts.length);
  const unmatchedKey: (string | undefined)[] = [];
  const unmatched = new Map<string, WaitingName>();
  const newActors = new Map<string, Actor>();
  // New actors whose text is a relation of the respondent's own ("Mum", "my neighbour"): each
  // respondent who wrote it gets one of their own, made from the reviewer's decision.
  const relativeTemplates = new Map<ActorId, Actor>();
  const relativeMemo = new Map<ActorId, Actor | null>();
  const relatives: Actor[] = [];
  const relativeIds = new Map<string, ActorId>();
  const relativeOf = (target: ActorId, source: ActorId): ActorId => {
    let template = relativeMemo.get(target);
    if (template === undefined) {
      const added = [...newActors.values()].find((a) => a.id === target);
      template = added && isRelativeTerm(added.attrs.name ?? added.label) ? added : null;
      relativeMemo.set(target, template);
      if (template) relativeTemplates.set(target, template);
    }
    if (!template) return target;
    const key = `${target}\u0000${source}`;
    let id = relativeIds.get(key);
    if (!id) {
      id = asActorId(`${target}-of-${source}`);
      actorIds.add(id);
      relativeIds.set(key, id);
      relatives.push({ ...template, id, attrs: { ...template.attrs, of: source } });
    }
    return id;
  };
  const ties: Tie[] = [];
  /** Each file's rows of kept respondents who named no one (noted after the loop). */
  const namedNoOne = new Map<string, number[]>();
  // Where the bar stands when the surveys' names are matched: network files' nodes take the rest.
  const surveysMatched = plainNetworks.length > 0 ? 0.9 : 1;
  const { data, texts, columns, relations, weights } = store;
  /** Text ids of names with a "?" for a letter (1), found as each text is resolved. */
  const lostLetter = new Uint8Array(texts.length);
  /** Per file, those names and the rows they were written on, for one warning per file. */
  const lostLetters = new Map<string, { names: string[]; rows: number[]; column: string }>();
  /**
   * Names accepted though not written as on the roster (how: fuzzy), one per name key, in the order
   * first met: the app lists them to confirm or overrule, quality.json and a note name them.
   */
  const autoMatched = new Map<string, ReviewItem>();
  /** The column of the respondent's latest self-nomination, said once per column. */
  let selfColumn: number;
  const seenTie: (string | number)[] = []; // (target, relation, tie) triples: a handful per respondent, a scan beats a Set
  // A name decided before under another spelling ("Patel" chose Dr Anil Patel; now "Dr. Patel"):
  // that person comes first among the suggestions, at the matcher's own confidence, never accepted.
  const decidedByBareKey = new Map<string, string>();
  for (const d of decisions.values()) {
    if (d.action !== 'accept' && d.action !== 'choose') continue;
    const entry = d.id ? matcher.entries.find((e) => e.id === d.id) : undefined;
    // Not the person an id now names when it was decided for someone else (trial X: the stale
    // decision's newcomer had been suggested first).
    if (entry && !givenToSomeoneElse(d, entry, matcher)) decidedByBareKey.set(bareKey(d.text), entry.id);
  }
  // Actors a reviewer added ("new" decisions, last year's included), matched as roster people
  // are, so that a near spelling of one ("Millbrook Comunity Larder") is suggested, not accepted.
  const added = [...decisions.values()].flatMap((d): RosterEntry[] => {
    if (d.action !== 'new' || !d.id) return [];
    const type = d.type ?? 'other';
    return [{ id: asActorId(d.id), name: d.label ?? d.text, type, sector: SECTOR_OF_TYPE[type], attrs: {} }];
  });
  const addedMatcher = added.length > 0 ? new RosterMatcher(added) : null;
  /** The matcher's suggestions for a name going to review, with the two hints above added. */
  const suggestionsFor = (text: string, found: Candidate[]): Candidate[] => {
    let candidates = found;
    if (addedMatcher) {
      const near = addedMatcher.match(text).candidates.filter((c) => !found.some((f) => f.id === c.id));
      // At most five, as the matcher's own (MatchResult.candidates).
      if (near.length > 0)
        candidates = [...found, ...near].sort((a, b) => b.confidence - a.confidence).slice(0, 5);
    }
    const id = decidedByBareKey.size === 0 ? undefined : decidedByBareKey.get(bareKey(text));
    if (!id) return candidates;
    const decided = candidates.find((c) => c.id === id) ?? {
      id,
      name: matcher.entries.find((e) => e.id === id)!.name,
      confidence: DECIDED_BEFORE,
    };
    return [decided, ...candidates.filter((c) => c.id !== id)];
  };
  /** A name for the review queue (and quality.json's unmatched), counted with up to five places. */
  const waitForReview = (
    key: string,
    text: string,
    result: MatchResult,
    r: RawResponse,
    column: string,
    source: ActorId,
  ) => {
    const u = unmatched.get(key);
    if (u) {
      u.item.count++;
      if (u.where.length < 5) u.where.push({ file: r.file, row: r.row, column });
      if (u.source !== source) u.source = null;
    } else {
      unmatched.set(key, {
        item: {
          text,
          file: r.file,
          row: r.row,
          column,
          candidates: suggestionsFor(text, result.candidates),
          count: 1,
        },
        where: [{ file: r.file, row: r.row, column }],
        source,
      });
    }
  };
  for (let k = 0; k < kept.length; k++) {
    // Often: a respondent's new typed names can take a millisecond each against a large roster.
    if ((k & 63) === 0) {
      progress.check();
      progress.report('Matching names', 0.8 + ((surveysMatched - 0.8) * k) / kept.length);
    }
    const r = kept[k]!;
    const source = sourceOf[k]!;
    seenTie.length = 0;
    selfColumn = -1;
    if (r.nomTo === r.nomFrom && (recordOf.size === 0 || !recordOf.has(r))) {
      entryOf(namedNoOne, r.file, () => []).push(r.row);
    }
    for (let n = r.nomFrom; n < r.nomTo; n += 3) {
      const textId = data[n]!;
      const relationId = data[n + 2]!;
      let res = resolved[textId];
      if (!res) {
        res = resolve(texts[textId]!, matcher, decisions, newActors, actorIds);
        resolved[textId] = res;
        if (matcher.hasLostLetters(texts[textId]!)) lostLetter[textId] = 1;
        // Matched though not as written: listed (the app's "Matched automatically", quality.json's
        // matched, a note), the whole text or, of a joined answer, each such part.
        const fuzzy =
          res.result.how === 'fuzzy' && res.target && !res.decision && !res.also
            ? [{ text: res.text ?? texts[textId]!, result: res.result, target: res.target }]
            : (res.fuzzyParts ?? []);
        if (fuzzy.length > 0) {
          res.auto = fuzzy.map(({ text, result, target }) => {
            const key = nameKey(text);
            let item = autoMatched.get(key);
            if (!item) {
              item = {
                text,
                file: r.file,
                row: r.row,
                column: columns[data[n + 1]!]!,
                candidates: result.candidates,
                count: 0,
                matched: result.candidates.find((c) => c.id === target) ?? {
                  id: target,
                  name: matcher.entries.find((e) => e.id === target)?.name ?? target,
                  confidence: result.confidence,
                },
              };
              autoMatched.set(key, item);
            }
            return item;
          });
        }
        const d = res.stale;
        if (d) {
          // A saved decision naming someone no longer on the roster (or no one): never dropped unsaid.
          quality.warn(
            r.file,
            r.row,
            columns[data[n + 1]!]!,
            'decision-not-applied',
            `The saved decision for "${d.text}" ${res.tied ? `accepts the closest match without saying whom, and ${res.tied.join(' and ')} are equally close on this roster` : res.renamed ? `names ${d.id ?? 'the closest match'}, who was ${d.name} when it was made and is ${res.renamed} on this roster` : d.id ? `names ${d.id}, who is not on this roster (nor a new actor)` : 'names no one'}, so it was not applied: ${res.target ? 'the name was matched as if never decided' : 'the name waits in review again'}.`,
          );
        }
        if (res.overruled) {
          const d = res.overruled;
          const target = res.target;
          const who = matcher.entries.find((e) => e.id === target);
          quality.info(
            r.file,
            r.row,
            columns[data[n + 1]!]!,
            'decision-not-needed',
            `The saved decision for "${d.text}" (${d.action}${d.id ? ` ${d.id}` : ''}) was not applied in this file: its roster has the name exactly, ${who ? `${who.name} (${who.id})` : 'as written'}, so it was matched to them. A decision is for names a roster does not have; this one was made in another wave or year.`,
          );
        }
        if (res.unchecked && res.decision) {
          quality.warn(
            r.file,
            r.row,
            columns[data[n + 1]!]!,
            'decision-unchecked',
            `The saved decision for "${res.decision.text}" names ${res.decision.id} without the name it was made for, and "${res.decision.text}" is not like ${res.unchecked}, who has that id on this roster; it was applied. If the roster has given the id to someone else since, correct the decision; the saved mapping now records the name, so a later roster is checked.`,
          );
        }
      }
      if (lostLetter[textId] === 1) {
        const lost = entryOf(lostLetters, r.file, () => ({
          names: [],
          rows: [],
          column: columns[data[n + 1]!]!,
        }));
        if (!lost.names.includes(texts[textId]!)) lost.names.push(texts[textId]!);
        if (lost.rows.at(-1) !== r.row) lost.rows.push(r.row);
      }
      if (!res.target) {
        if (res.decision?.action === 'ignore' || res.nobody) continue;
        if (res.pending) {
          for (const part of res.pending) {
            waitForReview(nameKey(part.text), part.text, part.result, r, columns[data[n + 1]!]!, source);
          }
          continue;
        }
        const shown = res.text ?? texts[textId]!;
        const key = (unmatchedKey[textId] ??= nameKey(shown));
        waitForReview(key, shown, res.result, r, columns[data[n + 1]!]!, source);
        continue;
      }
      if (res.auto) for (const item of res.auto) item.count++;
      // The parts of "Helen Okafor and Nadia" that no one matched wait in review on their own.
      if (res.pending) {
        for (const part of res.pending) {
          waitForReview(nameKey(part.text), part.text, part.result, r, columns[data[n + 1]!]!, source);
        }
      }
      const more = res.also ? res.also.length : 0;
      for (let t = -1; t < more; t++) {
        let target = t < 0 ? res.target : res.also![t]!;
        // "Mum" added as a new actor is each respondent's own mum, not one person for all.
        if (newActors.size > 0) target = relativeOf(target, source);
        if (target === source) {
          // Once per column: a grid's cell ticks several tie types for the same person.
          if (selfColumn === data[n + 1]) continue;
          selfColumn = data[n + 1]!;
          quality.warn(
            r.file,
            r.row,
            columns[data[n + 1]!]!,
            'self-nomination',
            more > 0
              ? `The respondent named themselves among others ("${texts[textId]}"); the tie to themselves was left out, the others kept.`
              : `The respondent named themselves ("${texts[textId]}"); that tie was left out.`,
          );
          continue;
        }
        // The same person named twice for one relation counts once, at the stronger weight: named
        // in "Who do you go to?" (1) and rated "weekly" (4) in a grid of the same relation is 4.
        const weight = weights.size === 0 ? 1 : (weights.get(n) ?? 1);
        let dup = -1;
        for (let s = 0; s < seenTie.length; s += 3) {
          if (seenTie[s] === target && seenTie[s + 1] === relationId) {
            dup = seenTie[s + 2] as number;
            break;
          }
        }
        if (dup >= 0) {
          if (weight > ties[dup]!.weight) ties[dup]!.weight = weight;
          continue;
        }
        seenTie.push(target, relationId, ties.length);
        ties.push({ source, target, relation: relations[relationId]!, weight, file: r.file, row: r.row });
      }
    }
  }
  noteLostLetters(lostLetters, questionMarksByFile, quality);
  // Respondents who named no one: in the network with no ties out, which lowers density. Said
  // per file, so an evaluator can tell them from a question that was not read.
  for (const [file, rows] of namedNoOne) {
    const of = raw.filter((x) => x.file === file).length;
    if (rows.length === of) continue; // the file's no-names warning says more
    quality.info(
      file,
      rows[0]!,
      null,
      'named-no-one',
      `${rows.length} respondent${rows.length === 1 ? '' : 's'} named no one in any name question (${rowsText(rows)}); ${rows.length === 1 ? 'it is' : 'they are'} in the network with no ties of ${rows.length === 1 ? 'its' : 'their'} own.`,
    );
  }

  if (autoMatched.size > 0) {
    // Accepted, being sure enough, yet not written as on the roster: shown, so a wrong one is seen.
    // Names from several files each say theirs: the note is filed under the first one's.
    const first = [...autoMatched.values()].slice(0, NOT_EXACT_SHOWN);
    const severalFiles = [...autoMatched.values()].some((m) => m.file !== first[0]!.file);
    const shown = first
      .map(
        (m) =>
          `"${m.text.length > 60 ? `${m.text.slice(0, 57)}...` : m.text}"${severalFiles ? ` (${m.file})` : ''} as ${m.matched!.name} (${Math.round(m.matched!.confidence * 100)}%)`,
      )
      .join(', ');
    const n = autoMatched.size;
    quality.info(
      first[0]!.file,
      null,
      null,
      'matched-not-exact',
      `${n} name${n === 1 ? ' was' : 's were'} matched to the roster though not written as on it (a typo, a title, part of a name, a choice's label with a role): ${shown}${n > first.length ? ', ...' : ''}. Each was the one strong match; a wrong one can be overruled in the app (Names to review, "Matched automatically") or by a decision for its text (mapping.json: "action": "choose" or "ignore"); quality.json's "matched" lists them all.`,
    );
  }
  const networkShare = (1 - surveysMatched) / Math.max(1, plainNetworks.length);
  plainNetworks.forEach((network, i) => {
    const start = surveysMatched + networkShare * i;
    placePlainNetwork(network, {
      matcher,
      decisions,
      newActors,
      actorIds,
      actors,
      respondents,
      ties,
      unmatched,
      quality,
      counters,
      progress: subProgress(progress, start, start + networkShare),
    });
  });
  // A template no tie reaches any more is no node (a network file's node may still be one).
  const reached = relativeTemplates.size > 0 ? new Set(ties.map((t) => t.target)) : null;
  actors.push(
    ...[...newActors.values()].filter((a) => !relativeTemplates.has(a.id) || reached!.has(a.id)),
    ...relatives,
  );

  const review: ReviewItem[] = [];
  for (const { item, where, source } of unmatched.values()) {
    // Gareth's "Gareth from the Men's Shed" is not Gareth: accepting it would only be a self-tie.
    if (source) item.candidates = item.candidates.filter((c) => c.id !== source);
    review.push(item);
    // Two or more equally close are all named: naming one would suggest a choice the matcher did not make.
    const best = item.candidates[0];
    const tied = best ? item.candidates.filter((c) => Math.abs(c.confidence - best.confidence) < 1e-9) : [];
    quality.unmatched.push({
      text: item.text,
      count: item.count,
      // The three closest, or every one of those equally closest ("our councillor": all four).
      suggestions: item.candidates.slice(0, Math.max(3, tied.length)),
      where,
    });
    const hint = !best
      ? ''
      : tied.length > 1
        ? ` Equally close on the roster (${Math.round(best.confidence * 100)}%): ${tied
            .map((c) => c.name)
            .join(' and ')}; choose who is meant.`
        : ` Closest on the roster: ${best.name} (${Math.round(best.confidence * 100)}%).`;
    quality.warn(
      item.file,
      item.row,
      item.column,
      'unmatched-name',
      `"${item.text}" (written ${item.count} time${item.count === 1 ? '' : 's'}) could not be matched to the roster for sure and is waiting for review.${hint}`,
    );
  }
  noteNumericAnswers([...unmatched.values()], quality);
  review.sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
  mapping.decisions = [...decisions.values()];
  progress.report('Matching names', 1);
  const autoMatchedItems = [...autoMatched.values()].sort(
    (a, b) => b.count - a.count || a.text.localeCompare(b.text),
  );
  for (const { text, count, matched } of autoMatchedItems)
    quality.matched.push({
      text,
      count,
      id: matched!.id,
      name: matched!.name,
      confidence: matched!.confidence,
    });
  return {
    actors,
    ties,
    respondents,
    mapping,
    review,
    autoMatched: autoMatchedItems,
    roster: roster.entries,
  };
}

/**
 * A name question answered in bare numbers ("1", "3") was exported as numeric values: with no
 * codebook or roster code for them, the numbers cannot be people. Each stays in the review queue;
 * one note per column says why and what to do.
 */
/**
 * Names with a "?" where a letter should be, and answers of question marks only, per file: what
 * Excel's "CSV (Comma delimited)" leaves of letters it cannot hold. One warning per file with
 * every such name's rows; question marks alone are only a note, as someone may type "??".
 */
function noteLostLetters(
  lostLetters: ReadonlyMap<string, { names: string[]; rows: number[]; column: string }>,
  questionMarks: ReadonlyMap<string, { row: number; column: string }[]>,
  quality: QualityCollector,
): void {
  for (const file of new Set([...lostLetters.keys(), ...questionMarks.keys()])) {
    const lost = lostLetters.get(file);
    const marks = questionMarks.get(file) ?? [];
    const rows = [...new Set(marks.map((m) => m.row))];
    const marksText =
      marks.length === 0
        ? ''
        : `${marks.length} answer${marks.length === 1 ? ' is' : 's are'} only question marks (${rowsText(rows)}), read as naming no one: ${lost ? 'probably names' : 'perhaps names'} written in another script (Arabic, Chinese, Vietnamese...).`;
    if (!lost) {
      quality.info(
        file,
        rows[0]!,
        marks[0]!.column,
        'question-mark-answers',
        `${marksText} If the file was saved from Excel as "CSV (Comma delimited)", save it again as "CSV UTF-8" and run again.`,
      );
      continue;
    }
    const n = lost.names.length;
    quality.warn(
      file,
      lost.rows[0]!,
      lost.column,
      'lost-letters',
      `${n} name${n === 1 ? ' has' : 's have'} a "?" where a letter should be (${firstFew(lost.names.map((t) => `"${t.slice(0, 40)}"`))}; ${rowsText(lost.rows)}). ${marksText} The file was saved in an encoding without those letters (Excel's "CSV (Comma delimited)" rather than "CSV UTF-8"), so they cannot be read as written; a name that fits one roster name with any letter in place of each "?" was matched to it, and is listed among the names matched not as written. Save the file again as "CSV UTF-8" and run again.`,
    );
  }
}

function noteNumericAnswers(unmatched: { item: ReviewItem }[], quality: QualityCollector): void {
  const byColumn = new Map<string, { file: string; column: string; codes: string[] }>();
  for (const { item } of unmatched) {
    // Numbers, or LimeSurvey's subquestion codes (SQ001) when a choice column's heading is its code.
    if (!/^(\d+|SQ\d+)$/i.test(item.text)) continue;
    // A choice question's columns (need[SQ001], need[SQ002]) are one question: one note.
    const key = `${item.file}\u0000${item.column.replace(/\[[^\]]*\]$/, '')}`;
    const seen = byColumn.get(key);
    if (seen) seen.codes.push(item.text);
    else byColumn.set(key, { file: item.file, column: item.column, codes: [item.text] });
  }
  // REDCap's raw export without its dictionary: a ticked checkbox gives only its column name.
  const checkboxes = new Map<string, { file: string; field: string; columns: string[] }>();
  for (const { item } of unmatched) {
    const m = /^([a-z][a-z0-9_]*?)___[a-z0-9_]+$/i.exec(item.text);
    if (!m) continue;
    const key = `${item.file}\u0000${m[1]}`;
    const seen = checkboxes.get(key);
    if (seen) seen.columns.push(item.text);
    else checkboxes.set(key, { file: item.file, field: m[1]!, columns: [item.text] });
  }
  for (const { file, field, columns } of checkboxes.values()) {
    columns.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    quality.warn(
      file,
      null,
      columns[0]!,
      'numeric-answers',
      `The checkbox columns of "${field}" (${columns.slice(0, 5).join(', ')}${columns.length > 5 ? ', ...' : ''}) carry only choice codes, as REDCap's raw export writes them, and nothing says who the codes are. Add the project's data dictionary (the codebook file; --codebook in the CLI), or export again with labels ("CSV / Microsoft Excel (labels)").`,
    );
  }
  for (const { file, column, codes } of byColumn.values()) {
    const shown = codes
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
      .slice(0, 5)
      .join(', ');
    quality.warn(
      file,
      null,
      column,
      'numeric-answers',
      `Answers in this column are codes, not names (${shown}${codes.length > 5 ? ', ...' : ''}), as survey tools write them when responses are exported as numeric values or codes, and nothing (a codebook, a "code" column in the roster) says who they are. Export again with the answer text (Qualtrics: "Use choice text"; LimeSurvey: "Full answers"), or add the tool's codebook (the codebook file; --codebook in the CLI) or a "code" column to the roster.`,
    );
  }
}

function respondentOf(key: ActorId, r: RawResponse, type: ActorType, onRoster: boolean): Respondent {
  const out: Respondent = { key, file: r.file, row: r.row, type, onRoster };
  if (r.service) out.service = r.service;
  if (r.responseId) out.responseId = r.responseId;
  return out;
}

function rosterActor(e: RosterEntry): Actor {
  const a: Actor = {
    id: e.id,
    label: e.name,
    type: e.type,
    sector: e.sector,
    onRoster: true,
    attrs: { ...e.attrs },
  };
  if (e.role) a.role = e.role;
  if (e.service) a.service = e.service;
  return a;
}

/**
 * The roster entry a roster-id cell names: by id, e-mail or code, else by an exact name (a roster
 * without ids, a typed "Roster ID"), else null.
 */
function rosterEntryOfRef(ref: string, matcher: RosterMatcher): RosterEntry | null {
  const hit = matcher.exactRef(ref);
  if (hit != null) return matcher.entries[hit]!;
  const hits = matcher.exact(ref);
  if (hits.length === 1) return matcher.entries[hits[0]!]!;
  const number = matcher.numericRef(ref);
  return number === null ? null : matcher.entries[number]!;
}

/** Which of the roster entries sharing a respondent's e-mail they are, if their type or name says. */
function sharedEmailEntry(r: RawResponse, sharing: readonly RosterEntry[]): RosterEntry | null {
  if (sharing.length === 0) return null;
  const stated = parseRespondentType(r.typeText);
  const byType = sharing.filter((e) => e.type === stated);
  if (byType.length === 1) return byType[0]!;
  const byName = r.name ? sharing.filter((e) => nameKey(e.name) === nameKey(r.name)) : [];
  if (byName.length === 1) return byName[0]!;
  // One person listed twice under one name (a duplicate record): the first row is theirs.
  if (sharing.every((e) => nameKey(e.name) === nameKey(sharing[0]!.name))) return sharing[0]!;
  return null;
}

/** A respondent is on the roster when the export carries their roster id, e-mail or exact name. */
function linkRespondent(
  r: RawResponse,
  matcher: RosterMatcher,
  onNumber?: (ref: string, entry: RosterEntry) => void,
): RosterEntry | null {
  const entries = matcher.entries;
  if (r.rosterRef) {
    const hit = matcher.exactRef(r.rosterRef);
    if (hit != null) return entries[hit]!;
  }
  if (r.email) {
    // Trimmed when read and lower-cased in screening: already a roster key's shape.
    const hit =
      r.emailHash >= 0 ? matcher.exactRefHashed(r.email, r.emailHash) : matcher.exactRefKey(r.email);
    if (hit != null) return entries[hit]!;
  }
  // An e-mail several roster entries share (a group and its volunteer): the one whose type the
  // respondent gave, else whose exact name they gave; never a guess.
  if (r.email && matcher.sharesEmails) {
    const shared = sharedEmailEntry(r, matcher.sharingEmail(r.email));
    if (shared) return shared;
  }
  // An id column may hold the person's name instead (a roster without ids, a typed "Roster ID"),
  // or the id as a spreadsheet left it ("29" or "29.0" for "029").
  if (r.rosterRef) {
    const hits = matcher.exact(r.rosterRef);
    if (hits.length === 1) return entries[hits[0]!]!;
    const number = matcher.numericRef(r.rosterRef);
    if (number !== null) {
      onNumber?.(r.rosterRef, entries[number]!);
      return entries[number]!;
    }
  }
  if (r.name) {
    const m = matcher.match(r.name);
    if (m.id && m.confidence >= 0.95) return entries.find((e) => e.id === m.id) ?? null;
  }
  // A group answering for itself, by the organisation it names: only a group on the roster, and
  // only for a response given as a group's (a resident may name the group they volunteer with).
  if (r.organisation && parseRespondentType(r.typeText) === 'group') {
    const m = matcher.match(r.organisation);
    const entry = m.id && m.confidence >= 0.95 ? entries.find((e) => e.id === m.id) : undefined;
    if (entry?.type === 'group') return entry;
  }
  return null;
}

/**
 * Whether a decision's roster id names someone other than the person it was decided for: the name
 * it records is not the entry's, nor written otherwise ("Dr Priya Patel" for "Priya Patel").
 */
function givenToSomeoneElse(decision: DecisionRecord, entry: RosterEntry, matcher: RosterMatcher): boolean {
  return (
    !!decision.name &&
    nameKey(decision.name) !== nameKey(entry.name) &&
    matcher.match(decision.name).id !== entry.id
  );
}

function resolve(
  text: string,
  matcher: RosterMatcher,
  decisions: Map<string, DecisionRecord>,
  newActors: Map<string, Actor>,
  actorIds: ActorIds,
): Resolved {
  const result = matcher.match(text);
  // A code the codebook labels with no one on the roster: the label is what was answered, so it
  // names nobody ("Other", "None of these") or is matched, decided and reviewed as written.
  const label = result.id ? undefined : matcher.labelOfCode(text);
  if (label !== undefined) {
    if (namesNobody(label)) return { target: null, result, nobody: true };
    return { ...resolve(label, matcher, decisions, newActors, actorIds), text: label };
  }
  const saved = decisions.get(nameKey(text));
  // A name this roster has exactly is that person, whatever was decided: decisions are made only
  // for names a roster did not have (the review queue never shows an exact match), in another
  // wave or year ("Ignore" of a leaver in the follow-up had taken her baseline ties).
  const exactly = result.id !== null && result.how !== 'fuzzy' && result.how !== 'none';
  const overruled = saved && exactly && saved.id !== result.id ? saved : undefined;
  const decision = overruled ? undefined : saved;
  // A saved accept or choose that names no one on this roster: the caller says so.
  let stale: DecisionRecord | undefined;
  if (decision) {
    if (decision.action === 'accept' || decision.action === 'choose') {
      // "Accept" saved without an id accepts the suggestion it was made on: the closest match,
      // when one person is closest; of two alike, which is left to the reviewer, not to the order
      // of the roster's rows.
      const [first, second] = result.candidates;
      if (!decision.id && decision.action === 'accept' && first && second?.confidence === first.confidence) {
        const tied = result.candidates.filter((c) => c.confidence === first.confidence).map((c) => c.name);
        return { target: null, result, stale: decision, tied };
      }
      const id = decision.id ?? (decision.action === 'accept' ? first?.id : undefined);
      const entry = id ? matcher.entries.find((e) => e.id === id) : undefined;
      if (entry) {
        // The id given to someone else since (a roster reusing a leaver's id): asked again, not
        // applied. The same person written otherwise ("Dr Priya Patel" for "Priya Patel") matches.
        if (givenToSomeoneElse(decision, entry, matcher)) {
          return { target: null, result, stale: decision, renamed: entry.name };
        }
        // Saved with the id and name it was applied to, so a later roster is checked against both.
        const unchecked =
          !decision.name && !result.candidates.some((c) => c.id === entry.id) ? entry.name : undefined;
        decision.id ??= entry.id;
        decision.name ??= entry.name;
        return { target: asActorId(entry.id), result, decision, ...(unchecked ? { unchecked } : {}) };
      }
      // Chosen to be a new actor another spelling is saved as ("Patel" as "the library"'s actor):
      // that spelling's decision makes it, or finds it made.
      const other = id ? [...decisions.values()].find((d) => d.action === 'new' && d.id === id) : undefined;
      if (other) {
        const res = resolve(other.text, matcher, decisions, newActors, actorIds);
        if (res.target) return { target: res.target, result, decision };
      }
      stale = decision;
    }
    if (decision.action === 'new') {
      const key = nameKey(text);
      // Two spellings saved as one new actor (the same id) are one actor, not two nodes of one id.
      let actor =
        newActors.get(key) ??
        (decision.id ? [...newActors.values()].find((a) => a.id === decision.id) : undefined);
      if (!actor) {
        const type = decision.type ?? 'other';
        // Someone named in an answer and not on the roster ("Mrs Brown next door"): neither key
        // nor exported label carries the text, which may be a person's name; it is kept as `name`
        // for exports that ask for names. (A saved decision keeps the id it was given.)
        let id = decision.id ?? `n-${pseudonym(key).toLowerCase()}`;
        if (!decision.id) {
          const base = id;
          let n = 2;
          while (actorIds.has(id)) id = `${base}-${n++}`;
          decision.id = id;
        }
        actorIds.add(id);
        actor = {
          id: asActorId(id),
          label: decision.label ?? text,
          type,
          sector: SECTOR_OF_TYPE[type],
          onRoster: false,
          attrs: { named: 'true', name: text },
        };
        newActors.set(key, actor);
      }
      return { target: actor.id, result, decision };
    }
    if (decision.action === 'ignore') return { target: null, result, decision };
  }
  // "Priya Patel and Helen Okafor" in one box, unless the whole is a roster label ("Friends and
  // Neighbours"): each part is a name of its own once one part names someone, so that a match of
  // the whole ("Dr Anil Patel and Nadia" to Dr Patel) never swallows the others, which wait in
  // review on their own. With no part found the text stays whole ("Millbrook & District").
  if (!(result.id && result.how !== 'fuzzy') && /\s(and|&|\+)\s|\//i.test(text)) {
    const parts = splitOutsideBrackets(text, /\s+(?:and|&|\+)\s+|\s*\/\s*/i)
      .map((p) => p.trim())
      .filter((p) => p !== '');
    if (parts.length > 1 && parts.length <= 6) {
      const each = parts.map((p) => resolve(p, matcher, decisions, newActors, actorIds));
      const found = each.flatMap((e) => (e.target ? [e.target] : []));
      const pending = each.flatMap((e, k) =>
        e.target || e.decision?.action === 'ignore' || e.nobody
          ? []
          : [{ text: parts[k]!, result: e.result }],
      );
      if (found.length > 0) {
        // Each part matched not as written is listed on its own: a decision for it overrules it.
        const fuzzyParts = each.flatMap((e, k) =>
          e.target && e.result.how === 'fuzzy' && !e.decision && !e.also
            ? [{ text: e.text ?? parts[k]!, result: e.result, target: e.target }]
            : [],
        );
        return {
          target: found[0]!,
          also: found.slice(1),
          ...(pending.length > 0 ? { pending } : {}),
          ...(fuzzyParts.length > 0 ? { fuzzyParts } : {}),
          result,
        };
      }
      // No part sure, yet one part names someone by their surname, closer than the whole does
      // ("Mum and Dr Patel": Dr Patel is one of two Patels): each part is reviewed on its own, so
      // choosing Dr Patel does not take Mum with it. A part that only begins a label ("Friends",
      // "Millbrook" of "Millbrook & District Lions") leaves the text whole.
      const closest = (m: MatchResult) => m.candidates[0]?.confidence ?? 0;
      const bySurname = (part: string, m: MatchResult) =>
        closest(m) >= 0.6 &&
        closest(m) > closest(result) &&
        lastWord(part) === lastWord(m.candidates[0]!.name);
      if (pending.length > 0 && each.some((e, k) => bySurname(parts[k]!, e.result))) {
        return { target: null, pending, result };
      }
      // No part found and the whole unsure ("Amira / Liam (PCSOs)"): it waits whole, suggesting
      // the people its parts fit as well as those the whole does, closest first; only when every
      // part fits someone ("Friends and family" suggests no group called Friends of...).
      if (!result.id && each.every((e) => e.result.candidates.length > 0)) {
        const candidates = closestCandidates([result, ...each.map((e) => e.result)]);
        if (candidates.length > result.candidates.length) {
          return { target: null, result: { ...result, candidates }, ...(stale ? { stale } : {}) };
        }
      }
    }
  }
  return { target: result.id, result, ...(stale ? { stale } : {}), ...(overruled ? { overruled } : {}) };
}

/** The candidates of several matches, each person once at their best, closest first (at most five, as a match's). */
function closestCandidates(results: MatchResult[]): MatchResult['candidates'] {
  const best = new Map<string, MatchResult['candidates'][number]>();
  for (const r of results) {
    for (const c of r.candidates) if ((best.get(c.id)?.confidence ?? -1) < c.confidence) best.set(c.id, c);
  }
  return [...best.values()].sort((a, b) => b.confidence - a.confidence).slice(0, 5);
}

/** The mapping entry of a network file: its format; nothing else to choose. */
function plainNetworkMapping(file: string, network: PlainNetwork): SurveyMapping {
  return {
    file,
    format: network.format,
    headerRows: network.format === 'edgelist' ? 1 : 0,
    responseId: null,
    respondentType: null,
    service: null,
    rosterId: null,
    email: null,
    name: null,
    timestamp: null,
    status: null,
    finished: null,
    questions: [],
  };
}

/**
 * How close a network node's label must come to a roster name to wait for review rather than be
 * taken as someone not on the roster. Sharing one name word scores 0.5: "Amira" may be Amira
 * Haddad, but "Mary Jones" is not Sgt David Jones.
 */
function waitsForReview(label: string, confidence: number): boolean {
  return confidence >= (/\s/.test(label) ? 0.6 : 0.5);
}

interface PlainContext {
  matcher: RosterMatcher;
  decisions: Map<string, DecisionRecord>;
  newActors: Map<string, Actor>;
  actorIds: ActorIds;
  actors: Actor[];
  respondents: Respondent[];
  ties: Tie[];
  unmatched: Map<string, WaitingName>;
  quality: QualityCollector;
  counters: Map<ActorType, number>;
  progress: Progress;
}

/**
 * A network file's nodes joined to the roster and its ties added. A node is a roster person when
 * its id or label is a roster id, or its label matches a roster name for sure (or by the user's
 * decision); a label close to several roster names waits in the review queue, as a typed name
 * does, its ties held back; a node no roster name comes near is someone of the network's own: a
 * resident (noted), keyed by the file and the node's place in it, never by its label, which is
 * kept only as a name attribute. Each node that names others is a respondent; undirected ties
 * (Pajek *Edges, a symmetric matrix) are read both ways.
 */
function placePlainNetwork(network: PlainNetwork, ctx: PlainContext): void {
  const { matcher, quality } = ctx;
  const file = network.file;
  const rosterIds = new Set(matcher.entries.map((e) => e.id as string));
  // Keyed by the file's own name (not the folder it was given from) and the node's place in it.
  const base = `n-${slug(baseName(file).replace(/\.[^.]+$/, '')) || 'network'}`;
  const placed = new Map<string, ActorId | null>();
  // Where each node is first met and how many ties it has (for the review queue), and where it
  // first names someone: the row that stands for it as a respondent, so a tie's row leads back to
  // the node that gave it.
  const firstRow = new Map<string, number>();
  const tieCount = new Map<string, number>();
  const firstSourceRow = new Map<string, number>();
  const meet = (end: string, row: number) => {
    if (!firstRow.has(end)) firstRow.set(end, row);
    tieCount.set(end, (tieCount.get(end) ?? 0) + 1);
  };
  for (const t of network.ties) {
    meet(t.source, t.row ?? 0);
    meet(t.target, t.row ?? 0);
    if (!firstSourceRow.has(t.source)) firstSourceRow.set(t.source, t.row ?? 0);
  }
  let ownNodes = 0;
  const place = (node: Actor, index: number): ActorId | null => {
    const label = node.label.trim();
    if (rosterIds.has(node.id)) return node.id;
    if (rosterIds.has(label)) return asActorId(label);
    const res = resolve(label, matcher, ctx.decisions, ctx.newActors, ctx.actorIds);
    if (res.target) return res.target;
    if (res.decision?.action === 'ignore') return null;
    const best = res.result.candidates[0];
    if (best && waitsForReview(label, best.confidence)) {
      const key = nameKey(label);
      const row = firstRow.get(node.id) ?? 0;
      const waiting = tieCount.get(node.id) ?? 0;
      if (!ctx.unmatched.has(key)) {
        ctx.unmatched.set(key, {
          item: { text: label, file, row, column: 'node', candidates: res.result.candidates, count: waiting },
          where: [{ file, row, column: 'node' }],
          source: null,
        });
      } else ctx.unmatched.get(key)!.item.count += waiting;
      return null;
    }
    let id = `${base}-${index + 1}`;
    for (let n = 2; ctx.actorIds.has(id); n++) id = `${base}-${index + 1}-${n}`;
    ctx.actorIds.add(id);
    const count = (ctx.counters.get('resident') ?? 0) + 1;
    ctx.counters.set('resident', count);
    ownNodes++;
    ctx.actors.push({
      id: asActorId(id),
      label: `${typeLabel('resident')} ${count}`,
      type: 'resident',
      sector: SECTOR_OF_TYPE.resident,
      onRoster: false,
      attrs: { file, name: label },
    });
    return asActorId(id);
  };
  network.actors.forEach((node, index) => {
    // Matching a large network's labels takes seconds: report, and answer cancel, as it goes.
    if ((index & 255) === 0) {
      ctx.progress.check();
      ctx.progress.report('Matching network nodes', index / network.actors.length);
    }
    placed.set(node.id, place(node, index));
  });
  const typeOf = new Map<string, ActorType>();
  for (const a of ctx.actors) typeOf.set(a.id, a.type);
  for (const a of ctx.newActors.values()) typeOf.set(a.id, a.type);
  if (ownNodes > 0) {
    quality.info(
      file,
      null,
      null,
      'network-node-not-on-roster',
      `${ownNodes} of the network's ${network.actors.length} nodes are not on the roster; they were added as residents (their labels kept only as a name, which exports leave out unless names are asked for).`,
    );
  }
  if (!network.directed) {
    quality.info(
      file,
      null,
      null,
      'undirected-ties',
      'The file gives its ties without direction (Pajek *Edges, or a symmetric matrix): each was read as a tie both ways.',
    );
  }
  const respondentOfNode = new Set<string>();
  const add = (sourceNode: string, targetNode: string, t: Tie) => {
    const source = placed.get(sourceNode);
    const target = placed.get(targetNode);
    if (!source || !target) return;
    if (source === target) {
      quality.warn(
        file,
        t.row ?? null,
        null,
        'self-nomination',
        'This tie runs from a node to itself; it was left out.',
      );
      return;
    }
    if (!respondentOfNode.has(source)) {
      respondentOfNode.add(source);
      ctx.respondents.push({
        key: source,
        file,
        // A node that names others only through an undirected tie read backwards has no row of its own.
        row: firstSourceRow.get(sourceNode) ?? 0,
        type: typeOf.get(source) ?? 'other',
        onRoster: rosterIds.has(source),
      });
    }
    ctx.ties.push({ source, target, relation: t.relation, weight: t.weight, file, row: t.row });
  };
  // Without direction, each tie runs both ways, once: a symmetric matrix gives both already.
  const given = network.directed ? null : new Set(network.ties.map((t) => `${t.source}\u0000${t.target}`));
  for (let k = 0; k < network.ties.length; k++) {
    if ((k & 16383) === 0) ctx.progress.check();
    const t = network.ties[k]!;
    add(t.source, t.target, t);
    if (given && !given.has(`${t.target}\u0000${t.source}`)) add(t.target, t.source, t);
  }
}

/** A respondent's name or e-mail that says the form is being tried out ("test", test@council.gov.uk). */
const TEST_NAME = /^\s*(test(ing)?( (user|response|respondent|entry|submission))?|asdf\w*|qwerty)\s*\d*\s*$/i;
const TEST_EMAIL = /^\s*test(ing)?[._-]?\d*@/i;
/**
 * TEST_NAME or TEST_EMAIL on a cell, tried only when it starts as they can ("t", "a", "q" or a
 * space): run on every row, the pattern alone cost 18 ms in 100,000 responses.
 */
const looksLikeTest = (cell: string, pattern: RegExp): boolean => {
  const first = cell.charCodeAt(0);
  const lower = first | 0x20;
  return (lower === 0x74 || lower === 0x61 || lower === 0x71 || first <= 0x20) && pattern.test(cell);
};

/**
 * Remove previews, tests, spam and resubmissions; count and report each. `rosterIdOf` is the roster
 * id a roster-id cell names, or null: only a person found on the roster is one person answering
 * twice (a column such as SurveyMonkey's "Custom Data 1" may hold a ward that many share). Each
 * kept row of a repeating instrument is put in `recordOf` with its record's row.
 */
/** A number as a spreadsheet shows one too long for its column: "1.14E+11", "1,14E+11". */
const SCIENTIFIC = /^\d(?:[.,]\d+)?E\+?\d+$/i;

/**
 * Response ids a spreadsheet saved as "1.14E+11": many respondents share one, so as ids they would
 * make resubmissions of different people (11 of 12 rows were dropped so). They are not read as
 * ids; each file with them says so once.
 */
function forgetShortenedIds(
  raw: RawResponse[],
  quality: QualityCollector,
  mappingOf: Map<string, Pick<SurveyMapping, 'responseId'>>,
): void {
  const shortened = new Map<string, number[]>();
  for (const r of raw) {
    const id = r.responseId;
    if (id === null || id.length > 16 || !SCIENTIFIC.test(id)) continue;
    entryOf(shortened, r.file, () => []).push(r.row);
    r.responseId = null;
  }
  for (const [file, rows] of shortened) {
    quality.warn(
      file,
      rows[0]!,
      mappingOf.get(file)?.responseId ?? null,
      'ids-shortened',
      `${rows.length} response id${rows.length === 1 ? ' is' : 's are'} written as a rounded number ("1.14E+11"), as a spreadsheet saves a long number (${rowsText(rows)}), so they were not used as ids: each row is a response of its own. Export the file again from the survey tool, or format the id column as text before saving.`,
    );
  }
}

/**
 * Whether two responses are one copied: the same e-mail, name, type and roster reference, naming
 * the same people in the same order, by the same columns and weights.
 */
function sameResponse(a: RawResponse, b: RawResponse, store: NominationStore): boolean {
  if (a.email !== b.email || a.name !== b.name || a.typeText !== b.typeText || a.rosterRef !== b.rosterRef)
    return false;
  if (a.nomTo - a.nomFrom !== b.nomTo - b.nomFrom) return false;
  const { data, weights } = store;
  for (let n = 0; n < a.nomTo - a.nomFrom; n++) {
    if (data[a.nomFrom + n] !== data[b.nomFrom + n]) return false;
    if (n % 3 === 0 && weights.get(a.nomFrom + n) !== weights.get(b.nomFrom + n)) return false;
  }
  return true;
}

function screenResponses(
  raw: RawResponse[],
  quality: QualityCollector,
  progress: Progress,
  rosterIdOf: (ref: string) => string | null,
  recordOf: Map<RawResponse, RawResponse>,
  redcapColumns: Map<string, { event: string | null; repeat: string | null }>,
  /** Each file's mapping, for the names of its e-mail and time columns in messages. */
  mappingOf: Map<string, Pick<SurveyMapping, 'email' | 'timestamp' | 'responseId'>>,
  store: NominationStore,
  /** Files made of exports joined (their header repeated), where a row may be a copy of another. */
  joinedFiles: ReadonlySet<string>,
): RawResponse[] {
  // Three passes over the responses share the stage's slice of the bar.
  const tick = (i: number, pass: number) => {
    if ((i & (PROGRESS_EVERY - 1)) === 0) {
      progress.check();
      progress.report('Screening responses', 0.75 + (0.02 * (pass + i / raw.length)) / 3);
    }
  };
  // Indexes of rejected responses; a flag array rather than a Set of 100,000 objects.
  const rejected = new Uint8Array(raw.length);
  let rejectedCount = 0;
  const reject = (i: number, column: string | null, code: string, message: string) => {
    if (rejected[i]) return;
    rejected[i] = 1;
    rejectedCount++;
    const r = raw[i]!;
    quality.warn(r.file, r.row, column, code, message);
  };
  forgetShortenedIds(raw, quality, mappingOf);
  // REDCap's longitudinal projects: each event is a wave of the survey, and a run reads one (the
  // file's first), as a baseline and a follow-up are compared across runs.
  const firstEvent = new Map<string, string>();
  for (let i = 0; i < raw.length; i++) {
    tick(i, 0);
    const r = raw[i]!;
    const read = r.event === '' ? '' : (firstEvent.get(r.file) ?? r.event);
    if (read !== '') firstEvent.set(r.file, read);
    if (r.rejected) reject(i, r.rejected.column, r.rejected.code, r.rejected.message);
    else if (r.event !== read) {
      reject(
        i,
        redcapColumns.get(r.file)?.event ?? null,
        'other-event',
        `This row is ${r.responseId ? `record ${r.responseId}'s` : 'an'} "${r.event}" event; only the file's first event, "${read}", was read, as each event is a wave of the survey. Export "${r.event}" on its own (REDCap's export lets you choose the events) and give each event's file to its own wave (in the app, the baseline or the current wave; in the command line, analyse --baseline).`,
      );
    } else if (r.unfinished) {
      quality.info(
        r.file,
        r.row,
        null,
        'unfinished-response',
        'This response was not finished; the answers given were kept.',
      );
    }
    if (!r.rejected && (looksLikeTest(r.name, TEST_NAME) || looksLikeTest(r.email, TEST_EMAIL))) {
      // Kept: a guess from the respondent's own name or e-mail, which only the user can confirm.
      quality.warn(
        r.file,
        r.row,
        null,
        'possible-test',
        `This response looks like a test of the form (${TEST_NAME.test(r.name) ? `name "${r.name.slice(0, 40)}"` : `e-mail "${r.email.slice(0, r.email.indexOf('@') + 1)}..."`}); it was kept. If it is not a real answer, delete the row from the export and run again.`,
      );
    }
    let emailKey = r.email ? r.emailHash : NOT_EMAIL;
    if (r.email && emailKey === NOT_EMAIL) {
      quality.warn(
        r.file,
        r.row,
        mappingOf.get(r.file)?.email ?? null,
        'invalid-email',
        `"${r.email.slice(0, 60)}" is not a valid e-mail address; it was not used to link or de-duplicate.`,
      );
      r.email = '';
    } else if (r.email) {
      // Compared in any case, and looked up on the roster as its keys are: lower-cased once here.
      if (emailKey === NEEDS_LOWER_CASE) {
        r.email = r.email.toLowerCase();
        emailKey = hashString(r.email);
      }
      r.emailHash = emailKey;
    }
    if (r.timestamp && !r.timestampOk) {
      quality.warn(
        r.file,
        r.row,
        mappingOf.get(r.file)?.timestamp ?? null,
        'invalid-date',
        `"${r.timestamp.slice(0, 40)}" is not a date; the row order was used instead.`,
      );
      r.timestamp = '';
    }
  }
  // Exact re-exports of one response (same response id in one file): keep the first. The same id
  // at another time is the respondent answering again (Tally's Respondent ID is the browser's):
  // the later answer is kept, as for a resubmission by e-mail below.
  const timeOf = responseClock(raw, quality, (file) => mappingOf.get(file)?.timestamp ?? null);
  // Maps per file, so keys are the cell texts themselves rather than a concatenation per row.
  const byId = new Map<string, Map<string, number>>();
  // Without response ids, in a file of exports joined (its header repeated), a row with the same
  // time to the second and the same answers as an earlier row is a copy of it, not a second
  // respondent. Only there: the map of times cost 5% of a 100,000-response file's ingest.
  const byCopy = new Map<string, Map<string, number>>();
  // A repeating instrument's rows (REDCap) and their record's row, as indexes into raw.
  const repeats: [number, number][] = [];
  for (let i = 0; i < raw.length; i++) {
    tick(i, 1);
    const r = raw[i]!;
    if (joinedFiles.size > 0 && !rejected[i] && !r.responseId && r.timestamp && joinedFiles.has(r.file)) {
      // Keyed by the time alone (no string built per row); the rest compared only on a match.
      const rows = entryOf(byCopy, r.file, () => new Map());
      const first = rows.get(r.timestamp);
      if (first === undefined) rows.set(r.timestamp, i);
      else if (sameResponse(raw[first]!, r, store))
        reject(
          i,
          null,
          'duplicate-response',
          `This row repeats row ${raw[first]!.row} exactly (the same time and answers), as when two exports that overlap are joined into one file; this copy was left out.`,
        );
    }
    if (rejected[i] || !r.responseId) continue;
    const ids = entryOf(byId, r.file, () => new Map());
    const first = ids.get(r.responseId);
    if (r.repeatOf) {
      if (first !== undefined) repeats.push([i, first]);
      else
        reject(
          i,
          redcapColumns.get(r.file)?.repeat ?? null,
          'repeat-without-record',
          `This row is an instance of the repeating instrument "${r.repeatOf}" of record ${r.responseId}, whose own row comes later, is missing or was left out; its answers were left out too.`,
        );
    } else if (first !== undefined) {
      const [t, tFirst] = [timeOf(r), timeOf(raw[first]!)];
      if (Number.isNaN(t) || Number.isNaN(tFirst) || t === tFirst) {
        reject(
          i,
          null,
          'duplicate-response',
          `The response id "${r.responseId}" already appeared on row ${raw[first]!.row}; this copy was left out.`,
        );
      } else {
        const [newer, older] = t > tFirst ? [i, first] : [first, i];
        reject(
          older,
          mappingOf.get(r.file)?.responseId ?? null,
          'resubmitted-response',
          `The response id "${r.responseId}" is also on row ${raw[newer]!.row}, answered at another time: the same respondent answered again, so the earlier response (row ${raw[older]!.row}) was replaced by the later one.`,
        );
        ids.set(r.responseId, newer);
      }
    } else ids.set(r.responseId, i);
  }
  // Resubmissions: the same person (e-mail in any case, or roster id) answering twice: keep the latest.
  // E-mails in a StringTable per file, keyed by the hash screening took (a Map of 100,000 e-mails
  // was most of this pass); roster ids, rarer, in a Map.
  const byEmail = new Map<string, StringTable>();
  const byRef = new Map<string, Map<string, number>>();
  for (let i = 0; i < raw.length; i++) {
    tick(i, 2);
    const r = raw[i]!;
    if (rejected[i] || r.repeatOf) continue;
    const byEmailAddress = r.email !== '';
    const rosterId = byEmailAddress || !r.rosterRef ? null : rosterIdOf(r.rosterRef);
    if (!byEmailAddress && rosterId === null) continue;
    let emails: StringTable | undefined;
    let refs: Map<string, number> | undefined;
    let who = r.email;
    let p: number | undefined;
    if (byEmailAddress) {
      emails = byEmail.get(r.file);
      if (!emails) byEmail.set(r.file, (emails = new StringTable()));
      const found = emails.get(who, r.emailHash);
      p = found < 0 ? undefined : found;
    } else {
      refs = entryOf(byRef, r.file, () => new Map());
      who = rosterId!;
      p = refs.get(who);
    }
    if (p !== undefined) {
      const prev = raw[p]!;
      const [t, tPrev] = [timeOf(r), timeOf(prev)];
      const who = byEmailAddress ? 'e-mail' : 'roster id';
      // No time to compare, but numbered responses (Microsoft Forms' ID, Jotform's Submission ID):
      // tools number responses as they arrive, whatever order the rows were sorted into since.
      const [n, nPrev] = [numberedId(r.responseId), numberedId(prev.responseId)];
      if ((Number.isNaN(t) || Number.isNaN(tPrev)) && n !== null && nPrev !== null && n !== nPrev) {
        const newer = n > nPrev ? i : p;
        reject(
          newer === i ? p : i,
          null,
          'resubmitted-response',
          `The same respondent (${who}) answered again on row ${raw[newer]!.row}. The export gives no time that could be read, so the response with the higher number (${raw[newer]!.responseId}) was kept as the later one, and this one left out.`,
        );
        p = newer;
      } else if (Number.isNaN(t) || Number.isNaN(tPrev)) {
        // No time to compare: the lower row is kept, as tools add responses in the order they
        // arrive; said as such, since a file sorted newest first would keep the wrong one.
        reject(
          p,
          null,
          'resubmitted-response',
          `The same respondent (${who}) answered again on row ${r.row}. The export gives no time for one or both answers that could be read, so the lower row (${r.row}) was kept and this one left out, as survey tools list responses in the order they arrive. Check that row ${r.row} is the later answer.`,
        );
        p = i;
      } else {
        const newer = t >= tPrev ? i : p;
        reject(
          newer === i ? p : i,
          null,
          'resubmitted-response',
          `The same respondent (${who}) answered again on row ${raw[newer]!.row}; the earlier response was replaced by the later one.`,
        );
        p = newer;
      }
    } else p = i;
    if (emails) emails.set(who, r.emailHash, p);
    else refs!.set(who, p);
  }
  for (const [i, record] of repeats) {
    if (!rejected[record]) recordOf.set(raw[i]!, raw[record]!);
    else
      reject(
        i,
        redcapColumns.get(raw[i]!.file)?.repeat ?? null,
        'repeat-without-record',
        `This row is an instance of the repeating instrument "${raw[i]!.repeatOf}" of record ${raw[i]!.responseId}, whose own row (row ${raw[record]!.row}) was left out; its answers were left out too.`,
      );
  }
  const kept: RawResponse[] = [];
  for (let i = 0; i < raw.length; i++) if (!rejected[i]) kept.push(raw[i]!);
  quality.rows.accepted += kept.length;
  quality.rows.rejected += rejectedCount;
  return kept;
}

/** A response id that is a plain whole number ("7", "6123456789012345671"), else null. */
function numberedId(id: string | null): bigint | null {
  return id !== null && /^\d{1,30}$/.test(id) ? BigInt(id) : null;
}

const NO_ONE: readonly RosterEntry[] = [];

/** Rows between progress reports in the later stages (a power of two: a mask, not a division). */
const PROGRESS_EVERY = 4096;
/** Names matched though not written as on the roster, shown in the note that lists them. */
const NOT_EXACT_SHOWN = 8;

/** Rows read before the layout and mapping are decided: up to three header rows and a sample. */
const SAMPLE_ROWS = 200;
const MAX_HEADER_ROWS = 3;

/**
 * Stream one survey file into `out` (one raw response per data row) and work out (or reconcile)
 * its mapping from the first rows. Rows are read as papaparse yields them and only the compact
 * responses are kept, so a large export never sits in memory as a table of cells.
 */
function readSurveyFile(
  file: InputFile,
  given: SurveyMapping | undefined,
  quality: QualityCollector,
  isKnown: (s: string) => boolean,
  matcher: RosterMatcher,
  out: RawResponse[],
  store: NominationStore,
  fieldLabels: Map<string, string>,
  onPosition: (fraction: number) => void,
): {
  surveyMapping: SurveyMapping;
  blankRows: number;
  /** The rows and columns of answers of question marks only (survey.ts onQuestionMarks). */
  questionMarks: { row: number; column: string }[];
  /** REDCap's event and repeating-instrument columns, as this export names them. */
  eventColumn: string | null;
  repeatColumn: string | null;
  /** Whether the header comes again among the answers: exports joined into one file. */
  joined: boolean;
} {
  let buffer: { row: string[]; line: number }[] | null = [];
  const questionMarks: { row: number; column: string }[] = [];
  let read: RowReader | null = null;
  let header: string[] = [];
  let headerLine = 1;
  let surveyMapping: SurveyMapping | null = null;
  let dataRows = 0;
  // The header rows as written, by their first cell: two exports pasted into one file repeat them.
  const headerRowsByFirst = new Map<string, string[]>();
  // Their first characters: a row starting otherwise (a date, an id) needs no trim and no lookup.
  const headerStarts = new Set<number>();
  // The line of the last repeated header: the tool's header rows under it (SurveyMonkey's answer
  // options) are that export's header too, not rows sorted in among the answers.
  let repeatedAt = -1;
  const onData = (row: string[], line: number) => {
    const first = row[0] ?? '';
    const c = first.charCodeAt(0);
    const again = headerStarts.has(c) || isSpace(c) ? headerRowsByFirst.get(first.trim()) : undefined;
    if (again && again.length === row.length && again.every((h, i) => h === row[i]!.trim())) {
      quality.warn(
        file.name,
        line,
        null,
        'repeated-header',
        'This row repeats the header (two exports joined into one file?); it was read as a header, not as a response.',
      );
      repeatedAt = line;
      return;
    }
    // The tool's own header rows sorted in among the answers (Qualtrics' question texts and
    // ImportIds, SurveyMonkey's answer options): skipped, never respondents naming every choice.
    // First a test of one character per row: an empty first cell, "{", or the first header's letter.
    const mayBeToolHeader = first === '' || c === 0x7b || (c | 0x20) === (header[0]!.charCodeAt(0) | 0x20);
    if (mayBeToolHeader && isToolHeaderRow(row, header, surveyMapping?.format === 'surveymonkey')) {
      if (line === repeatedAt + 1) {
        quality.warn(
          file.name,
          line,
          null,
          'repeated-header',
          'This row repeats one of the header rows (two exports joined into one file?); it was read as a header, not as a response.',
        );
        repeatedAt = line;
        return;
      }
      quality.warn(
        file.name,
        line,
        null,
        'header-row-in-data',
        "This row is one of the survey tool's header rows (its question texts, answer options or ids), found among the answers, as sorting the file in a spreadsheet leaves them; it was skipped, not read as a response. Its question texts were not used to read tie types: export the file again from the survey tool, or sort the rows back, and run again.",
      );
      return;
    }
    // A spreadsheet's "Total forms: 12" under the responses (t, g, s or c first: a cheap test per row).
    const lower = c | 0x20;
    if ((lower === 0x74 || lower === 0x67 || lower === 0x73 || lower === 0x63) && isSummaryRow(row)) {
      quality.info(
        file.name,
        line,
        null,
        'summary-row',
        `This row ("${first.trim().slice(0, 60)}") is a total under the responses, not a response; it was skipped.`,
      );
      return;
    }
    if (row.length !== header.length) reportRagged(row, header, file.name, line, quality);
    out.push(read!(row, line));
    dataRows++;
  };
  const start = () => {
    let rows = buffer!;
    buffer = null;
    rows = rows.slice(
      skipTitleRows(
        file.name,
        rows.map((r) => r.row),
        rows.map((r) => r.line),
        0,
        quality,
      ),
    );
    if (rows.length === 0)
      throw new InputError(file.name, null, null, 'empty-file', 'The file has no header row.');
    // A header row deleted or left blank: the first response would be read as the questions.
    const answers = rows[0]!.row.map((c) => c.trim()).filter(isDataCell);
    if (answers.length > 0) {
      throw new InputError(
        file.name,
        rows[0]!.line,
        null,
        'no-header',
        `Row ${rows[0]!.line}, where the header (the questions) should be, holds answers ("${answers[0]!.slice(0, 40)}")${rows[0]!.line > 1 ? ', and the rows above it are blank' : ''}: the header row seems to be missing. Export the file again, or put the question texts back as its first row.`,
      );
    }
    const restored = restoreQualtricsHeaderRows(rows, given?.headerRows, file.name, quality);
    rows = restored.rows;
    // A saved entry found only by position (the files were renamed) must at least be the same
    // tool's export: a Qualtrics entry laid over a Google Forms file would name none of its columns.
    if (given && baseName(given.file) !== baseName(file.name)) {
      const found = detectLayout(rows.slice(0, MAX_HEADER_ROWS).map((r) => r.row));
      if (found.format !== given.format) {
        quality.warn(
          file.name,
          null,
          null,
          'mapping-not-this-file',
          `The saved mapping has no entry for "${file.name}", and the one in its place ("${given.file}", a ${given.format} export) does not fit this ${found.format} export, so this file's columns were detected again (its review decisions still apply).`,
        );
        given = undefined;
      }
    }
    const layout = given
      ? { format: given.format, headerRows: given.headerRows }
      : detectLayout(rows.slice(0, MAX_HEADER_ROWS).map((r) => r.row));
    header = uniqueHeaders(
      rows[0]!.row.map((h) => h.trim()),
      file.name,
      rows[0]!.line,
      quality,
    );
    const subHeaders: string[][] = [];
    for (let k = 1; k < layout.headerRows; k++) subHeaders.push(rows[k]?.row.map((h) => h.trim()) ?? []);
    for (const r of rows.slice(0, layout.headerRows)) {
      const written = r.row.map((h) => h.trim());
      // A header row whose first cell is blank (SurveyMonkey's second) would match blank-led data.
      if (written[0]) {
        headerRowsByFirst.set(written[0], written);
        headerStarts.add(written[0].charCodeAt(0));
      }
    }
    // Header rows put back from among the answers: the answers start under the first row.
    headerLine = restored.moved ? rows[0]!.line : (rows[layout.headerRows - 1]?.line ?? 1);
    const data = rows.slice(layout.headerRows);
    refuseOtherRole(file.name, header, subHeaders, rows[0]!.line);
    refuseBrokenHeader(
      file.name,
      header,
      data.slice(0, SAMPLE_ROWS).map((r) => r.row),
      rows[0]!.line,
    );
    surveyMapping = mapSurvey(
      file.name,
      given,
      layout,
      header,
      subHeaders,
      data.slice(0, SAMPLE_ROWS).map((r) => r.row),
      quality,
      isKnown,
      (s) => matcher.match(s).id != null,
      fieldLabels,
      matcher,
    );
    learnJoinedChoices(surveyMapping, header, data, given, matcher, quality);
    read = makeRowReader(
      file.name,
      header,
      surveyMapping,
      isKnown,
      quality,
      store,
      (s) => matcher.mayBeginLabel(s),
      {
        mayBeginLongerLabel: (s) => matcher.mayBeginLongerLabel(s),
        mayDescribe: (s) => matcher.mayDescribe(s),
        describesPrevious: (person, part) => matcher.describes(person, part),
        onQuestionMarks: (row, column) => questionMarks.push({ row, column }),
      },
    );
    for (const r of data) onData(r.row, r.line);
  };
  const stream = streamGrid(
    file,
    quality,
    (row, line) => {
      if (read) onData(row, line);
      else {
        buffer!.push({ row, line });
        if (buffer!.length >= MAX_HEADER_ROWS + SAMPLE_ROWS) start();
      }
    },
    onPosition,
  );
  if (buffer) start();
  onPosition(1);
  if (dataRows === 0) {
    quality.warn(file.name, null, null, 'no-responses', 'The file has a header but no responses.');
  }
  const redcap = surveyMapping!.format === 'redcap';
  const at = (i: number) => (i >= 0 ? header[i]! : null);
  return {
    surveyMapping: surveyMapping!,
    blankRows: stream.blankRows.filter((l) => l > headerLine).length,
    questionMarks,
    eventColumn: redcap ? at(redcapColumn(header, REDCAP_COLUMNS.event)) : null,
    repeatColumn: redcap ? at(redcapColumn(header, REDCAP_COLUMNS.repeat)) : null,
    joined: repeatedAt >= 0,
  };
}

/**
 * Choices of a question that hold ", " (joinedChoices: Google Forms' and Qualtrics' joined by commas,
 * any tool's joined by line breaks, lineJoinedChoices), learned from the sample when
 * the mapping was detected, or as a saved mapping lists them; the matcher then keeps them whole
 * when it splits a cell. Each is noted, so a wrong join can be seen (and undone in the mapping).
 */
function learnJoinedChoices(
  mapping: SurveyMapping,
  header: string[],
  data: { row: string[] }[],
  given: SurveyMapping | undefined,
  matcher: RosterMatcher,
  quality: QualityCollector,
): void {
  const commaJoined = mapping.format === 'google-forms' || mapping.format === 'qualtrics';
  const isPerson = (piece: string) => matcher.isKnown(piece) || matcher.match(piece).id != null;
  const questions = mapping.questions.filter((q) => q.kind === 'text' && q.relation != null && !q.coded);
  const cellsOf = (q: SurveyMapping['questions'][number]) => {
    const columns = q.columns.map((c) => header.indexOf(c)).filter((i) => i >= 0);
    return data.slice(0, SAMPLE_ROWS).flatMap((r) => columns.map((i) => r.row[i] ?? ''));
  };
  const sampled = given ? [] : questions.map(cellsOf);
  // Any tool's choices joined by lines, learned over all the file's questions.
  const byLines = given ? [] : lineJoinedChoices(sampled, isPerson, (label) => matcher.match(label).id);
  questions.forEach((q, k) => {
    if (!given) {
      const cells = sampled[k]!;
      // The tools that join ticked choices with commas in one cell.
      const learned = [
        ...(commaJoined
          ? joinedChoices(cells, isPerson, (person, label) => {
              const id = matcher.match(person).id;
              return id != null && matcher.match(label).id === id;
            })
          : []),
        ...byLines.filter((label) => cells.some((c) => c.replace(/\s*,\s*/g, ', ').includes(label))),
      ];
      if (learned.length > 0) q.joinedChoices = [...new Set(learned)];
    }
    if (!q.joinedChoices?.length) return;
    matcher.addChoiceLabels(q.joinedChoices);
    for (const label of q.joinedChoices) {
      quality.info(
        mapping.file,
        null,
        q.columns[0] ?? null,
        'joined-choice',
        `"${label}" was read as one answer choice: its parts are only ever ticked together, as the survey tool writes a choice that holds ", ". Remove it from the question's joinedChoices in mapping.json if they are separate choices.`,
      );
    }
  });
}

/**
 * A header that most rows outrun with cells of their own is broken, as a quote opened in it and
 * closed lines later leaves it (its columns run together): every row read against it would be
 * wrong (a stray quote at byte 10 of a 100 MB export made 211,206 warnings and a tie type "2").
 */
function refuseBrokenHeader(fileName: string, header: string[], sample: string[][], line: number): void {
  if (sample.length < 5) return;
  const longer = sample.filter((row) => row.slice(header.length).some((c) => c.trim() !== '')).length;
  if (longer * 10 < sample.length * 9) return;
  const runOn = header.find((h) => /[\r\n]/.test(h));
  throw new InputError(
    fileName,
    line,
    null,
    'broken-header',
    `The header row seems broken: ${longer} of the first ${sample.length} rows have more cells than its ${header.length} columns.${runOn ? ` One of its cells runs over several lines ("${runOn.slice(0, 60).replace(/\s+/g, ' ')}..."), as when a quote (") is opened and not closed.` : ''} Check the file's first row, or export it again.`,
  );
}

/** What a 360 appraisal file or a satisfaction return given as a survey is, and where it goes. */
const OTHER_ROLE = {
  appraisals: [
    'a 360 appraisal file',
    'the appraisals file (in the app, "360 appraisals"; on the command line, --appraisals)',
  ],
  satisfaction: [
    'a satisfaction return',
    'the satisfaction file (in the app, "Satisfaction"; on the command line, --satisfaction)',
  ],
} as const;

/**
 * A 360 appraisal file or a satisfaction return given as a survey, told as the drop zone tells
 * them (guessFileRole): read as a survey, its ratee ids became ties (1,626 in the demo's) and its
 * "Agree" answers names to review. Only when no header row asks for names, so a survey with
 * agree/disagree or competence items beside its name questions stays a survey.
 */
function refuseOtherRole(fileName: string, header: string[], subHeaders: string[][], line: number): void {
  const role = guessFileRole(fileName, header);
  if (role !== 'appraisals' && role !== 'satisfaction') return;
  if ([header, ...subHeaders].some((row) => row.some(isNameGenerator))) return;
  const [is, goes] = OTHER_ROLE[role];
  throw new InputError(
    fileName,
    line,
    null,
    'not-a-survey',
    `This looks like ${is} (columns ${header
      .slice(0, 5)
      .map((h) => (h.length > 40 ? `${h.slice(0, 40)}...` : h))
      .join(
        ', ',
      )}${header.length > 5 ? ', ...' : ''}), not a survey export: give it as ${goes}. The survey is the survey tool's export of who people go to.`,
  );
}

/** A header with a person's name and what they do (role, service, type or sector): a roster's. */
function looksLikeRoster(header: string[]): boolean {
  const c = detectRosterColumns(header);
  return (
    (c.name !== null || (c.firstName !== null && c.lastName !== null)) &&
    (c.role ?? c.service ?? c.type ?? c.sector) !== null
  );
}

/**
 * A column read as neither metadata nor a question, though most of its sampled answers name people
 * on the roster (typed names under wording no tie type was read from, typos and all): its answers
 * would be left out without a word, so say so.
 */
function noteUnreadNameColumns(
  fileName: string,
  mapping: SurveyMapping,
  header: string[],
  sample: string[][],
  namesSomeone: (s: string) => boolean,
  quality: QualityCollector,
): Set<string> {
  const warned = new Set<string>();
  const read = new Set<string>([...mapping.questions.flatMap((q) => q.columns), ...metadataColumns(mapping)]);
  // A question's whole-answer column beside its choice columns (KoboToolbox's "need" beside
  // "need/helen_okafor"; ODK Central's "network-need" beside "network-need/...") repeats choices
  // that are read already. Told by its answers, every word one of those choices', not by its header
  // alone: Survey123's "Question" beside its "Question - Other" box holds the answers themselves.
  const words = (s: string) =>
    s
      .toLowerCase()
      .split(/[\s;,|]+/)
      .filter(Boolean);
  const choiceWordsOf = (column: string): Set<string> | null => {
    const isChoiceOf = (c: string) =>
      c.length > column.length && c.startsWith(column) && /[/\-_ [:.]/.test(c[column.length]!);
    const siblings = mapping.questions.filter((q) => q.label === column || q.columns.some(isChoiceOf));
    if (siblings.length === 0) return null;
    return new Set(
      siblings.flatMap((q) => [
        ...(q.targets ?? []).flatMap(words),
        ...q.columns.filter(isChoiceOf).flatMap((c) => words(c.slice(column.length + 1))),
      ]),
    );
  };
  header.forEach((column, i) => {
    // The respondent's own organisation or name may be on the roster: not a question about others.
    if (read.has(column) || !column || asksOwnDetails(column)) return;
    const choiceWords = choiceWordsOf(column);
    let answered = 0;
    let repeated = 0;
    let named = 0;
    let emails = 0;
    const example: string[] = [];
    for (const row of sample) {
      const value = (row[i] ?? '').trim();
      if (!value || value.length > 200) continue;
      answered++;
      if (choiceWords && words(value).every((w) => choiceWords.has(w))) repeated++;
      // Names, or roster people's e-mail addresses: never read as names, but worth saying.
      if (
        value
          .split(/[;,\n]/)
          .some((p) => (mayBeName(p.trim()) || isEmail(p.trim())) && namesSomeone(p.trim()))
      ) {
        named++;
        if (isEmail(value)) emails++;
        const shown = value.slice(0, 40);
        if (example.length < 2 && !example.includes(shown)) example.push(shown);
      }
    }
    if (answered >= 3 && named * 2 >= answered && repeated < answered) {
      warned.add(column);
      quality.warn(
        fileName,
        1,
        column,
        'unread-name-column',
        emails === named
          ? `The column "${column.slice(0, 80)}" was not read, yet most of its answers are e-mail addresses of people on the roster (${example.map((e) => `"${e}"`).join(', ')}). If it is the respondent's own e-mail, choose it as the e-mail column in the mapping step (or a mapping file), so that respondents on the roster are linked; if it asks for someone else's, give it a tie type.`
          : `The column "${column.slice(0, 80)}" was not read as a name question, yet most of its answers name people on the roster (${example.map((e) => `"${e}"`).join(', ')}): its answers were left out. If it asks for names, give it a tie type in the mapping step (or a mapping file).`,
      );
    }
  });
  return warned;
}

/**
 * The columns read as neither a question nor a respondent detail (other questions, the survey
 * tool's own columns), said in one note so that none is left out without a word; those whose
 * answers name people have had a warning of their own (`warned`).
 */
function noteUnreadColumns(
  fileName: string,
  mapping: SurveyMapping,
  header: string[],
  warned: ReadonlySet<string>,
  sample: string[][],
  quality: QualityCollector,
): void {
  // A column with no header and no answers (a spreadsheet's empty columns after the last) holds
  // nothing to leave out: 51 of them had been listed, "Column 10", "Column 11"...
  const at = new Map(header.map((h, i) => [h, i] as const));
  const empty = (c: string) => {
    const i = at.get(c) ?? -1;
    return c === `Column ${i + 1}` && sample.every((row) => (row[i] ?? '').trim() === '');
  };
  const unread = unreadColumns(mapping, header).filter((c) => !warned.has(c) && !empty(c));
  if (unread.length === 0) return;
  quality.info(
    fileName,
    1,
    unread[0]!,
    'unread-columns',
    `${unread.length === 1 ? '1 column was' : `${unread.length} columns were`} not read as name questions or respondent details: ${firstFew(unread.map((c) => `"${c.slice(0, 50)}"`))}. Other questions and the survey tool's own columns are left out so; if one asks who people go to, trust or get information from, give it a tie type under "Columns not read" in the mapping step (or in mapping.json).`,
  );
}

/**
 * A REDCap raw export names its columns by field (q2___1, q5): the data dictionary's field labels
 * are the questions' wording, so each question is shown by it and takes its tie type from it, and
 * the respondent-type question is found by it too.
 */
function withFieldLabels(mapping: SurveyMapping, header: string[], fieldLabels: Map<string, string>): void {
  const fieldOf = (column: string) => column.replace(/___[^_]+$/, '');
  for (const q of mapping.questions) {
    const label = fieldLabels.get(fieldOf(q.columns[0] ?? ''));
    if (!label) continue;
    q.label = label;
    if (q.relation != null && !isCoreRelation(q.relation)) {
      q.relation = detectRelation(label) ?? q.relation;
    }
  }
  if (mapping.respondentType == null) {
    const asked = new Set(mapping.questions.flatMap((q) => q.columns));
    mapping.respondentType =
      header.find((h) => !asked.has(h) && RESPONDENT_TYPE_WORDING.test(fieldLabels.get(h) ?? '')) ?? null;
  }
}

/** How to map a changed survey again without losing the review decisions. */
const REDETECT =
  'To detect its columns again and keep every review decision, delete this file\'s entry under "surveys" in the mapping.json (its "decisions" stay), or fix the entry.';

/**
 * Question wording compared across waves: case, spacing and punctuation aside, a field-name header
 * as its words (a mapping saved before "WhoDoYouTrust" was read as "Who Do You Trust").
 */
const wordsOf = (text: string) =>
  spacedWords(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const sameWording = (a: string, b: string) => wordsOf(a) === wordsOf(b);

/**
 * A saved question whose columns now ask something else: Qualtrics renumbers its export tags when
 * a question is inserted (need moves from Q2 to Q3, and Q2 asks about groups), so a mapping kept
 * by tag would read each question's answers as the one before's. The question is followed by its
 * wording to the columns that ask it now (noted); if no column does, the run stops, saying so.
 */
function followMovedQuestions(
  fileName: string,
  given: SurveyMapping,
  detected: SurveyMapping,
  header: string[],
  subHeaders: string[][],
  quality: QualityCollector,
): SurveyMapping {
  const askedAt = new Map<string, string>();
  for (const q of detected.questions) for (const c of q.columns) askedAt.set(c, q.label);
  // A column no longer read as a question still has its wording in a question-text row
  // (Qualtrics' second), which starts with the question's ("Who do you trust? - Selected Choice").
  const wordingAt = (column: string): string | null => {
    const label = askedAt.get(column);
    if (label != null) return label;
    const i = header.indexOf(column);
    const text = i < 0 ? '' : plainWording(subHeaders[0]?.[i] ?? '');
    return text || null;
  };
  let moved = false;
  const questions = given.questions.map((q) => {
    // All its columns renamed (Qualtrics' Q3_1, Q3_2 now Q4_1, Q4_2): found by its wording alone.
    const gone = q.columns.length > 0 && q.columns.every((c) => !header.includes(c));
    const nowLabel = gone ? '' : wordingAt(q.columns[0] ?? '');
    if (nowLabel == null) return q;
    if (!gone && wordsOf(nowLabel).startsWith(wordsOf(q.label))) {
      if (wordsOf(nowLabel) === wordsOf(q.label)) return q;
      // Asked in the same column in more words ("Who do you trust most?"): read as saved, said, and
      // saved in its new words. Both waves' ties then count as the saved tie type.
      moved = true;
      quality.info(
        fileName,
        1,
        q.columns[0] ?? null,
        'question-reworded',
        `"${q.label}" reads "${nowLabel}" in this file, in the same column: it was read with its saved tie type. If the change of words changes what it asks, give it another tie type in the mapping.`,
      );
      return { ...q, label: nowLabel };
    }
    const found = detected.questions.find((d) => sameWording(d.label, q.label));
    // Reworded, yet the same question by Qualtrics' own id (QID3 stays while tags and words change).
    const same =
      found || !q.questionId ? undefined : detected.questions.find((d) => d.questionId === q.questionId);
    if (same) {
      moved = true;
      quality.info(
        fileName,
        1,
        same.columns[0] ?? null,
        'question-reworded',
        `"${q.label}" reads "${same.label}" in this file${same.columns[0] === q.columns[0] ? '' : ` (column "${same.columns[0]}" now)`}, and is the same question by the survey tool's id (${q.questionId}): it was read with its saved tie type.`,
      );
      return {
        ...q,
        label: same.label,
        columns: same.columns,
        ...(same.targets ? { targets: same.targets } : {}),
      };
    }
    if (!found && gone) return q; // said by the missing-column check
    if (!found) {
      throw new InputError(
        fileName,
        1,
        q.columns[0] ?? null,
        'mapping-question-changed',
        `The saved mapping reads the column "${q.columns[0]}" as "${q.label}", but in this file it asks "${nowLabel}", and no column asks "${q.label}": the survey changed since the mapping was saved, or the question's "label" was edited in mapping.json (it is the question's wording, by which a question is followed from wave to wave; its tie type is "relation"). ${REDETECT}`,
      );
    }
    moved = true;
    quality.info(
      fileName,
      1,
      found.columns[0] ?? null,
      'question-moved',
      `"${q.label}" is asked in the column "${found.columns[0]}" now, not "${q.columns[0]}" as in the saved mapping (the survey tool renumbered its questions): it was read there.`,
    );
    return { ...q, columns: found.columns, ...(found.targets ? { targets: found.targets } : {}) };
  });
  return moved ? { ...given, questions } : given;
}

/**
 * A saved question's choices as this year's file names them: a column now headed by another
 * person ("Who do you trust? - Marcus Oyelaran" where the mapping says Helen Okafor) is read as
 * that person; a choice added since (a new column of the same question) is read as part of it;
 * a choice gone from the file is left out. Each is said, since the saved mapping said otherwise.
 */
function followChoices(
  fileName: string,
  given: SurveyMapping,
  detected: SurveyMapping,
  header: string[],
  quality: QualityCollector,
): SurveyMapping {
  const elsewhere = new Set(given.questions.flatMap((q) => q.columns));
  let changed = false;
  const questions = given.questions.map((q) => {
    if (!q.targets || (q.kind !== 'choices' && q.kind !== 'grid')) return q;
    const now = detected.questions.find(
      (d) => d.kind === q.kind && d.columns.some((c) => q.columns.includes(c)),
    );
    const nowTarget = new Map(now?.targets ? now.columns.map((c, k) => [c, now.targets![k]!] as const) : []);
    const columns: string[] = [];
    const targets: string[] = [];
    q.columns.forEach((column, k) => {
      const saved = q.targets![k] ?? ''; // a hand-edited mapping may list fewer targets than columns
      if (!header.includes(column)) {
        if (q.columns.some((c) => header.includes(c))) {
          quality.warn(
            fileName,
            1,
            column,
            'choice-removed',
            `The choice "${saved}" of "${q.label}" (column "${column}" in the saved mapping) is not in this file, so no one could tick it.`,
          );
          changed = true;
          return;
        }
        columns.push(column); // the whole question is gone: the missing-column check says so
        targets.push(saved);
        return;
      }
      const target = nowTarget.get(column);
      if (target && nameKey(target) !== nameKey(saved)) {
        quality.warn(
          fileName,
          1,
          column,
          'choice-changed',
          `The column "${column}" stands for "${target}" in this file, not "${saved}" as in the saved mapping: its ticks were read as ${target}.`,
        );
        changed = true;
        columns.push(column);
        targets.push(target);
        return;
      }
      columns.push(column);
      targets.push(saved);
    });
    for (const [column, target] of nowTarget) {
      if (columns.includes(column) || elsewhere.has(column)) continue;
      quality.info(
        fileName,
        1,
        column,
        'choice-added',
        `"${target}" (column "${column}") is a choice of "${q.label}" that the saved mapping does not have: it was read as part of the question.`,
      );
      changed = true;
      columns.push(column);
      targets.push(target);
    }
    return { ...q, columns, targets };
  });
  return changed ? { ...given, questions } : given;
}

/**
 * A respondent-type question exported as codes under a bare header (Snap's "Q1": 1, 2, 3), whose
 * codebook says 1 is Resident: the one column left unread whose every answer is a code that its
 * own codes (`Q1___1`) label with a respondent type.
 */
function codedTypeColumn(
  mapping: SurveyMapping,
  header: string[],
  sample: string[][],
  labelOfCode: (code: string) => string | undefined,
): string | null {
  const used = new Set([...metadataColumns(mapping), ...mapping.questions.flatMap((q) => q.columns)]);
  const found = header.filter((h, i) => {
    if (used.has(h)) return false;
    const answers = sample.map((r) => (r[i] ?? '').trim()).filter((v) => v !== '');
    return (
      answers.length > 0 &&
      answers.every((v) => /^\d{1,4}$/.test(v) && parseRespondentType(labelOfCode(`${h}___${v}`)) !== null)
    );
  });
  return found.length === 1 ? found[0]! : null;
}

/**
 * Qualtrics' question-text and ImportId rows sorted in among the answers (a spreadsheet's sort
 * keeps only the first row in place), found in the rows read before the mapping is made: put back
 * under the export tags, so that the question texts give the tie types as in the export as
 * downloaded, and no answer is taken for a header row. Each row moved is noted. Not when a saved
 * mapping reads another number of header rows, nor beyond these first rows (the mapping is made):
 * such rows are then skipped (onData's header-row-in-data).
 */
function restoreQualtricsHeaderRows(
  rows: { row: string[]; line: number }[],
  savedHeaderRows: number | undefined,
  fileName: string,
  quality: QualityCollector,
): { rows: { row: string[]; line: number }[]; moved: boolean } {
  if (rows.length < 2 || detectLayout([rows[0]!.row]).format !== 'qualtrics') return { rows, moved: false };
  const header = rows[0]!.row.map((h) => h.trim());
  const isIds = (row: string[]) => (row[0] ?? '').trim().startsWith('{"ImportId"');
  const texts = rows.findIndex((r, i) => i > 0 && !isIds(r.row) && isToolHeaderRow(r.row, header, false));
  const ids = rows.findIndex((r, i) => i > 0 && isIds(r.row));
  const found = [texts, ids].filter((i) => i > 0);
  // In place: the texts under the tags, the ImportIds under them (either may have been deleted).
  if (found.every((i, k) => i === k + 1)) return { rows, moved: false };
  if (savedHeaderRows !== undefined && savedHeaderRows !== 1 + found.length) return { rows, moved: false };
  for (const i of found) {
    quality.info(
      fileName,
      rows[i]!.line,
      null,
      'header-row-in-data',
      `This row is Qualtrics' ${i === texts ? 'question-text' : 'ImportId'} row, found among the answers, as sorting the file in a spreadsheet leaves it; it was read in its place under the first row${i === texts ? ' (its question texts give the tie types)' : ''}, not as a response.`,
    );
  }
  return {
    rows: [rows[0]!, ...found.map((i) => rows[i]!), ...rows.filter((_, i) => i > 0 && !found.includes(i))],
    moved: true,
  };
}

/**
 * A survey tool's header row met among the data: Qualtrics' ImportId row ('{"ImportId":...}') or
 * question-text row (its first cell the first column's name in words, "Start Date" under
 * StartDate), or SurveyMonkey's answer-option row (no respondent id, "Response" and
 * "Open-Ended Response" under the questions).
 */
function isToolHeaderRow(row: string[], header: string[], surveyMonkey: boolean): boolean {
  const first = (row[0] ?? '').trim();
  if (first.startsWith('{"ImportId"')) return true;
  // The first column's name in other spacing or case, as findColumn compares headers.
  if (first !== '') return first !== header[0] && findColumn([header[0] ?? ''], first) === 0;
  return row.some((cell) => cell === 'Open-Ended Response' || (surveyMonkey && cell === 'Response'));
}

/**
 * A year on, the survey may have dropped a question: one whose every column is gone from this
 * file, asked nowhere in it (followMovedQuestions found no new place), is left out with a warning,
 * and this wave has no ties of it; the others are read as saved. Trial X's rerun had stopped, to be
 * mended only by deleting the file's entry, and so its column mapping. With none of the saved
 * questions in the file (the wrong file, more likely) the missing-column stop still says so.
 */
function leaveOutDroppedQuestions(
  fileName: string,
  given: SurveyMapping,
  header: string[],
  quality: QualityCollector,
): SurveyMapping {
  const gone = (q: SurveyMapping['questions'][number]) =>
    q.columns.length > 0 && q.columns.every((c) => !header.includes(c));
  const dropped = given.questions.filter(gone);
  if (dropped.length === 0 || dropped.length === given.questions.length) return given;
  for (const q of dropped) {
    quality.warn(
      fileName,
      1,
      q.columns[0]!,
      'question-dropped',
      `The saved mapping's question "${q.label.slice(0, 80)}"${q.relation ? ` (${q.relation})` : ''} is not in this file (${q.columns.length === 1 ? 'its column' : `its ${q.columns.length} columns`} and its wording are gone), so it was left out: this file gives no ties of it. Compare this wave with one that asked it with that in mind.`,
    );
  }
  return { ...given, questions: given.questions.filter((q) => !gone(q)) };
}

/**
 * A mapping edited by hand may give a question a tie type and leave its "Other" box on the
 * placeholder they shared ("named-2" renamed "trust", its Other box still "named-2"): the box's
 * typed names answer the same question, so it takes the question's tie type, as in the app's
 * mapping step (setQuestionRelation). A box given a tie type of its own keeps it.
 */
function followOtherBoxes(fileName: string, given: SurveyMapping, quality: QualityCollector): SurveyMapping {
  const byLabel = new Map(given.questions.map((q) => [typedOtherLabel(q.label), q]));
  let changed = false;
  const questions = given.questions.map((box) => {
    const question = byLabel.get(box.label);
    if (
      !question ||
      question === box ||
      question.relation == null ||
      isPlaceholderRelation(question.relation) ||
      box.relation == null ||
      !isPlaceholderRelation(box.relation)
    )
      return box;
    quality.info(
      fileName,
      1,
      box.columns[0] ?? null,
      'other-follows-question',
      `The saved mapping gives "${question.label.slice(0, 80)}" the tie type "${question.relation}" but its "Other" box "${box.relation}": the box's typed names answer that question, so they were read as "${question.relation}" too. Give the box a tie type of its own in mapping.json to keep them apart.`,
    );
    changed = true;
    return { ...box, relation: question.relation };
  });
  return changed ? { ...given, questions } : given;
}

/**
 * `read()`, and when it stops the run on a workbook of several sheets, the stop says which sheet
 * was read and which were not (the reader's note): "No name-generator question was found" alone
 * did not tell that a summary sheet had been read in place of the responses.
 */
function withSheetNamed<T>(file: string, quality: QualityCollector, read: () => T): T {
  try {
    return read();
  } catch (err) {
    const sheets = quality.issues.find((i) => i.code === 'workbook-sheets' && i.file === file);
    if (err instanceof InputError && sheets && err.file === file) err.message += ` ${sheets.message}`;
    throw err;
  }
}

/** Follow a saved mapping (checking its columns exist) or detect one from the header and a sample. */
function mapSurvey(
  fileName: string,
  given: SurveyMapping | undefined,
  layout: { format: SurveyMapping['format']; headerRows: number },
  header: string[],
  subHeaders: string[][],
  sample: string[][],
  quality: QualityCollector,
  isKnown: (s: string) => boolean,
  /** Whether the matcher finds one roster person for a typed name (typos, titles and all). */
  namesSomeone: (s: string) => boolean,
  /** Field labels from a data dictionary (REDCap), by field name. */
  fieldLabels: Map<string, string>,
  /** The codebook as the matcher holds it: labels of codes off the roster, columns it scopes codes to. */
  codes: Pick<RosterMatcher, 'labelOfCode' | 'codesScopedTo'>,
): SurveyMapping {
  let surveyMapping: SurveyMapping;
  if (given) {
    const detected = detectSurveyMapping(fileName, layout, header, subHeaders, sample, isKnown, namesSomeone);
    withQuestionIds(detected, header, subHeaders);
    given = followMovedQuestions(fileName, given, detected, header, subHeaders, quality);
    given = followChoices(fileName, given, detected, header, quality);
    given = leaveOutDroppedQuestions(fileName, given, header, quality);
    given = followOtherBoxes(fileName, given, quality);
    surveyMapping = { ...given, file: fileName };
    const missing = [
      ...given.questions.flatMap((q) => q.columns),
      ...[
        given.responseId,
        given.respondentType,
        given.service,
        given.rosterId,
        given.email,
        given.name,
        given.firstName,
        given.lastName,
        given.organisation,
      ].filter((c): c is string => c != null),
    ].filter((c) => !header.includes(c));
    if (missing.length > 0) {
      // Every one named, with its question's wording where the column is a tag ("Q4"): one fixed
      // at a time, the next run stopped at the next.
      const named = missing.map((c) => {
        const label = given!.questions.find((q) => q.columns.includes(c))?.label;
        return label && label !== c ? `"${c}" (${label.slice(0, 80)})` : `"${c}"`;
      });
      throw new InputError(
        fileName,
        1,
        missing[0]!,
        'mapping-column-missing',
        `The saved mapping uses ${missing.length === 1 ? 'the column' : `${missing.length} columns`} this file does not have: ${firstFew(named)}. ${REDETECT}`,
      );
    }
    // A question added since the mapping was saved (next year's survey asks one more) is left out,
    // so that both waves are built alike, but never silently.
    const mapped = new Set(given.questions.flatMap((q) => q.columns));
    for (const q of detected.questions) {
      if (q.columns.some((c) => mapped.has(c))) continue;
      quality.warn(
        fileName,
        1,
        q.columns[0] ?? null,
        'unmapped-question',
        `The question "${q.label}" reads as a name question but is not in the saved mapping, so its answers were not read (the network is built as the mapping says). Re-detect the mapping, or add the question in the mapping step, if it should count.`,
      );
    }
  } else {
    surveyMapping = detectSurveyMapping(
      fileName,
      layout,
      header,
      subHeaders,
      sample,
      isKnown,
      namesSomeone,
      (code, column, message) => quality.info(fileName, 1, column, code, message),
    );
    if (surveyMapping.format === 'redcap' && fieldLabels.size > 0) {
      withFieldLabels(surveyMapping, header, fieldLabels);
    }
    withQuestionIds(surveyMapping, header, subHeaders);
    surveyMapping.respondentType ??= codedTypeColumn(surveyMapping, header, sample, (c) =>
      codes.labelOfCode(c),
    );
    // A question found by its wording whose codes the codebook numbers for it alone (a `Variable`
    // column): read "1" as its own choice 1, as a question found by its answers is.
    for (const q of surveyMapping.questions) {
      if (q.kind === 'text' && q.columns.some((c) => codes.codesScopedTo(c))) q.codesByColumn = true;
    }
  }
  if (surveyMapping.format === 'qualtrics' && surveyMapping.headerRows === 1 && !given) {
    quality.warn(
      fileName,
      2,
      null,
      'qualtrics-header-rows-missing',
      "Qualtrics' question-text and ImportId rows were removed from this file, so questions were recognised from their answers only; check the relation of each question in the mapping.",
    );
  }
  if (!given) {
    // A question whose wording names no known tie type still counts, as "named": say so, so the
    // user can give it a tie type of their own in the mapping rather than find it out later.
    for (const q of surveyMapping.questions) {
      if (q.valued) {
        quality.info(
          fileName,
          1,
          q.columns[0] ?? null,
          'rating-grid',
          `The question "${q.label}" rates each person on a scale, so its answers were read as tie weights: never or not at all is no tie; yearly 1, a few times a year 2, monthly 3, weekly 4, daily 5 (a little 2, quite 3, very 4, completely 5; numbers as they are).`,
        );
        const codes = numericScaleCodes(q.columns, header, sample);
        if (codes) {
          quality.warn(
            fileName,
            1,
            q.columns[0] ?? null,
            'numeric-rating',
            `The answers to "${q.label}" are bare numbers (${codes[0]} to ${codes[1]}), with no 0 and no words, as survey tools write a scale's answers when they are exported as numeric values: each number was read as a tie of that weight, so if ${codes[0]} stands for "Never" or "Not at all" (Qualtrics numbers a scale from 1), those answers became ties. Export again with the answer text (Qualtrics: "Use choice text") to be sure.`,
          );
        }
      }
      // A grid's tie types come from its labels (noted as they are read); a slug of wording too.
      if (q.relation == null || isCoreRelation(q.relation)) continue;
      quality.info(
        fileName,
        1,
        q.columns[0] ?? null,
        'relation-not-recognised',
        `The question "${q.label}" does not read as need, trust or information; its ties are recorded as the tie type "${q.relation}". Rename it in the mapping if it is another kind of tie.`,
      );
    }
    const warned = noteUnreadNameColumns(fileName, surveyMapping, header, sample, namesSomeone, quality);
    noteUnreadColumns(fileName, surveyMapping, header, warned, sample, quality);
  }
  const used = surveyMapping.questions.filter((q) => q.kind === 'grid' || q.relation != null);
  if (used.length === 0) {
    throw new InputError(
      fileName,
      1,
      null,
      'no-questions',
      `No name-generator question was found (columns: ${header
        .slice(0, 12)
        .map((h) => (h.length > 80 ? `${h.slice(0, 80)}...` : h))
        .join(
          ', ',
        )}${header.length > 12 ? `, ... (${header.length} in all)` : ''}). ${looksLikeRoster(header) ? 'This looks like a roster (a list of people with their roles or services), not survey responses: give it as the roster, and the survey tool’s export as the survey.' : 'Name the relation of each question in a mapping file.'}`,
    );
  }
  return surveyMapping;
}
