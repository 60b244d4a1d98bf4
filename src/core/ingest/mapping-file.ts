// A mapping.json read back (the CLI's --mapping): checked for the shape ingest reads, so a file
// edited by hand, or from another tool, stops with a message naming the file and what is wrong
// instead of failing deep inside ingest.
import { InputError } from '../quality';
import { nameKey } from './names';
import type { Mapping } from './types';

const ACTIONS = new Set(['accept', 'choose', 'new', 'ignore']);
const KINDS = new Set(['text', 'choices', 'grid']);
const ACTOR_TYPES = new Set([
  'public-servant',
  'service',
  'group',
  'volunteer',
  'resident',
  'service-user',
  'other',
]);
/** The tie types the tool names itself, met in any case ("Need ") when edited by hand. */
const OWN_RELATIONS = new Set(['need', 'trust', 'info']);

const MAX_DEPTH = 16;

/** Whether a parsed JSON value nests deeper than `limit`, walked without recursion. */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(v))
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

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
  // A mapping nests a few levels (surveys, questions, columns): one nested thousands deep cannot be
  // written back out as mapping.json (the engine's stack runs out), so it is refused here.
  if (nestedDeeperThan(value, MAX_DEPTH))
    fail(`This mapping nests lists or objects more than ${MAX_DEPTH} levels deep, which no mapping does.`);
  const m = value as Record<string, unknown>;
  if (m.version !== undefined && m.version !== 1)
    fail(`This mapping is version ${JSON.stringify(m.version)}; this Civic Ties reads version 1.`);
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
      const question = q as Record<string, unknown> | null;
      const columns = question?.columns;
      if (!Array.isArray(columns) || !columns.every((c) => typeof c === 'string'))
        fail(`Question ${k + 1} of "${String(survey!.file)}" has no list of "columns".`);
      // A question of a kind ingest does not read would lose every tie of it without a word.
      if (question!.kind !== undefined && !KINDS.has(String(question!.kind)))
        fail(
          `Question ${k + 1} of "${String(survey!.file)}" has the kind "${String(question!.kind)}"; it should be text, choices or grid.`,
        );
      // "Need " typed by hand is need, not a tie type of its own.
      if (typeof question!.relation === 'string') {
        const relation = question!.relation.trim();
        question!.relation = OWN_RELATIONS.has(relation.toLowerCase()) ? relation.toLowerCase() : relation;
      }
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
    if (decision!.type !== undefined && !ACTOR_TYPES.has(String(decision!.type)))
      fail(
        `The decision for "${String(decision!.text)}" gives the type "${String(decision!.type)}"; it should be one of ${[...ACTOR_TYPES].join(', ')}.`,
      );
  });
  // Two decisions for one name (in another case or spacing) that disagree: which was meant is the
  // reviewer's to say, not the order of the list's.
  const byName = new Map<string, Record<string, unknown>>();
  for (const d of decisions as Record<string, unknown>[]) {
    const key = nameKey(String(d.text));
    const earlier = byName.get(key);
    if (earlier && (earlier.action !== d.action || earlier.id !== d.id))
      fail(
        `The decisions for "${String(earlier.text)}" and "${String(d.text)}" are for one name and disagree (${describe(earlier)}; ${describe(d)}): keep one.`,
      );
    byName.set(key, d);
  }
  return { version: 1, roster: (m.roster as Mapping['roster']) ?? null, surveys, decisions } as Mapping;
}

/** A decision in a few words, for a message: "choose ps-04". */
function describe(d: Record<string, unknown>): string {
  return [d.action, d.id].filter((x) => typeof x === 'string').join(' ');
}
