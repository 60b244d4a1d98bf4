// Builds the graph sigma draws from one or two pipeline results: nodes carry only display-safe
// attributes (pseudonymised labels, metrics), edges carry the relations present in each wave.
import Graph from 'graphology';
import type { PipelineResult } from '../../core/pipeline';
import type { Actor } from '../../core/model';
import { exportNode } from '../../core/export/privacy';

/** Types that are always anonymous on the map unless the user explicitly asks for names. */
export { ANONYMOUS_TYPES } from '../../core/export/privacy';

export interface MapNodeAttributes {
  x: number;
  y: number;
  label: string;
  type: string;
  sector: string;
  role: string;
  service: string;
  community: number | null;
  onRoster: boolean;
  /** Present in the current wave / the baseline wave. */
  inCurrent: boolean;
  inBaseline: boolean;
  /** Numeric node metrics of the current wave (else baseline), for sizing and the table. */
  metrics: Record<string, number>;
  [key: string]: unknown;
}

export interface MapEdgeAttributes {
  /** Relations on the tie in the current wave (empty when the tie is absent). */
  now: string[];
  /** Relations on the tie in the baseline wave (empty without baseline or when absent). */
  before: string[];
  [key: string]: unknown;
}

export type MapGraph = Graph<MapNodeAttributes, MapEdgeAttributes>;

export interface DisplayGraphOptions {
  /** Show residents' and service users' names: an explicit choice, off by default. */
  includeNames?: boolean;
}

/** The label shown for an actor in labels, tooltips, search and exports. */
export function displayLabel(actor: Actor, includeNames: boolean): string {
  return exportNode(
    { id: actor.id, label: actor.label, type: actor.type, onRoster: actor.onRoster, attrs: actor.attrs },
    includeNames,
  ).label;
}

function numericMetrics(raw: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value === 'number' && Number.isFinite(value)) out[key] = value;
  }
  return out;
}

function communityOf(raw: unknown): number | null {
  if (!raw || typeof raw !== 'object') return null;
  const c = (raw as Record<string, unknown>).community;
  return typeof c === 'number' && Number.isFinite(c) ? c : null;
}

/** Edge key shared by both waves so the same tie keeps one identity across waves. */
export function edgeKey(source: string, target: string): string {
  return `${source}\u2192${target}`;
}

/**
 * Union of the two waves on one node set, so both waves share positions. The tie relations of
 * each wave come from buildNetwork's union graph (a tie exists where any relation has one).
 */
export function buildDisplayGraph(
  result: PipelineResult,
  baseline: PipelineResult | null,
  options: DisplayGraphOptions = {},
): MapGraph {
  const includeNames = options.includeNames ?? false;
  const graph: MapGraph = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });

  // Each wave numbers its respondents from 1 ("Volunteer 1"), so two people of the change map
  // could carry one label: a baseline-only actor whose label the current wave uses says its wave.
  const currentLabels = new Set<string>();
  const addActors = (wave: PipelineResult, current: boolean): void => {
    const nodeMetrics = (wave.metrics?.nodes ?? {}) as Record<string, unknown>;
    for (const actor of wave.actors) {
      if (graph.hasNode(actor.id)) {
        graph.mergeNodeAttributes(actor.id, current ? { inCurrent: true } : { inBaseline: true });
        continue;
      }
      const raw = nodeMetrics[actor.id];
      let label = displayLabel(actor, includeNames);
      if (current) currentLabels.add(label);
      else if (currentLabels.has(label)) label = `${label} (baseline)`;
      graph.addNode(actor.id, {
        x: 0,
        y: 0,
        label,
        type: actor.type,
        sector: actor.sector,
        role: actor.role ?? '',
        service: actor.service ?? '',
        community: communityOf(raw),
        onRoster: actor.onRoster,
        inCurrent: current,
        inBaseline: !current,
        metrics: numericMetrics(raw),
      });
    }
  };
  addActors(result, true);
  if (baseline) addActors(baseline, false);

  // One pass over the ties (not buildNetwork's per-layer graphs): 100k ties in well under a second.
  const addTies = (wave: PipelineResult, current: boolean): void => {
    const pairs = new Map<string, { s: string; t: string; rels: Set<string> }>();
    for (const tie of wave.ties) {
      if (tie.source === tie.target) continue;
      const key = edgeKey(tie.source, tie.target);
      let pair = pairs.get(key);
      if (!pair) pairs.set(key, (pair = { s: tie.source, t: tie.target, rels: new Set() }));
      pair.rels.add(tie.relation);
    }
    for (const [key, { s, t, rels }] of pairs) {
      if (!graph.hasNode(s) || !graph.hasNode(t)) continue;
      const relations = [...rels].sort();
      if (graph.hasEdge(key))
        graph.mergeEdgeAttributes(key, current ? { now: relations } : { before: relations });
      else
        graph.addEdgeWithKey(
          key,
          s,
          t,
          current ? { now: relations, before: [] } : { now: [], before: relations },
        );
    }
  };
  addTies(result, true);
  if (baseline) addTies(baseline, false);
  return graph;
}

/** Numeric metrics present on at least one node, for the "size by" menu. */
export function metricNames(graph: MapGraph): string[] {
  const names = new Set<string>();
  graph.forEachNode((_n, a) => {
    for (const k of Object.keys(a.metrics)) names.add(k);
  });
  return [...names].sort();
}
