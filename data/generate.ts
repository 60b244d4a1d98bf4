// Writes the seeded demo data set in data/demo/: a fictional town's roster, two survey waves,
// 360 appraisals and satisfaction returns. Run `npm run demo-data`; same seed, same files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import seedrandom from 'seedrandom';

const OUT = join(dirname(fileURLToPath(import.meta.url)), 'demo');
const rng = seedrandom('civic-ties-demo-1');

const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const chance = (p: number): boolean => rng() < p;
const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));
/** Standard normal by Box–Muller, from the seeded stream. */
function normal(): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

interface Person {
  id: string;
  name: string;
  type: 'public-servant' | 'group' | 'volunteer';
  role: string;
  service: string;
  sector: 'public' | 'voluntary';
  email: string;
  /** How woven into the community they are at baseline and at follow-up (0–1). */
  woven: number;
  wovenAfter: number;
  /** Latent 360 competence (1–5 scale centre). */
  competence: number;
  /** Messy ways residents type this name in the follow-up wave. */
  variants: string[];
}

// Services of the fictional town of Millbrook; quality drives satisfaction.
const SERVICES = [
  { name: 'Riverside Primary School', quality: 0.75 },
  { name: 'Hillside Academy', quality: 0.55 },
  { name: 'Riverside Surgery', quality: 0.7 },
  { name: 'Northgate Medical Centre', quality: 0.5 },
  { name: 'Millbrook Neighbourhood Policing', quality: 0.6 },
  { name: 'Council Neighbourhood Services', quality: 0.45 },
  { name: 'Millbrook Library', quality: 0.8 },
  { name: 'Millbrook Youth Service', quality: 0.6 },
] as const;

// [name, role, service index, woven at baseline, change by follow-up, messy variants]
const PUBLIC_SERVANTS: [string, string, number, number, number, string[]][] = [
  ['Helen Okafor', 'Headteacher', 0, 0.9, 0.0, ['Mrs Okafor', 'helen okafor', 'Mrs H Okafor']],
  ['James Whitfield', 'Deputy Headteacher', 0, 0.35, 0.05, ['Mr Whitfield', 'James Whitfeld']],
  ['Sarah Lindqvist', 'Headteacher', 1, 0.15, 0.45, ['Mrs Lindqvist', 'sarah lindqvist', 'Ms Lindquist']],
  ['Dr Priya Patel', 'GP', 2, 0.8, 0.0, ['Dr Priya Patel GP', 'priya patel', 'Dr P Patel']],
  ['Dr Thomas Reid', 'GP', 2, 0.4, 0.0, ['Dr Reid', 'tom reid', 'Dr T. Reid']],
  ['Dr Anil Patel', 'GP', 3, 0.3, 0.0, ['Dr Anil Patel', 'anil patel', 'Dr A Patel']],
  ['Dr Grace Mensah', 'GP', 3, 0.1, 0.0, ['Dr Mensah', 'grace mensah']],
  ['Sgt David Jones', 'Police Sergeant', 4, 0.55, 0.0, ['Sgt Jones', 'Dave Jones', 'sergeant jones']],
  ['Amira Haddad', 'PCSO', 4, 0.85, 0.0, ['PCSO Amira', 'amira haddad', 'Amira Hadad']],
  ['Liam Byrne', 'PCSO', 4, 0.2, 0.35, ['PCSO Byrne', 'liam byrne']],
  ['PC Rachel Osei', 'Police Constable', 4, 0.05, 0.0, ['PC Osei', 'rachel osei']],
  [
    'Karen Douglas',
    'Neighbourhood Manager',
    5,
    0.7,
    0.0,
    ['Karen Douglas (council)', 'karen douglas', 'K Douglas'],
  ],
  ['Mohammed Rahman', 'Neighbourhood Officer', 5, 0.25, 0.0, ['Mo Rahman', 'Mohammed Rahman council']],
  ['Fiona MacLeod', 'Housing Officer', 5, 0.08, 0.0, ['Fiona Macleod', 'fiona mcleod']],
  ['Eleanor Price', 'Librarian', 6, 0.6, 0.0, ['Eleanor at the library', 'Ellie Price', 'eleanor price']],
  ['Joseph Adeyemi', 'Library Assistant', 6, 0.3, 0.0, ['Joe Adeyemi', 'joseph adeyemi']],
  ['Chloe Barnes', 'Youth Worker', 7, 0.65, 0.0, ['Chloe Barnes youth club', 'chloe barnes']],
  ['Daniel Kowalski', 'Youth Worker', 7, 0.3, -0.2, ['Dan Kowalski', 'Daniel Kowalsky']],
];

