// Question wordings read as relations, tie-type labels, and the rating scales of valued grids.
import { describe, expect, it } from 'vitest';
import { detectRelation, relationOfLabel, scaleRank } from '../../../src/core/ingest/relations';

describe('detectRelation', () => {
  it.each([
    ['Who do you go to in times of need?', 'need'],
    ['Who do you trust?', 'trust'],
    ['Where do you get your information about local services?', 'info'],
    ['Which of these people do you have confidence in?', 'trust'],
    ['Who would you contact if you had a problem with your housing?', 'need'],
    ['Where do you hear about local events?', 'info'],
    ['Which organisation or group do you belong to?', null],
  ])('%s → %s', (question, relation) => {
    expect(detectRelation(question)).toBe(relation);
  });
});

describe('relationOfLabel', () => {
  it('reads the built-in tie types, and names any other by itself', () => {
    expect(relationOfLabel('Trust')).toBe('trust');
    expect(relationOfLabel('Support')).toBe('need');
    expect(relationOfLabel('Advice & guidance')).toBe('advice-guidance');
    expect(relationOfLabel('  ')).toBeNull();
  });

  it.each(['I do not know them', "Don't know them", 'Never met', 'Not applicable', 'None', 'No contact'])(
    '"%s" in a grid cell is no tie, not a tie type of that name',
    (label) => {
      expect(relationOfLabel(label)).toBeNull();
    },
  );
});

describe('scaleRank', () => {
  it.each([
    ['Never', 0],
    ['Not at all close', 0],
    ['Almost never', 1],
    ['Once a year', 1],
    ['A few times a year', 2],
    ['Less than monthly', 2],
    ['Not very close', 2],
    ['Monthly', 3],
    ['Fortnightly', 3],
    ['Quite close', 3],
    ['Weekly', 4],
    ['Several times a week', 4],
    ['Very close', 4],
    ['Daily', 5],
    ['Every day', 5],
    ['Completely', 5],
    ['0', 0],
    ['7', 7],
    ['10', 10],
  ])('%s → %d', (answer, rank) => {
    expect(scaleRank(answer)).toBe(rank);
  });

  it.each(['Not sure', '11', 'Advice', 'Helen Okafor', ''])('"%s" is off every scale', (answer) => {
    expect(scaleRank(answer)).toBeNull();
  });
});
