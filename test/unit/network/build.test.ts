// The network built from ties: each layer sums a pair's ties of its relation, the union counts a
// pair's distinct relations (or, with one relation, is that layer), in the order ties came.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildNetwork, type CivicGraph } from '../../../src/core/network/build';
import { asActorId, type Actor, type Tie } from '../../../src/core/model';

const actor = (id: string): Actor => ({
  id: asActorId(id),
  label: id.toUpperCase(),
  type: 'resident',
  sector: 'civil',
  onRoster: false,
  attrs: { file: 'f.csv' },
});

/** Edges as "source>target weight relations", in the graph's own order. */
const edgesOf = (g: CivicGraph) =>
  g.mapEdges((_e, a, s, t) => `${s}>${t} ${a.weight} ${a.relations.join('+')}`);

/** The definition, tie by tie: what each graph must hold. */
function expected(ties: Tie[], relations: string[], directed: boolean) {
  const key = (t: Tie) =>
    directed || t.source < t.target ? `${t.source}>${t.target}` : `${t.target}>${t.source}`;
  const layers = new Map(relations.map((r) => [r, new Map<string, { first: Tie; weight: number }>()]));
  const union = new Map<string, { first: Tie; weight: number; relations: string[] }>();
  for (const t of ties) {
    if (t.source === t.target) continue;
    const layer = layers.get(t.relation)!;
    const k = key(t);
    const l = layer.get(k) ?? layer.set(k, { first: t, weight: 0 }).get(k)!;
    l.weight += t.weight;
    const u = union.get(k) ?? union.set(k, { first: t, weight: 0, relations: [] }).get(k)!;
    if (relations.length === 1) u.weight += t.weight;
    else if (!u.relations.includes(t.relation)) u.weight = u.relations.push(t.relation);
    if (relations.length === 1 && u.relations.length === 0) u.relations.push(t.relation);
  }
  const show = (m: Map<string, { first: Tie; weight: number; relations?: string[] }>, rel?: string) =>
    [...m.values()].map(
      (e) => `${e.first.source}>${e.first.target} ${e.weight} ${(e.relations ?? [rel]).join('+')}`,
    );
  return {
    union: show(union),
    layers: Object.fromEntries(relations.map((r) => [r, show(layers.get(r)!, r)])),
  };
}

describe('buildNetwork', () => {
  it('holds each pair once per graph, summed as defined, in the order ties came', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const tieArb = fc.record({
      source: fc.constantFrom(...ids),
      target: fc.constantFrom(...ids, 'nobody'),
      relation: fc.constantFrom('need', 'trust', 'info'),
      weight: fc.integer({ min: 1, max: 4 }),
    });
    fc.assert(
      fc.property(fc.array(tieArb, { maxLength: 40 }), fc.boolean(), fc.boolean(), (raw, directed, one) => {
        const ties = raw
          .filter((t) => t.target !== 'nobody')
          .map((t) => ({ ...t, relation: one ? 'need' : t.relation, file: 'f.csv', row: 2 })) as Tie[];
        const relations = [...new Set(ties.map((t) => t.relation))].sort();
        const network = buildNetwork(ids.map(actor), ties, { directed });
        const want = expected(ties, relations, directed);
        expect(network.relations).toEqual(relations);
        expect(edgesOf(network.union)).toEqual(want.union);
        for (const r of relations) expect(edgesOf(network.layers[r]!)).toEqual(want.layers[r]);
        for (const g of [network.union, ...Object.values(network.layers)]) {
          expect(g.order).toBe(ids.length);
          expect(g.getNodeAttributes('a')).toMatchObject({ label: 'A', type: 'resident', file: 'f.csv' });
        }
      }),
      { numRuns: 300, seed: 12 },
    );
  });
});
