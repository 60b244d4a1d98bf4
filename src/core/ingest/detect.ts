// Recognises which survey tool wrote an export (from its header rows) and maps its columns:
// respondent metadata, and each name-generator question with its layout and relation.
import { findColumn } from './csv';
import { isEmail, isPlausibleDate } from './dates';
import { plainWording } from './wording';
import { parseRespondentType } from './actor-type';
import { placeholderRelation, typedOtherLabel } from './mapping-edit';
import { detectRelation, isNameGenerator, ratingRelation, relationOfLabel, scaleRank } from './relations';
import type { QuestionMapping, SurveyFormat, SurveyMapping } from './types';
import { isCoreRelation } from '../model';

/**
 * Google Forms' own first column, named in the form owner's language: English, French, Spanish,
 * German, Italian, Portuguese, Dutch, Polish, Welsh.
 */
const GOOGLE_FORMS_TIMESTAMP = [
  'Timestamp',
  'Horodateur',
  'Marca temporal',
  'Zeitstempel',
  'Informazioni cronologiche',
  'Carimbo de data/hora',
  'Tijdstempel',
  'Sygnatura czasowa',
  'Stamp amser',
];

/** Columns each tool uses for respondent metadata, most specific first. */
const META: Record<
  | 'responseId'
  | 'respondentType'
  | 'service'
  | 'rosterId'
  | 'email'
  | 'name'
  | 'firstName'
  | 'lastName'
  | 'timestamp'
  | 'status'
  | 'finished'
  | 'channel',
  string[]
> = {
  responseId: [
    'Response ID',
    'ResponseId',
    'ResponseID',
    'Respondent ID',
    'Submission ID',
    'UserID',
    'UserNo', // SmartSurvey
    'record_id',
    'Record ID',
    '_id',
    '_uuid',
    'instanceID',
    'meta/instanceID',
    'response_id',
    'id',
    'ID',
    '#',
    // Snap, SmartSurvey/Formstack, SPSS-style exports; ArcGIS Survey123's feature ids last (its
    // ObjectID counts 1, 2, 3..., GlobalID is a GUID).
    'RespID',
    'Respondent No.',
    'Respondent Number',
    'Unique ID',
    'ObjectID',
    'GlobalID',
    'Entry Id', // Gravity Forms
    'Reference', // GOV.UK Forms
  ],
  respondentType: [
    'Respondent type',
    'resptype',
    'resp_type',
    'respondent_type',
    'Type of respondent',
    'Participant type',
    'You are',
    'I am a',
    'Are you a',
    'Which best describes you',
    'Which of these best describes you',
  ],
  service: ['Service used', 'Service', 'Which service do you use', 'service_used', 'Main service used'],
  rosterId: [
    'Roster ID',
    'RosterID',
    'roster_id',
    'ExternalReference',
    'ExternalDataReference',
    'External Data Reference',
    'NodeID',
    'Node ID',
    'Custom Data 1',
    'ego',
  ],
  email: [
    'Email',
    'Email Address',
    'E-mail',
    'E-mail address',
    'RecipientEmail',
    'Recipient Email',
    'email_address',
    'Responder',
    'Your email',
    'Respondent Email', // QuestionPro
    'Your email address',
    // Google Forms' collected e-mail column in other languages (as GOOGLE_FORMS_TIMESTAMP).
    'Adresse e-mail',
    'Dirección de correo electrónico',
    'E-Mail-Adresse',
    'Indirizzo email',
    'Endereço de e-mail',
    'E-mailadres',
    'Adres e-mail',
    'Cyfeiriad e-bost',
    // Microsoft Forms' e-mail column in French and Spanish (German's is "E-Mail").
    'Adresse de messagerie',
    'Correo electrónico',
  ],
  name: ['Name', 'Naam', 'Nom', 'Nombre', 'Your name', 'Full name', 'RecipientName', 'Respondent name'],
  // A name asked in two parts (read only as a pair, when there is no name column).
  firstName: [
    'First name',
    'Your first name',
    'Forename',
    'Forenames',
    'Given name',
    'RecipientFirstName',
    'Respondent first name',
    'Enw cyntaf',
  ],
  lastName: [
    'Last name',
    'Your last name',
    'Surname',
    'Your surname',
    'Family name',
    'RecipientLastName',
    'Respondent last name',
    'Cyfenw',
  ],
  // When a response was submitted, which orders a resubmission: a tool's end (completion) time
  // before its start time (Microsoft Forms, Qualtrics, SurveyMonkey, ODK's start and end).
  timestamp: [
    ...GOOGLE_FORMS_TIMESTAMP,
    'submitdate',
    'Date submitted',
    'Submit Date (UTC)',
    'Submit Date',
    'Submission Date',
    'Submitted at',
    'Submitted on', // Citizen Space
    'Completed on',
    'Submitted',
    'Submitted Date',
    'Date/Time Submitted',
    'Entry_DateSubmitted', // Cognito Forms
    '_submission_time',
    'Completion time',
    'Tijd van voltooien', // Microsoft Forms in Dutch, German, French and Spanish
    'Fertigstellungszeit',
    'Abschlusszeit',
    'Heure de fin',
    'Hora de finalización',
    'EndDate',
    'End Date',
    'RecordedDate',
    'end',
    'Start time',
    'Begintijd',
    'Startzeit',
    'Heure de début',
    'Hora de inicio',
    'StartDate',
    'Start Date',
    'start',
    'Start Date (UTC)',
    'Survey Timestamp',
    'Ended',
    // Zoho Survey, QuestionPro, Snap, Formstack, ArcGIS Survey123: a response's submitted (or
    // completed) time before its start.
    'Submitted Time',
    'Timestamp (mm/dd/yyyy)',
    'Timestamp (dd/mm/yyyy)',
    'DateCompleted',
    'Date Completed',
    'Responded At',
    'CreationDate',
    'Started',
    'Started on', // Citizen Space
    'Started Time',
    'DateStarted',
    'Time',
    'Entry Date', // Gravity Forms
    'Date Finish', // Formsite: finished (blank while incomplete), started, last changed
    'Date Start',
    'Date Update',
    'Created', // Airtable's created-time field
    // Wufoo's entry is created when it is submitted; Cognito Forms' when it is started (after
    // Entry_DateSubmitted above).
    'Date Created',
    'Entry_DateCreated',
  ],
  // ODK Central's ReviewState and SurveyCTO's review_status come before Central's Status column,
  // which only says whether an encrypted submission's data arrived; KoboToolbox's
  // _validation_status before its _status ("submitted_via_web"), which "Status" would match.
  status: [
    'ReviewState',
    'review_status',
    '_validation_status',
    'Response Status', // QuestionPro
    'Entry_Status', // Cognito Forms: Submitted, Incomplete
    'Completion Status', // SurveySparrow: Completed, Partially Completed
    'Status',
    'Response Type',
    'redcap_survey_identifier',
  ],
  // A column of dates among them is blank while a response is unfinished (SmartSurvey's Ended).
  finished: ['Finished', 'Completed', 'Complete?', 'submitdate', 'Ended'],
  // Zoho Survey's Collector names the link a response came through: "Preview" for the author's.
  channel: ['DistributionChannel', 'Distribution Channel', 'Collector ID', 'Collector'],
};

/**
 * A time column's zone or date format in brackets after its name: "Date Submitted (UTC)",
 * "Submitted (GMT+1)", "Completed on (Europe/London)", "Date Created (dd/mm/yyyy)". Read without it.
 */
const TIME_QUALIFIER =
  /\s*\((utc|gmt|bst|[a-z]{2,4}t|(utc|gmt)\s*[+\-−]\s*\d{1,2}(:?\d{2})?|[a-z]+\/[a-z_]+|[dmyhs]{1,4}([/.: -]+[dmyhs]{1,4})+|local( time)?)\)$/i;

