// Node positions for the network map: seeded starting positions and a ForceAtlas2 + Noverlap
// layout run synchronously (CLI, report, tests). The app's FA2 worker starts from the same
// initialPositions so the map and the report look alike for a seed.
import Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import { seededFor } from '../random';

export type Point = { x: number; y: number };
export type Positions = Record<string, Point>;

/** Side of the square that initial and final coordinates fill (sigma 4 draws poorly in [0, 1]). */
export const LAYOUT_EXTENT = 1000;

/** Structural view of a graph: graphology or anything with the same iteration methods. */
type AnyGraph = Graph<Attributes, Attributes>;

/**
 * Seeded start: each node gets a point in [0, 1000]² drawn from a generator keyed by (seed, node
 * id), so adding a node (a second wave) never moves the others' starting points.
 */
export function initialPositions(graph: Pick<AnyGraph, 'forEachNode'>, seed: number): Positions {
  const out: Positions = {};
  graph.forEachNode((id) => {
    const rnd = seededFor(seed, id);
    out[id] = { x: rnd() * LAYOUT_EXTENT, y: rnd() * LAYOUT_EXTENT };
  });
  return out;
}

export interface LayoutOptions {
  /** Seed of the starting positions. Default 1. */
  seed?: number;
  /** ForceAtlas2 iterations. Default 300 (enough to settle a few hundred nodes). */
  iterations?: number;
  /** Noverlap passes after FA2; 0 skips it. Default 200. */
  noverlapIterations?: number;
  /** Node radius in layout units for Noverlap, by node id. Default 6 for every node. */
  sizes?: Record<string, number>;
  /** Use edge `weight` as attraction. Default true. */
  weighted?: boolean;
}

/**
 * Work budgets, in node-passes, so that a layout's cost stays bounded whatever the network's size:
 * ForceAtlas2 gets the iterations asked for (300 by default) up to 1,000 laid-out nodes and fewer
 * above (20,000 nodes: 15), Noverlap its 200 passes up to 1,000 nodes (3,500 nodes: 57); neither
 * fewer than 10. Each FA2 iteration costs about n log n (Barnes-Hut): a network of tens of
 * thousands of respondents took minutes (20,000 nodes, 300 iterations: 50 s) to reach a picture
 * that is a dense ball at any iteration count.
 */
const FA2_WORK = 300_000;
const NOVERLAP_WORK = 200_000;
const MIN_PASSES = 10;

/** The passes asked for, or as many as `work` node-passes allow over `nodes` (at least MIN_PASSES). */
function passesWithin(work: number, requested: number, nodes: number): number {
  return Math.min(requested, Math.max(MIN_PASSES, Math.floor(work / Math.max(1, nodes))));
}

export function layoutIterations(requested: number, nodes: number): number {
  return passesWithin(FA2_WORK, requested, nodes);
}

export function noverlapPasses(requested: number, nodes: number): number {
  return passesWithin(NOVERLAP_WORK, requested, nodes);
}

/**
 * Above this many nodes ForceAtlas2 approximates repulsion (Barnes-Hut). Its own inference waits
 * until 2,000, where the exact n² pass takes 20 ms an iteration (300 iterations: 6 s).
 */
const BARNES_HUT_ABOVE = 1000;

const NOVERLAP_MARGIN = 2;
const DEFAULT_NODE_SIZE = 6;

/**
 * Whether Noverlap can clear the overlaps at all: each node needs a square of side 2·(radius +
 * margin) of the layout's square. Past that (about 3,900 nodes of the default size) it spends its
 * passes on collisions it cannot resolve (20,000 nodes: 13 s a pass) and, at 100,000, its
 * collision set outgrows what the engine's Set holds and it throws. The layout then stops at FA2.
 */
export function noverlapFits(nodes: number, meanRadius: number, margin = NOVERLAP_MARGIN): boolean {
  const side = 2 * (meanRadius + margin);
  return nodes * side * side <= LAYOUT_EXTENT * LAYOUT_EXTENT;
}

