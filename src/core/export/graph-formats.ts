// The network as files other tools open: GEXF (Gephi, networkx), GraphML (networkx, igraph, yEd,
// Gephi), and the plain nodes.csv / edges.csv pair the CLI `network` command writes (UCINET, R).
// Every node metric becomes a typed node attribute; non-roster actors are pseudonymised by default.
import type { Actor, Tie } from '../model';
import type { CivicGraph } from '../network/build';
import { hexToRgb, relationColour, sectorColour } from '../charts/palette';
import { CsvBytes } from './csv';
import { exportNode } from './privacy';
import { escapeXml } from './xml';
import { intern } from '../intern';
import { EdgeRows } from '../network/edge-rows';

export type Positions = Record<string, { x: number; y: number }>;

export interface GraphExportOptions {
  /** Keep names and contact attributes of non-roster actors. Default false: pseudonymised. */
  includeNames: boolean;
  /** Layout coordinates written as viz:position (GEXF) and x/y (GraphML). Default: none. */
  positions?: Positions;
  /** Per-relation graphs; adds `<relation>Weight` to each edge. Default: none. */
  layers?: Record<string, CivicGraph>;
  /**
   * GEXF only. Default '1.2draft': Gephi reads both, but networkx before 3.6 (Debian's
   * python3-networkx included) only recognises the 1.1/1.2draft namespaces.
   */
  gexfVersion?: '1.2draft' | '1.3';
  /** GEXF only: node metric that sets viz:size (4 + 2·√value). Default 'inDegree'. */
  sizeBy?: string;
  /** GEXF only: written as meta lastmodifieddate (YYYY-MM-DD). Default: omitted, so output is reproducible. */
  date?: string;
}

type Scalar = number | string | boolean;
type AttrType = 'integer' | 'double' | 'boolean' | 'string';

/** Metrics whose values are counts: typed integer when every value is whole. */
const COUNT_METRIC =
  /^(inDegree|outDegree|degree|coreNumber|community|civilReach|rank|rankLow|rankHigh)$|^brokerage|InDegree$|OutDegree$/;

/** Turns a scalar-or-nested value into scalars: {brokerage: {coordinator: 1}} -> brokerageCoordinator. */
export function flattenAttributes(
  values: Record<string, unknown>,
  prefix = '',
): Record<string, Scalar | null> {
  const out: Record<string, Scalar | null> = {};
  for (const [key, value] of Object.entries(values)) {
    const name = prefix ? prefix + key.charAt(0).toUpperCase() + key.slice(1) : key;
    if (value === null || value === undefined) out[name] = null;
    else if (typeof value === 'number') out[name] = Number.isFinite(value) ? value : null;
    else if (typeof value === 'string' || typeof value === 'boolean') out[name] = value;
    else if (Array.isArray(value)) out[name] = value.map((v) => String(v)).join(';');
    else if (typeof value === 'object')
      Object.assign(out, flattenAttributes(value as Record<string, unknown>, name));
    else out[name] = String(value);
  }
  return out;
}

interface Column {
  name: string;
  type: AttrType;
}

function inferType(name: string, values: (Scalar | null)[]): AttrType {
  const present = values.filter((v): v is Scalar => v !== null);
  if (present.length === 0) return 'string';
  if (present.every((v) => typeof v === 'boolean')) return 'boolean';
  if (present.every((v) => typeof v === 'number')) {
    return COUNT_METRIC.test(name) && present.every((v) => Number.isInteger(v)) ? 'integer' : 'double';
  }
  return 'string';
}