/** A time column's name as findColumn compares it, without its zone or format. */
function timeKey(header: string): string {
  return header
    .trim()
    .replace(TIME_QUALIFIER, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/**
 * Time columns named by common words, which a question could be called too ("Submitted", "Date
 * Created"): taken as the response's time only when a sampled answer is a date.
 */
const WORDED_TIMES = new Set(
  ['Submitted on', 'Completed on', 'Submitted', 'Submitted Date', 'Started on', 'Date Created'].map(timeKey),
);

/**
 * Cognito Forms names its entry id after the form, in the form's internal name: "<FormName>_Id"
 * ("CommunityConnectionsSurvey_Id"; its import template's "FormName_ID").
 */
const COGNITO_ENTRY_ID = /^[A-Z][A-Za-z0-9]*_I[Dd]$/;

export interface DetectedLayout {
  format: SurveyFormat;
  headerRows: number;
}

const isImportId = (c: string) => /^\s*\{\s*"ImportId"/.test(c);

/** REDCap's raw export: a checkbox field's column per choice code, `field___code`. */
const REDCAP_CHECKBOX = /^([a-z][a-z0-9_]*?)___([a-z0-9_-]+)$/i;
/** REDCap's export with labels: "Question (choice=Label)", cells "Checked" or "Unchecked". */
const REDCAP_LABELLED_CHOICE = /^(.*\S)\s*\(choice=(.+)\)$/;

/** Which tool wrote the file, and how many header rows sit above the data. */
export function detectLayout(rows: string[][]): DetectedLayout {
  const first = rows.find((r) => r.some((c) => c.trim() !== '')) ?? [];
  const firstIndex = rows.indexOf(first);
  const row1 = rows[firstIndex + 1] ?? [];
  const row2 = rows[firstIndex + 2] ?? [];
  const has = (...names: string[]) => names.every((n) => findColumn(first, n) >= 0);
  if (row2.some(isImportId) || row1.some(isImportId)) {
    return { format: 'qualtrics', headerRows: row1.some(isImportId) ? 2 : 3 };
  }
  // Qualtrics' legacy exporter: V1, V2... over the metadata and export tags over the questions,
  // then a row of field names and question text ("ResponseID", "Who do you trust?-Helen Okafor").
  if (
    first.filter((h) => /^V\d+$/.test(h.trim())).length >= 3 &&
    row1.some((c) => /^ResponseID$/i.test(c.trim()))
  ) {
    return { format: 'qualtrics', headerRows: 2 };
  }
  if (
    (has('StartDate') || has('ResponseId')) &&
    (has('Finished') || has('Progress') || has('RecordedDate'))
  ) {
    // Qualtrics with rows 2–3 deleted: only the export tags remain.
    const second = row1.join(' ');
    const looksHeader = /Start Date|Response ID|Response Type/i.test(second);
    return { format: 'qualtrics', headerRows: looksHeader ? 2 : 1 };
  }
  if (has('Respondent ID') && (has('Collector ID') || has('Start Date'))) {
    const second = row1.join(' ');
    const twoRows =
      /\bResponse\b|Open-Ended Response/i.test(second) || row1.slice(0, 4).every((c) => c.trim() === '');
    return { format: 'surveymonkey', headerRows: twoRows ? 2 : 1 };
  }
  const firstHeader = (first[0] ?? '').trim().toLowerCase();
  if (GOOGLE_FORMS_TIMESTAMP.some((name) => name.toLowerCase() === firstHeader)) {
    return { format: 'google-forms', headerRows: 1 };
  }
  // Microsoft Forms in English, and its columns as Dutch, German, French and Spanish exports name them.
  if (
    has('ID', 'Start time', 'Completion time') ||
    has('ID', 'Begintijd', 'Tijd van voltooien') ||
    has('ID', 'Startzeit', 'Fertigstellungszeit') ||
    has('ID', 'Startzeit', 'Abschlusszeit') ||
    has('ID', 'Heure de début', 'Heure de fin') ||
    has('ID', 'Hora de inicio', 'Hora de finalización')
  )
    return { format: 'microsoft-forms', headerRows: 1 };
  if (
    has('_uuid') ||
    has('_submission_time') ||
    has('SubmissionDate', 'KEY') || // ODK Central, ODK Briefcase and SurveyCTO
    (has('start', 'end') && first.some((h) => h.includes('/')))
  ) {
    return { format: 'kobo', headerRows: 1 };
  }
  // LimeSurvey, its headings as codes (submitdate), text (Date submitted) or both (submitdate. Date submitted).
  const limeCodes = first.map((h) => LIMESURVEY_CODE_TEXT.exec(h.trim())?.[1] ?? h);
  const limeHas = (...names: string[]) => has(...names) || names.every((n) => findColumn(limeCodes, n) >= 0);
  if (limeHas('submitdate', 'lastpage') || limeHas('startlanguage'))
    return { format: 'limesurvey', headerRows: 1 };
  if (
    has('record_id') ||
    first.some((h) => REDCAP_CHECKBOX.test(h.trim()) || REDCAP_LABELLED_CHOICE.test(h.trim()))
  ) {
    return { format: 'redcap', headerRows: 1 };
  }
  // SmartSurvey (and any tool laid out like SurveyMonkey): read as SurveyMonkey's two header rows.
  if (isOptionRow(first, row1, row2)) return { format: 'surveymonkey', headerRows: 2 };
  return { format: 'simple', headerRows: 1 };
}

/**
 * LimeSurvey's "Question code & question text" heading: the code (with a sub-question's code in
 * brackets), the separator ". ", then the text (with the sub-question's text in brackets):
 * "need[SQ001]. Who do you go to in times of need? [Helen Okafor]", "submitdate. Date submitted".
 * Codes start with a letter and hold letters and digits (the tool's rule; "_" allowed for older ones).
 */
const LIMESURVEY_CODE_TEXT = /^([A-Za-z][A-Za-z0-9_]*)((?:\[[^\]]+\])*)\. (.+)$/;

/** The columns a survey mapping reads as respondent metadata (id, type, e-mail, times...), not answers. */
/**
 * REDCap's own columns, the same in every project, as its raw export names them and as its labels
 * export does: a longitudinal project's event, and a repeating instrument and its instance.
 */
export const REDCAP_COLUMNS = {
  event: ['redcap_event_name', 'Event Name'],
  repeat: ['redcap_repeat_instrument', 'Repeat Instrument'],
  instance: ['redcap_repeat_instance', 'Repeat Instance'],
} as const;

/**
 * The columns of a survey read as neither a question nor a respondent detail: other questions,
 * the survey tool's own columns, and name questions detection missed (the mapping step offers
 * each a tie type).
 */
export function unreadColumns(mapping: SurveyMapping, header: readonly string[]): string[] {
  const read = new Set<string>([...mapping.questions.flatMap((q) => q.columns), ...metadataColumns(mapping)]);
  if (mapping.format === 'redcap') for (const c of Object.values(REDCAP_COLUMNS).flat()) read.add(c);
  return header.filter((c) => c.trim() !== '' && !read.has(c));
}

export function metadataColumns(mapping: SurveyMapping): string[] {
  return [
    mapping.responseId,
    mapping.respondentType,
    mapping.service,
    mapping.rosterId,
    mapping.email,
    mapping.name,
    mapping.firstName,
    mapping.lastName,
    mapping.organisation,
    mapping.timestamp,
    mapping.status,
    mapping.finished,
    mapping.channel,
  ].filter((c): c is string => c != null);
}

/** The question asking a group responding for itself its name ("What is the name of your organisation?"). */
const ORGANISATION_WORDING =
  /^\W*(\d+[.)]\s*)?((what is |what's |please (give|enter) )?(the )?name of (your|the) (organi[sz]ation|group|charity|community group)( you (represent|are responding (for|on behalf of)))?|(your )?organi[sz]ation('s)? name|(name of )?organi[sz]ation( \(if (applicable|responding on behalf of one)\))?|group name)\s*[?:.]?\s*$/i;

/** A date as survey tools write them, alone or before a time: 02/03/2026 10:01, 2026-03-02. */
export const DATE_SHAPE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?!\d)/;

/** Cells no header or option label looks like: an e-mail, or a date. */
export const isDataCell = (c: string) => isEmail(c) || DATE_SHAPE.test(c);

/**
 * Whether `row` is a second header row of option labels (SmartSurvey's): the question over a
 * multi-select's first column and blank over the rest, with the labels in the row below and
 * nothing under metadata or one-column questions. A first response is told apart by the columns
 * the tool fills for every response (its id, start and end times), which a label row leaves blank;
 * a respondent may leave a name or e-mail blank, a tool never its own id. So the row is data when
 * any of those is filled, when the next row leaves them blank too (a hand-made file with no ids),
 * when a cell looks like data (an e-mail, a date), or when it answers a one-column question.
 */
function isOptionRow(first: string[], row: string[], next: string[]): boolean {
  const blank = (r: string[], i: number) => (r[i] ?? '').trim() === '';
  const toolFilled = [...META.responseId, ...META.timestamp]
    .map((name) => findColumn(first, name))
    .filter((i) => i >= 0);
  if (toolFilled.length === 0 || toolFilled.some((i) => !blank(row, i))) return false;
  if (next.some((c) => c.trim() !== '') && toolFilled.every((i) => blank(next, i))) return false;
  if (row.some((c) => isDataCell(c.trim()))) return false;
  // The columns of multi-column questions: a question's column and the blank-headed ones after it.
  const meta = new Set(toolFilled);
  let underQuestion = false;
  let blankHeaded = 0;
  let labelled = 0;
  for (let i = 0; i < first.length; i++) {
    if (!blank(first, i)) {
      underQuestion = !meta.has(i);
      const opensRun = underQuestion && i + 1 < first.length && blank(first, i + 1);
      // SurveyMonkey writes "Response" under a one-column question; SmartSurvey leaves it blank.
      if (!opensRun && !blank(row, i) && !/^(Open-Ended )?Response$/i.test(row[i]!.trim())) return false;
      continue;
    }
    if (!underQuestion) continue;
    blankHeaded++;
    if (!blank(row, i)) labelled++;
  }
  return labelled > 0 && labelled * 2 >= blankHeaded;
}

/** One column, split into the question it belongs to and the option it stands for (if any). */
interface ColumnInfo {
  index: number;
  header: string;
  /** Question key: columns with the same stem belong to one question. */
  stem: string;
  /** The question's wording as respondents saw it. */
  question: string;
  /** The choice / person this column stands for; null for a whole-answer column. */
  option: string | null;
  /** Qualtrics legacy: question and choice text joined by a bare "-", split once siblings are known. */
  joined?: string;
}

/** Stem suffix of columns that hold no answers to read (Kobo's code lists, Qualtrics' display order). */
const NOT_ANSWERS = '\u0000codes';

function notAnswers(stem: string): boolean {
  return stem.endsWith(NOT_ANSWERS);
}

