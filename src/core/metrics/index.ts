// The metrics engine: every node and graph metric of the contract for one graph (computeMetrics)
// or for the union and each tie-type layer (computeLayeredMetrics). Conventions follow networkx;
// see registry.ts for each metric's exact definition.
import type Graph from 'graphology';
import type { CivicGraph, Network } from '../network/build';
import { QualityCollector, silentProgress, subProgress, type Progress } from '../quality';
import { arcLengths, buildCsr, type Csr, type WeightMode } from './csr';
import { pathPass, type PathInput, type PathSums } from './paths';
import { eigenvector, hits, pagerank } from './spectral';
import {
  clusteringAndTransitivity,
  coreNumber,
  reciprocity,
  strongComponentCount,
  structuralHoles,
  undirectedDiameter,
  weakComponents,
} from './structure';
import { brokerage, civilReach, eiIndex, groupCodes } from './groups';
import { communities } from './community';
import { sampleIndexes } from './random';

export { METRICS, metricByKey, metricsMarkdown, type MetricDescriptor } from './registry';
export { buildCsr, type Csr, type WeightMode } from './csr';
export { pathPass, addPathSums, emptyPathSums, type PathInput, type PathSums } from './paths';
export {
  poolPathRunner,
  answerPathJob,
  POOL_MIN_NODES,
  type PathJob,
  type PathReply,
  type PoolWorker,
  type StartPathWorker,
} from './path-pool';

export interface MetricsOptions {
  /** How tie weights enter path and spectral metrics (strengths always use them). */
  weight: WeightMode;
  /** Node attribute for E-I index and brokerage roles. */
  group: string;
  /** Seed for Louvain and sampled betweenness. */
  seed: number;
  /** Analyse as directed; default: the graph's own type. */
  directed?: boolean;
  /** Estimate betweenness from a seeded sample of sources when the graph has more nodes than this. */
  sampleAbove?: number;
  /** Number of sampled sources (default: max(500, n / 10), capped at n). */
  sampleSources?: number;
  /**
   * PageRank weights: 'mode' (default) follows the contract's conventions table (weighted only with
   * --weight strength); 'always' uses the weight column in every mode, as networkx's own default.
   */
  pagerankWeight?: 'mode' | 'always';
}

export const DEFAULT_METRICS_OPTIONS: MetricsOptions = { weight: 'none', group: 'sector', seed: 1 };

export interface GraphMetrics {
  nodes: number;
  edges: number;
  directed: boolean;
  density: number | null;
  reciprocity: number | null;
  transitivity: number | null;
  components: number;
  strongComponents: number;
  diameter: number | null;
  modularity: number | null;
  communities: number;
  eiIndex: number | null;
}

export interface Brokerage {
  coordinator: number | null;
  gatekeeper: number | null;
  representative: number | null;
  consultant: number | null;
  liaison: number | null;
}

export interface NodeMetrics {
  inDegree: number;
  outDegree: number;
  degree: number;
  inStrength: number;
  outStrength: number;
  strength: number;
  degreeCentrality: number | null;
  inDegreeCentrality: number | null;
  outDegreeCentrality: number | null;
  betweenness: number | null;
  closeness: number | null;
  harmonic: number | null;
  eigenvector: number | null;
  pagerank: number | null;
  hub: number | null;
  authority: number | null;
  clustering: number | null;
  constraint: number | null;
  effectiveSize: number | null;
  coreNumber: number | null;
  community: number | null;
  eiIndex: number | null;
  brokerage: Brokerage;
  civilReach: number | null;
}

export interface MetricsResult {
  graph: GraphMetrics;
  nodes: Record<string, NodeMetrics>;
}

export interface LayeredMetrics extends MetricsResult {
  layers: Record<string, MetricsResult>;
}

/** How the betweenness estimate was made, for hosts that show it (null fields when exact). */
export interface PathPlan {
  input: PathInput;
  /** Sources whose dependencies count towards betweenness; null = all (exact). */
  betweennessSources: Uint8Array | null;
  sampled: number | null;
}

