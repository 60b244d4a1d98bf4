// The six 360 competencies, the rater groups and the score labels a 360 file may use.
// One table drives reading (aliases), summaries (order) and the scorecard columns (keys).

export const COMPETENCIES = [
  {
    key: 'takingResponsibility',
    label: 'Taking responsibility',
    aliases: ['taking responsibility', 'takes responsibility', 'responsibility'],
  },
  {
    key: 'honestOpen',
    label: 'Honest and open treatment',
    aliases: [
      'honest and open treatment',
      'honest and open',
      'honest open',
      'honesty and openness',
      'honesty',
    ],
  },
  {
    key: 'askingForFeedback',
    label: 'Asking for feedback',
    aliases: ['asking for feedback', 'asks for feedback', 'seeking feedback', 'seeks feedback'],
  },
  {
    key: 'actingOnFeedback',
    label: 'Acting on feedback',
    aliases: ['acting on feedback', 'acts on feedback', 'responding to feedback'],
  },
  {
    key: 'avoidingUnnecessaryContact',
    label: 'Avoiding unnecessary contact',
    aliases: ['avoiding unnecessary contact', 'avoids unnecessary contact', 'unnecessary contact'],
  },
  {
    key: 'goodCommunication',
    label: 'Good communication',
    aliases: ['good communication', 'communicates well', 'communication'],
  },
] as const;

export type CompetencyKey = (typeof COMPETENCIES)[number]['key'];
export const COMPETENCY_KEYS: CompetencyKey[] = COMPETENCIES.map((c) => c.key);

export const COMPETENCY_LABEL: Record<CompetencyKey, string> = Object.fromEntries(
  COMPETENCIES.map((c) => [c.key, c.label]),
) as Record<CompetencyKey, string>;

/** Rater groups in the order reports show them. `other` = a group the file named that we do not know. */
export const RATER_GROUPS = [
  'self',
  'manager',
  'peer',
  'direct report',
  'community partner',
  'citizen',
  'other',
] as const;
export type RaterGroup = (typeof RATER_GROUPS)[number];

/** Groups shown whatever their size: the person themself, and a manager (usually one, known anyway). */
export const EXEMPT_GROUPS: readonly RaterGroup[] = ['self', 'manager'];

const norm = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const GROUP_ALIASES: [RaterGroup, string[]][] = [
  ['self', ['self', 'self assessment', 'self rating', 'myself', 'own']],
  ['manager', ['manager', 'line manager', 'supervisor', 'boss', 'head of service']],
  ['peer', ['peer', 'peers', 'colleague', 'colleagues', 'co worker', 'coworker']],
  [
    'direct report',
    ['direct report', 'direct reports', 'report', 'reports', 'team member', 'staff', 'subordinate'],
  ],
  [
    'community partner',
    [
      'community partner',
      'community partners',
      'partner',
      'partners',
      'partner organisation',
      'partner organization',
      'voluntary sector',
      'community group',
    ],
  ],
  [
    'citizen',
    ['citizen', 'citizens', 'resident', 'residents', 'service user', 'service users', 'public', 'customer'],
  ],
];

/** The rater group a cell names, or null when it names none we know. */
export function parseRaterGroup(text: string): RaterGroup | null {
  const t = norm(text);
  if (t === '') return null;
  for (const [group, aliases] of GROUP_ALIASES) if (aliases.includes(t)) return group;
  return null;
}

/** The competency a header or cell names (exact alias first, then one contained in the text). */
export function parseCompetency(text: string): CompetencyKey | null {
  const t = norm(text);
  if (t === '') return null;
  for (const c of COMPETENCIES) if ((c.aliases as readonly string[]).includes(t)) return c.key;
  // Longest alias first so "good communication" wins over a bare "communication".
  const pairs = COMPETENCIES.flatMap((c) => c.aliases.map((a) => [a, c.key] as const)).sort(
    (a, b) => b[0].length - a[0].length,
  );
  for (const [alias, key] of pairs) if (` ${t} `.includes(` ${alias} `)) return key;
  return null;
}

const MISSING = new Set([
  '',
  'n a',
  'na',
  'not applicable',
  'dont know',
  'do not know',
  'unable to rate',
  'unable to say',
  'cannot say',
  'not observed',
  'no opinion',
  'no answer',
  'skip',
  'skipped',
  'null',
]);

/** Text labels of the 1–5 scales 360 tools use (agreement, quality, frequency). */
const SCORE_LABELS: Record<string, number> = {
  'strongly agree': 5,
  agree: 4,
  'neither agree nor disagree': 3,
  neutral: 3,
  disagree: 2,
  'strongly disagree': 1,
  excellent: 5,
  outstanding: 5,
  'very good': 5,
  good: 4,
  adequate: 3,
  satisfactory: 3,
  average: 3,
  fair: 3,
  poor: 2,
  'very poor': 1,
  always: 5,
  'almost always': 5,
  often: 4,
  usually: 4,
  mostly: 4,
  sometimes: 3,
  occasionally: 3,
  rarely: 2,
  seldom: 2,
  never: 1,
  'almost never': 1,
  'very high': 5,
  high: 4,
  medium: 3,
  low: 2,
  'very low': 1,
};

/**
 * A score cell: 1–5 (a number, "4 - Good", "4 (Good)") or a text label; `null` for N/A and other
 * "cannot rate" answers; `'invalid'` for anything else (the reader reports it).
 */
export function parseScore(text: string): number | null | 'invalid' {
  const raw = text.trim();
  const t = norm(raw);
  if (MISSING.has(t) || raw === '-' || raw === '—') return null;
  const lead = /^([0-9]+(?:[.,][0-9]+)?)(?:\s*(?:[-–—:(/].*)?)?$/.exec(raw);
  if (lead) {
    const value = Number(lead[1]!.replace(',', '.'));
    return value >= 1 && value <= 5 ? value : 'invalid';
  }
  const label = SCORE_LABELS[t];
  return label ?? 'invalid';
}