/**
 * Qualtrics columns about a question rather than its answers: display order (Q2_DO, FL_6_DO),
 * timing (Q3_First Click, Q3_Page Submit, Q3_Click Count) and Text iQ (Q4 - Topics, Q4 - Sentiment).
 */
const QUALTRICS_AUXILIARY =
  /_DO(_\d+)?$|_(First Click|Last Click|Page Submit|Click Count)$| - (Topics|Parent Topics|Sentiment|Sentiment Polarity|Sentiment Score|Topic Sentiment Label|Topic Sentiment Score|Actionability|Emotion|Emotion Intensity|Effort|Effort Numeric)$/i;

/** Split a header into question and option, following each tool's convention. */
function describeColumn(
  format: SurveyFormat,
  header: string,
  sub: string[],
  index: number,
  loopTag?: string,
): ColumnInfo {
  const h = header.trim();
  const text = (sub.find((s) => s.trim() !== '' && !isImportId(s))?.trim() ?? '').replace(
    / - Selected Choice\b/,
    '',
  );
  const info = (stem: string, question: string, option: string | null): ColumnInfo => ({
    index,
    header: h,
    stem,
    question: plainWording(question),
    option: option === null ? null : plainWording(option),
  });
  if (format === 'qualtrics') {
    // Display order, timing and Text iQ columns describe a question without being its answers: a
    // display order lists every choice shown ("Dr Priya Patel|Helen Okafor"), ticked or not.
    if (QUALTRICS_AUXILIARY.test(loopTag ?? h) || / - (Display Order|Timing)\b/.test(text)) {
      return info(`${h}${NOT_ANSWERS}`, text || h, null);
    }
    // Export tag Q3_2 (or Q3_2_TEXT); question text "Who do you trust? - Priya Patel". A loop &
    // merge column (1_Q3_2) is described by its tag without the loop number, so every loop's
    // columns join one question.
    const tag = loopTag ?? h;
    const m = /^(.*?)_(\d+)(_TEXT)?$/.exec(tag);
    const dash = text.lastIndexOf(' - ');
    if (m && m[3]) {
      // The "Other (please specify)" box of choice m[2]: typed names, read like a text answer.
      // Its text reads "Question - Other (please specify) - Text"; the middle is the choice label.
      const parts = text.split(' - ');
      const option = parts.length >= 3 ? parts[parts.length - 2]! : null;
      return info(`${m[1]}\u0000other`, parts[0] || m[1]!, option);
    }
    if (m) {
      const question = dash > 0 ? text.slice(0, dash) : text || m[1]!;
      const option = dash > 0 ? text.slice(dash + 3) : m[2]!;
      const column = info(m[1]!, question, option);
      if (dash < 0 && text.includes('-')) column.joined = text;
      return column;
    }
    // Each loop pipes its own words into the text, so a looped column keeps to its tag.
    if (loopTag) return info(tag, text || h, null);
    if (dash > 0 && text) return info(text.slice(0, dash), text.slice(0, dash), text.slice(dash + 3));
    return info(tag, text || h, null);
  }
  if (format === 'surveymonkey') {
    // Row 1: the question over its first column, blank over the rest; row 2: the option.
    return info(h, h, text && !/^(Response|Open-Ended Response)$/i.test(text) ? text : null);
  }
  if (format === 'kobo') {
    // group/question or group/question/choice (the 0/1 column of a select_multiple).
    const parts = h.split('/');
    if (parts.length >= 2) return info(h, parts.slice(0, -1).join('/') + '/' + parts[parts.length - 1], null);
    return info(h, h, null);
  }
  if (format === 'redcap') {
    // Checkbox field___code: the option is the whole header, so codebooks can scope codes by field.
    const m = REDCAP_CHECKBOX.exec(h);
    if (m) return info(m[1]!, m[1]!, h);
    const labelled = REDCAP_LABELLED_CHOICE.exec(h);
    if (labelled) return info(labelled[1]!, labelled[1]!, labelled[2]!);
    return info(h, h, null);
  }
  if (format === 'limesurvey') {
    // Code and text: columns join by the code, the option is the sub-question's text.
    const coded = LIMESURVEY_CODE_TEXT.exec(h);
    if (coded) {
      const [code, sub, text] = [coded[1]!, coded[2]!, coded[3]!];
      if (!sub) return info(code, text, null);
      const subText = /^(.*?)\s*\[([^\]]+)\]$/.exec(text);
      const question = subText ? subText[1]! : text;
      const option = subText ? subText[2]! : sub.slice(1, -1);
      // The "Other" box of a multiple choice holds the typed answer (as Qualtrics' _TEXT box).
      if (/^\[other\]$/i.test(sub)) return info(`${code}\u0000other`, question, option);
      return info(code, question, option);
    }
    const m = /^(.*?)\s*\[([^\]]+)\]$/.exec(h);
    if (m) return info(m[1]!, m[1]!, m[2]!);
    return info(h, h, null);
  }
  // A quiz's marking beside each question (Microsoft Forms: "Points - Question", "Feedback -
  // Question", "Total points"; Google Forms: "Score"): numbers and comments, not answers.
  if (/^(Points|Feedback) - |^(Total points|Quiz feedback|Score)$/i.test(h))
    return info(`${h}${NOT_ANSWERS}`, h, null);
  // Google Forms grids and checkbox columns: "Question [Row]"; Microsoft Forms the same.
  const m = /^(.*\S)\s*\[([^\]]+)\]$/.exec(h);
  if (m) return info(m[1]!, m[1]!, m[2]!);
  // "Question - Option" / "Question: Option" headers, from tools that flatten matrix columns; the
  // question may end in a bracketed instruction ("Who do you trust? (tick all that apply) - ...").
  const d = /^(.*\?(?:\s*\([^()]*\))?)\s*[-:–]\s*(.+)$/.exec(h);
  if (d) {
    // A choice's write-in box ("Who do you trust?:Other - Write In", Alchemer): typed names for the
    // question, read like Qualtrics' "Other (please specify)" box; the choice itself is no one.
    const box = WRITE_IN_BOX.exec(d[2]!);
    if (box) return info(`${d[1]}\u0000other`, d[1]!, box[1]!);
    return info(d[1]!, d[1]!, d[2]!);
  }
  return info(h, h, null);
}

/** The text box of an "Other" choice, named after it: "Other - Write In", "Other (please specify): Text". */
const WRITE_IN_BOX = /^(other\b.*?)\s*[-–:]\s*(write[- ]?in|text|comments?)$/i;

/** Cell values that mean "ticked" in per-choice columns. */
export const TICK = /^(1|y|yes|true|x|✓|✔|checked|selected|ticked|on)$/i;
const UNTICK = /^(0|n|no|false|not selected|unchecked|off|-)$/i;

/**
 * Map every column of a survey file. `sample` is a slice of data rows to tell tick columns from
 * grids whose cells list tie types. `isPerson` says whether an option label names someone on the roster.
 */
