// GEXF and GraphML: networkx reads both and sees every metric as a typed attribute; node and edge
// CSVs have the contract columns; non-roster actors stay pseudonymous unless names are asked for.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asActorId, type Actor, type Tie } from '../../../src/core/model';
import { buildNetwork } from '../../../src/core/network/build';
import fc from 'fast-check';
import { edgesCsv, nodesCsv, toGexf, toGraphml, flattenAttributes } from '../../../src/core/export';
import { csvCell } from '../../../src/core/export/csv';

const PY = '/usr/bin/python3';
const hasNetworkx = (() => {
  if (!existsSync(PY)) return false;
  try {
    execFileSync(PY, ['-c', 'import networkx']);
    return true;
  } catch {
    return false;
  }
})();

function actor(
  id: string,
  type: Actor['type'],
  sector: string,
  onRoster: boolean,
  label: string,
  attrs: Record<string, string> = {},
): Actor {
  return {
    id: asActorId(id),
    label,
    type,
    sector,
    onRoster,
    attrs,
    role: onRoster ? 'GP' : undefined,
    service: onRoster ? 'Health' : undefined,
  };
}

const actors: Actor[] = [
  actor('ps1', 'public-servant', 'public', true, 'Dr <b>Ada</b> & "Co"', {
    name: 'Dr <b>Ada</b> & "Co"',
    email: 'ada@nhs.uk',
  }),
  actor('ps2', 'public-servant', 'public', true, '=HYPERLINK("x")'),
  actor('r1', 'resident', 'community', false, 'Resident 1', {
    name: 'John Smith',
    email: 'john@example.org',
    ward: 'North',
  }),
  actor('g1', 'group', 'voluntary', false, 'Group 1', { name: 'Tenants Assoc' }),
  actor('iso', 'volunteer', 'voluntary', false, 'Volunteer 9'),
];
const tie = (s: string, t: string, relation: string, weight = 1): Tie => ({
  source: asActorId(s),
  target: asActorId(t),
  relation,
  weight,
});
const ties: Tie[] = [
  tie('r1', 'ps1', 'need'),
  tie('r1', 'ps1', 'trust'),
  tie('g1', 'ps1', 'info', 2),
  tie('g1', 'ps2', 'trust'),
  tie('ps1', 'ps2', 'info'),
  tie('ps1', 'ps2', 'info'),
  tie('r1', 'r1', 'need'),
];
const network = buildNetwork(actors, ties);
const metrics: Record<string, Record<string, unknown>> = {
  ps1: {
    inDegree: 2,
    betweenness: 0.125,
    eigenvector: null,
    community: 0,
    brokerage: { coordinator: 1, gatekeeper: 0 },
  },
  ps2: {
    inDegree: 2,
    betweenness: 0,
    eigenvector: null,
    community: 1,
    brokerage: { coordinator: 0, gatekeeper: 2 },
  },
  r1: {
    inDegree: 0,
    betweenness: 0,
    eigenvector: null,
    community: 0,
    brokerage: { coordinator: 0, gatekeeper: 0 },
  },
  g1: {
    inDegree: 0,
    betweenness: 0,
    eigenvector: null,
    community: 1,
    brokerage: { coordinator: 0, gatekeeper: 0 },
  },
  iso: {
    inDegree: 0,
    betweenness: 0,
    eigenvector: null,
    community: 2,
    brokerage: { coordinator: 0, gatekeeper: 0 },
  },
};
const positions = {
  ps1: { x: 10, y: 20 },
  ps2: { x: 500.5, y: 20 },
  r1: { x: 0, y: 0 },
  g1: { x: 900, y: 1000 },
  iso: { x: 1, y: 1 },
};

