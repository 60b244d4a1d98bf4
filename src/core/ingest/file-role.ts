// What an uploaded file is (roster, survey, 360 appraisals, satisfaction returns or codebook),
// guessed from its header row first and from its name only when the header says nothing. Pure:
// the Import view reads the header and calls this; the user can still change the role.
import { CHOICES_COLUMN, CODE_COLUMN, CODE_SCOPE_COLUMN, FIELD_NAME_COLUMN, LABEL_COLUMN } from './codebook';
import { findColumn } from './csv';
import { isNameGenerator } from './relations';
import { detectRosterColumns } from './roster';

/** The file slots of a wave (as the app's WaveFiles): surveys may be several, the rest one each. */
export type FileRole = 'roster' | 'surveys' | 'appraisals' | 'satisfaction' | 'codebook';

/** A REDCap data dictionary's field type column (beside its field name: a dictionary's shape). */
const DICTIONARY_TYPE = ['Field Type', 'field_type'];
/**
 * A bare two-column list's code column. Not "name": a two-column "name,label" or "id,name" list is
 * as likely a list of people as a code list, and readCodebook cannot read "name,id" as one.
 */
const BARE_CODE = ['code', 'answer code', 'value', 'choice'];
/** Columns a roster of people has and no codebook does. */
const ROSTER_ONLY = ['role', 'service', 'sector', 'email', 'e-mail', 'job title', 'organisation'];
const BARE_LABEL = ['label', 'name', 'text', 'answer', 'person'];

/** True when the header is a codebook's, in one of the shapes readCodebook reads. */
function isCodebook(header: string[]): boolean {
  const has = (names: string[]): number => findColumn(header, ...names);
  if (has(CHOICES_COLUMN) >= 0) return true;
  if (has(FIELD_NAME_COLUMN) >= 0 && has(DICTIONARY_TYPE) >= 0) return true;
  const scope = has(CODE_SCOPE_COLUMN);
  // A roster may have a "Field" column too (ID, Name, Role, Service, Field): its people's columns say so.
  if (scope >= 0 && has(ROSTER_ONLY) < 0) {
    // The scope column must not double as the code or label ("Field" in "Field,Label" alone).
    const rest = header.map((c, i) => (i === scope ? '' : c));
    const code = findColumn(rest, ...CODE_COLUMN);
    const label = findColumn(
      rest.map((c, i) => (i === code ? '' : c)),
      ...LABEL_COLUMN,
    );
    if (code >= 0 && label >= 0) return true;
  }
  if (header.length === 2) {
    const code = has(BARE_CODE);
    const label = findColumn(
      header.map((c, i) => (i === code ? '' : c)),
      ...BARE_LABEL,
    );
    if (code >= 0 && label >= 0) return true;
  }
  return false;
}

/** A column worded as a question, or as one asking for names: a survey's, never a list's. */
const isQuestion = (c: string): boolean => c.includes('?') || isNameGenerator(c);

/**
 * A roster: a person's (or group's) name, with an id or what they do (type, role, service,
 * sector), and no question among its columns (a survey may ask for "Name" and "Service" too).
 * The same columns readRoster finds (detectRosterColumns).
 */
function isRoster(header: string[]): boolean {
  if (header.some(isQuestion)) return false;
  const c = detectRosterColumns(header);
  const named = c.name !== null || (c.firstName !== null && c.lastName !== null);
  return named && (c.id ?? c.role ?? c.service ?? c.type ?? c.sector) !== null;
}

/** A 360 return: who is rated (ratee), by whom (rater), on which competencies. */
const isAppraisals = (lower: string[]): boolean => lower.some((c) => /^ratee|^rater|competenc/.test(c));

/** A satisfaction return: agree/disagree items about a service, no name questions. */
const isSatisfaction = (lower: string[]): boolean =>
  !lower.some((c) => /who do you|where do you/.test(c)) &&
  // "Agree" as in agree/disagree items, not a consent column ("I agree to take part").
  lower.some((c) => /satisf|influence decisions|\bdisagree\b|\bagree\b(?! to\b)/.test(c));

/**
 * Columns that only a survey response has: a response or submission id, when it was started or
 * submitted, whether it was finished (the metadata detect.ts reads, in the tools' own words).
 */
const RESPONSE_METADATA =
  /^(resp(onse|ondent)?[ _]?(id|no\.?|number)|unique ?id|timestamp \((mm|dd)\/(dd|mm)\/yyyy\)|submission ?(id|date|time)|submitdate|submitted ?(at|time)|date ?(started|completed|submitted)|start ?(date|time)|end ?(date|time)|started|completed|completion time|recorded ?date|timestamp|finished|progress|status|_uuid|_submission_time|instanceid|record_id|objectid|globalid|creationdate|user ?no)$/;

/**
 * Of those, the ones no roster has (a roster may well have an id, a status or a start date): a
 * survey's header with one of these is a survey even with Name and Organisation beside it.
 */
const SURVEY_ONLY =
  /^(timestamp|resp(onse|ondent)[ _]?id|submission ?(id|date|time)|submitdate|submitted ?(at|time)|date ?submitted|completion time|recorded ?date|_uuid|_submission_time|instanceid)$/;

/** A network already (an edge list), which goes in as a survey. */
const isEdgeList = (lower: string[]): boolean =>
  (lower.includes('source') && lower.includes('target')) || (lower.includes('from') && lower.includes('to'));

/** Question tags as survey tools name their columns: Q1, Q2_3, V1 (Qualtrics' legacy exporter). */
const QUESTION_TAG = /^[qv]\d+/;

/** True when the header says the file is survey responses (or a network given as one). */
function isSurvey(header: string[], lower: string[]): boolean {
  return (
    header.some(isQuestion) ||
    lower.some((c) => RESPONSE_METADATA.test(c)) ||
    lower.filter((c) => QUESTION_TAG.test(c)).length >= 2 ||
    isEdgeList(lower)
  );
}

/** The role a file's name suggests, for a file whose header says nothing either way. */
function roleFromName(name: string): FileRole | null {
  const n = name.toLowerCase();
  if (/roster|actors|staff/.test(n)) return 'roster';
  if (/apprais|360/.test(n)) return 'appraisals';
  if (/satisf/.test(n)) return 'satisfaction';
  if (/codebook|dictionary|\bcodes\b|choices/.test(n)) return 'codebook';
  return null;
}

/**
 * What a file is, from its header row (the first row after any title rows) and its name. The
 * header decides whenever it has a shape of its own: a codebook's columns (a REDCap data
 * dictionary; a variable, field or XLSForm list with code and label; a bare code,label list), a
 * roster's, a 360 return's, a satisfaction return's, or a survey's own (questions, response ids,
 * times and question tags). Only a header that shows none of these (blank, unreadable, columns
 * with no telling names) leaves it to the name: "snap-codes.csv" with a survey's header is a
 * survey. Surveys are the default; Pajek .net and UCINET .dl networks go in as surveys.
 */
export function guessFileRole(name: string, header: string[]): FileRole {
  if (/\.(net|dl)$/i.test(name)) return 'surveys';
  const cells = header.map((c) => c.trim()).filter(Boolean);
  const lower = cells.map((c) => c.toLowerCase());
  if (isCodebook(cells)) return 'codebook';
  if (isAppraisals(lower)) return 'appraisals';
  if (isSatisfaction(lower)) return 'satisfaction';
  if (lower.some((c) => SURVEY_ONLY.test(c))) return 'surveys';
  if (isRoster(cells)) return 'roster';
  if (isSurvey(cells, lower)) return 'surveys';
  return roleFromName(name) ?? 'surveys';
}
