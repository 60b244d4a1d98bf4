// A mapping.json read back (the CLI's --mapping): checked for the shape ingest reads, so a file
// edited by hand, or from another tool, stops with a message naming the file and what is wrong
// instead of failing deep inside ingest.
import { InputError } from '../quality';
import type { Mapping } from './types';

const ACTIONS = new Set(['accept', 'choose', 'new', 'ignore']);

export function checkMapping(value: unknown, file: string): Mapping {
  const fail = (message: string): never => {
    throw new InputError(
      file,
      null,
      null,
      'bad-mapping',
      `${message} Give the mapping.json an earlier run wrote, or leave --mapping out to detect the columns again.`,
    );
  };
  if (!value || typeof value !== 'object' || Array.isArray(value))
    fail('This is not a mapping: a mapping.json holds an object with "surveys" and "decisions".');
  const m = value as Record<string, unknown>;
  const surveys = m.surveys ?? [];
  const decisions = m.decisions ?? [];
  if (!Array.isArray(surveys)) fail('"surveys" should be a list of the survey files\' mappings.');
  if (!Array.isArray(decisions)) fail('"decisions" should be a list of review decisions.');
  (surveys as unknown[]).forEach((s, i) => {
    const survey = s as Record<string, unknown> | null;
    if (!survey || typeof survey !== 'object' || typeof survey.file !== 'string')
      fail(`Survey ${i + 1} in "surveys" has no "file".`);
    const questions = survey!.questions;
    if (!Array.isArray(questions)) fail(`The survey "${String(survey!.file)}" has no list of "questions".`);
    (questions as unknown[]).forEach((q, k) => {
      const columns = (q as Record<string, unknown> | null)?.columns;
      if (!Array.isArray(columns) || !columns.every((c) => typeof c === 'string'))
        fail(`Question ${k + 1} of "${String(survey!.file)}" has no list of "columns".`);
    });
  });
  (decisions as unknown[]).forEach((d, i) => {
    const decision = d as Record<string, unknown> | null;
    if (
      !decision ||
      typeof decision !== 'object' ||
      typeof decision.text !== 'string' ||
      !decision.text.trim()
    )
      fail(`Decision ${i + 1} has no "text" (the name as typed).`);
    if (!ACTIONS.has(String(decision!.action)))
      fail(
        `The decision for "${String(decision!.text)}" has the action "${String(decision!.action)}"; it should be accept, choose, new or ignore.`,
      );
    if (decision!.action === 'choose' && typeof decision!.id !== 'string')
      fail(`The decision to choose someone for "${String(decision!.text)}" names no "id".`);
    for (const key of ['id', 'name', 'label', 'type'] as const) {
      if (decision![key] !== undefined && typeof decision![key] !== 'string')
        fail(`The decision for "${String(decision!.text)}" has a "${key}" that is not text.`);
    }
  });
  return { version: 1, roster: (m.roster as Mapping['roster']) ?? null, surveys, decisions } as Mapping;
}
