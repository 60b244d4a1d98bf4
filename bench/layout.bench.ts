// The map layout (ForceAtlas2 + Noverlap, computeLayout) for the CLI's and the report's drawing,
// on networks from a pilot's size to a 20,000-respondent survey, against python-igraph's
// Fruchterman-Reingold (300 iterations) on the same graph in the same run.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Graph from 'graphology';
import { computeLayout } from '../src/core/layout';
import { seededRandom } from '../src/core/metrics/random';
import { pythonHas, runPython } from './lib/python';
import { timeMs } from './lib/timing';
import type { BenchContext, BenchRow } from './lib/types';

/** A survey-shaped network: most nodes name 1-4 of a few hundred hubs (the roster), seeded. */
function surveyNetwork(nodes: number, seed: number): Graph {
  const rand = seededRandom(seed);
  const g = new Graph({ type: 'directed' });
  const hubs = Math.max(10, Math.round(nodes / 50));
  for (let i = 0; i < nodes; i++) g.addNode(`n${i}`);
  for (let i = hubs; i < nodes; i++) {
    const k = 1 + Math.floor(rand() * 4);
    for (let j = 0; j < k; j++) g.mergeEdge(`n${i}`, `n${Math.floor(rand() * hubs)}`);
  }
  for (let i = 0; i < hubs; i++) g.mergeEdge(`n${i}`, `n${(i + 1) % hubs}`);
  return g;
}

export default async function bench(context: BenchContext): Promise<BenchRow[]> {
  const sizes = context.quick ? [1000] : [1000, 3500, 20_000];
  const haveIgraph = pythonHas('igraph');
  const rows: BenchRow[] = [];
  for (const nodes of sizes) {
    const g = surveyNetwork(nodes, 3);
    context.log(`layout, ${nodes.toLocaleString('en')} nodes / ${g.size.toLocaleString('en')} ties`);
    const ours = timeMs(() => computeLayout(g, { seed: 1 }), nodes > 5000 ? 1 : 3, nodes > 5000 ? 0 : 1);
    let reference: { ms: number; version: string } | null = null;
    if (haveIgraph) {
      const file = join(context.outDir, `layout-${nodes}.txt`);
      const index = new Map(g.nodes().map((id, i) => [id, i]));
      const lines = [String(g.order), ...g.mapEdges((_e, _a, s, t) => `${index.get(s)} ${index.get(t)}`)];
      writeFileSync(file, lines.join('\n') + '\n');
      reference = runPython<{ ms: number; version: string }>(
        join(import.meta.dirname, 'lib/reference-layout.py'),
        [file],
      );
    }
    rows.push({
      case: `layout (ForceAtlas2 + Noverlap), ${nodes.toLocaleString('en')} nodes / ${g.size.toLocaleString('en')} ties`,
      ms: ours.ms,
      reference: reference ? `python-igraph ${reference.version} Fruchterman-Reingold` : undefined,
      referenceMs: reference?.ms ?? null,
      note: haveIgraph ? 'igraph: 300 iterations, timed inside Python' : '/usr/bin/python3 has no igraph',
    });
  }
  return rows;
}
