// Seeded synthetic civic networks for the map harness, browser tests and the 20k-node benchmark:
// public servants named by residents, volunteers and groups, planted communities, two waves.
import type { PipelineResult } from '../../src/core/pipeline';
import type { Actor, ActorType, Tie } from '../../src/core/model';
import { asActorId, SECTOR_OF_TYPE } from '../../src/core/model';
import { mulberry32 } from '../../src/core/random';

export interface SyntheticOptions {
  nodes: number;
  edges: number;
  seed?: number;
  /** Also build a baseline wave (15% of ties differ). */
  baseline?: boolean;
}

const ROLES: [string, string][] = [
  ['Headteacher', 'Education'],
  ['GP', 'Health'],
  ['Police officer', 'Policing'],
  ['Neighbourhood manager', 'Housing'],
];
const RELATIONS = ['info', 'need', 'trust'];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function metricsOf(actors: Actor[], ties: Tie[], community: Map<string, number>): PipelineResult['metrics'] {
  const inN = new Map<string, Set<string>>();
  const outN = new Map<string, Set<string>>();
  for (const t of ties) {
    if (!inN.has(t.target)) inN.set(t.target, new Set());
    if (!outN.has(t.source)) outN.set(t.source, new Set());
    inN.get(t.target)!.add(t.source);
    outN.get(t.source)!.add(t.target);
  }
  const nodes: Record<string, Record<string, unknown>> = {};
  for (const a of actors) {
    const i = inN.get(a.id)?.size ?? 0;
    const o = outN.get(a.id)?.size ?? 0;
    nodes[a.id] = {
      inDegree: i,
      outDegree: o,
      degree: i + o,
      community: community.get(a.id) ?? null,
      betweenness: null,
    };
  }
  return {
    graph: { nodes: actors.length, edges: ties.length },
    nodes,
    layers: {},
  } as unknown as PipelineResult['metrics'];
}

function asResult(actors: Actor[], ties: Tie[], community: Map<string, number>): PipelineResult {
  return {
    actors,
    ties,
    relations: [...new Set(ties.map((t) => t.relation))].sort(),
    respondents: [],
    metrics: metricsOf(actors, ties, community),
    scorecards: [],
    change: null,
  } as unknown as PipelineResult;
}

/**
 * Fixed people the tests rely on: ps-0 "Alex Morgan" (Headteacher) is named for trust by exactly
 * two people (the ego view must withhold who) and for need by four; res-named is a resident on
 * the roster with a real-looking name that must never be shown.
 */
export function syntheticResult(opts: SyntheticOptions): {
  result: PipelineResult;
  baseline: PipelineResult | null;
} {
  const rand = mulberry32(opts.seed ?? 7);
  const n = Math.max(20, opts.nodes);
  const nCommunities = Math.max(3, Math.round(n / 60));
  const actors: Actor[] = [];
  const community = new Map<string, number>();
  const byCommunity: string[][] = Array.from({ length: nCommunities }, () => []);
  const servants: string[] = [];
  for (let i = 0; i < n; i++) {
    const u = rand();
    const type: ActorType =
      u < 0.08
        ? 'public-servant'
        : u < 0.11
          ? 'group'
          : u < 0.3
            ? 'volunteer'
            : u < 0.37
              ? 'service-user'
              : 'resident';
    const prefix =
      type === 'public-servant'
        ? 'ps'
        : type === 'group'
          ? 'grp'
          : type === 'volunteer'
            ? 'vol'
            : type === 'service-user'
              ? 'su'
              : 'res';
    const id = i === 0 ? 'ps-0' : `${prefix}-${i}`;
    const actualType: ActorType = i === 0 ? 'public-servant' : type;
    const [role, service] = pick(rand, ROLES);
    const onRoster = actualType === 'public-servant' || actualType === 'group';
    const label =
      i === 0
        ? 'Alex Morgan'
        : actualType === 'public-servant'
          ? `${role} ${i}`
          : actualType === 'group'
            ? `Group ${i}`
            : `${actualType === 'volunteer' ? 'Volunteer' : actualType === 'service-user' ? 'Service user' : 'Resident'} R${String(i).padStart(5, '0')}`;
    const actor: Actor = {
      id: asActorId(id),
      label,
      type: actualType,
      sector: SECTOR_OF_TYPE[actualType],
      role: actualType === 'public-servant' ? (i === 0 ? 'Headteacher' : role) : undefined,
      service: actualType === 'public-servant' ? (i === 0 ? 'Education' : service) : undefined,
      onRoster,
      attrs: {},
    };
    actors.push(actor);
    const c = Math.floor(rand() * nCommunities);
    community.set(id, c);
    byCommunity[c]!.push(id);
    if (actualType === 'public-servant' && i !== 0) servants.push(id);
  }
  // A resident who is on the roster under a real-looking name: the map must pseudonymise them.
  const named: Actor = {
    id: asActorId('res-named'),
    label: 'Jane Secretname',
    type: 'resident',
    sector: 'community',
    onRoster: true,
    attrs: { email: 'jane@example.org' },
  };
  actors.push(named);
  community.set('res-named', 0);
  byCommunity[0]!.push('res-named');

  const ids = actors.map((a) => a.id as string);
  const ties: Tie[] = [];
  const seen = new Set<string>();
  const add = (s: string, t: string, relation: string): void => {
    if (s === t) return;
    const key = `${s}|${t}|${relation}`;
    if (seen.has(key)) return;
    seen.add(key);
    ties.push({ source: asActorId(s), target: asActorId(t), relation, weight: 1 });
  };
  const target = Math.max(0, opts.edges - 8);
  let guard = 0;
  while (ties.length < target && guard++ < target * 5) {
    const s = pick(rand, ids);
    if (s === 'ps-0') continue;
    const c = community.get(s)!;
    // Two in five nominations go to a public servant: the question asks about services.
    let t: string;
    if (rand() < 0.4 && servants.length) t = pick(rand, servants);
    else if (rand() < 0.8) t = pick(rand, byCommunity[c]!);
    else t = pick(rand, ids);
    if (t === 'ps-0') continue;
    add(s, t, pick(rand, RELATIONS));
    if (rand() < 0.2) add(s, t, pick(rand, RELATIONS));
  }
  // ps-0: four need namers, two trust namers, names two people for info.
  const namers = ids.filter((id) => id.startsWith('res-') && id !== 'res-named').slice(0, 6);
  for (const id of namers.slice(0, 4)) add(id, 'ps-0', 'need');
  for (const id of namers.slice(4, 6)) add(id, 'ps-0', 'trust');
  add('ps-0', servants[0] ?? ids[1]!, 'info');
  add('res-named', 'ps-0', 'need');

  let baseline: PipelineResult | null = null;
  if (opts.baseline) {
    const kept = ties.filter((t) => t.target === 'ps-0' || t.source === 'ps-0' || rand() > 0.15);
    const extra: Tie[] = [];
    const extraCount = Math.round(ties.length * 0.1);
    for (let i = 0; i < extraCount; i++) {
      const s = pick(rand, ids);
      const t = pick(rand, ids);
      if (s !== t && t !== 'ps-0' && s !== 'ps-0')
        extra.push({
          source: asActorId(s),
          target: asActorId(t),
          relation: pick(rand, RELATIONS),
          weight: 1,
        });
    }
    baseline = asResult(actors, [...kept, ...extra], community);
  }
  return { result: asResult(actors, ties, community), baseline };
}
