// The serialisable shapes ingest hands to the rest of the pipeline, and the mapping it saves.
// Everything here crosses the worker boundary and lands in mapping.json, so: plain data only.
import type { Actor, ActorId, ActorType, InputFile, Tie } from '../model';

/** Someone who answered a survey: a roster entry (keeps its id) or a new civil-society actor. */
export interface Respondent {
  key: ActorId;
  file: string;
  /** Spreadsheet row of the response (header = 1). */
  row: number;
  type: ActorType;
  service?: string;
  onRoster: boolean;
  responseId?: string;
}

/** One row of the roster, after its columns were recognised. */
export interface RosterEntry {
  id: ActorId;
  name: string;
  type: ActorType;
  sector: string;
  role?: string;
  service?: string;
  email?: string;
  /** Numeric or short code a survey tool uses for this person (REDCap, LimeSurvey, Kobo). */
  code?: string;
  /** Other names the person goes by, from a contact list's Nickname or Maiden Name ("Mo Rahman"). */
  aliases?: string[];
  /** Every other roster column, as text. */
  attrs: Record<string, string>;
}

/** Which roster columns hold what (header text; null when the roster has none). */
export interface RosterMapping {
  id: string | null;
  name: string | null;
  firstName: string | null;
  lastName: string | null;
  type: string | null;
  sector: string | null;
  role: string | null;
  service: string | null;
  email: string | null;
  code: string | null;
}

/** The survey tools whose exports are recognised. `simple` = one row per respondent, names joined by ';'. */
export type SurveyFormat =
  | 'simple'
  | 'google-forms'
  | 'microsoft-forms'
  | 'qualtrics'
  | 'surveymonkey'
  | 'kobo'
  | 'limesurvey'
  | 'redcap'
  | 'unknown'
  | PlainFormat;

/** Networks another tool wrote, read by readPlainNetwork: a file in one of them has no questions to map. */
export const PLAIN_FORMATS = ['edgelist', 'matrix', 'ucinet-dl', 'pajek'] as const;
export type PlainFormat = (typeof PLAIN_FORMATS)[number];

/**
 * How one name-generator question is laid out:
 * - `text`: one cell lists the names (typed or ticked), split on `;`, `,`, `|` and line breaks;
 * - `choices`: one column per choice; a ticked cell (text, 1, Y, the choice itself) names `target`;
 * - `grid`: one column per roster person; the cell lists the tie types ticked for them, so one
 *   question yields several relations (`relation` is used when the cell is a plain tick); or, when
 *   `valued`, the cell rates the person on one scale (how often, how close, 0–10) and makes a tie
 *   of `relation` weighted by the answer's rank (never, not at all, 0: no tie).
 */
export interface QuestionMapping {
  /** Header text of each column this question occupies (one for `text`). */
  columns: string[];
  kind: 'text' | 'choices' | 'grid';
  /**
   * need | trust | info | a name the user chose. For `text` and `choices`, null = not a
   * name-generator question (ignored). For `grid`, the relation of a plain tick (null: 'named').
   */
  relation: string | null;
  /** The question as the respondent read it (for the mapping step in the app). */
  label: string;
  /** For `text`: how the sampled answers were joined (", " in Google Forms), as a record; not read. */
  separator?: string;
  /** For `choices` and `grid`: the person (label or code) each column stands for, parallel to `columns`. */
  targets?: string[];
  /** For `grid`: cells are ratings on a scale (relations.scaleRank), read as tie weights. */
  valued?: boolean;
  /** For `text` with coded answers (Kobo select_multiple): answers are space-separated codes. */
  coded?: boolean;
  /**
   * For `text`: its answers are codes a codebook gives for this column alone (a `Variable` or
   * `Field` column, as REDCap's are by field), read as `<column>___<code>`.
   */
  codesByColumn?: boolean;
  /** Qualtrics' id of the question (QID3), which survives renumbering and rewording. */
  questionId?: string;
  /** Choice labels that never name a person ("Other (please specify)", whose typed box is read apart). */
  notPeople?: string[];
  /**
   * For `text` in a Google Forms or Qualtrics export: choices that hold ", " themselves ("Citizens
   * Advice, Millbrook & District"), learned from the sample; kept whole when a cell is split.
   */
  joinedChoices?: string[];
}

/** The layout of one survey file, as detected or confirmed by the user. */
export interface SurveyMapping {
  /** File name the mapping was made for (matched by name, then by order). */
  file: string;
  format: SurveyFormat;
  /** Rows above the data that are headers (Qualtrics 3, SurveyMonkey 2, others 1). */
  headerRows: number;
  responseId: string | null;
  respondentType: string | null;
  service: string | null;
  /** Columns that link the respondent to the roster: an id, an e-mail or a name column. */
  rosterId: string | null;
  email: string | null;
  name: string | null;
  /** Or the name in two columns (a form's "First name" and "Surname"), read as one. */
  firstName?: string | null;
  lastName?: string | null;
  /**
   * The organisation a group responding for itself names (Citizen Space's "What is the name of
   * your organisation?"): links the response to that group on the roster.
   */
  organisation?: string | null;
  timestamp: string | null;
  /** Tool columns that flag previews, tests, spam or unfinished responses. */
  status: string | null;
  finished: string | null;
  /** Qualtrics DistributionChannel (preview / test) or a collector column. */
  channel?: string | null;
  questions: QuestionMapping[];
}

/** What the user decided for a name that could not be matched for sure. */
export type ReviewAction = 'accept' | 'choose' | 'new' | 'ignore';

export interface ReviewDecision {
  action: ReviewAction;
  /** Roster id for accept / choose; the new actor's id for `new` (filled in by ingest). */
  id?: string;
  /** Type of a new actor (default: other). */
  type?: ActorType;
  /** Label for a new actor (default: the text as typed). */
  label?: string;
  /**
   * For accept / choose: the roster name the id had when the decision was made (or, saved
   * without one, applied: ingest fills it in), so that a rerun, or another wave, whose roster gives
   * the id to someone else does not apply it blindly.
   */
  name?: string;
}

/** A saved decision, keyed by the normalised name text so reruns reproduce it. */
export interface DecisionRecord extends ReviewDecision {
  text: string;
}

export interface Mapping {
  version: 1;
  roster: RosterMapping | null;
  surveys: SurveyMapping[];
  decisions: DecisionRecord[];
}

export interface Candidate {
  id: string;
  name: string;
  /** 0..1; 1 = exact. */
  confidence: number;
}

export interface ReviewItem {
  text: string;
  file: string;
  row: number;
  column: string;
  candidates: Candidate[];
  /** How many times this text was written (all files). */
  count: number;
  decision?: ReviewDecision;
  /**
   * The person the name was matched to automatically, though not written as on the roster
   * ("Mrs Okafor" as Helen Okafor): shown in the app to be confirmed or overruled.
   */
  matched?: Candidate;
}

export interface IngestInput {
  surveys: InputFile[];
  roster: InputFile;
  mapping?: Mapping;
  codebook?: InputFile;
}

export interface IngestResult {
  actors: Actor[];
  ties: Tie[];
  respondents: Respondent[];
  mapping: Mapping;
  review: ReviewItem[];
  /** Names matched automatically though not as written, most written first (each has `matched`). */
  autoMatched: ReviewItem[];
  roster: RosterEntry[];
}