export function detectSurveyMapping(
  file: string,
  layout: DetectedLayout,
  header: string[],
  subHeaders: string[][],
  sample: string[][],
  isPerson: (label: string) => boolean,
  /**
   * Whether the matcher is sure a typed name is one roster person (typos, titles and all): read
   * from a column with no wording to go on, such answers make it a name question.
   */
  namesSomeone: (text: string) => boolean = isPerson,
  /** A note on what detection chose where it had a choice to make (the host adds file and row). */
  note?: (code: string, column: string | null, message: string) => void,
): SurveyMapping {
  // The question-text rows (Qualtrics, SurveyMonkey) are read as wording only: markup goes.
  subHeaders = subHeaders.map((row) => row.map(plainWording));
  const fits = (key: keyof typeof META, i: number) => {
    // A question may be called "Time" too ("Morning", "Evenings"): a time column's answers hold
    // digits; one named by common words ("Submitted", "Date Created"), a date.
    if (key === 'timestamp') {
      const answers = answersIn(sample, i);
      const dated = WORDED_TIMES.has(timeKey(header[i]!))
        ? (v: string) => DATE_SHAPE.test(v) || isPlausibleDate(v)
        : (v: string) => /\d/.test(v);
      return answers.length === 0 || answers.some(dated);
    }
    // Zoho's "Collector" is named by the author ("Library poster"); in a Kobo form it may be the
    // enumerator. It marks tries only when one of them shows in it ("Preview").
    if (key === 'channel' && /^collector$/i.test(header[i]!.trim()))
      return sample.some((r) => /^\s*(preview|test)\b/i.test(r[i] ?? ''));
    return true;
  };
  // Time columns read without their zone or format: "Date Submitted (UTC)" as "Date Submitted".
  const unqualified = header.map((h) => h.trim().replace(TIME_QUALIFIER, ''));
  const meta = (key: keyof typeof META): string | null => {
    for (const name of META[key]) {
      let i = findColumn(header, name);
      if (i < 0 && key === 'timestamp') i = findColumn(unqualified, name);
      if (i >= 0 && fits(key, i)) return header[i]!;
    }
    // Cognito Forms' "<FormName>_Id", its first column or beside its Entry_ columns; never one
    // named as a roster id ("Roster_ID").
    if (key === 'responseId') {
      const cognito = header.some((h) => /^Entry_[A-Z]/.test(h.trim()));
      const i = header.findIndex(
        (h, k) =>
          (k === 0 || cognito) && COGNITO_ENTRY_ID.test(h.trim()) && findColumn([h], ...META.rosterId) < 0,
      );
      if (i >= 0) return header[i]!;
    }
    // LimeSurvey's "Question code & question text" headings: "submitdate. Date submitted", by code
    // then by text; a sub-question's column ("name[SQ001]. ...") is an answer, never metadata.
    if (layout.format === 'limesurvey') {
      const coded = header.map((h) => LIMESURVEY_CODE_TEXT.exec(h.trim()));
      for (const part of [1, 3]) {
        const names = coded.map((c) => (c && !c[2] ? c[part]! : ''));
        for (const name of META[key]) {
          const i = findColumn(names, name);
          if (i >= 0) return header[i]!;
        }
      }
    }
    // Qualtrics' legacy export names its metadata in the second header row (V1 over ResponseID).
    if (layout.format === 'qualtrics') {
      for (const sub of subHeaders) {
        for (const name of META[key]) {
          const i = findColumn(sub, name);
          if (i >= 0 && i < header.length) return header[i]!;
        }
      }
    }
    return null;
  };
  const mapping: SurveyMapping = {
    file,
    format: layout.format,
    headerRows: layout.headerRows,
    responseId: meta('responseId'),
    respondentType: respondentTypeColumn(
      meta('respondentType') ?? findByWording(header, subHeaders, RESPONDENT_TYPE_WORDING),
      header,
      subHeaders,
      sample,
      note,
    ),
    service:
      meta('service') ??
      findByWording(header, subHeaders, /which service|service (do you|you) use|service used/i),
    rosterId: rosterIdColumn(meta('rosterId'), header, sample, isPerson),
    email: meta('email') ?? findByWording(header, subHeaders, OWN_EMAIL),
    name:
      meta('name') ??
      findByWording(
        header,
        subHeaders,
        /^\W*(\d+[.)]\s*)?((please (give|enter|tell us|write) |what is |what's )?your (full |first and last )?name\b(?!\s+(of|for)\b)|beth yw eich enw\b|name\s*\((optional|if you (wish|like|want))\)\s*$)/i,
      ),
    timestamp: meta('timestamp'),
    status: meta('status'),
    finished: meta('finished'),
    channel: meta('channel'),
    questions: [],
  };
  if (mapping.name == null) {
    const firstName = meta('firstName');
    const lastName = meta('lastName');
    if (firstName != null && lastName != null) Object.assign(mapping, { firstName, lastName });
  }
  if (mapping.timestamp == null) mapping.timestamp = header.find((h) => /_timestamp$/.test(h)) ?? null;
  // A spreadsheet's first row retyped ("Timestamp" renamed "Date"): a column so named that holds dates.
  if (mapping.timestamp == null) {
    const i = header.findIndex(
      (h, k) =>
        /^\s*(date|date\s*\/?\s*time|datetime|time\s*stamp)\s*$/i.test(h) &&
        answersAreDates([{ index: k }], sample),
    );
    if (i >= 0) mapping.timestamp = header[i]!;
  }
  mapping.email ??= emailByContent(header, sample, new Set(metadataColumns(mapping)));
  if (mapping.respondentType == null) {
    mapping.respondentType = typeByContent(header, sample, new Set(metadataColumns(mapping)));
    if (mapping.respondentType != null) {
      note?.(
        'respondent-type-by-answers',
        mapping.respondentType,
        `"${mapping.respondentType}" was read as the respondent's type, as its answers are respondent types though its header does not say so. Choose another column as the respondent type in the mapping if that is wrong.`,
      );
    }
  }
  // Where respondents say whether they answer for a group, the group's name links it to the roster;
  // elsewhere "What is the name of your group?" stays a question whose answers name groups.
  if (mapping.respondentType != null) {
    const organisation = findByWording(header, subHeaders, ORGANISATION_WORDING);
    if (organisation != null) mapping.organisation = organisation;
  }
  // REDCap writes a `<form>_complete` status (0/1/2) after each instrument's fields: never answers.
  const formStatuses = header.filter(
    (h) => REDCAP_FORM_STATUS.test(h) || (layout.format === 'redcap' && REDCAP_FORM_STATUS_LABEL.test(h)),
  );
  if (mapping.finished == null) mapping.finished = formStatuses[0] ?? null;
  // Citizen Space's "Submitted on" is blank on a response saved but never submitted: as with
  // LimeSurvey's submitdate, the time column tells whether a response was finished.
  if (mapping.finished == null && mapping.timestamp != null && timeKey(mapping.timestamp) === 'submittedon')
    mapping.finished = mapping.timestamp;
  const metaColumns = new Set([
    ...formStatuses,
    ...header.filter((h) => REDCAP_OWN.test(h)),
    ...metadataColumns(mapping),
  ]);

  // Group columns into questions, keeping the order of first appearance.
  const loopTags = layout.format === 'qualtrics' ? qualtricsLoopTags(header, subHeaders) : [];
  const columns = header.map((h, i) =>
    describeColumn(
      layout.format,
      h,
      subHeaders.map((s) => s[i] ?? ''),
      i,
      loopTags[i],
    ),
  );
  // The legacy exporter's V1, V2... metadata columns tell its "Question-Choice" texts apart.
  if (layout.format === 'qualtrics' && header.some((h) => /^V\d+$/.test(h))) splitLegacyChoices(columns);
  if (layout.format === 'surveymonkey') carrySurveyMonkeyQuestions(columns, header);
  if (['simple', 'google-forms', 'microsoft-forms', 'unknown'].includes(layout.format)) {
    groupBracketedOptions(columns, metaColumns);
    groupColonOptions(columns, metaColumns, sample);
    pairNumberedOtherBoxes(columns, metaColumns);
  }
  if (['simple', 'google-forms', 'microsoft-forms', 'surveymonkey'].includes(layout.format))
    carryBlankHeaders(columns, header, metaColumns);
  if (layout.format === 'kobo') groupKoboChoices(columns, header);
  pairOtherColumns(columns, metaColumns);
  groupPeopleColumns(columns, metaColumns, isPerson, sample);
  const groups = new Map<string, ColumnInfo[]>();
  for (const c of columns) {
    if (metaColumns.has(c.header)) continue;
    const list = groups.get(c.stem);
    if (list) list.push(c);
    else groups.set(c.stem, [c]);
  }
  const byStem = new Map<string, QuestionMapping>();
  let unworded = 0;
  for (const [stem, group] of groups) {
    if (stem.endsWith('\u0000other')) continue;
    const perRelation = relationRows(group, sample, isPerson);
    if (perRelation) {
      mapping.questions.push(...perRelation);
      continue;
    }
    const q =
      toQuestion(group, sample, isPerson) ??
      byContent(
        group,
        sample,
        layout.format === 'redcap' ? scopedCodes(group, isPerson) : isPerson,
        namesSomeone,
      );
    // Columns headed only by people's names have no wording to read a tie type from; a second
    // such question (Typeform's need, then trust) is a tie type of its own until the user names it.
    if (q && stem.startsWith(PEOPLE_COLUMNS) && (q.kind !== 'grid' || q.valued)) {
      q.relation = placeholderRelation(++unworded);
    }
    if (q) {
      mapping.questions.push(q);
      byStem.set(stem, q);
    }
  }
  // Qualtrics "Other (please specify)" boxes: the typed names count for their question's relation,
  // and the "Other" choice itself (ticked, or listed in the answer cell) is not a person.
  for (const [stem, group] of groups) {
    if (!stem.endsWith('\u0000other')) continue;
    const parent = byStem.get(stem.slice(0, -'\u0000other'.length));
    if (!parent || parent.relation == null || parent.kind === 'grid') continue;
    const labels = group.map((c) => c.option).filter((o): o is string => o != null);
    if (labels.length > 0) {
      parent.notPeople = [...new Set([...(parent.notPeople ?? []), ...labels])];
      if (parent.kind === 'choices' && parent.targets) {
        const keep = parent.targets.map((t) => !labels.includes(t));
        parent.columns = parent.columns.filter((_, k) => keep[k]);
        parent.targets = parent.targets.filter((_, k) => keep[k]);
      }
    }
    // Tally's "Question (Other)" holds TRUE/FALSE like its other option columns: the typed text is
    // in the question's own column, among the ticked choices' labels (which the choice columns
    // already count). That column is read for the typed names; ticks are not names.
    const answers = [...answeredCells(group, sample)].map(([v]) => v);
    if (answers.length > 0 && answers.every((v) => TICK.test(v) || UNTICK.test(v))) {
      const used = new Set(mapping.questions.flatMap((q) => q.columns));
      const own = header.find((h) => !used.has(h) && plainWording(h) === parent.label);
      if (own) {
        const typed = textQuestion([own], parent.relation, typedOtherLabel(parent.label));
        typed.notPeople = [...new Set([...(parent.targets ?? []), ...labels])];
        mapping.questions.push(typed);
      }
      continue;
    }
    mapping.questions.push(
      textQuestion(
        group.map((c) => c.header),
        parent.relation,
        typedOtherLabel(parent.label),
      ),
    );
  }
  // With several instruments, whether a response is finished is the status of the one that asks
  // for names, each instrument's status following its fields: the first status after the first
  // question (a repeating instrument's later questions have a status of their own).
  if (formStatuses.length > 1 && mapping.finished === formStatuses[0] && mapping.questions.length > 0) {
    const firstQuestion = Math.min(
      ...mapping.questions.flatMap((q) => q.columns.map((c) => header.indexOf(c))),
    );
    mapping.finished = formStatuses.find((h) => header.indexOf(h) > firstQuestion) ?? mapping.finished;
  }
  for (const q of mapping.questions) {
    if (q.kind === 'text') q.separator = joinedWith(q.columns, header, sample, layout.format);
  }
  return mapping;
}

/** Each tool's join of the choices ticked in one cell, when the sample shows none. */
const TOOL_JOIN: Partial<Record<SurveyFormat, string>> = { 'google-forms': ', ', qualtrics: ',' };

/**
 * The separator mapping.json records for a text question: the one its sampled answers use
 * (Google Forms ", ", Microsoft Forms ";"), else the tool's. Only a record for the reader of the
 * file: answers are split on ";", ",", "|" and line breaks whatever it says.
 */
function joinedWith(columns: string[], header: string[], sample: string[][], format: SurveyFormat): string {
  let semicolons = 0;
  let commas = 0;
  let spaced = 0;
  for (const [v] of answeredCells(
    columns.map((c) => ({ index: header.indexOf(c) })),
    sample,
  )) {
    if (v.includes(';')) semicolons++;
    else if (v.includes(',')) {
      commas++;
      if (!/,(?! )/.test(v)) spaced++;
    }
  }
  if (semicolons > 0 && semicolons >= commas) return ';';
  if (commas > 0) return spaced === commas ? ', ' : ',';
  return TOOL_JOIN[format] ?? ';';
}

const REDCAP_FORM_STATUS = /^[a-z][a-z0-9_]*_complete$/;
/** The same in REDCap's labels export, one "Complete?" per instrument (the later ones numbered). */
const REDCAP_FORM_STATUS_LABEL = /^Complete\?( \(\d+\))?$/;
/**
 * The columns REDCap adds to an export of a longitudinal project, repeating instruments or groups,
 * by field name (raw export) or label (labels export).
 */
const REDCAP_OWN =
  /^(redcap_(event_name|repeat_instrument|repeat_instance|data_access_group|survey_identifier)|Event Name|Repeat Instrument|Repeat Instance|Data Access Group|Survey Identifier)$/;

/**
 * REDCap's codes belong to their field: in a one-column field "1" is that field's choice 1 (as
 * the row reader reads it), never another field's person whose code is also 1.
 */
function scopedCodes(group: ColumnInfo[], isPerson: (label: string) => boolean): (label: string) => boolean {
  const field = group[0]!.header;
  return (label) => (/^\d+$/.test(label) ? isPerson(`${field}___${label}`) : isPerson(label));
}

/**
 * Qualtrics loop & merge columns carry the loop number before the export tag (1_Q5, 2_Q5_3) and
 * in the ImportId (1_QID5). The tag without that number, per column (undefined when not looped).
 * Without the ImportId row, a prefix counts only when another loop number has the same tag.
 */
function qualtricsLoopTags(header: string[], subHeaders: string[][]): (string | undefined)[] {
  const rests = new Map<string, Set<string>>();
  const parsed = header.map((h) => /^(\d+)_(.+)$/.exec(h.trim()));
  for (const m of parsed) {
    if (!m) continue;
    let loops = rests.get(m[2]!);
    if (!loops) rests.set(m[2]!, (loops = new Set()));
    loops.add(m[1]!);
  }
  return parsed.map((m, i) => {
    if (!m) return undefined;
    const importId = subHeaders.map((s) => s[i] ?? '').find(isImportId) ?? '';
    const looped = /"ImportId"\s*:\s*"\d+_QID/.test(importId) || (rests.get(m[2]!)?.size ?? 0) > 1;
    return looped ? m[2] : undefined;
  });
}

/**
 * A single column without recognisable wording (Qualtrics with its text rows deleted, a bare
 * export tag) is still a name question when most answers name people on the roster. Its
 * relation is named after the column, for the user to rename in the mapping step.
 */
function byContent(
  group: ColumnInfo[],
  sample: string[][],
  isPerson: (label: string) => boolean,
  namesSomeone: (text: string) => boolean,
): QuestionMapping | null {
  if (group.length !== 1 || group[0]!.option != null || notAnswers(group[0]!.stem)) return null;
  const c = group[0]!;
  // "What is the name of your organisation?" is answered with a roster group's name, but it is the
  // respondent's own: no one was named. A response's own number (ObjectID 1, 2, 3) is no one's
  // code, whatever a codebook's codes are.
  if (OWN_DETAILS.test(plainWording(c.question)) || isIdColumn(c.header)) return null;
  // Codes count when a codebook (or the roster's "code" column) says who they are: this column's
  // own (`Q2___1`, a codebook with a Variable column), else any column's. E-mail addresses never:
  // a respondent's own address column would make ties to themselves.
  let byColumn = false;
  const names = (p: string) => {
    if (CODE.test(p) && isPerson(`${c.header}___${p}`)) return (byColumn = true);
    return (mayBeName(p) || CODE.test(p)) && isPerson(p);
  };
  let answered = 0;
  let named = 0;
  // Under a bare code of a header (Snap's "Q4"), nothing but the answers can say what a column
  // is: answers the matcher is sure of, typos and titles too ("Sgt Jones"), count, as many as the
  // note on unread name columns asks for. Under wording of its own ("Anyone else?") the column
  // is left to that note, for the user to judge.
  const bare = BARE_CODE_HEADER.test(c.header.trim());
  let typed = 0;
  let codeLists = 0;
  let joined = false;
  for (const [v] of answeredCells(group, sample)) {
    answered++;
    const parts = v.split(/[;,\n]/).map((p) => p.trim());
    if (parts.some(names)) named++;
    else if (bare && v.length <= 200 && parts.some((p) => mayBeName(p) && namesSomeone(p))) typed++;
    if (CODE_LIST.test(v)) codeLists++;
    joined ||= /\d\D+\d/.test(v);
  }
  // A multi-select exported as codes ("1;3") with nothing saying who they are: read all the same,
  // so that its codes wait in review with a note asking for the codebook, not vanish unmentioned.
  const uncoded =
    answered > 0 && codeLists === answered && joined && !NUMBER_WORDING.test(plainWording(c.question));
  const byTyped = answered >= 3 && (named + typed) * 2 >= answered;
  if (answered < 1 || (named / answered < 0.5 && !uncoded && !byTyped)) return null;
  // A column headed by someone on the roster (one choice of a multi-select) says who, not which
  // tie: "named", never a tie type called after the person.
  const relation = isPerson(c.header) ? null : relationOfLabel(c.header);
  const q = textQuestion([c.header], relation ?? 'named', c.question);
  if (byColumn) q.codesByColumn = true;
  return q;
}

/** A header that is only a question's code: "Q4", "q_12", "V7", "QID3". */
const BARE_CODE_HEADER = /^[a-z]{0,4}[ _.-]?\d{1,3}[a-z]?$/i;

/** A choice's code as numeric exports write it; several joined by ";", "," or spaces. */
const CODE = /^\d{1,4}$/;
/** Codes never start with 0, unlike a phone number (0161 496 0000), whose digits are no one's. */
const CODE_LIST = /^[1-9]\d{0,3}(\s*[;,]\s*[1-9]\d{0,3}|\s+[1-9]\d{0,3})*$/;
/**
 * Wording that asks for a number ("2,5" hours in a European export), not for choices; or a
 * number the tool records (Qualtrics' "Location Latitude" 51,5 once LibreOffice re-saves it).
 */
const NUMBER_WORDING =
  /\b(how (many|much|often|long|old)|number|phone|telephone|tel|mobile|hours?|age|postcode|score|rating|amount|cost|per ?cent|years?|months?|weeks?|days?|latitude|longitude)\b|%|£/i;

/**
 * An answer that may be a typed name: words, not a code or an e-mail address (a status, a
 * contact column). One rule for detecting name columns and for noting the unread ones.
 */
export const mayBeName = (p: string): boolean => /\p{L}{2}/u.test(p) && !p.includes('@');

/**
 * A column numbering the responses, whatever the tool calls it (ObjectID, GlobalID, RespID,
 * Respondent No., Unique ID, Response ID...): never answers, though its numbers are codes too.
 */
const ID_COLUMN =
  /^(object|global|f|resp|respondent|response|submission|unique|record|instance|row|user)?(id|no|number|uuid|guid)$/;
const isIdColumn = (header: string) => ID_COLUMN.test(header.toLowerCase().replace(/[^a-z]/g, ''));

/**
 * SurveyMonkey's "Custom Data 1" carries whatever the survey's owner put in the link: a roster id
 * in a whole-network survey, as often a ward or a team. It is the roster-id column only when some
 * of its values are on the roster.
 */
function rosterIdColumn(
  column: string | null,
  header: string[],
  sample: string[][],
  isPerson: (label: string) => boolean,
): string | null {
  if (column == null || !/^custom data \d+$/i.test(column.trim())) return column;
  const i = header.indexOf(column);
  const values = sample.map((row) => (row[i] ?? '').trim()).filter((v) => v !== '');
  return values.length === 0 || values.some((v) => isPerson(v)) ? column : null;
}

/**
 * Wording of the question asking what kind of respondent someone is. Welsh "...sy'n eich
 * disgrifio (chi) (orau)?"; French "...vous décrit / correspond le mieux ?".
 */
export const RESPONDENT_TYPE_WORDING =
  /respondent type|describes? you\b|describe yourself|are you (a|an)\b|you are (a|an)\b|i am (a|an)\b|type of respondent|\beich disgrifio\b|\bvous (décrit|correspond) le mieux\b/i;

/** A question about the respondent themselves, whose answer may still be a roster name or e-mail. */
const OWN_DETAILS =
  /\byour (own )?(e-?mail|organi[sz]ation|(full |first |last )?name|(home |postal )?address|post ?code|(tele)?phone)\b/i;

/** Whether a header asks about the respondent themselves ("What is your organisation?"). */
export const asksOwnDetails = (header: string): boolean => OWN_DETAILS.test(plainWording(header));
const OWN_EMAIL = /\byour e-?mail\b|\beich (cyfeiriad )?e-?bost\b/i;

/**
 * The respondent's own e-mail under a header no list has (Snap's "Q5"): the one column whose
 * answers are all e-mail addresses, unless its wording asks for someone else's (a name question).
 */
function emailByContent(header: string[], sample: string[][], taken: Set<string>): string | null {
  const found = header.filter((h, i) => {
    if (taken.has(h) || detectRelation(plainWording(h)) != null || isNameGenerator(plainWording(h)))
      return false;
    const answers = answersIn(sample, i);
    // Each respondent's own, so nearly all different: one address on every row ("Your team
    // leader's e-mail") is someone else's, and would merge every response into one.
    const distinct = new Set(answers.map((a) => a.toLowerCase())).size;
    return answers.length > 0 && answers.every(isEmail) && distinct >= 0.8 * answers.length;
  });
  return found.length === 1 ? found[0]! : null;
}

/** The sampled answers of column `i`, trimmed, blanks left out. */
function answersIn(sample: string[][], i: number): string[] {
  return sample.map((r) => (r[i] ?? '').trim()).filter((v) => v !== '');
}

/**
 * The respondent's type under a header no list or wording finds (Snap's "Q1"): the one column
 * whose sampled answers (three or more, of two types or more) nearly all read as respondent types.
 */
function typeByContent(header: string[], sample: string[][], taken: Set<string>): string | null {
  const found = header.filter((h, i) => {
    if (taken.has(h) || isNameGenerator(plainWording(h))) return false;
    const answers = answersIn(sample, i);
    if (answers.length < 3) return false;
    const types = answers.map(parseRespondentType);
    const read = types.filter((t) => t !== null);
    return read.length >= 0.9 * answers.length && new Set(read).size >= 2;
  });
  return found.length === 1 ? found[0]! : null;
}

/**
 * Of two or more respondent-type columns (a coded "Are you a...?" beside "Which best describes
 * you?"), the one whose sampled answers read as respondent types most often; `first`, the one its
 * header alone picks, on a tie. Another replaces it only when it reads a type for half the sampled
 * rows or more, so an "Other (please specify)" box answered by a few never does. Said in a note
 * whenever another column read as types too, since the user may know better.
 */
function respondentTypeColumn(
  first: string | null,
  header: string[],
  subHeaders: string[][],
  sample: string[][],
  note?: (code: string, column: string | null, message: string) => void,
): string | null {
  if (first == null || sample.length === 0) return first;
  const candidates = header.filter(
    (h, i) =>
      h === first ||
      (!/_TEXT$/i.test(h) &&
        !SPECIFY_OTHER.test(h) &&
        (findColumn([h], ...META.respondentType) === 0 ||
          RESPONDENT_TYPE_WORDING.test(plainWording(h)) ||
          subHeaders.some((s) => RESPONDENT_TYPE_WORDING.test(s[i] ?? '')))),
  );
  if (candidates.length < 2) return first;
  const read = (h: string) =>
    answersIn(sample, header.indexOf(h)).filter((v) => parseRespondentType(v) !== null).length;
  const counts = new Map(candidates.map((h) => [h, read(h)]));
  const contenders = candidates.filter((h) => h !== first && counts.get(h)! * 2 >= sample.length);
  let best = first;
  for (const h of contenders) if (counts.get(h)! > counts.get(best)!) best = h;
  const others = [first, ...contenders].filter((h) => h !== best);
  if (others.length > 0) {
    const typed = (h: string) => `${counts.get(h)} of ${sample.length} sampled answers read as a type`;
    note?.(
      'respondent-type-column',
      best,
      `${others.length + 1} columns ask for the respondent's type: "${best}" was used (${typed(best)}), and ${others.map((h) => `"${h}" (${typed(h)})`).join(', ')} ${others.length === 1 ? 'was' : 'were'} not. Choose another column as the respondent type in the mapping if that is wrong.`,
    );
  }
  return best;
}

function findByWording(header: string[], subHeaders: string[][], re: RegExp): string | null {
  for (let i = 0; i < header.length; i++) {
    if (re.test(plainWording(header[i]!)) || subHeaders.some((s) => re.test(s[i] ?? ''))) return header[i]!;
  }
  return null;
}

/**
 * Qualtrics' legacy exporter writes "Who do you trust?-Helen Okafor" over Q3_2: question and choice
 * joined by a bare hyphen, which double-barrelled names have too. The question is what the texts of
 * a question's columns share, up to a hyphen after its closing punctuation (or the last hyphen);
 * a question with one column splits after its closing punctuation only.
 */
function splitLegacyChoices(columns: ColumnInfo[]): void {
  const byStem = new Map<string, ColumnInfo[]>();
  for (const c of columns) {
    if (c.joined === undefined) continue;
    const list = byStem.get(c.stem);
    if (list) list.push(c);
    else byStem.set(c.stem, [c]);
  }
  for (const group of byStem.values()) {
    const texts = group.map((c) => c.joined!);
    let cut = -1;
    if (group.length > 1) {
      let shared = texts[0]!;
      for (const t of texts) while (!t.startsWith(shared)) shared = shared.slice(0, -1);
      const afterQuestion = /[?:.)]\s*-/.exec(shared);
      cut = afterQuestion ? afterQuestion.index + afterQuestion[0].length - 1 : shared.lastIndexOf('-');
    } else {
      const afterQuestion = /[?:.)]\s*-(?=\s*\S)/.exec(texts[0]!);
      if (afterQuestion) cut = afterQuestion.index + afterQuestion[0].length - 1;
    }
    if (cut <= 0) continue;
    for (const c of group) {
      c.question = c.joined!.slice(0, cut).trim();
      c.option = c.joined!.slice(cut + 1).trim();
    }
  }
}

