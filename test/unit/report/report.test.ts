// The report: self-contained (no scripts, no requests), user text inert, the anonymity rule held,
// one section per public servant, and it builds from a real pipeline run on the demo data.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { asActorId, type Actor, type Tie } from '../../../src/core/model';
import { buildReport, type ReportSource } from '../../../src/core/report';
import { summariseAppraisals, COMPETENCY_KEYS, type AppraisalRating } from '../../../src/core/appraisal';
import { summariseSatisfaction, type SatisfactionResponse } from '../../../src/core/satisfaction';
import { COMPONENT_KEYS, type Scorecard } from '../../../src/core/scorecard';
import { runPipeline } from '../../../src/core/pipeline';

const EVIL_NAME = '<script>alert("x")</script>';
const FORMULA_NAME = '=HYPERLINK("http://evil.example","click")';

const actor = (
  id: string,
  label: string,
  type: Actor['type'],
  sector: string,
  onRoster: boolean,
  service?: string,
): Actor => ({
  id: asActorId(id),
  label,
  type,
  sector,
  onRoster,
  service,
  role: onRoster ? 'GP' : undefined,
  attrs: onRoster ? { name: label } : { name: 'Secret Resident Name', email: 'secret@example.org' },
});

const actors: Actor[] = [
  actor('ps1', EVIL_NAME, 'public-servant', 'public', true, 'Health <b>Centre</b>'),
  actor('ps2', FORMULA_NAME, 'public-servant', 'public', true, 'Police'),
  actor('r1', 'Resident 1', 'resident', 'community', false),
  actor('r2', 'Resident 2', 'resident', 'community', false),
  actor('g1', 'Group 1', 'group', 'voluntary', false),
];
const tie = (s: string, t: string, relation: string): Tie => ({
  source: asActorId(s),
  target: asActorId(t),
  relation,
  weight: 1,
});
const ties: Tie[] = [
  tie('r1', 'ps1', 'need'),
  tie('r2', 'ps1', 'trust'),
  tie('g1', 'ps2', 'info'),
  tie('r1', 'ps2', 'trust'),
];

function card(
  id: string,
  name: string,
  service: string,
  index: number | null,
  rank: number | null,
): Scorecard {
  const components = Object.fromEntries(
    COMPONENT_KEYS.map((k) => [
      k,
      {
        raw: 1,
        normalised: 50,
        weight: 0.1,
        weightUsed: 0.125,
        contribution: 6.25,
        missing: k === 'satisfaction',
      },
    ]),
  );
  return {
    id,
    name,
    role: 'GP',
    service,
    index,
    rank,
    indexLow: index === null ? null : index - 10,
    indexHigh: index === null ? null : index + 10,
    rankLow: rank,
    rankHigh: rank === null ? null : rank + 1,
    civilInDegree: 2,
    civilInDegreeLow: 1,
    civilInDegreeHigh: 2,
    needInDegree: 1,
    trustInDegree: 1,
    infoInDegree: 0,
    civilReach: 3,
    betweenness: 0,
    constraint: 0.5,
    brokerage: 0,
    missingComponents: 'satisfaction',
    components,
    intervals: {},
    civilNamers: [],
    draws: 0,
  } as unknown as Scorecard;
}

// ps1: 2 peers (below the threshold of 3: must fold), 3 citizens (shown), a manager and self.
const ratings: AppraisalRating[] = [];
const rate = (rater: string, group: AppraisalRating['group'], score: number) => {
  for (const competency of COMPETENCY_KEYS)
    ratings.push({ ratee: asActorId('ps1'), rater, group, competency, score, file: 'a.csv', row: 2 });
};
rate('self', 'self', 5);
rate('m1', 'manager', 4);
rate('p1', 'peer', 1);
rate('p2', 'peer', 2);
rate('cp1', 'community partner', 3);
rate('c1', 'citizen', 3);
rate('c2', 'citizen', 4);
rate('c3', 'citizen', 4);
const appraisal = summariseAppraisals(ratings, { threshold: 3 });

