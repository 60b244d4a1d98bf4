// Seeded synthetic networks for benches, shaped like survey networks: directed, clustered into
// neighbourhood blocks, some reciprocity, a few hubs (services everyone names), weights 1-3.
import Graph from 'graphology';
import { writeFileSync } from 'node:fs';
import { seededRandom } from '../../src/core/metrics/random';

export interface BenchGraph {
  graph: Graph;
  /** [source, target, weight] with integer node indexes. */
  edges: [number, number, number][];
  n: number;
}

export function surveyLikeGraph(n: number, arcs: number, seed = 1): BenchGraph {
  const rand = seededRandom(seed);
  const blocks = Math.max(1, Math.round(n / 500));
  const blockOf = (v: number) => v % blocks;
  const hubs = Math.max(1, Math.round(n / 200));
  const seen = new Set<number>();
  const edges: [number, number, number][] = [];
  const add = (s: number, t: number) => {
    if (s === t) return false;
    const key = s * n + t;
    if (seen.has(key)) return false;
    seen.add(key);
    edges.push([s, t, 1 + Math.floor(rand() * 3)]);
    return true;
  };
  while (edges.length < arcs) {
    const s = Math.floor(rand() * n);
    const r = rand();
    let t: number;
    if (r < 0.15)
      t = Math.floor(rand() * hubs) * Math.floor(n / hubs); // a hub (a service)
    else if (r < 0.85) {
      // Same block: indexes congruent modulo blocks.
      t = (Math.floor(rand() * Math.floor(n / blocks)) * blocks + blockOf(s)) % n;
    } else t = Math.floor(rand() * n);
    if (add(s, t) && rand() < 0.25 && edges.length < arcs) add(t, s);
  }
  const graph = new Graph({ type: 'directed' });
  const sectors = ['public', 'voluntary', 'community'];
  for (let v = 0; v < n; v++) {
    const sector = sectors[v % 7 === 0 ? 0 : 1 + (v % 2)]!;
    graph.addNode(String(v), { sector, type: sector === 'public' ? 'public-servant' : 'resident' });
  }
  for (const [s, t, w] of edges) graph.addEdge(String(s), String(t), { weight: w });
  return { graph, edges, n };
}

/** Writes `n` on the first line, then `source target weight` lines: the reference scripts read this. */
export function writeEdgeList(path: string, g: BenchGraph): void {
  writeFileSync(path, `${g.n}\n` + g.edges.map((e) => e.join(' ')).join('\n') + '\n');
}