function formatValue(value: Scalar, type: AttrType): string {
  if (type === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Object.is(value, -0) ? '0' : String(value);
  return String(value);
}

interface PreparedNode {
  id: string;
  label: string;
  values: Record<string, Scalar | null>;
}

interface PreparedEdge {
  id: string;
  source: string;
  target: string;
  weight: number;
  relations: string[];
  values: Record<string, Scalar | null>;
}

interface Prepared {
  directed: boolean;
  nodes: PreparedNode[];
  nodeColumns: Column[];
  edges: PreparedEdge[];
  edgeColumns: Column[];
}

/** Gathers node/edge values and typed columns once; GEXF and GraphML only differ in syntax. */
function prepare(
  graph: CivicGraph,
  nodeMetrics: Record<string, Record<string, unknown>>,
  opts: GraphExportOptions,
): Prepared {
  const nodes: PreparedNode[] = [];
  graph.forEachNode((id, attrs) => {
    const { label, attrs: free } = exportNode(
      { id, label: attrs.label, type: attrs.type, onRoster: attrs.onRoster, attrs },
      opts.includeNames,
    );
    const base: Record<string, unknown> = {
      type: attrs.type,
      sector: attrs.sector,
      role: attrs.role ?? null,
      service: attrs.service ?? null,
      onRoster: attrs.onRoster,
    };
    const metrics = flattenAttributes(nodeMetrics[id] ?? {});
    // Metrics win a name clash: they are what the file is for.
    const values = { ...flattenAttributes(free), ...flattenAttributes(base), ...metrics };
    nodes.push({ id, label, values });
  });

  const nodeColumns = columnsOf(nodes.map((n) => n.values));

  const relations = new Set<string>();
  graph.forEachEdge((_e, attrs) => attrs.relations.forEach((r) => relations.add(r)));
  const relationList = [...relations].sort();
  const layerNames = Object.keys(opts.layers ?? {}).sort();
  const edges: PreparedEdge[] = [];
  let i = 0;
  graph.forEachEdge((_e, attrs, source, target) => {
    const values: Record<string, Scalar | null> = { relations: [...attrs.relations].sort().join(';') };
    for (const r of relationList) values[r] = attrs.relations.includes(r);
    for (const layerName of layerNames) {
      const layer = opts.layers![layerName]!;
      const key = layer.hasNode(source) && layer.hasNode(target) ? layer.edge(source, target) : undefined;
      values[`${layerName}Weight`] = key !== undefined ? layer.getEdgeAttribute(key, 'weight') : null;
    }
    edges.push({ id: `e${i++}`, source, target, weight: attrs.weight, relations: attrs.relations, values });
  });
  const edgeColumns = columnsOf(edges.map((e) => e.values));
  return { directed: graph.type !== 'undirected', nodes, nodeColumns, edges, edgeColumns };
}

function columnsOf(rows: Record<string, Scalar | null>[]): Column[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const row of rows)
    for (const k of Object.keys(row))
      if (!seen.has(k)) {
        seen.add(k);
        names.push(k);
      }
  return names.map((name) => ({
    name,
    type: inferType(
      name,
      rows.map((r) => r[name] ?? null),
    ),
  }));
}

function fmt(n: number): string {
  return Number.isFinite(n) ? String(Math.round(n * 1000) / 1000) : '0';
}

/**
 * GEXF with every metric as a typed node attribute (`<attributes class="node">`), node label,
 * viz colour by sector, viz size by `sizeBy`, viz position from `positions`; edges carry weight,
 * `relations` ("need;trust") and one boolean per relation so Gephi can filter by tie type.
 * Null metric values are simply absent for that node (never 0, never NaN).
 */
