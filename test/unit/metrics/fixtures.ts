// Loads the networkx reference fixtures (test/fixtures/metrics/*.json) into graphology graphs.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Graph from 'graphology';

export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/metrics');

export type Mode = 'none' | 'strength' | 'distance';

export interface Expected {
  graph: Record<string, number | boolean | null>;
  nodes: Record<string, Record<string, unknown>>;
  partition: { partition: Record<string, number>; modularity: number | null };
}

export interface Fixture {
  name: string;
  source: string;
  directed: boolean;
  nodes: { id: string; sector?: string; type?: string }[];
  edges: [string, string, number][];
  modes: Record<Mode, Expected>;
}

export function fixtureNames(): string[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

export function loadFixture(name: string): Fixture {
  return JSON.parse(readFileSync(join(FIXTURE_DIR, `${name}.json`), 'utf8')) as Fixture;
}

export function fixtureGraph(f: Fixture): Graph {
  const g = new Graph({ type: f.directed ? 'directed' : 'undirected' });
  for (const node of f.nodes) g.addNode(node.id, { ...node, label: node.id });
  for (const [s, t, w] of f.edges) g.addEdge(s, t, { weight: w });
  return g;
}
