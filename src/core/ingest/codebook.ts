// Reads a survey tool's codebook for numerically coded exports: a REDCap data dictionary
// ("1, Priya Patel | 2, Helen Okafor"), a code,label file, or one with each code's variable.
import type { InputFile } from '../model';
import type { QualityCollector } from '../quality';
import { findColumn } from './csv';
import { readTable } from './table';

/** Parse REDCap's "1, Label | 2, Other label" choice list. */
export function parseChoiceList(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const part of text.split('|')) {
    const comma = part.indexOf(',');
    if (comma < 0) continue;
    const code = part.slice(0, comma).trim();
    const label = part.slice(comma + 1).trim();
    if (code && label) out.push([code, label]);
  }
  return out;
}

/**
 * Code -> label (a roster name or id) pairs. REDCap codes are given twice: scoped by field
 * (`need___1`, as its checkbox columns are named) and bare (`1`); bare codes may repeat across
 * fields, so the matcher keeps the first that names someone on the roster.
 */
export type Codebook = [code: string, label: string][];

// The columns readCodebook reads, by the names the tools give them (file-role.ts tells a codebook by them too).
/** A REDCap data dictionary's choices column ("1, Priya Patel | 2, Helen Okafor"). */
export const CHOICES_COLUMN = [
  'Choices, Calculations, OR Slider Labels',
  'select_choices_or_calculations',
  'Choices',
];
/** A REDCap data dictionary's field name and label columns. */
export const FIELD_NAME_COLUMN = ['Variable / Field Name', 'field_name'];
export const FIELD_LABEL_COLUMN = ['Field Label', 'field_label'];
/** The column saying whose codes a row's are: an SPSS/Snap variable, a field, an XLSForm list. */
export const CODE_SCOPE_COLUMN = ['Variable', 'Field', 'list_name'];
export const CODE_COLUMN = ['code', 'value', 'name', 'choice'];
export const LABEL_COLUMN = ['label', 'label::English (en)', 'label::English', 'id', 'roster id', 'person'];

export function readCodebook(
  file: InputFile,
  quality: QualityCollector,
  /** Filled with each field's label from a data dictionary: the question a raw export names by its field. */
  fieldLabels?: Map<string, string>,
): Codebook {
  const map: Codebook = [];
  const table = readTable(file, quality);
  const choices = findColumn(table.header, ...CHOICES_COLUMN);
  const field = findColumn(table.header, ...FIELD_NAME_COLUMN);
  const fieldLabel = findColumn(table.header, ...FIELD_LABEL_COLUMN);
  if (fieldLabels && field >= 0 && fieldLabel >= 0) {
    for (const row of table.rows) {
      const name = (row[field] ?? '').trim();
      const label = (row[fieldLabel] ?? '').trim();
      if (name && label) fieldLabels.set(name, label);
    }
  }
  if (choices >= 0) {
    for (const row of table.rows) {
      const name = field >= 0 ? (row[field] ?? '').trim() : '';
      for (const [code, label] of parseChoiceList(row[choices] ?? '')) {
        if (name) map.push([`${name}___${code}`, label]);
        map.push([code, label]);
      }
    }
  } else {
    // A column saying whose codes each row's are: a variable (SPSS-style codebooks, Snap's), a
    // REDCap-style field, or an XLSForm choices sheet's list. Codes are then scoped to it, as
    // REDCap's `field___code`, so "1" in a respondent-type question is not another's person 1.
    const scope = findColumn(table.header, ...CODE_SCOPE_COLUMN);
    // An XLSForm list is named on the survey sheet, not after its question, so which column uses
    // it is unknown here: its codes are kept bare as well (the matcher takes a bare code's first
    // label on the roster, respondent types theirs).
    const bareToo = scope < 0 || /^list.?name$/i.test(table.header[scope]!.trim());
    const code = findColumn(table.header, ...CODE_COLUMN);
    const label = findColumn(table.header, ...LABEL_COLUMN);
    if (code < 0 || label < 0) {
      quality.warn(
        file.name,
        1,
        null,
        'codebook-unreadable',
        'The codebook has neither a REDCap choices column nor code and label columns; it was not used.',
      );
      return map;
    }
    for (const row of table.rows) {
      const c = (row[code] ?? '').trim();
      const l = (row[label] ?? '').trim();
      if (!c || !l) continue;
      const scoped = scope < 0 ? '' : (row[scope] ?? '').trim();
      if (scoped) map.push([`${scoped}___${c}`, l]);
      if (bareToo || !scoped) map.push([c, l]);
    }
  }
  if (map.length === 0) quality.warn(file.name, null, null, 'codebook-empty', 'The codebook lists no codes.');
  return map;
}
