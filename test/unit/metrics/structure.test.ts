// Structural routines against brute force on random graphs: exact diameter by bounds vs all BFS,
// and core numbers vs repeated peeling.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Graph from 'graphology';
import { buildCsr } from '../../../src/core/metrics/csr';
import { coreNumber, undirectedDiameter } from '../../../src/core/metrics/structure';
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
});