export function toGexf(
  graph: CivicGraph,
  nodeMetrics: Record<string, Record<string, unknown>>,
  opts: GraphExportOptions,
): string {
  const p = prepare(graph, nodeMetrics, opts);
  const version = opts.gexfVersion ?? '1.2draft';
  const ns = version === '1.3' ? 'http://gexf.net/1.3' : 'http://www.gexf.net/1.2draft';
  const sizeBy = opts.sizeBy ?? 'inDegree';
  const nodeIds = new Map(p.nodeColumns.map((c, i) => [c.name, `n${i}`]));
  const edgeIds = new Map(p.edgeColumns.map((c, i) => [c.name, `e${i}`]));
  const gexfType = (t: AttrType): string => t;
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<gexf xmlns="${ns}" xmlns:viz="${ns}/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${ns} ${ns}/gexf.xsd" version="${version === '1.3' ? '1.3' : '1.2'}">`,
  );
  out.push(`  <meta${opts.date ? ` lastmodifieddate="${escapeXml(opts.date)}"` : ''}>`);
  out.push('    <creator>Civic Ties</creator>');
  out.push(
    '    <description>Relational capital network: ties from the survey, node metrics as attributes</description>',
  );
  out.push('  </meta>');
  out.push(`  <graph mode="static" defaultedgetype="${p.directed ? 'directed' : 'undirected'}">`);
  out.push('    <attributes class="node" mode="static">');
  for (const c of p.nodeColumns)
    out.push(
      `      <attribute id="${nodeIds.get(c.name)}" title="${escapeXml(c.name)}" type="${gexfType(c.type)}"/>`,
    );
  out.push('    </attributes>');
  out.push('    <attributes class="edge" mode="static">');
  for (const c of p.edgeColumns)
    out.push(
      `      <attribute id="${edgeIds.get(c.name)}" title="${escapeXml(c.name)}" type="${gexfType(c.type)}"/>`,
    );
  out.push('    </attributes>');
  out.push('    <nodes>');
  for (const n of p.nodes) {
    out.push(`      <node id="${escapeXml(n.id)}" label="${escapeXml(n.label)}">`);
    out.push('        <attvalues>');
    for (const c of p.nodeColumns) {
      const v = n.values[c.name];
      if (v === null || v === undefined) continue;
      out.push(
        `          <attvalue for="${nodeIds.get(c.name)}" value="${escapeXml(formatValue(v, c.type))}"/>`,
      );
    }
    out.push('        </attvalues>');
    const { r, g, b } = hexToRgb(sectorColour(typeof n.values.sector === 'string' ? n.values.sector : null));
    out.push(`        <viz:color r="${r}" g="${g}" b="${b}"/>`);
    const sizeValue = n.values[sizeBy];
    const size = typeof sizeValue === 'number' && sizeValue > 0 ? 4 + 2 * Math.sqrt(sizeValue) : 4;
    out.push(`        <viz:size value="${fmt(size)}"/>`);
    const pos = opts.positions?.[n.id];
    if (pos) out.push(`        <viz:position x="${fmt(pos.x)}" y="${fmt(pos.y)}" z="0"/>`);
    out.push('      </node>');
  }
  out.push('    </nodes>');
  out.push('    <edges>');
  for (const e of p.edges) {
    out.push(
      `      <edge id="${e.id}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}" weight="${fmt(e.weight)}">`,
    );
    out.push('        <attvalues>');
    for (const c of p.edgeColumns) {
      const v = e.values[c.name];
      if (v === null || v === undefined) continue;
      out.push(
        `          <attvalue for="${edgeIds.get(c.name)}" value="${escapeXml(formatValue(v, c.type))}"/>`,
      );
    }
    out.push('        </attvalues>');
    const { r, g, b } = hexToRgb(e.relations.length === 1 ? relationColour(e.relations[0]) : '#777777');
    out.push(`        <viz:color r="${r}" g="${g}" b="${b}"/>`);
    out.push('      </edge>');
  }
  out.push('    </edges>');
  out.push('  </graph>');
  out.push('</gexf>');
  return out.join('\n') + '\n';
}

const GRAPHML_TYPE: Record<AttrType, string> = {
  integer: 'int',
  double: 'double',
  boolean: 'boolean',
  string: 'string',
};

/**
 * GraphML with typed `<key>`s for the label, every node attribute and metric, and x/y when
 * positions are given; edges carry `weight` (double), `relations` and one boolean per relation.
 */
export function toGraphml(
  graph: CivicGraph,
  nodeMetrics: Record<string, Record<string, unknown>>,
  opts: GraphExportOptions,
): string {
  const p = prepare(graph, nodeMetrics, opts);
  const nodeColumns: Column[] = [
    { name: 'label', type: 'string' },
    ...p.nodeColumns.filter((c) => c.name !== 'label'),
  ];
  if (opts.positions) {
    for (const axis of ['x', 'y'])
      if (!nodeColumns.some((c) => c.name === axis)) nodeColumns.push({ name: axis, type: 'double' });
  }
  const edgeColumns: Column[] = [
    { name: 'weight', type: 'double' },
    ...p.edgeColumns.filter((c) => c.name !== 'weight'),
  ];
  const nodeKeys = new Map(nodeColumns.map((c, i) => [c.name, `n${i}`]));
  const edgeKeys = new Map(edgeColumns.map((c, i) => [c.name, `e${i}`]));
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  );
  for (const c of nodeColumns)
    out.push(
      `  <key id="${nodeKeys.get(c.name)}" for="node" attr.name="${escapeXml(c.name)}" attr.type="${GRAPHML_TYPE[c.type]}"/>`,
    );
  for (const c of edgeColumns)
    out.push(
      `  <key id="${edgeKeys.get(c.name)}" for="edge" attr.name="${escapeXml(c.name)}" attr.type="${GRAPHML_TYPE[c.type]}"/>`,
    );
  out.push(`  <graph id="G" edgedefault="${p.directed ? 'directed' : 'undirected'}">`);
  for (const n of p.nodes) {
    const pos = opts.positions?.[n.id];
    const values: Record<string, Scalar | null> = { ...n.values, label: n.label };
    if (pos) {
      values.x = Math.round(pos.x * 1000) / 1000;
      values.y = Math.round(pos.y * 1000) / 1000;
    }
    out.push(`    <node id="${escapeXml(n.id)}">`);
    for (const c of nodeColumns) {
      const v = values[c.name];
      if (v === null || v === undefined) continue;
      out.push(`      <data key="${nodeKeys.get(c.name)}">${escapeXml(formatValue(v, c.type))}</data>`);
    }
    out.push('    </node>');
  }
  for (const e of p.edges) {
    out.push(`    <edge id="${e.id}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}">`);
    const values: Record<string, Scalar | null> = { ...e.values, weight: e.weight };
    for (const c of edgeColumns) {
      const v = values[c.name];
      if (v === null || v === undefined) continue;
      out.push(`      <data key="${edgeKeys.get(c.name)}">${escapeXml(formatValue(v, c.type))}</data>`);
    }
    out.push('    </edge>');
  }
  out.push('  </graph>');
  out.push('</graphml>');
  return out.join('\n') + '\n';
}

export const EDGE_CSV_COLUMNS = ['source', 'target', 'relation', 'weight'] as const;

/**
 * `source,target,relation,weight`: one row per (source, target, relation), repeated nominations
 * summed as the network builder does; self-ties left out (ingest reports them). Rows keep the
 * order ties were first seen, so the file follows the survey.
 */
export function edgesCsv(ties: readonly Tie[]): Uint8Array<ArrayBuffer> {
  const out = new CsvBytes();
  out.row(EDGE_CSV_COLUMNS);
  if (inSourceRuns(ties)) writeEdgeRuns(ties, out);
  else writeEdgeTable(ties, out);
  return out.bytes();
}

/** Ties of one source beyond which a run is merged through the table, not by scanning it. */
const RUN_SCAN_LIMIT = 64;

/**
 * Whether each source's ties come together in one short run, as ingest writes a respondent's
 * (a source met again later, from a second file or a network file, needs the table).
 */
function inSourceRuns(ties: readonly Tie[]): boolean {
  const seen = new Set<string>();
  for (let i = 0; i < ties.length;) {
    const source = ties[i]!.source;
    if (seen.has(source)) return false;
    seen.add(source);
    const start = i;
    while (i < ties.length && ties[i]!.source === source) i++;
    if (i - start > RUN_SCAN_LIMIT) return false;
  }
  return true;
}

/** edgesCsv's rows when each source's ties are one short run: merged by scanning the run. */
function writeEdgeRuns(ties: readonly Tie[], out: CsvBytes): void {
  for (let start = 0; start < ties.length;) {
    const source = ties[start]!.source;
    let end = start + 1;
    while (end < ties.length && ties[end]!.source === source) end++;
    for (let k = start; k < end; k++) {
      const { target, relation } = ties[k]!;
      if (target === source) continue;
      let repeat = false;
      for (let j = start; j < k && !repeat; j++)
        repeat = ties[j]!.target === target && ties[j]!.relation === relation;
      if (repeat) continue; // summed into its first row
      let weight = ties[k]!.weight;
      for (let j = k + 1; j < end; j++) {
        if (ties[j]!.target === target && ties[j]!.relation === relation) weight += ties[j]!.weight;
      }
      writeEdgeRow(out, source, target, relation, weight);
    }
    start = end;
  }
}

/** edgesCsv's rows in general: each end and relation numbered once, rows found by the numbers. */
function writeEdgeTable(ties: readonly Tie[], out: CsvBytes): void {
  const endIds = new Map<string, number>();
  const ends: string[] = [];
  const relationIds = new Map<string, number>();
  const relations: string[] = [];
  const rows = new EdgeRows(ties.length);
  for (const t of ties) {
    if (t.source === t.target) continue;
    rows.add(
      intern(t.source, endIds, ends),
      intern(t.target, endIds, ends),
      intern(t.relation, relationIds, relations),
      t.weight,
    );
  }
  for (let i = 0; i < rows.length; i++) {
    writeEdgeRow(
      out,
      ends[rows.source[i]!]!,
      ends[rows.target[i]!]!,
      relations[rows.relation[i]!]!,
      rows.weight[i]!,
    );
  }
}

function writeEdgeRow(out: CsvBytes, source: string, target: string, relation: string, weight: number): void {
  out.value(source);
  out.comma();
  out.value(target);
  out.comma();
  out.value(relation);
  out.comma();
  out.value(weight);
  out.endRow();
}

export const NODE_CSV_BASE_COLUMNS = [
  'id',
  'label',
  'type',
  'sector',
  'role',
  'service',
  'onRoster',
] as const;

export interface NodesCsvOptions {
  /** Keep names and contact attributes of non-roster actors. Default false. */
  includeNames: boolean;
  /** Optional node metrics appended as columns (flattened: brokerageCoordinator, ...). */
  metrics?: Record<string, Record<string, unknown>>;
}

/**
 * `id,label,type,sector,role,service,onRoster`, then every further attribute that may leave under
 * the privacy rule (sorted), then metrics when given. Isolates included: every actor is a row.
 */
export function nodesCsv(actors: readonly Actor[], opts: NodesCsvOptions): Uint8Array<ArrayBuffer> {
  const exported = actors.map((a) => exportNode(a, opts.includeNames));
  const metrics = opts.metrics;
  const flat = metrics ? actors.map((a) => flattenAttributes(metrics[a.id] ?? {})) : null;
  const base: string[] = [...NODE_CSV_BASE_COLUMNS];
  const extra = new Set<string>();
  for (const e of exported) for (const k in e.attrs) extra.add(k);
  const extraCols = [...extra].filter((k) => !base.includes(k)).sort();
  const metricCols: string[] = [];
  if (flat) {
    const seen = new Set([...base, ...extraCols]);
    for (const f of flat)
      for (const k of Object.keys(f))
        if (!seen.has(k)) {
          seen.add(k);
          metricCols.push(k);
        }
  }
  const out = new CsvBytes();
  out.row([...base, ...extraCols, ...metricCols]);
  const cells: unknown[] = [];
  actors.forEach((a, i) => {
    const { label, attrs } = exported[i]!;
    const f = flat?.[i];
    cells.length = 0;
    cells.push(a.id, label, a.type, a.sector, a.role ?? null, a.service ?? null, a.onRoster);
    // A metric named like an attribute wins, as the metrics are the later, computed value.
    for (const k of extraCols) cells.push(f && k in f ? f[k] : attrs[k]);
    for (const k of metricCols) cells.push(f?.[k]);
    out.row(cells);
  });
  return out.bytes();
}