/**
 * ArcGIS Survey123 writes a select_multiple as one column of the choices ticked, joined by ",",
 * and the typed text of its "Other" choice in a column of its own, "Question - Other" (or "Other -
 * Question"). That column is the question's write-in box, read like Qualtrics' "Other (please
 * specify)" box, not a choice column: grouped with the question, it would leave the whole-answer
 * column out of a choice question of one "Other" column.
 */
function pairOtherColumns(columns: ColumnInfo[], metaColumns: Set<string>): void {
  const wholeAnswer = new Map<string, ColumnInfo>();
  for (const c of columns) {
    if (c.option == null && !notAnswers(c.stem) && !metaColumns.has(c.header))
      wholeAnswer.set(c.header.toLowerCase(), c);
  }
  for (const c of columns) {
    if (metaColumns.has(c.header)) continue;
    const before = c.option != null && /^other\b/i.test(c.option) ? c.stem : null;
    const after = c.option == null ? /^(other\b[^-:–]*?)\s*[-:–]\s*(.+)$/i.exec(c.header) : null;
    const key = (before ?? after?.[2] ?? '').trim().toLowerCase();
    const parent = key ? wholeAnswer.get(key) : undefined;
    if (!parent || parent === c) continue;
    c.stem = `${parent.stem}\u0000other`;
    c.question = parent.question;
    c.option = c.option ?? plainWording(after![1]!);
  }
}

