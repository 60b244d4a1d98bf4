// The command line as evaluators use it: real processes, real files, the contract's exit codes.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEdgeList } from '../../../src/core/network/edge-list';
import { buildNetwork } from '../../../src/core/network/build';
import { computeMetrics, POOL_MIN_NODES } from '../../../src/core/metrics';
import { QualityCollector } from '../../../src/core/quality';
import { xlsxOf } from '../ingest/helpers';

const root = join(import.meta.dirname, '..', '..', '..');
const demo = (f: string) => join(root, 'data', 'demo', f);
// `npm run cli` runs the launcher, which bundles src/cli (here into a cache of the tests' own).
const launcher = join(root, 'scripts', 'cli.mjs');
// (Under node_modules, as the launcher's own: the bundle imports the project's packages.)
const cacheDir = join(root, 'node_modules', '.cache');
mkdirSync(cacheDir, { recursive: true });
const cache = mkdtempSync(join(cacheDir, 'civic-ties-cli-test-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

function cliWith(cache: string, args: string[]) {
  const run = spawnSync(process.execPath, [launcher, ...args], {
    encoding: 'utf8',
    cwd: root,
    env: { ...process.env, CIVIC_TIES_CLI_CACHE: cache },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function cli(...args: string[]) {
  return cliWith(cache, args);
}

function parseCsvRows(text: string): string[][] {
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(','));
}

describe('cli usage', () => {
  it('prints help for every command and exits 0', () => {
    for (const command of ['metrics', 'network', 'analyse']) {
      const run = cli(command, '--help');
      expect(run.code, command).toBe(0);
      expect(run.stdout).toContain(`Usage: civic-ties ${command}`);
    }
  });

  it('still runs when the bundle cannot be written (compiling the TypeScript as it loads)', () => {
    const blocked = join(mkdtempSync(join(tmpdir(), 'civic-cli-')), 'a-file');
    writeFileSync(blocked, '');
    const run = cliWith(join(blocked, 'cache'), ['network', '--help']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Usage: civic-ties network');
  });

  it('exits 2 on an unknown command or option', () => {
    expect(cli('nonsense').code).toBe(2);
    expect(cli('metrics', '--edges', 'x.csv', '--bogus').code).toBe(2);
    expect(cli('metrics', '--edges', 'x.csv', '--weight', 'heavy').code).toBe(2);
  });

  it('exits 1 naming a missing file', () => {
    const run = cli('metrics', '--edges', 'no-such-file.csv');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no-such-file.csv');
  });
});

describe('cli metrics', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'civic-metrics-'));
  });

  it('exits 1 naming a missing column', () => {
    const edges = join(dir, 'bad.csv');
    writeFileSync(edges, 'from,to\na,b\n');
    const run = cli('metrics', '--edges', edges);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('source');
    expect(run.stderr).toContain('bad.csv');
  });

  it('computes a small directed network with an isolate from the node list', () => {
    const edges = join(dir, 'edges.csv');
    const nodes = join(dir, 'nodes.csv');
    writeFileSync(edges, 'source,target\na,b\nb,c\nc,a\nc,d\n');
    writeFileSync(
      nodes,
      'id,label,sector\na,A,public\nb,B,voluntary\nc,C,public\nd,D,community\ne,E,community\n',
    );
    const run = cli('metrics', '--edges', edges, '--nodes', nodes, '--directed');
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.graph.nodes).toBe(5);
    expect(out.graph.edges).toBe(4);
    expect(out.graph.directed).toBe(true);
    expect(out.nodes.e.inDegree).toBe(0);
    expect(out.nodes.c.outDegree).toBe(2);
    expect(out.nodes.a.inDegree).toBe(1);
    // density m / n(n-1) = 4 / 20
    expect(out.graph.density).toBeCloseTo(0.2, 10);
  });

  it('splits a large network across worker threads from the bundle, with the numbers of one thread', () => {
    // 1,600 nodes: above the size where the paths are shared among threads (POOL_MIN_NODES).
    const n = POOL_MIN_NODES + 100;
    const lines = ['source,target'];
    for (let i = 0; i < n; i++) lines.push(`v${i},v${(i + 1) % n}`, `v${i},v${(i * 7 + 3) % n}`);
    const edges = join(dir, 'large.csv');
    writeFileSync(edges, lines.join('\n'));
    const json = join(dir, 'large.json');
    const run = cli('metrics', '--edges', edges, '--directed', '--out', json);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(readFileSync(json, 'utf8')) as { nodes: Record<string, { betweenness: number }> };
    const plain = readEdgeList(
      { name: 'large.csv', data: lines.join('\n') },
      undefined,
      new QualityCollector(),
    );
    const network = buildNetwork(plain.actors, plain.ties, { directed: true });
    const inThread = computeMetrics(network.union, { directed: true });
    for (const id of ['v0', 'v1', 'v800', `v${n - 1}`])
      expect(out.nodes[id]!.betweenness, id).toBeCloseTo(inThread.nodes[id]!.betweenness!, 9);
  });

  it('reads a network written by Pajek, UCINET or as an adjacency matrix (CSV or workbook), with the numbers of its edge list', () => {
    const files: Record<string, string> = {
      'edges.csv': 'source,target,weight\na,b,1\nb,c,2\nc,a,1\nc,d,1\n',
      'net.net': '*Vertices 4\n1 "a"\n2 "b"\n3 "c"\n4 "d"\n*Arcs\n1 2\n2 3 2\n3 1\n3 4\n',
      'net.dl': 'DL N=4\nFORMAT = EDGELIST1\nLABELS EMBEDDED\nDATA:\na b 1\nb c 2\nc a 1\nc d 1\n',
      'matrix.csv': ',a,b,c,d\na,0,1,0,0\nb,0,0,2,0\nc,1,0,0,1\nd,0,0,0,0\n',
    };
    const workbook = xlsxOf([
      ['', 'a', 'b', 'c', 'd'],
      ['a', '0', '1', '0', '0'],
      ['b', '0', '0', '2', '0'],
      ['c', '1', '0', '0', '1'],
      ['d', '0', '0', '0', '0'],
    ]);
    const outs = Object.entries({ ...files, 'matrix.xlsx': workbook }).map(([name, content]) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      const run = cli('metrics', '--edges', path, '--directed', '--weight', 'strength');
      expect(run.code, `${name}: ${run.stderr}`).toBe(0);
      return JSON.parse(run.stdout) as {
        graph: { edges: number };
        nodes: Record<string, Record<string, unknown>>;
      };
    });
    for (const out of outs.slice(1)) {
      expect(out.graph.edges).toBe(4);
      expect(out.nodes).toEqual(outs[0]!.nodes);
    }
  });

  it('writes layers when the edge list has a relation column', () => {
    const edges = join(dir, 'rel.csv');
    writeFileSync(edges, 'source,target,relation\na,b,trust\na,b,need\nb,c,info\n');
    const run = cli('metrics', '--edges', edges, '--directed');
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out.layers).sort()).toEqual(['info', 'need', 'trust']);
    expect(out.graph.edges).toBe(2);
    expect(out.layers.trust.graph.edges).toBe(1);
  });
});

