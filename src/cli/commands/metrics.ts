// `metrics`: a plain network (edge list + optional node list) in, every contract metric out as JSON.
import { writeFileSync } from 'node:fs';
import { parse, requireString, optionalString, choice, integer } from '../args';
import { readInput, summariseQuality } from '../io';
import { readNetworkFile } from '../../core/network/edge-list';
import { buildNetwork } from '../../core/network/build';
import { computeLayeredMetricsThreaded, computeMetricsThreaded } from '../metrics-threads';
import { QualityCollector, type Progress } from '../../core/quality';

export const metricsHelp = `Usage: civic-ties metrics --edges FILE [options]

Compute every node and graph metric of a plain network (see README, "Metrics").

Options:
  --edges FILE          CSV with header source,target and optional weight, relation columns (required);
                        or a network another tool wrote: Pajek .net, UCINET DL, an adjacency matrix
  --nodes FILE          CSV with header id and attribute columns (label, type, sector, role, ...);
                        nodes listed here but in no edge are isolates and appear in the output
                        (with a CSV edge list only)
  --directed            treat ties as directed (source -> target); default undirected
  --weight MODE         none (default): path metrics ignore weights
                        strength: weight is tie strength, path length 1/weight
                        distance: weight is already a length
  --group ATTR          node attribute for E-I index and brokerage roles (default sector)
  --seed N              seed for Louvain communities (default 1)
  --sample-above N      estimate betweenness from a seeded sample of sources above N nodes
                        (its standard error goes into the quality notes); default exact
  --pagerank-weight M   mode (default): PageRank weighted only with --weight strength, as the
                        conventions table; always: weighted whenever there is a weight column
  --out FILE            write JSON here instead of stdout
  -h, --help            show this help

With a relation column the top level describes the union network (weight = number of relations
on a tie) and "layers" holds one result per relation. Exit codes: 0 done, 1 bad input, 2 usage.`;

export async function runMetrics(argv: string[], progress: Progress): Promise<number> {
  const values = parse(argv, {
    edges: { type: 'string' },
    nodes: { type: 'string' },
    directed: { type: 'boolean' },
    weight: { type: 'string' },
    group: { type: 'string' },
    seed: { type: 'string' },
    'sample-above': { type: 'string' },
    'pagerank-weight': { type: 'string' },
    out: { type: 'string' },
  });
  if (values.help) {
    console.log(metricsHelp);
    return 0;
  }
  const edgesPath = requireString(values, 'edges');
  const nodesPath = optionalString(values, 'nodes');
  const options = {
    weight: choice(values, 'weight', ['none', 'strength', 'distance'] as const, 'none'),
    group: optionalString(values, 'group') ?? 'sector',
    seed: integer(values, 'seed', 1),
    directed: values.directed === true,
    sampleAbove: values['sample-above'] === undefined ? undefined : integer(values, 'sample-above', 0),
    pagerankWeight: choice(values, 'pagerank-weight', ['mode', 'always'] as const, 'mode'),
  };
  const quality = new QualityCollector();
  const plain = readNetworkFile(readInput(edgesPath), nodesPath ? readInput(nodesPath) : undefined, quality);
  const hasRelations = plain.ties.some((t) => t.relation !== 'tie');
  const network = buildNetwork(plain.actors, plain.ties, { directed: options.directed });
  // Shortest-path sources split across worker threads on large graphs; same numbers either way.
  const result = hasRelations
    ? await computeLayeredMetricsThreaded(network, options, quality, progress)
    : await computeMetricsThreaded(network.union, options, quality, progress);
  const report = quality.report();
  const json = JSON.stringify({ ...result, quality: report }, null, 2) + '\n';
  const out = optionalString(values, 'out');
  if (out) writeFileSync(out, json, 'utf8');
  else process.stdout.write(json);
  summariseQuality(report, out ?? null);
  return 0;
}
