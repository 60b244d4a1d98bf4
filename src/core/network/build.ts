// Builds the directed multi-relational network: one graphology graph per tie type (layer) and
// their union, where a tie exists if any relation has one and its weight is the number of relations.
import Graph from 'graphology';
import type { Actor, Tie } from '../model';

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

function emptyGraph(actors: Actor[], directed: boolean): CivicGraph {
  const graph: CivicGraph = new Graph({ type: directed ? 'directed' : 'undirected', allowSelfLoops: false });
  for (const actor of actors) {
    graph.addNode(actor.id, {
      ...actor.attrs,
      label: actor.label,
      type: actor.type,
      sector: actor.sector,
      role: actor.role,
      service: actor.service,
      onRoster: actor.onRoster,
    });
  }
  return graph;
}

/**
 * Layers keep the tie weight given (summed when the same pair is named twice for one relation);
 * the union counts distinct relations on a pair, or, with a single relation, is that layer. Self-ties are left out (ingest reports them).
 */
export function buildNetwork(actors: Actor[], ties: Tie[], options: { directed?: boolean } = {}): Network {
  const directed = options.directed ?? true;
  const relations = [...new Set(ties.map((t) => t.relation))].sort();
  const union = emptyGraph(actors, directed);
  const layers: Record<string, CivicGraph> = {};
  for (const relation of relations) layers[relation] = emptyGraph(actors, directed);
  const singleRelation = relations.length === 1;

  for (const tie of ties) {
    if (tie.source === tie.target) continue;
    if (!union.hasNode(tie.source) || !union.hasNode(tie.target)) continue;
    const layer = layers[tie.relation]!;
    const existing = layer.edge(tie.source, tie.target);
    if (existing) layer.updateEdgeAttribute(existing, 'weight', (w) => (w ?? 0) + tie.weight);
    else layer.addEdge(tie.source, tie.target, { weight: tie.weight, relations: [tie.relation] });

    const unionEdge = union.edge(tie.source, tie.target);
    if (singleRelation) {
      // One tie type: the union is that layer, weights as given.
      if (unionEdge) union.updateEdgeAttribute(unionEdge, 'weight', (w) => (w ?? 0) + tie.weight);
      else union.addEdge(tie.source, tie.target, { weight: tie.weight, relations: [tie.relation] });
    } else if (!unionEdge) union.addEdge(tie.source, tie.target, { weight: 1, relations: [tie.relation] });
    else {
      const rels = union.getEdgeAttribute(unionEdge, 'relations');
      if (!rels.includes(tie.relation)) {
        union.setEdgeAttribute(unionEdge, 'relations', [...rels, tie.relation]);
        union.setEdgeAttribute(unionEdge, 'weight', rels.length + 1);
      }
    }
  }
  return { union, layers, relations };
}