// Reads a file with networkx and prints what it saw as JSON. GEXF 1.3 needs networkx >= 3.6; for
// older versions the script registers the 1.3 namespace the way networkx 3.6 does.
const READER = `
import json, sys, networkx as nx
from networkx.readwrite import gexf as g
g.GEXF.versions.setdefault("1.3", {"NS_GEXF": "http://gexf.net/1.3", "NS_VIZ": "http://gexf.net/1.3/viz",
  "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance", "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd", "VERSION": "1.3"})
kind, path = sys.argv[1], sys.argv[2]
G = nx.read_gexf(path) if kind == "gexf" else nx.read_graphml(path)
print(json.dumps({"directed": G.is_directed(), "nodes": {n: {k: v for k, v in d.items()} for n, d in G.nodes(data=True)},
  "edges": [[u, v, {k: val for k, val in d.items()}] for u, v, d in G.edges(data=True)],
  "types": {n: {k: type(v).__name__ for k, v in d.items()} for n, d in G.nodes(data=True)}}, default=str))
`;

function readWithNetworkx(kind: 'gexf' | 'graphml', text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'civic-ties-'));
  const file = join(dir, `g.${kind}`);
  writeFileSync(file, text, 'utf8');
  const out = execFileSync(PY, ['-c', READER, kind, file], { encoding: 'utf8' });
  return JSON.parse(out) as {
    directed: boolean;
    nodes: Record<string, Record<string, unknown>>;
    edges: [string, string, Record<string, unknown>][];
    types: Record<string, Record<string, string>>;
  };
}

describe('flattenAttributes', () => {
  it('flattens brokerage to brokerageCoordinator and NaN to null', () => {
    expect(flattenAttributes({ brokerage: { coordinator: 1 }, x: NaN })).toEqual({
      brokerageCoordinator: 1,
      x: null,
    });
  });
});

describe.skipIf(!hasNetworkx)('networkx reads the exports', () => {
  it.each(['1.2draft', '1.3'] as const)('GEXF %s: nodes, typed metrics, edges, relations', (version) => {
    const g = readWithNetworkx(
      'gexf',
      toGexf(network.union, metrics, { includeNames: false, positions, gexfVersion: version }),
    );
    expect(g.directed).toBe(true);
    expect(Object.keys(g.nodes).sort()).toEqual(['g1', 'iso', 'ps1', 'ps2', 'r1']);
    const ps1 = g.nodes.ps1!;
    expect(ps1.label).toBe('Dr <b>Ada</b> & "Co"');
    expect(ps1.betweenness).toBe(0.125);
    expect(ps1.inDegree).toBe(2);
    expect(g.types.ps1!.inDegree).toBe('int');
    expect(g.types.ps1!.betweenness).toBe('float');
    expect(ps1.brokerageGatekeeper).toBe(0);
    expect(ps1.brokerageCoordinator).toBe(1);
    expect(ps1.onRoster).toBe(true);
    expect(ps1).not.toHaveProperty('eigenvector');
    expect(ps1).not.toHaveProperty('email');
    expect(ps1.name).toBe('Dr <b>Ada</b> & "Co"');
    const r1 = g.nodes.r1!;
    expect(r1.label).toBe('Resident 1');
    expect(r1).not.toHaveProperty('name');
    expect(r1).not.toHaveProperty('email');
    expect(r1.ward).toBe('North');
    expect(JSON.stringify(g)).not.toContain('John Smith');
    expect(JSON.stringify(g)).not.toContain('Tenants Assoc');
    const edge = g.edges.find(([u, v]) => u === 'r1' && v === 'ps1')!;
    expect(edge[2].weight).toBe(2);
    expect(edge[2].relations).toBe('need;trust');
    expect(edge[2].need).toBe(true);
    expect(edge[2].info).toBe(false);
    expect(g.edges).toHaveLength(4);
  });

  it('GraphML: typed keys, label, x/y, edge weight and relations', () => {
    const g = readWithNetworkx(
      'graphml',
      toGraphml(network.union, metrics, { includeNames: false, positions, layers: network.layers }),
    );
    expect(g.directed).toBe(true);
    expect(Object.keys(g.nodes).sort()).toEqual(['g1', 'iso', 'ps1', 'ps2', 'r1']);
    expect(g.nodes.ps2!.label).toBe('=HYPERLINK("x")');
    expect(g.nodes.ps1!.betweenness).toBe(0.125);
    expect(g.types.ps1!.inDegree).toBe('int');
    expect(g.nodes.ps2!.brokerageGatekeeper).toBe(2);
    expect(g.nodes.ps2!.x).toBe(500.5);
    expect(g.nodes.g1!.label).toBe('Group 1');
    expect(JSON.stringify(g)).not.toContain('john@example.org');
    const edge = g.edges.find(([u, v]) => u === 'ps1' && v === 'ps2')!;
    expect(edge[2].weight).toBe(1);
    expect(edge[2].infoWeight).toBe(2);
    expect(edge[2].relations).toBe('info');
  });

  it('includeNames keeps the names of non-roster actors', () => {
    const g = readWithNetworkx('graphml', toGraphml(network.union, metrics, { includeNames: true }));
    expect(g.nodes.r1!.label).toBe('John Smith');
    expect(g.nodes.r1!.email).toBe('john@example.org');
  });
});

