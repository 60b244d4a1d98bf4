// Typed names against a large roster: 5,000 public servants whose first names and surnames repeat
// (as a county's would), and answers with the typos, lower case, titles and surnames alone that
// people type. Every distinct text is matched once, against every roster entry that shares a word
// or a near word with it, so this is the matcher's worst case. No target: the row is there to
// show a regression (it took 117 s for 20,000 answers before each typed word's near roster words
// were worked out once instead of per candidate).
import Papa from 'papaparse';
import { ingest, readRoster, RosterMatcher } from '../src/core/ingest';
import { seededRandom } from '../src/core/metrics/random';
import { makeProgress, QualityCollector } from '../src/core/quality';
import type { BenchContext, BenchRow } from './lib/types';

const FIRST = [
  'Aisha',
  'Ben',
  'Chloe',
  'David',
  'Emma',
  'Fatima',
  'George',
  'Hannah',
  'Imran',
  'Jack',
  'Katie',
  'Liam',
  'Maya',
  'Noah',
  'Olivia',
  'Priya',
  'Rosa',
  'Sam',
  'Tariq',
  'Uma',
  'Victor',
  'Wendy',
  'Yasmin',
  'Zoe',
  'Helen',
  'Amira',
  'Tom',
  'Sue',
  'Mohammed',
  'Grace',
  'Oliver',
  'Ruby',
  'Harry',
  'Isla',
  'Leo',
  'Freya',
  'Arthur',
  'Ivy',
];
const LAST = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Johnson',
  'Davies',
  'Patel',
  'Wright',
  'Robinson',
  'Thompson',
  'Evans',
  'Walker',
  'White',
  'Roberts',
  'Green',
  'Hall',
  'Wood',
  'Jackson',
  'Clarke',
  'Okafor',
  'Haddad',
  'Khan',
  'Hughes',
  'Edwards',
  'Hill',
  'Moore',
  'Harris',
  'Martin',
  'Cooper',
  'Ward',
  'Morris',
  'King',
  'Turner',
  'Baker',
  'Cook',
  'Begum',
  'Ali',
  'Shah',
  'Price',
  'Bell',
  'Murphy',
  'Kelly',
  'Bailey',
  'Lewis',
  'Young',
  'Allen',
  'Scott',
  'Adams',
];
const ROLES = [
  'Headteacher',
  'GP',
  'PCSO',
  'Librarian',
  'Youth worker',
  'Nurse',
  'Social worker',
  'Councillor',
  'Housing officer',
  'Neighbourhood manager',
];

/**
 * The roster and survey, and for each distinct typed text the roster names it was typed from
 * (several when two people's names typed with a slip come out the same), to grade the matches.
 */
function largeRosterSurvey(
  people: number,
  answers: number,
): { roster: string; survey: string; typedFrom: Map<string, Set<string>> } {
  const rand = seededRandom(11);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const names = new Set<string>();
  const rosterLines = ['id,name,type,role,service,sector'];
  while (names.size < people) {
    const name =
      rand() < 0.5
        ? `${pick(FIRST)} ${pick(LAST)}`
        : `${pick(FIRST)} ${pick(FIRST)[0]}. ${pick(LAST)}-${pick(LAST)}`;
    if (names.has(name)) continue;
    names.add(name);
    rosterLines.push(
      `ps-${names.size},${name},public-servant,${pick(ROLES)},Service ${names.size % 80},public`,
    );
  }
  const list = [...names];
  const typedFrom = new Map<string, Set<string>>();
  const typed = (name: string): string => {
    const text = typedAs(name);
    let from = typedFrom.get(text);
    if (!from) typedFrom.set(text, (from = new Set()));
    from.add(name);
    return text;
  };
  const typedAs = (name: string): string => {
    const r = rand();
    const at = Math.floor(rand() * (name.length - 1));
    if (r < 0.3) return name;
    if (r < 0.5) return name.slice(0, at) + name.slice(at + 1); // a letter dropped
    if (r < 0.6) return name.toLowerCase();
    if (r < 0.7) return name.split(' ').at(-1)!; // the surname alone
    if (r < 0.8) return `Dr ${name.split(' ').at(-1)}`;
    if (r < 0.9) return name.slice(0, at) + name[at + 1] + name[at] + name.slice(at + 2); // two swapped
    return `${name} ${pick(ROLES)}`;
  };
  const surveyLines = [
    'Response ID,Respondent type,Who do you go to in times of need?,Who do you trust?,Where do you get your information?',
  ];
  for (let i = 0; i < answers; i++) {
    const cell = () =>
      `"${Array.from({ length: Math.floor(rand() * 4) }, () => typed(pick(list))).join('; ')}"`;
    surveyLines.push(`R${i},Resident,${cell()},${cell()},${cell()}`);
  }
  return { roster: rosterLines.join('\n'), survey: surveyLines.join('\n'), typedFrom };
}

