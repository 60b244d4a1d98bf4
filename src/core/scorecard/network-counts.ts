// The cheap network figures of a scorecard — in-degrees per tie type, civil-society in-degree and
// civil reach — computed from ties with a weight per respondent, so the bootstrap can recount them
// for every resampled draw without rebuilding a graph.
import type { Actor, Tie } from '../model';
import { isCivil } from '../model';

/** The minimum a respondent needs for resampling: its key (actor id) and where its answers came from. */
export interface RespondentLike {
  key: string;
  file?: string;
  row?: number;
}

export interface CountFrame {
  /** Public servants, in scorecard order. */
  servants: string[];
  relations: string[];
  /** Resampling units (respondents); a draw gives each a multiplicity. */
  units: number;
  /** Per unit: the respondent's own node index, or -1 when not an actor. */
  unitNode: Int32Array;
  /** Distinct (source, target, relation) triples, and the unit each came from (-1 = always present). */
  tripleTarget: Int32Array;
  tripleRelation: Int32Array;
  tripleUnit: Int32Array;
  /** Distinct union pairs with a civil source, target a public servant (for civil in-degree). */
  civilPairTarget: Int32Array;
  civilPairUnit: Int32Array;
  /** Undirected union adjacency in CSR form over all actors; each entry has the unit that makes it exist. */
  adjStart: Int32Array;
  adjNode: Int32Array;
  adjUnit: Int32Array;
  civil: Uint8Array;
  servantNode: Int32Array;
  servantIndexOfNode: Int32Array;
  nodes: number;
}

/**
 * A tie belongs to the respondent whose answers it came from: matched by file and row, else by the
 * tie's source being the respondent's key. Ties matched to no respondent are always present.
 */
export function buildCountFrame(
  actors: Actor[],
  ties: Tie[],
  respondents: readonly RespondentLike[],
): CountFrame {
  const nodeIndex = new Map<string, number>();
  actors.forEach((a, i) => nodeIndex.set(a.id, i));
  const servants = actors.filter((a) => a.type === 'public-servant').map((a) => a.id as string);
  const servantIndexOfNode = new Int32Array(actors.length).fill(-1);
  const servantNode = new Int32Array(servants.length);
  servants.forEach((id, s) => {
    const n = nodeIndex.get(id)!;
    servantNode[s] = n;
    servantIndexOfNode[n] = s;
  });
  const civil = Uint8Array.from(actors, (a) => (isCivil(a) ? 1 : 0));

  const unitByPlace = new Map<string, number>();
  const unitByKey = new Map<string, number>();
  const unitNode = new Int32Array(respondents.length);
  respondents.forEach((r, u) => {
    if (r.file !== undefined && r.row !== undefined) unitByPlace.set(`${r.file}\u0000${r.row}`, u);
    if (!unitByKey.has(r.key)) unitByKey.set(r.key, u);
    unitNode[u] = nodeIndex.get(r.key) ?? -1;
  });
  const unitOf = (t: Tie): number => {
    if (t.file !== undefined && t.row !== undefined) {
      const u = unitByPlace.get(`${t.file}\u0000${t.row}`);
      if (u !== undefined) return u;
    }
    return unitByKey.get(t.source) ?? -1;
  };

  const relations = [...new Set(ties.map((t) => t.relation))].sort();
  const relIndex = new Map(relations.map((r, i) => [r, i]));
  // Keep the first unit seen for a duplicate triple/pair: the same respondent naming someone twice
  // is one tie (as in the network); two respondents sharing a key is rare and counted once.
  const triples = new Map<string, [number, number, number]>();
  const civilPairs = new Map<string, [number, number]>();
  const pairs = new Map<string, [number, number, number]>();
  for (const t of ties) {
    if (t.source === t.target) continue;
    const s = nodeIndex.get(t.source);
    const d = nodeIndex.get(t.target);
    if (s === undefined || d === undefined) continue;
    const u = unitOf(t);
    const sv = servantIndexOfNode[d]!;
    if (sv >= 0) {
      const k = `${s}|${d}|${t.relation}`;
      if (!triples.has(k)) triples.set(k, [sv, relIndex.get(t.relation)!, u]);
      if (civil[s]) {
        const pk = `${s}|${d}`;
        if (!civilPairs.has(pk)) civilPairs.set(pk, [sv, u]);
      }
    }
    const a = Math.min(s, d);
    const b = Math.max(s, d);
    const uk = `${a}|${b}|${u}`;
    if (!pairs.has(uk)) pairs.set(uk, [a, b, u]);
  }
  const tripleList = [...triples.values()];
  const civilList = [...civilPairs.values()];

  // CSR adjacency: an undirected neighbour entry per (pair, unit); present when its unit is drawn.
  const degree = new Int32Array(actors.length);
  for (const [a, b] of pairs.values()) {
    degree[a]!++;
    degree[b]!++;
  }
  const adjStart = new Int32Array(actors.length + 1);
  for (let i = 0; i < actors.length; i++) adjStart[i + 1] = adjStart[i]! + degree[i]!;
  const fill = adjStart.slice(0, actors.length);
  const adjNode = new Int32Array(adjStart[actors.length]!);
  const adjUnit = new Int32Array(adjStart[actors.length]!);
  for (const [a, b, u] of pairs.values()) {
    adjNode[fill[a]!] = b;
    adjUnit[fill[a]!++] = u;
    adjNode[fill[b]!] = a;
    adjUnit[fill[b]!++] = u;
  }

  return {
    servants,
    relations,
    units: respondents.length,
    unitNode,
    tripleTarget: Int32Array.from(tripleList, (x) => x[0]),
    tripleRelation: Int32Array.from(tripleList, (x) => x[1]),
    tripleUnit: Int32Array.from(tripleList, (x) => x[2]),
    civilPairTarget: Int32Array.from(civilList, (x) => x[0]),
    civilPairUnit: Int32Array.from(civilList, (x) => x[1]),
    adjStart,
    adjNode,
    adjUnit,
    civil,
    servantNode,
    servantIndexOfNode,
    nodes: actors.length,
  };
}