const GROUPS: [string, number][] = [
  ['Millbrook Food Bank', 0.8],
  ['Riverside Residents Association', 0.6],
  ['Age UK Millbrook', 0.5],
  ['St Mary’s Church Community Hall', 0.45],
  ['Millbrook Mosque Welfare Committee', 0.4],
  ['Parents of Hillside PTA', 0.3],
  ['Millbrook Men’s Shed', 0.2],
  ['Northgate Tenants Forum', 0.35],
  ['Millbrook Carers Network', 0.25],
  ['Friends of Millbrook Park', 0.15],
];

const FIRST = [
  'Aisha',
  'Ben',
  'Carys',
  'Dev',
  'Emma',
  'Femi',
  'Gareth',
  'Hannah',
  'Imran',
  'Joanne',
  'Kwame',
  'Lucy',
  'Marek',
  'Nadia',
  'Owen',
  'Pooja',
  'Rhys',
  'Sophie',
  'Tariq',
  'Yvonne',
];
const LAST = [
  'Ahmed',
  'Brown',
  'Clarke',
  'Evans',
  'Hussain',
  'Jenkins',
  'Kaur',
  'Lewis',
  'Nowak',
  'Obi',
  'Roberts',
  'Shah',
  'Taylor',
  'Walsh',
  'Wright',
];

function slugEmail(name: string, domain: string): string {
  return `${name
    .toLowerCase()
    .replace(/^(dr|sgt|pc|pcso|mrs|mr|ms) /, '')
    .replace(/[^a-z]+/g, '.')}@${domain}`;
}

function buildRoster(): Person[] {
  const people: Person[] = [];
  PUBLIC_SERVANTS.forEach(([name, role, svc, woven, change, variants], i) => {
    people.push({
      id: `ps-${String(i + 1).padStart(2, '0')}`,
      name,
      type: 'public-servant',
      role,
      service: SERVICES[svc]!.name,
      sector: 'public',
      email: slugEmail(name, 'millbrook.gov.uk'),
      woven,
      wovenAfter: clamp(woven + change, 0, 1),
      competence: clamp(2.6 + woven * 1.8 + normal() * 0.3, 1.5, 4.8),
      variants,
    });
  });
  GROUPS.forEach(([name, woven], i) => {
    people.push({
      id: `vg-${String(i + 1).padStart(2, '0')}`,
      name,
      type: 'group',
      role: 'Community group',
      service: '',
      sector: 'voluntary',
      email: slugEmail(name, 'groups.example.org'),
      woven,
      wovenAfter: clamp(woven + 0.05, 0, 1),
      competence: 3,
      variants: [name.replace('Millbrook ', ''), name.toLowerCase()],
    });
  });
  for (let i = 0; i < 24; i++) {
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    people.push({
      id: `vol-${String(i + 1).padStart(2, '0')}`,
      name,
      type: 'volunteer',
      role: `Volunteer, ${GROUPS[i % GROUPS.length]![0]}`,
      service: '',
      sector: 'voluntary',
      email: slugEmail(name, 'volunteers.example.org'),
      woven: 0.1 + rng() * 0.4,
      wovenAfter: 0,
      competence: 3,
      variants: [name.toLowerCase()],
    });
    people.at(-1)!.wovenAfter = people.at(-1)!.woven;
  }
  return people;
}

const QUESTIONS = {
  need: 'Who do you go to in times of need?',
  trust: 'Who do you trust?',
  info: 'Where do you get your information?',
} as const;

/** Relation-specific appeal: teachers and GPs are trusted, the library informs, and so on. */
function appeal(person: Person, relation: keyof typeof QUESTIONS, wave: 0 | 1): number {
  const woven = wave === 0 ? person.woven : person.wovenAfter;
  const role = person.role.toLowerCase();
  let bias = 1;
  if (relation === 'info' && (role.includes('librar') || person.type === 'group')) bias = 1.6;
  if (relation === 'trust' && (role.includes('gp') || role.includes('head'))) bias = 1.4;
  if (
    relation === 'need' &&
    (person.type === 'group' || role.includes('pcso') || role.includes('neighbourhood'))
  )
    bias = 1.4;
  return woven * woven * bias;
}