const satRows: SatisfactionResponse[] = Array.from({ length: 12 }, (_, i) => ({
  id: `s${i}`,
  file: 's.csv',
  row: i + 2,
  services: ['Health <b>Centre</b>'],
  answers: { satisfied: (i % 5) + 1, influence: i % 3 === 0 ? 'dont-know' : 4 },
  importance: 4,
}));
const satisfaction = summariseSatisfaction(satRows, actors);

const source: ReportSource = {
  actors,
  ties,
  relations: ['info', 'need', 'trust'],
  metrics: {
    graph: { nodes: 5, edges: 4, directed: true, density: 0.2 },
    nodes: {
      ps1: { inDegree: 2 },
      ps2: { inDegree: 2 },
      r1: { inDegree: 0 },
      r2: { inDegree: 0 },
      g1: { inDegree: 0 },
    },
  },
  appraisal,
  satisfaction,
  scorecards: [
    card('ps1', EVIL_NAME, 'Health <b>Centre</b>', 70, 1),
    card('ps2', FORMULA_NAME, 'Police', null, null),
  ],
  change: [
    {
      id: 'ps1',
      indexBefore: 50,
      indexAfter: 70,
      indexChange: 20,
      indexChangeLow: 5,
      indexChangeHigh: 35,
      indexRealChange: true,
    },
  ],
  coverage: {
    minRate: 0.6,
    sectors: [
      {
        sector: 'community',
        invited: 100,
        invitedFrom: 'given',
        responded: 30,
        rate: 0.3,
        low: true,
        warning: 'Only 30% of community answered.',
      },
      {
        sector: 'voluntary',
        invited: null,
        invitedFrom: null,
        responded: 1,
        rate: null,
        low: false,
        warning: null,
      },
    ],
    warnings: ['Only 30% of community answered: <too low>.'],
  },
  serviceChange: [
    {
      service: 'Police',
      people: 1,
      indexBefore: 40,
      indexAfter: 45,
      satisfiedBefore: 50,
      satisfiedAfter: 70,
      satisfiedChange: 20,
      satisfiedChangeLow: 2,
      satisfiedChangeHigh: 38,
      satisfiedRealChange: true,
    },
  ],
  quality: {
    rows: { read: 10, accepted: 9, rejected: 1 },
    issues: [
      {
        severity: 'warning',
        file: 'survey.csv',
        row: 4,
        column: 'Q1',
        code: 'unmatched-name',
        message: 'Secret Resident Name did not match',
      },
    ],
    unmatched: [{ text: 'Secret Resident Name', count: 2, suggestions: [] }],
  },
};

const positions = {
  ps1: { x: 100, y: 100 },
  ps2: { x: 900, y: 100 },
  r1: { x: 500, y: 500 },
  r2: { x: 100, y: 900 },
  g1: { x: 900, y: 900 },
};

