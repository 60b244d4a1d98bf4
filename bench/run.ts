// Benchmark runner: `npm run bench` (tsx bench/run.ts [--quick] [--only NAME]).
//
// Convention: every file bench/<name>.bench.ts has a default export
//   `async (context: BenchContext) => BenchRow[]`          (types in bench/lib/types.ts)
// Each row is one measured case: our median wall time in ms and, when a reference tool (igraph,
// networkx, pandas...) ran on the same input in the same run, its time; the runner prints one table
// with the ratio (reference / ours: above 1 means we are faster) and writes bench/out/results.json.
// Benches must stay seeded and finish the whole run in a few minutes; no bench asserts on timing.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Bench, BenchContext, BenchRow } from './lib/types';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
const outDir = join(here, 'out');
mkdirSync(outDir, { recursive: true });

const context: BenchContext = {
  outDir,
  quick,
  log: (message) => process.stderr.write(`  … ${message}\n`),
};

function fmt(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
}

function pad(cells: string[][]): string {
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  return cells.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ')).join('\n');
}

const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only || f.startsWith(only))
  .sort();
const all: (BenchRow & { bench: string })[] = [];
for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, '');
  process.stderr.write(`${name}\n`);
  try {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: Bench };
    const rows = await mod.default(context);
    for (const row of rows) all.push({ bench: name, ...row });
  } catch (err) {
    all.push({
      bench: name,
      case: 'failed',
      ms: null,
      note: err instanceof Error ? err.message : String(err),
    });
  }
}

const table = [['bench', 'case', 'ours', 'reference', 'ref time', 'ratio', 'note']];
for (const r of all) {
  const ratio = r.ms && r.referenceMs ? `${(r.referenceMs / r.ms).toFixed(2)}×` : '';
  table.push([
    r.bench,
    r.case,
    fmt(r.ms),
    r.reference ?? '',
    r.referenceMs === undefined ? '' : fmt(r.referenceMs),
    ratio,
    r.note ?? '',
  ]);
}
console.log(pad(table));
console.log(
  '\nratio = reference time / our time (above 1: we are faster). Wall times on this machine, same run.',
);
writeFileSync(
  join(outDir, 'results.json'),
  JSON.stringify({ date: new Date().toISOString(), quick, rows: all }, null, 2),
);