export interface Counts {
  /** [relation][servant] */
  inDegree: Float64Array[];
  civilInDegree: Float64Array;
  civilReach: Float64Array;
}

/**
 * Counts for one draw. `mult[u]` is how many times respondent u was drawn (all 1 = the sample as
 * observed, giving the plain distinct counts). A tie counts with its respondent's multiplicity, so
 * a respondent drawn twice counts as two respondents (the usual bootstrap of a sum). In the reach,
 * a civil actor within two steps counts with its own multiplicity as a respondent (at least 1 when
 * it is reachable but not a respondent), via ties whose respondent was drawn at least once.
 */
export function countDraw(frame: CountFrame, mult: ArrayLike<number>, scratch?: Int32Array): Counts {
  const S = frame.servants.length;
  // Multiplicity by unit + 1, so "always present" (unit −1) reads slot 0 = 1 without a branch.
  const mu = new Float64Array(frame.units + 1);
  mu[0] = 1;
  for (let u = 0; u < frame.units; u++) mu[u + 1] = mult[u]!;
  const inDegree = frame.relations.map(() => new Float64Array(S));
  const { tripleTarget, tripleRelation, tripleUnit } = frame;
  for (let i = 0; i < tripleTarget.length; i++) {
    inDegree[tripleRelation[i]!]![tripleTarget[i]!]! += mu[tripleUnit[i]! + 1]!;
  }
  const civilInDegree = new Float64Array(S);
  for (let i = 0; i < frame.civilPairTarget.length; i++) {
    civilInDegree[frame.civilPairTarget[i]!]! += mu[frame.civilPairUnit[i]! + 1]!;
  }
  // Node weight in the reach: its multiplicity as a respondent, at least 1 once reached.
  const nodeWeight = new Float64Array(frame.nodes).fill(0);
  for (let u = 0; u < frame.units; u++) {
    const n = frame.unitNode[u]!;
    if (n >= 0) nodeWeight[n]! += mult[u]!;
  }
  for (let n = 0; n < frame.nodes; n++)
    if (!frame.civil[n]) nodeWeight[n] = 0;
    else if (nodeWeight[n]! < 1) nodeWeight[n] = 1;
  const { adjStart, adjNode, adjUnit } = frame;
  // Which adjacency entries exist in this draw, worked out once rather than per visit.
  const active = new Uint8Array(adjNode.length);
  for (let e = 0; e < adjNode.length; e++) active[e] = mu[adjUnit[e]! + 1]! > 0 ? 1 : 0;
  const stamp = scratch ?? new Int32Array(frame.nodes);
  stamp.fill(-1);
  const civilReach = new Float64Array(S);
  for (let s = 0; s < S; s++) {
    const origin = frame.servantNode[s]!;
    stamp[origin] = s;
    let reach = 0;
    const end = adjStart[origin + 1]!;
    for (let e = adjStart[origin]!; e < end; e++) {
      if (active[e] === 0) continue;
      const v = adjNode[e]!;
      if (stamp[v] !== s) {
        stamp[v] = s;
        reach += nodeWeight[v]!;
      }
      const vend = adjStart[v + 1]!;
      for (let f = adjStart[v]!; f < vend; f++) {
        if (active[f] === 0) continue;
        const w = adjNode[f]!;
        if (stamp[w] === s) continue;
        stamp[w] = s;
        reach += nodeWeight[w]!;
      }
    }
    civilReach[s] = reach;
  }
  return { inDegree, civilInDegree, civilReach };
}
