// The review queue's decisions (accept, choose another, new actor, ignore), recorded in the
// mapping so a rerun with --mapping reproduces them.
import { nameKey } from './names';
import type { DecisionRecord, Mapping, ReviewDecision, ReviewItem } from './types';

export function emptyMapping(): Mapping {
  return { version: 1, roster: null, surveys: [], decisions: [] };
}

/**
 * Record a decision for the name in `item` (or a bare text). Returns a new mapping; the old one is
 * left as it was (the app keeps undo history). `accept` without an id takes the best candidate.
 */
export function applyReviewDecision(
  mapping: Mapping,
  item: ReviewItem | { text: string; candidates?: ReviewItem['candidates'] },
  decision: ReviewDecision,
): Mapping {
  const record: DecisionRecord = { text: item.text, ...decision };
  if (decision.action === 'accept' && !decision.id) {
    const best = item.candidates?.[0];
    if (!best)
      throw new Error(
        `applyReviewDecision: "${item.text}" has no candidate to accept; use "choose" or "new".`,
      );
    record.id = best.id;
  }
  // The roster name of the person decided on, so that a wave or a year whose roster gives the id
  // to someone else does not apply the decision to them (ingest's givenToSomeoneElse).
  if ((record.action === 'accept' || record.action === 'choose') && !record.name) {
    const name = item.candidates?.find((c) => c.id === record.id)?.name;
    if (name) record.name = name;
  }
  if (decision.action === 'choose' && !decision.id) {
    throw new Error('applyReviewDecision: "choose" needs the id of the roster entry chosen.');
  }
  const key = nameKey(item.text);
  const decisions = mapping.decisions.filter((d) => nameKey(d.text) !== key);
  decisions.push(record);
  return { ...mapping, decisions };
}