/**
 * Each distinct typed text matched alone: accepted as the person it was typed from (right), as
 * someone else (wrong: the defect that matters most, a tie silently given to another person),
 * or sent to review. Some wrong ones are fair (a title picking the one doctor among namesakes).
 */
function grade(
  roster: string,
  typedFrom: Map<string, Set<string>>,
): { right: number; wrong: number; review: number } {
  const entries = readRoster({ name: 'roster.csv', data: roster }, new QualityCollector()).entries;
  const matcher = new RosterMatcher(entries);
  const nameOf = new Map(entries.map((e) => [e.id as string, e.name]));
  const out = { right: 0, wrong: 0, review: 0 };
  for (const [text, from] of typedFrom) {
    const id = matcher.match(text).id;
    if (id === null) out.review++;
    else if (from.has(nameOf.get(id)!)) out.right++;
    else out.wrong++;
  }
  return out;
}

export default async function bench(context: BenchContext): Promise<BenchRow[]> {
  const people = 5_000;
  const answers = context.quick ? 1_000 : 5_000;
  context.log(`generating a ${people}-person roster and ${answers} answers with typed names`);
  const { roster, survey, typedFrom } = largeRosterSurvey(people, answers);
  const run = () =>
    ingest(
      { surveys: [{ name: 'survey.csv', data: survey }], roster: { name: 'roster.csv', data: roster } },
      new QualityCollector(),
      makeProgress(),
    );
  const papa = () => Papa.parse<string[]>(survey, { delimiter: ',', newline: '\n' }).data.length;
  const ours: number[] = [];
  const reference: number[] = [];
  let review = 0;
  let ties = 0;
  for (let i = 0; i < 3; i++) {
    let t0 = performance.now();
    papa();
    reference.push(performance.now() - t0);
    // A fresh matcher each time: its memo of matched texts is the work being measured.
    t0 = performance.now();
    const result = run();
    ours.push(performance.now() - t0);
    review = result.review.length;
    ties = result.ties.length;
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const graded = grade(roster, typedFrom);
  const share = (n: number) => `${((100 * n) / typedFrom.size).toFixed(1)}%`;
  return [
    {
      case: `typed names against a ${people.toLocaleString('en')}-person roster, ${answers.toLocaleString('en')} answers`,
      ms: median(ours),
      reference: 'papaparse parse alone',
      referenceMs: median(reference),
      note: `no target (matching, not parsing, is the work); ${ties.toLocaleString('en')} ties, ${review.toLocaleString('en')} texts to review; median of 3. Of ${typedFrom.size.toLocaleString('en')} distinct texts graded against the names they were typed from: ${graded.wrong.toLocaleString('en')} accepted as someone else (${share(graded.wrong)}), ${graded.right.toLocaleString('en')} right (${share(graded.right)}), ${graded.review.toLocaleString('en')} to review`,
    },
  ];
}
