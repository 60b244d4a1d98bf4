// The row reader's fast path for comma-joined answers (plainPieces) against the general path
// (splitNames, then splitCodes): the same names, in the same order, with the same warnings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RosterMatcher, type SurveyMapping } from '../../../src/core/ingest';
import { makeRowReader, NominationStore } from '../../../src/core/ingest/survey';
import { QualityCollector } from '../../../src/core/quality';
import { rosterEntry } from './helpers';

const entry = rosterEntry;
const people = [
  entry('p1', 'Priya Patel'),
  entry('p2', 'Helen Okafor'),
  entry('p4', 'Patel, Priya'),
  entry('g1', 'Friends of Park, Garden & Pond', 'group'),
  entry('g2', 'Zoë Ångström'),
  entry('p3', "Seán O'Brien"),
  // People with a role and a service, for answers that describe the name before them ("Dr Patel, GP").
  { ...entry('d1', 'Dr Anil Patel', 'public-servant', 'public'), role: 'GP', service: 'Riverside Surgery' },
  { ...entry('d2', 'Amira Haddad', 'public-servant', 'public'), role: 'PCSO', service: 'Northgate Policing' },
];
const codebook: [string, string][] = [
  ['1', 'Priya Patel'],
  ['3', 'Helen Okafor'],
];
const QUESTION = 'Who do you trust?';
const mapping: SurveyMapping = {
  file: 'f.csv',
  format: 'simple',
  headerRows: 1,
  responseId: null,
  respondentType: null,
  service: null,
  rosterId: null,
  email: null,
  name: null,
  timestamp: null,
  status: null,
  finished: null,
  questions: [
    { columns: [QUESTION], kind: 'text', relation: 'trust', label: QUESTION, notPeople: ['Other'] },
  ],
};

/** Every answer read by one reader: the names pushed and the warnings given, in order. */
function readAll(matcher: RosterMatcher, cells: string[], generalOnly: boolean) {
  const store = new NominationStore();
  const quality = new QualityCollector();
  const read = makeRowReader(
    'f.csv',
    [QUESTION],
    mapping,
    (s) => matcher.isKnown(s),
    quality,
    store,
    (s) => matcher.mayBeginLabel(s),
    {
      mayBeginLongerLabel: (s) => matcher.mayBeginLongerLabel(s),
      mayDescribe: (s) => matcher.mayDescribe(s),
      describesPrevious: (person, part) => matcher.describes(person, part),
      generalOnly,
    },
  );
  const names = cells.map((c, i) => {
    const r = read([c], i + 2);
    const out: string[] = [];
    for (let n = r.nomFrom; n < r.nomTo; n += 3)
      out.push(
        `${store.texts[store.data[n]!]}|${store.columns[store.data[n + 1]!]}|${store.relations[store.data[n + 2]!]}`,
      );
    return out;
  });
  return { names, issues: quality.issues };
}

describe('row reader: comma-joined answers', () => {
  const pieces = [
    'Priya Patel',
    'Patel',
    'Priya',
    'Helen Okafor',
    'Okafor',
    'Friends of Park',
    'Garden & Pond',
    'Dr P Patel',
    'my neighbour Sue',
    'Other',
    'none',
    '-',
    '?',
    "'",
    '1',
    '3',
    '1 3',
    '1 9',
    'p1',
    'ZOË ångström',
    'Seán',
    'Amira',
    'Riverside Surgery',
    'GP',
    'PCSO',
    'Northgate',
    'x'.repeat(101),
  ];
  const cell = fc
    .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 34 })
    .chain((parts) =>
      fc
        .array(fc.constantFrom(', ', ',', ' , ', ',,', ' '), {
          minLength: parts.length,
          maxLength: parts.length,
        })
        .map((seps) => parts.map((p, i) => (i === 0 ? p : seps[i]! + p)).join('')),
    );
  it('gives what splitNames and splitCodes give', () => {
    for (const roster of [people, [...people, entry('a, b', 'Someone Else')]]) {
      const matcher = new RosterMatcher(roster, codebook);
      fc.assert(
        fc.property(fc.array(cell, { minLength: 1, maxLength: 4 }), (cells) => {
          expect(readAll(matcher, cells, false)).toEqual(readAll(matcher, cells, true));
        }),
        { numRuns: 1500 },
      );
    }
  });
  it('drops a joining "and" or "&" alike on both paths, and keeps a lone "&"', () => {
    const matcher = new RosterMatcher(people, codebook);
    // The first once differed: "&" followed by the space before the comma is no joining word.
    const cells = [
      'P-},& , 4',
      '& Priya Patel',
      'Helen Okafor, & Amira Haddad',
      'Helen Okafor, AND  Sue Grey',
      'Andrew, and',
    ];
    expect(readAll(matcher, cells, false)).toEqual(readAll(matcher, cells, true));
  });
  it('reads typed names off the roster beside roster names without the general path', () => {
    const matcher = new RosterMatcher(people, codebook);
    const cells = ['Helen Okafor, Dr P Patel', 'my neighbour Sue, 1 3', 'Patel, Priya, Helen Okafor'];
    const { names } = readAll(matcher, cells, false);
    expect(names.map((ns) => ns.map((n) => n.split('|')[0]))).toEqual([
      ['Helen Okafor', 'Dr P Patel'],
      ['my neighbour Sue', '1', '3'],
      ['Patel, Priya', 'Helen Okafor'],
    ]);
    expect(readAll(matcher, cells, true).names).toEqual(names);
  });
});