/** Scales points uniformly (aspect kept) to fill [margin, extent − margin]², centred. */
export function fitToExtent(points: Positions, extent = LAYOUT_EXTENT, margin = 0): Positions {
  const ids = Object.keys(points);
  if (ids.length === 0) return {};
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const id of ids) {
    const p = points[id]!;
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  const span = Math.max(maxX - minX, maxY - minY);
  const inner = extent - 2 * margin;
  // One node, or all on one spot: put them in the middle rather than divide by zero.
  const k = span > 0 ? inner / span : 0;
  const offX = margin + (inner - (maxX - minX) * k) / 2;
  const offY = margin + (inner - (maxY - minY) * k) / 2;
  const out: Positions = {};
  for (const id of ids) {
    const p = points[id]!;
    out[id] =
      span > 0
        ? { x: offX + (p.x - minX) * k, y: offY + (p.y - minY) * k }
        : { x: extent / 2, y: extent / 2 };
  }
  return out;
}

/**
 * ForceAtlas2 (Jacomy et al. 2014, settings inferred from the graph's size) then Noverlap, on a
 * private copy of the graph (the caller's graph is never touched). Deterministic for a seed:
 * both algorithms are deterministic given the start. Result fitted to [0, 1000]², 20 units margin.
 * Multi-edges collapse to one with summed weight; self-loops are ignored; isolates are set out in
 * a grid band below the network.
 */
export function computeLayout(graph: AnyGraph, options: LayoutOptions = {}): Positions {
  const seed = options.seed ?? 1;
  const iterations = options.iterations ?? 300;
  const noverlapIterations = options.noverlapIterations ?? 200;
  const weighted = options.weighted ?? true;
  const start = initialPositions(graph, seed);
  const work = new Graph({ type: 'undirected', allowSelfLoops: false, multi: false });
  graph.forEachNode((id) => {
    const p = start[id]!;
    work.addNode(id, { x: p.x, y: p.y, size: options.sizes?.[id] ?? DEFAULT_NODE_SIZE });
  });
  graph.forEachEdge((_e, attrs, source, target) => {
    if (source === target) return;
    const w = weighted && typeof attrs.weight === 'number' && attrs.weight > 0 ? attrs.weight : 1;
    const existing = work.edge(source, target);
    if (existing !== undefined) work.updateEdgeAttribute(existing, 'weight', (v) => ((v as number) ?? 0) + w);
    else work.addEdge(source, target, { weight: w });
  });
  if (work.order === 0) return {};
  // Isolates sit out of FA2: its gravity and repulsion push them into a far ring that squeezes the
  // real network into the middle. They are laid out in a grid band underneath instead.
  const isolates = work.filterNodes((id) => work.degree(id) === 0);
  if (isolates.length > 0 && isolates.length < work.order) for (const id of isolates) work.dropNode(id);
  else isolates.length = 0;
  if (work.size > 0 && iterations > 0) {
    const settings = forceAtlas2.inferSettings(work);
    if (work.order > BARNES_HUT_ABOVE) settings.barnesHutOptimize = true;
    forceAtlas2.assign(work, {
      iterations: layoutIterations(iterations, work.order),
      settings,
      getEdgeWeight: weighted ? 'weight' : null,
    });
  }
  let points: Positions = {};
  work.forEachNode((id, a) => {
    points[id] = { x: a.x as number, y: a.y as number };
  });
  points = fitToExtent(points, LAYOUT_EXTENT, 20);
  let radii = 0;
  work.forEachNode((_id, a) => {
    radii += a.size as number;
  });
  if (noverlapIterations > 0 && work.order > 1 && noverlapFits(work.order, radii / work.order)) {
    work.forEachNode((id) => work.mergeNodeAttributes(id, points[id]!));
    noverlap.assign(work, {
      maxIterations: noverlapPasses(noverlapIterations, work.order),
      settings: { margin: NOVERLAP_MARGIN, ratio: 1, expansion: 1.1 },
    });
    work.forEachNode((id, a) => {
      points[id] = { x: a.x as number, y: a.y as number };
    });
    points = fitToExtent(points, LAYOUT_EXTENT, 20);
  }
  if (isolates.length) {
    const step = 24;
    const perRow = Math.floor((LAYOUT_EXTENT - 40) / step);
    let maxY = -Infinity;
    for (const p of Object.values(points)) maxY = Math.max(maxY, p.y);
    [...isolates].sort().forEach((id, i) => {
      points[id] = { x: 20 + (i % perRow) * step, y: maxY + 2 * step + Math.floor(i / perRow) * step };
    });
    points = fitToExtent(points, LAYOUT_EXTENT, 20);
  }
  // Round so that output is byte-stable across platforms' last-bit float differences.
  for (const id of Object.keys(points)) {
    const p = points[id]!;
    points[id] = { x: Math.round(p.x * 100) / 100, y: Math.round(p.y * 100) / 100 };
  }
  return points;
}