describe('cli on the demo data', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'civic-analyse-'));
  });

  it('network writes edges, nodes, quality and mapping with roster ids kept', () => {
    const dir = join(out, 'net');
    const run = cli(
      'network',
      '--survey',
      demo('survey-baseline.csv'),
      '--roster',
      demo('roster.csv'),
      '--out',
      dir,
    );
    expect(run.code, run.stderr).toBe(0);
    for (const f of ['edges.csv', 'nodes.csv', 'quality.json', 'mapping.json'])
      expect(existsSync(join(dir, f)), f).toBe(true);
    const edges = parseCsvRows(readFileSync(join(dir, 'edges.csv'), 'utf8'));
    expect(edges[0]).toEqual(['source', 'target', 'relation', 'weight']);
    expect(edges.length).toBeGreaterThan(200);
    const targets = new Set(edges.slice(1).map((r) => r[1]));
    expect(targets.has('ps-01')).toBe(true);
    const relations = new Set(edges.slice(1).map((r) => r[2]));
    expect([...relations].sort()).toEqual(['info', 'need', 'trust']);
    const nodes = readFileSync(join(dir, 'nodes.csv'), 'utf8');
    // Respondents who are not on the roster are never keyed or labelled by name or email.
    expect(nodes).not.toMatch(/@/);
  });

  it('analyse writes every contract file, and a baseline gives change.csv', () => {
    const base = join(out, 'baseline');
    const follow = join(out, 'followup');
    const first = cli(
      'analyse',
      '--survey',
      demo('survey-baseline.csv'),
      '--roster',
      demo('roster.csv'),
      '--appraisals',
      demo('appraisals.csv'),
      '--satisfaction',
      demo('satisfaction.csv'),
      '--bootstrap',
      '50',
      '--out',
      base,
    );
    expect(first.code, first.stderr).toBe(0);
    for (const f of [
      'metrics.json',
      'scorecards.csv',
      'scorecards.json',
      'quality.json',
      'network.gexf',
      'network.graphml',
      'report.html',
      'mapping.json',
    ]) {
      expect(existsSync(join(base, f)), f).toBe(true);
    }
    const metrics = JSON.parse(readFileSync(join(base, 'metrics.json'), 'utf8'));
    expect(Object.keys(metrics.layers).sort()).toEqual(['info', 'need', 'trust']);
    const header = readFileSync(join(base, 'scorecards.csv'), 'utf8').split(/\r?\n/)[0]!.split(',');
    for (const col of [
      'id',
      'name',
      'role',
      'service',
      'index',
      'rank',
      'civilInDegree',
      'needInDegree',
      'trustInDegree',
      'infoInDegree',
      'civilReach',
      'betweenness',
      'constraint',
      'appraisalOthers',
      'appraisalSelf',
      'takingResponsibility',
      'honestOpen',
      'askingForFeedback',
      'actingOnFeedback',
      'avoidingUnnecessaryContact',
      'goodCommunication',
      'satisfied',
      'influence',
      'involved',
      'trust',
      'indexLow',
      'indexHigh',
      'rankLow',
      'rankHigh',
    ]) {
      expect(header, col).toContain(col);
    }
    const quality = JSON.parse(readFileSync(join(base, 'quality.json'), 'utf8'));
    expect(quality.rows.read).toBeGreaterThan(0);
    expect(Array.isArray(quality.issues)).toBe(true);
    expect(Array.isArray(quality.unmatched)).toBe(true);

    const second = cli(
      'analyse',
      '--survey',
      demo('survey-followup.csv'),
      '--roster',
      demo('roster.csv'),
      '--appraisals',
      demo('appraisals.csv'),
      '--satisfaction',
      demo('satisfaction-followup.csv'),
      '--baseline',
      base,
      '--bootstrap',
      '50',
      '--out',
      follow,
    );
    expect(second.code, second.stderr).toBe(0);
    const change = readFileSync(join(follow, 'change.csv'), 'utf8').split(/\r?\n/)[0]!.split(',');
    expect(change[0]).toBe('id');
    expect(change).toContain('indexBefore');
    expect(change).toContain('indexAfter');
    expect(change).toContain('indexChange');
    const html = readFileSync(join(follow, 'report.html'), 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=|https?:\/\/(?!www\.w3\.org)/);

    // The follow-up's roster gives the first servant's id to a newcomer (trial X): no change is
    // computed between two people, and quality.json says why.
    const roster = readFileSync(demo('roster.csv'), 'utf8').split('\n');
    const [id, name] = roster[1]!.split(',');
    roster[1] = roster[1]!.replace(name!, 'Zainab Quigley');
    const reusedRoster = join(out, 'roster-reused.csv');
    writeFileSync(reusedRoster, roster.join('\n'));
    const reused = join(out, 'reused');
    const third = cli(
      'analyse',
      '--survey',
      demo('survey-followup.csv'),
      '--roster',
      reusedRoster,
      '--baseline',
      base,
      '--bootstrap',
      '0',
      '--out',
      reused,
    );
    expect(third.code, third.stderr).toBe(0);
    const rows = parseCsvRows(readFileSync(join(reused, 'change.csv'), 'utf8'));
    const status = rows[0]!.indexOf('status');
    expect(rows.find((r) => r[0] === id)![status]).toBe('id-reused');
    const issues = JSON.parse(readFileSync(join(reused, 'quality.json'), 'utf8')).issues as {
      code: string;
      message: string;
    }[];
    expect(issues.find((i) => i.code === 'baseline-id-reused')?.message).toContain(`was ${name}`);
  });

  it('analyse exits 1 naming a missing survey file', () => {
    const run = cli(
      'analyse',
      '--survey',
      'missing.csv',
      '--roster',
      demo('roster.csv'),
      '--out',
      join(out, 'x'),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('missing.csv');
  });
});