/** The number uniqueHeaders gives a repeated header's copy: "Helen Okafor (2)". */
const COPY_NUMBER = / \((\d+)\)$/;

/** Words in brackets at the end of a header: a person's job after their name. */
const BRACKETED_END = /\s*\([^()]*\)$/;

/** The stem of a run of columns headed by people on the roster (groupPeopleColumns). */
const PEOPLE_COLUMNS = '\u0000people';

/**
 * Two or more columns side by side headed by people on the roster ("Helen Okafor", "Dr Priya
 * Patel", ...) with no question over them are one question about those people: a multi-select
 * exported one column per choice (Typeform's layout, SurveyMonkey's with its question row
 * deleted) or a hand-made roster grid. An "Other" column right after them holds typed names.
 */
function groupPeopleColumns(
  columns: ColumnInfo[],
  metaColumns: Set<string>,
  isPerson: (label: string) => boolean,
  sample: string[][],
): void {
  // A second question over the same people repeats their names (Typeform: need, then trust), which
  // uniqueHeaders made "Helen Okafor (2)": the person is the name before the copy's number.
  // A choice may give the person's job in brackets ("Siobhan O'Neill (Neighbourhood Manager)"):
  // the person is the name before them.
  const personOf = (c: ColumnInfo): string | null => {
    if (notAnswers(c.stem) || metaColumns.has(c.header)) return null;
    const name = c.option == null || COPY_NUMBER.test(c.header) ? c.header.replace(COPY_NUMBER, '') : null;
    if (name === null) return null;
    if (isPerson(name)) return name;
    const bare = name.replace(BRACKETED_END, '');
    return bare !== name && isPerson(bare) ? bare : null;
  };
  const isOther = (c: ColumnInfo) =>
    /^other\b/i.test(c.header) &&
    (c.option == null || COPY_NUMBER.test(c.header)) &&
    !metaColumns.has(c.header);
  // Among them, a choice the roster does not know ("Citizens Advice Cwmbach" in Wufoo's export,
  // whose checkbox columns carry no question): a column whose ticked cells repeat its header. It
  // joins a run of people, so its ticks reach the review queue rather than no question at all.
  const choiceOf = (c: ColumnInfo): string | null => {
    if (c.option != null || notAnswers(c.stem) || metaColumns.has(c.header)) return null;
    const label = c.header.trim();
    if (label.includes('?') || label.split(/\s+/).length > 8) return null;
    let ticked = 0;
    for (const [v] of answeredCells([c], sample)) {
      if (v.toLowerCase() !== label.toLowerCase()) return null;
      ticked++;
    }
    return ticked > 0 ? label : null;
  };
  let runs = 0;
  for (let start = 0; start < columns.length; start++) {
    let end = start;
    let people = 0;
    const names: string[] = [];
    while (end < columns.length) {
      const person = personOf(columns[end]!);
      const name = person ?? choiceOf(columns[end]!);
      // A name met again begins the next question's run.
      if (name === null || names.includes(name)) break;
      if (person !== null) people++;
      names.push(name);
      end++;
    }
    if (people < 2) continue;
    const run = columns.slice(start, end);
    const stem = `${PEOPLE_COLUMNS}${start}`;
    const question = `Columns headed by people on the roster (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', ...' : ''})${++runs > 1 ? `, question ${runs}` : ''}`;
    run.forEach((c, k) => {
      c.stem = stem;
      c.question = question;
      c.option = names[k]!;
    });
    const next = columns[end];
    if (next && isOther(next)) {
      next.stem = `${stem}\u0000other`;
      next.question = question;
      next.option = null;
    }
    start = end - 1;
  }
}

