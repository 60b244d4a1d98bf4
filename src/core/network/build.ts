// Builds the directed multi-relational network: one graphology graph per tie type (layer) and
// their union, where a tie exists if any relation has one and its weight is the number of relations.
import Graph from 'graphology';
import type { Actor, Tie } from '../model';
import { EdgeRows } from './edge-rows';

/** Node attributes every graph in the pipeline carries. */
export interface NodeAttributes {
  label: string;
  type: string;
  sector: string;
  role?: string;
  service?: string;
  onRoster: boolean;
  [attr: string]: unknown;
}

/** Edge attributes: weight, and the relations present on the tie (union graph). */
export interface EdgeAttributes {
  weight: number;
  relations: string[];
}

export type CivicGraph = Graph<NodeAttributes, EdgeAttributes>;

export interface Network {
  union: CivicGraph;
  layers: Record<string, CivicGraph>;
  relations: string[];
}

function emptyGraph(actors: Actor[], attributes: NodeAttributes[], directed: boolean): CivicGraph {
  const graph: CivicGraph = new Graph({ type: directed ? 'directed' : 'undirected', allowSelfLoops: false });
  actors.forEach((actor, i) => graph.addNode(actor.id, attributes[i]));
  return graph;
}

/**
 * Layers keep the tie weight given (summed when the same pair is named twice for one relation);
 * the union counts distinct relations on a pair, or, with a single relation, is that layer.
 * Self-ties are left out (ingest reports them). Each edge keeps the direction of its pair's first
 * tie, and edges come in the order their first ties came.
 *
 * Ties are summed per pair first (EdgeRows, over numbers) and each edge added once: looking up and
 * updating edges in the graphs tie by tie took 6.7 s for a 100,000-respondent survey (435,000
 * ties). The graphs share each actor's attribute object, which nothing changes (the layout and the
 * map copy theirs). Edge keys stay graphology's own: keys counted "0", "1"... made the scorecards
 * and bootstrap after it 9 s slower in Chromium (not in node).
 */
export function buildNetwork(actors: Actor[], ties: Tie[], options: { directed?: boolean } = {}): Network {
  const directed = options.directed ?? true;
  const relations = [...new Set(ties.map((t) => t.relation))].sort();
  const relationIndex = new Map(relations.map((r, i) => [r, i]));
  const attributes = actors.map((actor): NodeAttributes => ({
    ...actor.attrs,
    label: actor.label,
    type: actor.type,
    sector: actor.sector,
    role: actor.role,
    service: actor.service,
    onRoster: actor.onRoster,
  }));
  const index = new Map<string, number>();
  actors.forEach((actor, i) => index.set(actor.id, i));

  // Per (pair, relation): the summed weight, in the order first seen. An undirected pair is one
  // either way round; `reversed` keeps the way its first tie went.
  const rows = new EdgeRows(ties.length);
  const reversed = new Uint8Array(ties.length);
  for (const tie of ties) {
    const s = index.get(tie.source);
    const t = index.get(tie.target);
    if (s === undefined || t === undefined || s === t) continue;
    const flip = !directed && t < s;
    const before = rows.length;
    const row = rows.add(flip ? t : s, flip ? s : t, relationIndex.get(tie.relation)!, tie.weight);
    if (rows.length > before) reversed[row] = flip ? 1 : 0;
  }
  // The union's pairs, each with its relations in the order first seen.
  const pairs = new EdgeRows(rows.length);
  const pairRelations: string[][] = [];
  const pairReversed = new Uint8Array(rows.length);
  const singleRelation = relations.length === 1;
  for (let i = 0; i < rows.length; i++) {
    const before = pairs.length;
    const pair = pairs.add(rows.source[i]!, rows.target[i]!, 0, singleRelation ? rows.weight[i]! : 1);
    if (pairs.length > before) pairReversed[pair] = reversed[i]!;
    (pairRelations[pair] ??= []).push(relations[rows.relation[i]!]!);
  }

  const ends = (a: number, b: number, flip: number) =>
    flip ? [actors[b]!.id, actors[a]!.id] : [actors[a]!.id, actors[b]!.id];
  const layers: Record<string, CivicGraph> = {};
  for (const relation of relations) layers[relation] = emptyGraph(actors, attributes, directed);
  for (let i = 0; i < rows.length; i++) {
    const relation = relations[rows.relation[i]!]!;
    const layer = layers[relation]!;
    const [source, target] = ends(rows.source[i]!, rows.target[i]!, reversed[i]!);
    layer.addEdge(source, target, {
      weight: rows.weight[i]!,
      relations: [relation],
    });
  }
  const union = emptyGraph(actors, attributes, directed);
  for (let i = 0; i < pairs.length; i++) {
    const [source, target] = ends(pairs.source[i]!, pairs.target[i]!, pairReversed[i]!);
    // One tie type: the union is that layer, weights as given; else the number of relations.
    union.addEdge(source, target, {
      weight: pairs.weight[i]!,
      relations: pairRelations[i]!,
    });
  }
  return { union, layers, relations };
}