/** Everything the path pass needs, so a host can run it split across workers and hand back the sums. */
export function planPaths(csr: Csr, options: MetricsOptions): PathPlan {
  const weighted = options.weight !== 'none';
  const input: PathInput = {
    n: csr.n,
    outPtr: csr.outPtr,
    outIdx: csr.outIdx,
    inPtr: csr.inPtr,
    inIdx: csr.inIdx,
    outLen: weighted ? arcLengths(csr.outW, options.weight) : null,
    inLen: weighted ? arcLengths(csr.inW, options.weight) : null,
  };
  let betweennessSources: Uint8Array | null = null;
  let sampled: number | null = null;
  if (options.sampleAbove !== undefined && csr.n > options.sampleAbove) {
    const k = Math.min(csr.n, options.sampleSources ?? Math.max(500, Math.round(csr.n / 10)));
    if (k < csr.n) {
      betweennessSources = new Uint8Array(csr.n);
      for (const s of sampleIndexes(csr.n, k, options.seed)) betweennessSources[s] = 1;
      sampled = k;
    }
  }
  return { input, betweennessSources, sampled };
}

function resolve(options: Partial<MetricsOptions> | undefined): MetricsOptions {
  const o = { ...DEFAULT_METRICS_OPTIONS, ...(options ?? {}) };
  // Drop explicit undefined so defaults hold.
  if (o.weight === undefined) o.weight = 'none';
  if (o.group === undefined) o.group = 'sector';
  if (o.seed === undefined || !Number.isFinite(o.seed)) o.seed = 1;
  return o;
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Metrics for one graph. Never throws on graph shape; undefined values are null with a note. */
export function computeMetrics(
  graph: Graph,
  options?: Partial<MetricsOptions>,
  quality: QualityCollector = new QualityCollector(),
  progress: Progress = silentProgress,
  scope = '',
): MetricsResult {
  const opts = resolve(options);
  const csr = buildCsr(graph, { directed: opts.directed });
  const plan = planPaths(csr, opts);
  const sums = pathPass(plan.input, {
    betweennessSources: plan.betweennessSources,
    progress: subProgress(progress, 0, PATHS_SHARE),
    progressLabel: scope ? `Paths (${scope})` : 'Paths',
  });
  return finishMetrics(graph, csr, opts, plan, sums, quality, progress, scope);
}

/**
 * Runs the path pass somewhere else (worker threads in the CLI, Web Workers in the app) and hands
 * back the summed raw sums. `pathPass` over all sources is the in-thread equivalent.
 */
export type PathRunner = (
  input: PathInput,
  betweennessSources: Uint8Array | null,
  progress: Progress,
  label: string,
) => Promise<PathSums>;

/** computeMetrics with the path pass (the costly part) delegated to a host's runner. */
export async function computeMetricsWith(
  runPaths: PathRunner,
  graph: Graph,
  options?: Partial<MetricsOptions>,
  quality: QualityCollector = new QualityCollector(),
  progress: Progress = silentProgress,
  scope = '',
): Promise<MetricsResult> {
  const opts = resolve(options);
  const csr = buildCsr(graph, { directed: opts.directed });
  const plan = planPaths(csr, opts);
  // The path pass has the same share of the bar as in computeMetrics: given the whole of it, the
  // bar ran to the graph's end and went back when the next stage reported.
  const sums = await runPaths(
    plan.input,
    plan.betweennessSources,
    subProgress(progress, 0, PATHS_SHARE),
    scope ? `Paths (${scope})` : 'Paths',
  );
  return finishMetrics(graph, csr, opts, plan, sums, quality, progress, scope);
}

/** computeLayeredMetrics with the path passes delegated to a host's runner. */
export async function computeLayeredMetricsWith(
  runPaths: PathRunner,
  network: Network,
  options: Partial<MetricsOptions>,
  quality: QualityCollector,
  progress: Progress,
): Promise<LayeredMetrics> {
  const top = await computeMetricsWith(
    runPaths,
    network.union,
    options,
    quality,
    unionProgress(network, progress),
  );
  const layers: Record<string, MetricsResult> = {};
  for (const slice of layerSlices(network, progress)) {
    layers[slice.relation] = await computeMetricsWith(
      runPaths,
      slice.graph,
      options,
      quality,
      slice.progress,
      `"${slice.relation}"`,
    );
  }
  return { ...top, layers };
}

/** Everything after the path pass; exported so a parallel host can supply the sums it gathered. */
export function finishMetrics(
  graph: Graph,
  csr: Csr,
  opts: MetricsOptions,
  plan: PathPlan,
  sums: PathSums,
  quality: QualityCollector,
  progress: Progress,
  scope = '',
): MetricsResult {
  const where = scope ? ` in the ${scope} network` : '';
  const note = (code: string, message: string) =>
    quality.info('network', null, null, code, message + where + '.');
  const warn = (code: string, message: string) =>
    quality.warn('network', null, null, code, message + where + '.');
  const { n, directed } = csr;

  if (csr.selfLoops > 0)
    note(
      'metrics-self-loops',
      `${csr.selfLoops} ties from an actor to themselves were left out of every metric`,
    );
  if (n === 0) note('metrics-empty-graph', 'The network has no actors, so no metric could be computed');
  if (csr.badWeights > 0 && opts.weight !== 'none')
    warn(
      'metrics-bad-weights',
      `${csr.badWeights} ties have a weight that is not a positive number; path metrics skip them`,
    );

  // Path metrics.
  const bc = sums.betweenness;
  const scale = (n > 2 ? 1 / ((n - 1) * (n - 2)) : 1) * (plan.sampled ? n / plan.sampled : 1);
  if (plan.sampled) {
    // Sampled sources give an unbiased estimate n/k Σ δ_s; its standard error from the spread of
    // the per-source dependencies (finite-population corrected), largest over nodes.
    const k = plan.sampled;
    let maxSe = 0;
    let maxValue = 0;
    for (let v = 0; v < n; v++) {
      const mean = bc[v]! / k;
      const variance = Math.max(0, sums.betweennessSq[v]! / k - mean * mean);
      const se =
        Math.sqrt((variance / k) * ((n - k) / Math.max(1, n - 1))) *
        n *
        (n > 2 ? 1 / ((n - 1) * (n - 2)) : 1);
      if (se > maxSe) maxSe = se;
      if (bc[v]! * scale > maxValue) maxValue = bc[v]! * scale;
    }
    note(
      'betweenness-sampled',
      `Betweenness was estimated from ${k} of ${n} sources (seed ${opts.seed}); the largest standard error is ` +
        `${maxSe.toPrecision(2)} against a largest value of ${maxValue.toPrecision(2)}; other metrics are exact`,
    );
  }

  // After the path pass (0 .. PATHS_SHARE of this graph's bar), each stage gets a fixed slice.
  const named = (phase: string) => (scope ? `${phase} (${scope})` : phase);
  // A stage's own reports (Communities' restarts) are named for the graph too.
  const stage = (from: number, to: number): Progress => {
    const part = subProgress(progress, from, to);
    return { report: (phase, fraction) => part.report(named(phase), fraction), check: () => part.check() };
  };
  progress.report(named('Structure'), PATHS_SHARE);
  const weak = weakComponents(csr);
  const strong = strongComponentCount(csr);
  const connected = n > 0 && (directed ? strong === 1 : weak.count === 1);
  const weaklyConnected = n > 0 && weak.count === 1;
  const { clustering, transitivity } = clusteringAndTransitivity(csr, stage(0.8, 0.82));
  const holes = structuralHoles(csr, stage(0.82, 0.85));
  const cores = coreNumber(csr);

  const spectralWeighted = opts.weight === 'strength';
  progress.report(named('PageRank, eigenvector, HITS'), 0.85);
  const pr = pagerank(csr, spectralWeighted || opts.pagerankWeight === 'always', stage(0.85, 0.87));
  if (!pr.converged) warn('pagerank-not-converged', 'PageRank did not converge; its values are approximate');

  let eig: Float64Array | null = null;
  if (n > 0 && !connected) {
    note(
      'eigenvector-disconnected',
      directed
        ? 'Eigenvector centrality is left empty: it is only defined when every actor can reach every other along the ties'
        : 'Eigenvector centrality is left empty: it is only defined when the network is in one piece',
    );
  } else if (n > 0) {
    const r = eigenvector(csr, spectralWeighted, stage(0.87, 0.88));
    if (!r.converged || r.values.some((x) => !Number.isFinite(x))) {
      warn('eigenvector-not-converged', 'Eigenvector centrality did not converge, so it is left empty');
    } else eig = r.values;
  }

  let hub: Float64Array | null = null;
  let authority: Float64Array | null = null;
  if (n > 0 && (!weaklyConnected || csr.ties === 0)) {
    note('hits-disconnected', 'Hub and authority scores are left empty: HITS needs a network in one piece');
  } else if (n > 0) {
    const r = hits(csr, spectralWeighted, stage(0.88, 0.9));
    if (!r.converged)
      warn('hits-not-converged', 'Hub and authority scores did not converge; values are approximate');
    hub = r.hub;
    authority = r.authority;
  }

  progress.report(named('Communities'), 0.9);
  const comm = communities(csr, { weighted: spectralWeighted, seed: opts.seed }, stage(0.9, 0.96));
  if (comm.modularity === null && n > 0)
    note('modularity-no-ties', 'Modularity is left empty: there are no ties');

  // Groups.
  const groupValues = csr.ids.map((id) => {
    const v = graph.getNodeAttribute(id, opts.group);
    return v === undefined || v === null || v === '' ? null : String(v);
  });
  const missingGroup = groupValues.filter((v) => v === null).length;
  if (missingGroup > 0 && n > 0)
    note(
      'group-missing',
      `${missingGroup} actors have no "${opts.group}" value; their ties are left out of the E-I index and brokerage`,
    );
  const groups = groupCodes(groupValues);
  const ei = eiIndex(csr, groups);
  progress.report(named('Brokerage'), 0.96);
  const roles = brokerage(csr, groups, stage(0.96, 0.98));
  const isServant = new Uint8Array(n);
  const isCivil = new Uint8Array(n);
  csr.ids.forEach((id, i) => {
    const attrs = graph.getNodeAttributes(id) as Record<string, unknown>;
    isServant[i] = attrs.type === 'public-servant' ? 1 : 0;
    isCivil[i] = attrs.sector !== 'public' ? 1 : 0;
  });
  const reach = civilReach(csr, isServant, isCivil);

  // Graph level.
  let diameter: number | null = null;
  if (n > 0 && weak.count === 1) {
    if (!directed && opts.weight === 'none') {
      diameter = 0;
      for (let v = 0; v < n; v++) if (sums.eccentricity[v]! > diameter) diameter = sums.eccentricity[v]!;
    } else diameter = undirectedDiameter(csr, stage(0.98, 1));
  } else if (n > 0)
    note('diameter-disconnected', 'The diameter is left empty: the network is in several pieces');

  let density: number | null = null;
  if (n > 1) density = directed ? csr.ties / (n * (n - 1)) : (2 * csr.ties) / (n * (n - 1));
  else if (n === 1) note('density-undefined', 'Density is left empty: it needs at least two actors');
  const recip = reciprocity(csr);
  if (recip === null && n > 0)
    note(
      'reciprocity-undefined',
      directed
        ? 'Reciprocity is left empty: there are no ties'
        : 'Reciprocity is left empty: ties are undirected',
    );

  let isolates = 0;
  const nodes: Record<string, NodeMetrics> = {};
  const denom = n - 1;
  for (let v = 0; v < n; v++) {
    const outDeg = csr.outPtr[v + 1]! - csr.outPtr[v]!;
    const inDeg = csr.inPtr[v + 1]! - csr.inPtr[v]!;
    const degree = directed ? inDeg + outDeg : outDeg;
    let outS = 0;
    for (let e = csr.outPtr[v]!; e < csr.outPtr[v + 1]!; e++) outS += finiteOr0(csr.outW[e]!);
    let inS = 0;
    for (let e = csr.inPtr[v]!; e < csr.inPtr[v + 1]!; e++) inS += finiteOr0(csr.inW[e]!);
    const hasTies = csr.undPtr[v + 1]! > csr.undPtr[v]!;
    if (!hasTies) isolates++;
    const r = sums.reach[v]!;
    const closeness = r > 0 && sums.distSum[v]! > 0 && n > 1 ? (r / sums.distSum[v]!) * (r / (n - 1)) : 0;
    const broker = (a: Int32Array): number | null => (groups[v]! < 0 ? null : a[v]!);
    nodes[csr.ids[v]!] = {
      inDegree: inDeg,
      outDegree: outDeg,
      degree,
      inStrength: directed ? inS : outS,
      outStrength: outS,
      strength: directed ? inS + outS : outS,
      // networkx gives 1 to the only node of a one-node graph.
      degreeCentrality: denom > 0 ? degree / denom : 1,
      inDegreeCentrality: denom > 0 ? inDeg / denom : 1,
      outDegreeCentrality: denom > 0 ? outDeg / denom : 1,
      betweenness: finite(bc[v]! * scale),
      closeness: finite(closeness),
      harmonic: finite(sums.harmonic[v]!),
      eigenvector: eig ? finite(eig[v]!) : null,
      pagerank: finite(pr.values[v]!),
      hub: hub ? finite(hub[v]!) : null,
      authority: authority ? finite(authority[v]!) : null,
      clustering: finite(clustering[v]!),
      constraint: finite(holes.constraint[v]!),
      effectiveSize: finite(holes.effectiveSize[v]!),
      coreNumber: cores[v]!,
      community: comm.community[v]!,
      eiIndex: finite(ei.node[v]!),
      brokerage: {
        coordinator: broker(roles.coordinator),
        gatekeeper: broker(roles.gatekeeper),
        representative: broker(roles.representative),
        consultant: broker(roles.consultant),
        liaison: broker(roles.liaison),
      },
      civilReach: reach[v]! >= 0 ? reach[v]! : null,
    };
  }
  if (isolates > 0)
    note(
      'metrics-isolates',
      `${isolates} actors have no ties: their constraint, effective size and E-I index are left empty`,
    );

  progress.report(named('Metrics'), 1);
  return {
    graph: {
      nodes: n,
      edges: csr.ties,
      directed,
      density,
      reciprocity: recip,
      transitivity: n > 0 ? transitivity : null,
      components: weak.count,
      strongComponents: strong,
      diameter,
      modularity: comm.modularity,
      communities: comm.count,
      eiIndex: ei.graph,
    },
    nodes,
  };
}

function finiteOr0(x: number): number {
  return Number.isFinite(x) ? x : 0;
}

/** Share of one graph's progress bar given to the path pass (it is most of the work). */
const PATHS_SHARE = 0.8;

/**
 * The per-relation passes of a layered run, each with its share of the bar: the union's cost
 * dominates, so it takes the first half and the layers share the rest.
 */
function layerSlices(
  network: Network,
  progress: Progress,
): { relation: string; graph: CivicGraph; progress: Progress }[] {
  const parts = network.relations.length;
  return network.relations.flatMap((relation, i) => {
    const graph = network.layers[relation];
    if (!graph) return [];
    return [
      {
        relation,
        graph,
        progress: subProgress(progress, 0.5 + (0.5 * i) / parts, 0.5 + (0.5 * (i + 1)) / parts),
      },
    ];
  });
}

/** The union's share of the bar in a layered run. */
function unionProgress(network: Network, progress: Progress): Progress {
  return subProgress(progress, 0, network.relations.length ? 0.5 : 1);
}

/** The union network at the top level, and one result per relation under `layers`. */
export function computeLayeredMetrics(
  network: Network,
  options: Partial<MetricsOptions>,
  quality: QualityCollector,
  progress: Progress,
): LayeredMetrics {
  const top = computeMetrics(network.union, options, quality, unionProgress(network, progress));
  const layers: Record<string, MetricsResult> = {};
  for (const slice of layerSlices(network, progress)) {
    layers[slice.relation] = computeMetrics(
      slice.graph,
      options,
      quality,
      slice.progress,
      `"${slice.relation}"`,
    );
  }
  return { ...top, layers };
}
