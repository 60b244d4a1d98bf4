// Edits of a survey's mapping that must keep its parts together, shared by detection and the
// app's mapping step (kept apart from detect.ts so the page need not load the detector).
import type { SurveyMapping } from './types';

/**
 * The tie type of the nth question whose wording names none (columns headed only by people):
 * "named", then "named-2"..., until the user names it.
 */
export const placeholderRelation = (n: number): string => (n === 1 ? 'named' : `named-${n}`);
export const isPlaceholderRelation = (relation: string): boolean => /^named(-\d+)?$/.test(relation);

/** The label of a question's "Other (please specify)" box, read as a question of typed names. */
export const typedOtherLabel = (label: string): string => `${label} (other, typed)`;

/**
 * Sets a question's tie type, and its "Other" box's with it while the two agree: the box's typed
 * names answer the same question (Typeform's "named-2" renamed to trust takes its Other along).
 */
export function setQuestionRelation(survey: SurveyMapping, index: number, relation: string | null): void {
  const q = survey.questions[index];
  if (!q) return;
  const other = typedOtherLabel(q.label);
  for (const box of survey.questions) {
    if (box !== q && box.label === other && box.relation === q.relation && relation !== null)
      box.relation = relation;
  }
  q.relation = relation;
}
