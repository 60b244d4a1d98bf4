// A typed name followed, after a comma, by who the person is ("Dr Patel, Riverside Surgery",
// "Amira, PCSO"): one name, not two. Each of these had made two review items, or a tie and a
// review item, before.
import { describe, expect, it } from 'vitest';
import { readRoster, RosterMatcher, splitNames } from '../../../src/core/ingest';
import { QualityCollector } from '../../../src/core/quality';
import { googleFormsSurvey as survey, ROSTER, run, tieSet } from './helpers';

describe('a description after a comma stays with the name before it', () => {
  const result = run([
    survey([
      '"Dr Patel, Riverside Surgery",',
      '"Dr Patel, Northgate","Amira, PCSO"',
      '"Karen Douglas, Neighbourhood Manager","Helen Okafor, Riverside Primary"',
      '"Sgt Jones, Millbrook Library",',
      '"Dr Reid, Helen Okafor",',
    ]),
  ]);
  it('matches the person the two describe together', () => {
    expect(tieSet(result)).toEqual(
      [
        'r-row2>ps-04:need', // Priya Patel, the Patel at Riverside Surgery
        'r-row3>ps-06:need', // Anil Patel, the Patel at Northgate
        'r-row3>ps-09:trust', // Amira Haddad, the PCSO
        'r-row4>ps-12:need',
        'r-row4>ps-01:trust',
        'r-row5>ps-08:need',
        'r-row6>ps-05:need',
        'r-row6>ps-01:need',
      ].sort(),
    );
  });
  it('reviews no description on its own, and lists what it matched not as written', () => {
    expect(result.review.map((r) => r.text)).toEqual(['Millbrook Library']);
    expect(result.autoMatched.map((m) => m.text)).toEqual(
      expect.arrayContaining([
        'Dr Patel, Riverside Surgery',
        'Amira, PCSO',
        'Karen Douglas, Neighbourhood Manager',
      ]),
    );
  });
});

describe('RosterMatcher.describes', () => {
  const matcher = new RosterMatcher(readRoster(ROSTER(), new QualityCollector()).entries);
  const describes = (person: string, part: string) => matcher.describes(person, part);
  it.each([
    ['Dr Patel', 'Riverside Surgery', true],
    ['Amira', 'PCSO', true],
    ['Karen Douglas', 'Neighbourhood Manager', true],
    ['Karen Douglas', 'the council', true],
    // Not the sergeant's library: two names.
    ['Sgt Jones', 'Millbrook Library', false],
    // A name of its own, or a group on the roster.
    ['Dr Reid', 'Helen Okafor', false],
    ['Karen Douglas', 'Millbrook Food Bank', false],
    // Someone else's role: Karen Douglas is no GP.
    ['Karen Douglas', 'GP', false],
    ['Karen Douglas', '?', false],
  ])('"%s, %s": %s', (person, part, expected) => {
    expect(describes(person, part)).toBe(expected);
  });
  it('joins in splitNames only when asked to', () => {
    const isKnown = (s: string) => matcher.isKnown(s);
    expect(splitNames('Dr Patel, Riverside Surgery; Helen Okafor', isKnown)).toEqual([
      'Dr Patel',
      'Riverside Surgery',
      'Helen Okafor',
    ]);
    expect(splitNames('Dr Patel, Riverside Surgery; Helen Okafor', isKnown, undefined, describes)).toEqual([
      'Dr Patel, Riverside Surgery',
      'Helen Okafor',
    ]);
  });
});