/**
 * A column whose header is blank, after a question's column, is another box of that question:
 * a multi-select exported one column per choice with the question over the first only, whose
 * choice row is missing (SurveyMonkey's export with its second header row deleted, a hand-made
 * sheet). Its cells hold the chosen name, so it is read like the question's own column.
 */
function carryBlankHeaders(columns: ColumnInfo[], header: string[], metaColumns: Set<string>): void {
  let current: ColumnInfo | null = null;
  for (const c of columns) {
    if (header[c.index]!.trim() !== `Column ${c.index + 1}`) {
      current = metaColumns.has(c.header) || c.option != null ? null : c;
      continue;
    }
    if (current) {
      c.stem = current.stem;
      c.question = current.question;
    }
  }
}

/** The question and the option of a header ending in brackets: "Question (Option)", brackets nested. */
function trailingBracket(header: string): [string, string] | null {
  if (!header.endsWith(')')) return null;
  let depth = 0;
  for (let i = header.length - 1; i >= 0; i--) {
    if (header[i] === ')') depth++;
    else if (header[i] === '(' && --depth === 0) {
      const question = header.slice(0, i).trim();
      const option = header.slice(i + 1, -1).trim();
      return question && option ? [question, option] : null;
    }
  }
  return null;
}

/**
 * Jisc Online Surveys exports a multi-select one column per option, the option in brackets after
 * the question: "2. Who do you go to? Please select all that apply. (Dr Priya Patel)". Wording
 * ends in brackets too ("(tick all that apply)", "(optional)"), so the brackets hold an option only
 * when two or more adjacent columns share the question before them.
 */
function groupBracketedOptions(columns: ColumnInfo[], metaColumns: Set<string>): void {
  const headers = new Set(columns.map((c) => c.header.toLowerCase()));
  const split = columns.map((c) => {
    if (c.option != null || notAnswers(c.stem) || metaColumns.has(c.header)) return null;
    const parts = trailingBracket(c.header);
    // "Who do you trust? (2)" is the second copy of a repeated header (uniqueHeaders), not an option.
    if (!parts || (/^\d+$/.test(parts[1]) && headers.has(parts[0].toLowerCase()))) return null;
    return parts;
  });
  for (let start = 0; start < columns.length;) {
    const question = split[start]?.[0];
    let end = start + 1;
    while (question !== undefined && end < columns.length && split[end]?.[0] === question) end++;
    if (question !== undefined && end - start >= 2) {
      for (let k = start; k < end; k++) {
        const c = columns[k]!;
        c.stem = question;
        c.question = plainWording(question);
        c.option = plainWording(split[k]![1]);
      }
    }
    start = end;
  }
}

/**
 * Alchemer joins a checkbox question and its choice with ":" ("Please tick anyone you turn to in
 * times of need:Dr Priya Patel"), with no "?" to split at when the wording has none. The colon
 * splits only two or more adjacent columns sharing the text before it whose answers are their own
 * choice (or a tick), so headers like "Section A: ..." over typed answers stay whole.
 */
function groupColonOptions(columns: ColumnInfo[], metaColumns: Set<string>, sample: string[][]): void {
  const split = columns.map((c) => {
    if (c.option != null || notAnswers(c.stem) || metaColumns.has(c.header)) return null;
    const m = /^(.*\S):(?! )(.+)$/.exec(c.header);
    return m ? { question: m[1]!, option: m[2]!, box: WRITE_IN_BOX.exec(m[2]!) } : null;
  });
  const ownChoice = (k: number) =>
    split[k]!.box != null ||
    [...answeredCells([columns[k]!], sample)].every(
      ([v]) => TICK.test(v) || v.toLowerCase() === split[k]!.option.toLowerCase(),
    );
  for (let start = 0; start < columns.length;) {
    const question = split[start]?.question;
    let end = start + 1;
    while (question !== undefined && end < columns.length && split[end]?.question === question) end++;
    const run = Array.from({ length: end - start }, (_, k) => start + k);
    if (question !== undefined && run.length >= 2 && run.every(ownChoice)) {
      for (const k of run) {
        const c = columns[k]!;
        const { option, box } = split[k]!;
        c.stem = box ? `${question}\u0000other` : question;
        c.question = plainWording(question);
        c.option = plainWording(box ? box[1]! : option);
      }
    }
    start = end;
  }
}

/** Jisc's box for a question's "Other" choice, numbered under it: "2.a. If you selected Other, please specify:". */
const NUMBERED_SUB_QUESTION = /^(\d+)\.\s*[a-z][.)]\s*(.*)$/i;
const SPECIFY_OTHER = /\bother\b.*\b(specify|please (say|state|give|describe|tell))\b/i;

/**
 * A numbered "If you selected Other, please specify" box holds typed names for question N (the
 * nearest column before it numbered "N."), read like Qualtrics' "Other (please specify)" box; the
 * "Other" choice itself (its column, or "Other" in a joined answer) is then no one.
 */
function pairNumberedOtherBoxes(columns: ColumnInfo[], metaColumns: Set<string>): void {
  for (const box of columns) {
    if (box.option != null || metaColumns.has(box.header)) continue;
    const m = NUMBERED_SUB_QUESTION.exec(box.header);
    if (!m || !SPECIFY_OTHER.test(m[2]!)) continue;
    // "2. Who..." but not another sub-question "2.b. ...".
    const numbered = new RegExp(`^${m[1]}\\.(?!\\s*[a-z][.)])`, 'i');
    let parent: ColumnInfo | undefined;
    for (let k = box.index - 1; k >= 0 && !parent; k--) {
      if (numbered.test(columns[k]!.header)) parent = columns[k];
    }
    if (!parent || metaColumns.has(parent.header) || notAnswers(parent.stem)) continue;
    const stem = parent.stem;
    const choice = columns.find((c) => c.stem === stem && c.option != null && /^other\b/i.test(c.option));
    box.stem = `${stem}\u0000other`;
    box.question = parent.question;
    box.option = choice?.option ?? 'Other';
  }
}

/** SurveyMonkey leaves the question blank over its second and later option columns. */
function carrySurveyMonkeyQuestions(columns: ColumnInfo[], header: string[]): void {
  let current: ColumnInfo | null = null;
  for (const c of columns) {
    const blank = /^Column \d+$/.test(header[c.index]!) || header[c.index]!.trim() === '';
    if (!blank) {
      current = c;
      continue;
    }
    if (current && c.option) {
      c.stem = current.stem;
      c.question = current.question;
      if (current.option == null) current.option = '';
      // SmartSurvey writes an "Other" choice's typed text in a column of its own beside the
      // choice's: "Other (please specify) - text".
      const box = WRITE_IN_BOX.exec(c.option);
      if (box) {
        c.stem = `${current.stem}\u0000other`;
        c.option = box[1]!;
      }
    }
  }
  // A first column whose option was blanked above is the "Response" of a single-answer question.
  for (const c of columns) if (c.option === '') c.option = null;
}

/** Kobo select_multiple: "grp/q" holds codes and "grp/q/code" the 0/1 columns; keep the 0/1 columns. */
function groupKoboChoices(columns: ColumnInfo[], header: string[]): void {
  const set = new Set(header);
  for (const c of columns) {
    const parts = c.header.split('/');
    if (parts.length < 2) continue;
    const parent = parts.slice(0, -1).join('/');
    if (set.has(parent)) {
      c.stem = parent;
      c.question = parent;
      c.option = parts[parts.length - 1]!;
    }
  }
  // The parent then duplicates its children: mark it so it is left out.
  const parents = new Set(columns.filter((c) => c.option != null).map((c) => c.stem));
  for (const c of columns)
    if (c.option == null && parents.has(c.header)) c.stem = `${c.header}${NOT_ANSWERS}`;
}