describe('buildReport', () => {
  const html = buildReport(source, { positions, generatedAt: '2026-01-01' });

  it('counts the actors in plain English in the header ("2 public servants, 1 group")', () => {
    const meta = /<p class="meta">([^<]*)<\/p>/.exec(html)?.[1] ?? '';
    expect(meta).toContain('2 public servants, 2 residents, 1 group');
  });

  it('is one self-contained document: no scripts, no external requests, a CSP forbidding both', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/(src|href)="(?!#|data:)/i);
    expect(html).not.toMatch(/url\((?!#)/i);
    expect(html).not.toMatch(/@import|@font-face/i);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed|base|form|meta http-equiv="refresh")/i);
    expect(html).not.toMatch(/[>"]NaN[<"]|="[^"]*NaN|\bundefined\b|\[object Object\]/);
  });

  it('prints hostile names as text, never as markup', () => {
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)');
    expect(html).toContain('Health &lt;b&gt;Centre&lt;/b&gt;');
    expect(html).not.toContain('<b>Centre');
  });

  it('parses as well-formed XML-compatible markup where it matters: every SVG', () => {
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs.length).toBeGreaterThan(5);
    if (existsSync('/usr/bin/python3'))
      for (const svg of svgs)
        execFileSync(
          '/usr/bin/python3',
          ['-c', 'import sys, xml.etree.ElementTree as E; E.fromstring(sys.stdin.read())'],
          { input: svg },
        );
  });

  it('has one section per public servant, in rank order, with index interval and rank range', () => {
    const a = html.indexOf('id="p-ps1"');
    const b = html.indexOf('id="p-ps2"');
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(a);
    expect(html).toContain('95% interval 60–80');
    expect(html).toContain('1 of 2 (range 1–2)');
    expect(html).toContain('Left out of this index');
  });

  it('never shows a 360 rater group below the threshold on its own', () => {
    const person = html.slice(html.indexOf('id="p-ps1"'), html.indexOf('id="p-ps2"'));
    expect(person).toContain('Citizen (3 raters)');
    expect(person).not.toMatch(/Peer/);
    expect(person).not.toMatch(/Community partner/i);
    expect(person).toContain('Other groups combined (3 raters)');
    expect(person).toContain('Manager (1 rater)');
    expect(html).toContain('fewer than 3 raters is never shown on its own');
  });

  it('keeps residents pseudonymous and quality details out unless names are asked for', () => {
    expect(html).not.toContain('Secret Resident Name');
    expect(html).not.toContain('secret@example.org');
    const named = buildReport(source, { positions, includeNames: true });
    expect(named).toContain('Secret Resident Name');
  });

  it('includes methods, satisfaction with intervals, change and the map', () => {
    expect(html).toContain('id="methods"');
    expect(html).toContain('<code>betweenness</code>');
    expect(html).toContain('ct-network');
    expect(html).toContain('Satisfied with the service');
    expect(html).toContain('n = 12');
    expect(html).toContain('real change');
    expect(html).toContain('Generated 2026-01-01');
  });

  it('prints coverage beside the network figures and service-level change', () => {
    expect(html).toContain('Only 30% of community answered: &lt;too low&gt;.');
    expect(html).toContain('Too few answered to compare people fairly');
    const person = html.slice(html.indexOf('id="p-ps1"'), html.indexOf('id="p-ps2"'));
    expect(person).toContain(
      'Coverage behind these figures: community: 30 of 100 (30%) answered — low; voluntary: 1 answered.',
    );
    expect(html).toContain('Change by service');
  });

  it("names in Methods the questions this run's tie types come from (trial X: always all three)", () => {
    const only = (relations: string[]) => buildReport({ ...source, relations }, { positions });
    expect(only(['need', 'trust'])).toContain(
      'answered 2 questions: who they go to in times of need and who they trust.',
    );
    expect(only(['need', 'trust', 'info', '<b>advice</b>'])).toContain(
      'whom they name for "&lt;b&gt;advice&lt;/b&gt;"',
    );
  });

  it('is deterministic for the same input', () => {
    expect(buildReport(source, { positions, generatedAt: '2026-01-01' })).toBe(html);
  });

  it('prints a page per scorecard', () => {
    expect(html).toMatch(/@media print[\s\S]*section\.person \{ break-before: page;/);
  });
});

describe('buildReport on a real pipeline run (demo data)', () => {
  it('builds, with a section for every scorecard and no layout given', () => {
    const read = (name: string) => ({ name, data: readFileSync(`data/demo/${name}`, 'utf8') });
    const result = runPipeline(
      {
        surveys: [read('survey-baseline.csv')],
        roster: read('roster.csv'),
        appraisals: read('appraisals.csv'),
        satisfaction: read('satisfaction.csv'),
      },
      { bootstrapDraws: 10, seed: 1 },
    );
    const html = buildReport(result);
    for (const c of result.scorecards)
      expect(html).toContain(
        `id="p-${c.id.replace(/[^A-Za-z0-9_-]/g, (ch) => `_${ch.charCodeAt(0).toString(16)}`)}"`,
      );
    expect(html).not.toMatch(/[>"]NaN[<"]|="[^"]*NaN|\bundefined\b|<script/i);
    // The summary counts the survey's responses, not every row read (360s and satisfaction too).
    const used = html.match(/<div class="value">(\d+)<\/div><div class="label">survey responses used/);
    expect(Number(used?.[1])).toBe(result.respondents.length);
    expect(result.quality.rows.accepted).toBeGreaterThan(result.respondents.length);
  });
});