describe('edgesCsv / nodesCsv', () => {
  // Both are written as the files' UTF-8 bytes.
  const utf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

  it('edges: contract header, repeated nominations summed, self-ties left out', () => {
    expect(utf8(edgesCsv(ties))).toBe(
      'source,target,relation,weight\r\nr1,ps1,need,1\r\nr1,ps1,trust,1\r\ng1,ps1,info,2\r\ng1,ps2,trust,1\r\nps1,ps2,info,2\r\n',
    );
  });

  it('edges: the same rows whether ties come one run per source (as ingest writes them) or not', () => {
    // The reference: a map from (source, target, relation) to the summed weight, in first-seen order.
    const reference = (list: Tie[]) => {
      const rows = new Map<string, [string, string, string, number]>();
      for (const t of list) {
        if (t.source === t.target) continue;
        const key = JSON.stringify([t.source, t.target, t.relation]);
        const row = rows.get(key);
        if (row) row[3] += t.weight;
        else rows.set(key, [t.source, t.target, t.relation, t.weight]);
      }
      return ['source,target,relation,weight', ...[...rows.values()].map((r) => r.map(csvCell).join(','))]
        .map((line) => `${line}\r\n`)
        .join('');
    };
    const end = fc.constantFrom('r1', 'r2', 'ps1', 'ps,2', '=x', 'café');
    const oneTie = fc.record({
      source: end,
      target: end,
      relation: fc.constantFrom('need', 'trust'),
      weight: fc.integer({ min: 1, max: 4 }),
    });
    fc.assert(
      fc.property(fc.array(oneTie, { maxLength: 40 }), fc.boolean(), (drawn, grouped) => {
        const list = drawn.map((t) => tie(t.source, t.target, t.relation, t.weight));
        // Grouped by source in first-seen order: the one-run-per-source layout.
        if (grouped) {
          const order = [...new Set(list.map((t) => t.source))];
          list.sort((a, b) => order.indexOf(a.source) - order.indexOf(b.source));
        }
        expect(utf8(edgesCsv(list))).toBe(reference(list));
      }),
      { numRuns: 300 },
    );
  });

  it('nodes: contract columns first, isolates included, residents pseudonymised, formulas inert', () => {
    const csv = utf8(nodesCsv(actors, { includeNames: false }));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('id,label,type,sector,role,service,onRoster,name,ward');
    expect(csv).not.toContain('John Smith');
    expect(csv).not.toContain('john@example.org');
    expect(csv).not.toContain('ada@nhs.uk');
    expect(csv).toContain('iso,Volunteer 9,volunteer,voluntary');
    expect(csv).toContain(`ps2,"'=HYPERLINK(""x"")"`);
  });

  it('nodes: replaces a label that is a removed name by a type pseudonym', () => {
    const leaky = [actor('r9', 'resident', 'community', false, 'Jane Doe', { name: 'Jane Doe' })];
    const csv = utf8(nodesCsv(leaky, { includeNames: false }));
    expect(csv).not.toContain('Jane Doe');
    expect(csv).toMatch(/r9,Resident [0-9A-Z]{7},resident/);
  });

  it('nodes: metrics appended, flattened', () => {
    const csv = utf8(nodesCsv(actors, { includeNames: false, metrics }));
    expect(csv.split('\r\n')[0]).toContain(
      'betweenness,eigenvector,community,brokerageCoordinator,brokerageGatekeeper',
    );
  });
});