/** The question's short wording (drops a group path and the tool's numbering). */
function wording(q: string): string {
  const last = q.split('/').pop() ?? q;
  return last.replace(/_/g, ' ').trim();
}

/**
 * A grid turned round: its rows are tie types ("Help in times of need", "Information", "Someone
 * you trust") and each cell lists the people for that one, so every column is a name question of
 * its own relation. Null unless every row names a relation and the cells are neither ticks nor
 * ratings.
 */
function relationRows(
  group: ColumnInfo[],
  sample: string[][],
  isPerson: (label: string) => boolean,
): QuestionMapping[] | null {
  if (group.length < 2 || group.some((c) => c.option == null || notAnswers(c.stem))) return null;
  const relations = group.map((c) => detectRelation(c.option!));
  if (relations.some((r) => r == null) || group.some((c) => isPerson(c.option!))) return null;
  if (mostlyTicks(group, sample) || isRatingGrid(group, sample)) return null;
  return group.map((c, k) => textQuestion([c.header], relations[k]!, `${c.question} [${c.option}]`));
}

/** A name question whose cells hold names as typed or ticked, split on the usual separators. */
function textQuestion(columns: string[], relation: string, label: string): QuestionMapping {
  return { columns, kind: 'text', relation, label, separator: ';' };
}

/** Every answered (non-blank, trimmed) cell of these columns in the sample, with its column. */
function* answeredCells<C extends { index: number }>(
  columns: C[],
  sample: string[][],
): Generator<[string, C]> {
  for (const row of sample) {
    for (const c of columns) {
      const v = (row[c.index] ?? '').trim();
      if (v) yield [v, c];
    }
  }
}

/** Whether most answered cells of these columns are ticks (1, Y, Yes...) or unticks. */
function mostlyTicks(columns: ColumnInfo[], sample: string[][]): boolean {
  let answered = 0;
  let ticks = 0;
  for (const [v] of answeredCells(columns, sample)) {
    answered++;
    if (TICK.test(v) || UNTICK.test(v)) ticks++;
  }
  return answered === 0 || ticks * 2 >= answered;
}

/** The label of a numbered answer box: "Person 1", "Name #2", "3rd contact", "Second person", "1". */
const NAME_BOX =
  /^(?:(?:person|people|name|contact|box|field|friend|organi[sz]ation|group|individual|answer)\s*#?\s*\d{1,2}|\d{1,2}(?:st|nd|rd|th)?(?:\s+(?:person|name|contact))?|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)(?:\s+(?:person|name|contact))?)$/i;

/**
 * A grid whose cells rate each person on one scale (how often, how close, 0–10) rather than list
 * tie types: three answers in four in the sample (or more) are scale answers, not all plain ticks.
 */
function isRatingGrid(columns: ColumnInfo[], sample: string[][]): boolean {
  let answers = 0;
  let rated = 0;
  let beyondTicks = 0;
  for (const [v] of answeredCells(columns, sample)) {
    answers++;
    if (scaleRank(v) == null) continue;
    rated++;
    if (!TICK.test(v) && !UNTICK.test(v)) beyondTicks++;
  }
  return answers > 0 && rated >= answers * 0.75 && beyondTicks > 0;
}

/**
 * A multi-select exported one column per choice with each ticked cell holding the choice's number
 * (SurveyMonkey's "numerical value" export: 1 under the first choice, 2 under the second...), not a
 * rating: every answered column holds one and the same number, its place among the question's
 * columns, and two or more columns are answered. An "Other" column's typed names are left aside.
 */
function numberedTicks(columns: ColumnInfo[], sample: string[][]): boolean {
  let answered = 0;
  for (let k = 0; k < columns.length; k++) {
    const c = columns[k]!;
    if (/^other\b/i.test(c.option ?? '')) continue;
    const place = String(k + 1);
    let any = false;
    for (const [v] of answeredCells([c], sample)) {
      if (v !== place) return false;
      any = true;
    }
    if (any) answered++;
  }
  return answered >= 2;
}

/**
 * The lowest and highest answer of a rating grid whose sampled answers are all numbers with no 0
 * (numeric codes of a labelled scale, where 1 may mean "never"); null when any answer is a word or 0.
 */
export function numericScaleCodes(
  columns: string[],
  header: string[],
  sample: string[][],
): [number, number] | null {
  let low = Infinity;
  let high = -Infinity;
  for (const [v] of answeredCells(
    columns.map((c) => ({ index: header.indexOf(c) })),
    sample,
  )) {
    const code = /^\d{1,2}$/.test(v) ? Number(v) : 0;
    if (code === 0) return null;
    low = Math.min(low, code);
    high = Math.max(high, code);
  }
  return low === Infinity ? null : [low, high];
}

/**
 * A name interpreter ("What do you go to them for?", after a question naming someone): its answers
 * are tie types ("Help in times of need", "Information"), none a person, so it names no one.
 */
/**
 * Whether the sampled answers are dates or times (Formsite's "Date Update", whose wording reads as
 * information): a tool's own column, never a question about people.
 */
function answersAreDates(group: { index: number }[], sample: string[][]): boolean {
  let answered = 0;
  let dates = 0;
  for (const [v] of answeredCells(group, sample)) {
    answered++;
    // A bare number may be a spreadsheet's date serial, and is as often a choice code ("1"): not counted.
    if (DATE_SHAPE.test(v) || (!/^[\d\s.]+$/.test(v) && isPlausibleDate(v))) dates++;
  }
  return answered >= 1 && dates * 10 >= answered * 9;
}

function answersAreYesNo(group: ColumnInfo[], sample: string[][]): boolean {
  let answered = 0;
  for (const [v] of answeredCells(group, sample)) {
    if (!TICK.test(v) && !UNTICK.test(v)) return false;
    answered++;
  }
  return answered >= 2;
}

function answersAreTieTypes(
  group: ColumnInfo[],
  sample: string[][],
  isPerson: (label: string) => boolean,
): boolean {
  let answered = 0;
  let tieTypes = 0;
  for (const [v] of answeredCells(group, sample)) {
    answered++;
    if (isPerson(v)) return false;
    if (isCoreRelation(relationOfLabel(v))) tieTypes++;
  }
  return answered >= 2 && tieTypes * 2 > answered;
}

function toQuestion(
  group: ColumnInfo[],
  sample: string[][],
  isPerson: (label: string) => boolean,
): QuestionMapping | null {
  const first = group[0]!;
  if (notAnswers(first.stem)) return null;
  const label = first.question;
  const words = wording(label);
  const relation = detectRelation(words);
  const withOptions = group.filter((c) => c.option != null);
  if (withOptions.length === 0 || group.length === 1) {
    if (withOptions.length === 1 && relation == null) return null;
    if (relation == null && !isNameGenerator(words)) return null;
    if (answersAreTieTypes(group, sample, isPerson) || answersAreDates(group, sample)) return null;
    // "Follow-up needed?" answered Yes or No: an evaluator's column, not names.
    if (withOptions.length === 0 && answersAreYesNo(group, sample)) return null;
    return textQuestion(
      group.map((c) => c.header),
      relation ?? 'named',
      label,
    );
  }
  const options = withOptions.map((c) => c.option!);
  // "Name up to three people": numbered boxes, each holding a typed name (Qualtrics form fields,
  // SurveyMonkey's multiple textboxes), read like one answer cell per box.
  // LimeSurvey's "multiple short text" has sub-question codes (SQ001) over typed names, as its
  // multiple choice has over "Y": told apart by the cells.
  const typedUnderCodes =
    options.every((o) => /^SQ\d+$/i.test(o.trim())) && !mostlyTicks(withOptions, sample);
  if (typedUnderCodes || options.every((o) => NAME_BOX.test(o.trim()))) {
    return textQuestion(
      withOptions.map((c) => c.header),
      relation ?? 'named',
      label,
    );
  }
  const personShare = options.filter((o) => isPerson(o)).length / options.length;
  // SurveyMonkey's "numerical value" export ticks a choice with its number, not a 1.
  const numbered = numberedTicks(withOptions, sample);
  if (!numbered && isRatingGrid(withOptions, sample) && personShare >= 0.5) {
    return {
      columns: withOptions.map((c) => c.header),
      kind: 'grid',
      valued: true,
      relation: relation ?? ratingRelation(words),
      label,
      targets: options,
    };
  }
  // Cells that are ticks (or repeat their option) make a choice question; anything else is a grid
  // whose cells list the tie types ticked for that person.
  let ticks = 0;
  let labels = 0;
  for (const [v, c] of answeredCells(withOptions, sample)) {
    if (UNTICK.test(v) || /^other\b/i.test(c.option ?? '')) continue;
    if (numbered || TICK.test(v) || v.toLowerCase() === (c.option ?? '').toLowerCase() || isPerson(v))
      ticks++;
    else labels++;
  }
  const kind: QuestionMapping['kind'] = labels > ticks ? 'grid' : 'choices';
  if (kind === 'choices' && relation == null && personShare < 0.5 && !isNameGenerator(words)) return null;
  if (kind === 'grid' && personShare < 0.5 && relation == null) return null;
  return {
    columns: withOptions.map((c) => c.header),
    kind,
    relation: relation ?? (kind === 'grid' ? null : (relationOfLabel(words) ?? 'named')),
    label,
    targets: options,
  };
}
