// Structural routines against brute force on random graphs: exact diameter by bounds vs all BFS,
// core numbers vs repeated peeling, and clustering, constraint and effective size (found through
// triangles) vs their definitions summed over every pair of neighbours.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Graph from 'graphology';
import { buildCsr } from '../../../src/core/metrics/csr';
import {
  clusteringAndTransitivity,
  coreNumber,
  structuralHoles,
  undirectedDiameter,
} from '../../../src/core/metrics/structure';
import { silentProgress } from '../../../src/core/quality';

function bruteDiameter(adj: number[][]): number {
  let best = 0;
  for (let s = 0; s < adj.length; s++) {
    const dist = new Array<number>(adj.length).fill(-1);
    dist[s] = 0;
    const queue = [s];
    for (let h = 0; h < queue.length; h++) {
      const v = queue[h]!;
      for (const u of adj[v]!) {
        if (dist[u]! >= 0) continue;
        dist[u] = dist[v]! + 1;
        queue.push(u);
      }
    }
    best = Math.max(best, ...dist);
  }
  return best;
}

const graphArb = fc.integer({ min: 2, max: 40 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    extra: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n * 2 }),
    tree: fc.array(fc.nat(1000), { minLength: n - 1, maxLength: n - 1 }),
  }),
);

describe('structure', () => {
  it('diameter by eccentricity bounds equals brute force on connected graphs', () => {
    fc.assert(
      fc.property(graphArb, ({ n, extra, tree }) => {
        const g = new Graph({ type: 'directed' });
        for (let i = 0; i < n; i++) g.addNode(String(i));
        // A random tree keeps the graph connected; extra arcs add cycles.
        tree.forEach((r, i) => g.mergeEdge(String(i + 1), String(r % (i + 1))));
        for (const [a, b] of extra) if (a !== b) g.mergeEdge(String(a), String(b));
        const csr = buildCsr(g);
        const adj = Array.from({ length: n }, (_, v) =>
          Array.from(csr.undIdx.subarray(csr.undPtr[v], csr.undPtr[v + 1])),
        );
        expect(undirectedDiameter(csr, silentProgress)).toBe(bruteDiameter(adj));
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('core numbers equal the brute-force peeling definition (degree = in + out)', () => {
    fc.assert(
      fc.property(graphArb, ({ n, extra }) => {
        const g = new Graph({ type: 'directed' });
        for (let i = 0; i < n; i++) g.addNode(String(i));
        for (const [a, b] of extra) if (a !== b) g.mergeEdge(String(a), String(b));
        const csr = buildCsr(g);
        const got = coreNumber(csr);
        // Brute force: core(v) = largest k such that v survives repeated removal of nodes of degree < k.
        const degIn = (alive: boolean[], v: number) => {
          let d = 0;
          for (let e = csr.undPtr[v]!; e < csr.undPtr[v + 1]!; e++)
            if (alive[csr.undIdx[e]!]) d += csr.undMult[e]!;
          return d;
        };
        for (let v = 0; v < n; v++) {
          let k = 0;
          for (;;) {
            const alive = new Array<boolean>(n).fill(true);
            let changed = true;
            while (changed) {
              changed = false;
              for (let u = 0; u < n; u++)
                if (alive[u] && degIn(alive, u) < k + 1) {
                  alive[u] = false;
                  changed = true;
                }
            }
            if (!alive[v]) break;
            k++;
          }
          expect(got[v]).toBe(k);
        }
      }),
      { numRuns: 100, seed: 8 },
    );
  });

  it('clustering, transitivity, constraint and effective size equal their definitions over every neighbour pair', () => {
    // Dense enough for many triangles, with mutual arcs (m_ij = 2) and hubs.
    const denseArb = fc.integer({ min: 2, max: 24 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        arcs: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n * 6 }),
      }),
    );
    fc.assert(
      fc.property(denseArb, ({ n, arcs }) => {
        const g = new Graph({ type: 'directed' });
        for (let i = 0; i < n; i++) g.addNode(String(i));
        for (const [a, b] of arcs) if (a !== b) g.mergeEdge(String(a), String(b));
        const csr = buildCsr(g);
        // m[i][j] = a_ij + a_ji, as networkx's mutual weight for an unweighted directed graph.
        const m = Array.from({ length: n }, () => new Array<number>(n).fill(0));
        g.forEachEdge((_e, _a, s, t) => {
          m[Number(s)]![Number(t)]! += 1;
          m[Number(t)]![Number(s)]! += 1;
        });
        const neighbours = (i: number) => [...Array(n).keys()].filter((j) => m[i]![j]! > 0);
        const total = (i: number) => m[i]!.reduce((a, b) => a + b, 0);
        const p = (i: number, j: number) => m[i]![j]! / total(i);
        const norm = (i: number, j: number) => m[i]![j]! / Math.max(...m[i]!);
        const { clustering, transitivity } = clusteringAndTransitivity(csr, silentProgress);
        const { constraint, effectiveSize } = structuralHoles(csr, silentProgress);
        let closed = 0;
        let pairsAll = 0;
        for (let v = 0; v < n; v++) {
          const nv = neighbours(v);
          let links = 0;
          for (const a of nv) for (const b of nv) if (a < b && m[a]![b]! > 0) links++;
          const pairs = (nv.length * (nv.length - 1)) / 2;
          expect(clustering[v]).toBeCloseTo(pairs > 0 ? links / pairs : 0, 12);
          closed += links;
          pairsAll += pairs;
          if (nv.length === 0) {
            expect(constraint[v]).toBeNaN();
            expect(effectiveSize[v]).toBeNaN();
            continue;
          }
          // Burt: c_v = Σ_j (p_vj + Σ_q p_vq p_qj)²; effective size = Σ_j (1 - Σ_q p_vq m_jq).
          let c = 0;
          let es = 0;
          for (const j of nv) {
            let local = p(v, j);
            let redundancy = 0;
            for (const q of nv) {
              if (q === j) continue;
              local += p(v, q) * p(q, j);
              redundancy += p(v, q) * norm(j, q);
            }
            c += local * local;
            es += 1 - redundancy;
          }
          expect(constraint[v]).toBeCloseTo(c, 12);
          expect(effectiveSize[v]).toBeCloseTo(es, 12);
        }
        expect(transitivity).toBeCloseTo(pairsAll > 0 ? closed / pairsAll : 0, 12);
      }),
      { numRuns: 300, seed: 9 },
    );
  });
});