function weightedSample(people: Person[], weights: number[], k: number): Person[] {
  const chosen: Person[] = [];
  const w = [...weights];
  for (let n = 0; n < k; n++) {
    const total = w.reduce((a, b) => a + b, 0);
    if (total <= 0) break;
    let r = rng() * total;
    for (let i = 0; i < people.length; i++) {
      r -= w[i]!;
      if (r <= 0) {
        chosen.push(people[i]!);
        w[i] = 0;
        break;
      }
    }
  }
  return chosen;
}

function csvCell(value: string | number): string {
  const s = String(value);
  return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function writeCsv(file: string, header: string[], rows: (string | number)[][]): void {
  const text = [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
  writeFileSync(join(OUT, file), text, 'utf8');
}

const RESPONDENT_TYPES = [
  'Resident',
  'Resident',
  'Resident',
  'Resident',
  'Resident',
  'Resident',
  'Service user',
];
const LIKERT = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];

function likert(centre: number): string {
  if (chance(0.05)) return "Don't know";
  const score = Math.round(clamp(1 + centre * 4 + normal() * 0.9, 1, 5));
  return LIKERT[score - 1]!;
}

function main(): void {
  mkdirSync(OUT, { recursive: true });
  const roster = buildRoster();
  writeCsv(
    'roster.csv',
    ['id', 'name', 'type', 'role', 'service', 'sector', 'email'],
    roster.map((p) => [p.id, p.name, p.type, p.role, p.service, p.sector, p.email]),
  );

  const nameable = roster;
  const volunteers = roster.filter((p) => p.type === 'volunteer');
  const groups = roster.filter((p) => p.type === 'group');
  // A stable panel of residents answers both waves (same Response ID prefix + index), plus newcomers.
  const residents = Array.from({ length: 320 }, (_, i) => ({
    index: i,
    type: pick(RESPONDENT_TYPES),
    service: pick(SERVICES).name,
    sociability: 0.4 + rng() * 1.2,
    inBothWaves: chance(0.7),
  }));

  for (const wave of [0, 1] as const) {
    const rows: string[][] = [];
    const satisfactionRows: (string | number)[][] = [];
    const respondents = [
      ...residents
        .filter((r) => wave === 0 || r.inBothWaves)
        .map((r) => ({ ...r, rosterId: '', kind: r.type })),
      ...(wave === 1
        ? Array.from({ length: 60 }, (_, i) => ({
            index: 1000 + i,
            type: pick(RESPONDENT_TYPES),
            service: pick(SERVICES).name,
            sociability: 0.4 + rng() * 1.2,
            inBothWaves: false,
            rosterId: '',
            kind: 'Resident',
          }))
        : []),
      ...volunteers.map((v, i) => ({
        index: 2000 + i,
        type: 'Volunteer',
        service: pick(SERVICES).name,
        sociability: 1.5,
        inBothWaves: true,
        rosterId: v.id,
        kind: 'Volunteer',
      })),
      ...groups.map((g, i) => ({
        index: 3000 + i,
        type: 'Community group',
        service: pick(SERVICES).name,
        sociability: 2,
        inBothWaves: true,
        rosterId: g.id,
        kind: 'Community group',
      })),
      // A whole-network survey also asks the public servants themselves: the well woven name
      // groups and volunteers, the isolated mostly colleagues, so brokerage has something to find.
      ...roster
        .filter((p) => p.type === 'public-servant')
        .map((p, i) => ({
          index: 4000 + i,
          type: 'Public servant',
          service: p.service,
          sociability: 0.6 + 1.4 * (wave === 0 ? p.woven : p.wovenAfter),
          inBothWaves: true,
          rosterId: p.id,
          kind: 'Public servant',
        })),
    ];
    for (const r of respondents) {
      const responseId = `R_${wave === 0 ? 'B' : 'F'}${String(r.index).padStart(4, '0')}`;
      const self = r.rosterId;
      const cells: string[] = [];
      for (const relation of ['need', 'trust', 'info'] as const) {
        const candidates = nameable.filter((p) => p.id !== self);
        const weights = candidates.map((p) => {
          // People name those in the service they use more often.
          const local = p.service === r.service ? 3 : 1;
          if (r.kind === 'Public servant') {
            const me = roster.find((x) => x.id === r.rosterId)!;
            const woven = wave === 0 ? me.woven : me.wovenAfter;
            // Colleagues in the same service for everyone; civil society in proportion to how woven.
            return p.type === 'public-servant'
              ? local * 0.3
              : 0.2 + woven * 2 * (0.5 + (wave === 0 ? p.woven : p.wovenAfter));
          }
          return appeal(p, relation, wave) * local;
        });
        const k = Math.min(4, Math.floor(rng() * 2.2 * r.sociability));
        const named = weightedSample(candidates, weights, k);
        const texts = named.map((p) => (wave === 1 && chance(0.25) ? pick(p.variants) : p.name));
        // A few answers that no roster entry matches: the review queue must show them.
        if (wave === 1 && chance(0.03)) texts.push(pick(['Patel', 'the vicar', 'my neighbour Sue', 'Jones']));
        cells.push(texts.join('; '));
      }
      rows.push([responseId, r.type, r.rosterId, r.service, ...cells]);
      if (!r.rosterId) {
        const svc = SERVICES.find((s) => s.name === r.service)!;
        const staff = roster.filter((p) => p.service === r.service);
        const staffWoven =
          staff.reduce((a, p) => a + (wave === 0 ? p.woven : p.wovenAfter), 0) / Math.max(1, staff.length);
        satisfactionRows.push([
          responseId,
          r.service,
          likert(svc.quality),
          likert(0.25 + staffWoven * 0.5),
          likert(0.2 + staffWoven * 0.6),
          likert((svc.quality + staffWoven) / 2),
          Math.round(clamp(3 + normal(), 1, 5)),
        ]);
      }
    }
    writeCsv(
      wave === 0 ? 'survey-baseline.csv' : 'survey-followup.csv',
      [
        'Response ID',
        'Respondent type',
        'Roster ID',
        'Service used',
        QUESTIONS.need,
        QUESTIONS.trust,
        QUESTIONS.info,
      ],
      rows,
    );
    writeCsv(
      wave === 0 ? 'satisfaction.csv' : 'satisfaction-followup.csv',
      [
        'Response ID',
        'Service',
        'Satisfied with the service',
        'I can influence decisions affecting my local area',
        'I feel involved',
        'I trust the service',
        'Importance of the service',
      ],
      satisfactionRows,
    );
  }

  // 360 appraisals: every group but self and manager varies in size, so some fall under the
  // anonymity threshold of 3 and must be folded into "others".
  const COMPETENCIES = [
    'Taking responsibility',
    'Honest and open treatment',
    'Asking for feedback',
    'Acting on feedback',
    'Avoiding unnecessary contact',
    'Good communication',
  ];
  const appraisalRows: (string | number)[][] = [];
  let raterSeq = 1;
  for (const p of roster.filter((x) => x.type === 'public-servant')) {
    const groupsAndSizes: [string, number][] = [
      ['self', 1],
      ['manager', 1],
      ['peer', 2 + Math.floor(rng() * 4)],
      ['direct report', Math.floor(rng() * 5)],
      ['community partner', 2 + Math.floor(rng() * 5)],
      ['citizen', 1 + Math.floor(rng() * 8)],
    ];
    const strengths = COMPETENCIES.map(() => normal() * 0.4);
    for (const [group, size] of groupsAndSizes) {
      for (let k = 0; k < size; k++) {
        const rater = group === 'self' ? p.id : `rater-${String(raterSeq++).padStart(4, '0')}`;
        // Self-ratings run high for the less woven: the blind spots the report should surface.
        const selfBias = group === 'self' ? 0.8 - p.woven : 0;
        COMPETENCIES.forEach((c, ci) => {
          const score = chance(0.04)
            ? 'N/A'
            : Math.round(clamp(p.competence + strengths[ci]! + selfBias + normal() * 0.6, 1, 5));
          appraisalRows.push([p.id, rater, group, c, score]);
        });
      }
    }
  }
  writeCsv('appraisals.csv', ['ratee_id', 'rater_id', 'rater_group', 'competency', 'score'], appraisalRows);
  console.log(`Demo data written to ${OUT}`);
}

main();
