// The map's small view state and the sigma reducers over it: filters, ego view, hover and wave
// comparison change what is drawn without ever mutating the graph.
import type { NodeDisplayData, EdgeDisplayData } from 'sigma/types';
import type { MapGraph, MapEdgeAttributes, MapNodeAttributes } from './display-graph';
import {
  colourScale,
  EDGE_COLOURS,
  FADED_EDGE,
  FADED_NODE,
  type ColourBy,
  type ColourScale,
} from './palettes';

export type Wave = 'current' | 'baseline' | 'change';

/** Fewer namers than this for one tie type: the ego view shows the count, not who. */
export const EGO_MIN_NAMERS = 3;

export interface ViewState {
  colourBy: ColourBy;
  /** A metric name, or '' for a uniform size. */
  sizeBy: string;
  /** Tie types drawn; a tie shows when any of its relations is enabled. */
  relations: Set<string>;
  /** Sectors hidden by the legend / filter checkboxes. */
  hiddenSectors: Set<string>;
  /** '' for every service. */
  service: string;
  /** null for every community. */
  community: number | null;
  minDegree: number;
  /** Civil-society view: hide ties between two public-sector actors. */
  civilOnly: boolean;
  wave: Wave;
  ego: { id: string; steps: 1 | 2 } | null;
  hovered: string | null;
  /** Keyboard cursor / search result: drawn highlighted with its label. */
  focused: string | null;
  selected: string | null;
}

export function defaultViewState(relations: string[]): ViewState {
  return {
    colourBy: 'sector',
    sizeBy: 'degree',
    relations: new Set(relations),
    hiddenSectors: new Set(),
    service: '',
    community: null,
    minDegree: 0,
    civilOnly: false,
    wave: 'current',
    ego: null,
    hovered: null,
    focused: null,
    selected: null,
  };
}

export interface EgoSummary {
  id: string;
  /** Per tie type: how many named the ego, and whether who is withheld (fewer than 3). */
  namedBy: { relation: string; count: number; withheld: boolean }[];
  nodes: number;
}

/** Relations of a tie in the wave being looked at. */
export function waveRelations(attrs: MapEdgeAttributes, wave: Wave): string[] {
  if (wave === 'current') return attrs.now;
  if (wave === 'baseline') return attrs.before;
  if (attrs.before.length === 0) return attrs.now;
  if (attrs.now.length === 0) return attrs.before;
  return [...new Set([...attrs.now, ...attrs.before])];
}

export type TieChange = 'gained' | 'lost' | 'kept';
export function tieChange(attrs: MapEdgeAttributes): TieChange {
  if (attrs.before.length === 0) return 'gained';
  if (attrs.now.length === 0) return 'lost';
  return 'kept';
}

/**
 * Everything derived from the view state that is too costly for a reducer call: which nodes and
 * ties pass the filters, degrees under the filters, the ego neighbourhood and colour scale.
 * Recomputed when a filter changes (O(V + E)), never on hover.
 */
export class MapView {
  state: ViewState;
  readonly graph: MapGraph;
  private nodeVisible = new Set<string>();
  private edgeRelations = new Map<string, string[]>();
  private filteredDegree = new Map<string, number>();
  private egoNodes: Set<string> | null = null;
  private egoEdges: Set<string> | null = null;
  egoSummary: EgoSummary | null = null;
  private hoverNeighbours: Set<string> | null = null;
  private hoverEdges: Set<string> | null = null;
  /** Ties drawn under the current filters and ego view: O(1) lookups in the edge reducer. */
  private edgeVisible = new Set<string>();
  colours: ColourScale;
  private sizeOf = new Map<string, number>();
  private readonly baseSize: [number, number];
  /**
   * Fade everything but the hovered person's ties. Off on big graphs: fading touches every item,
   * while highlighting only the neighbourhood is a partial refresh of a few dozen.
   */
  readonly fadeOnHover: boolean;

  constructor(graph: MapGraph, state: ViewState) {
    this.graph = graph;
    this.state = state;
    const n = graph.order;
    // Smaller discs for big graphs so 20k nodes do not paint the screen solid.
    this.baseSize = n > 5000 ? [1.5, 8] : n > 500 ? [2.5, 12] : [4, 18];
    this.fadeOnHover = n <= 5000 && graph.size <= 25_000;
    this.colours = colourScale(graph, state.colourBy);
    this.recompute();
  }

  /** Visible relations of an edge under the current filters (empty = hidden). */
  visibleRelations(edge: string): string[] {
    return this.edgeRelations.get(edge) ?? [];
  }
  isNodeVisible(node: string): boolean {
    return this.nodeVisible.has(node) && (!this.egoNodes || this.egoNodes.has(node));
  }
  isEdgeVisible(edge: string): boolean {
    return this.edgeVisible.has(edge);
  }
  degree(node: string): number {
    return this.filteredDegree.get(node) ?? 0;
  }
  nodeSize(node: string): number {
    return this.sizeOf.get(node) ?? this.baseSize[0];
  }
  visibleNodeIds(): string[] {
    return this.graph.filterNodes((n) => this.isNodeVisible(n));
  }
  /** Nodes and ties a hover change touches, for a partial refresh on big graphs. */
  hoverFootprint(nodes: (string | null)[]): { nodes: string[]; edges: string[] } {
    const ns = new Set<string>();
    const es = new Set<string>();
    for (const n of nodes) {
      if (!n || !this.graph.hasNode(n)) continue;
      ns.add(n);
      this.graph.forEachNeighbor(n, (m) => void ns.add(m));
      this.graph.forEachEdge(n, (e) => void es.add(e));
    }
    return { nodes: [...ns], edges: [...es] };
  }

  /** Visible neighbours (either direction) of a node, for keyboard navigation and hover. */
  visibleNeighbours(node: string): string[] {
    const out = new Set<string>();
    if (!this.graph.hasNode(node)) return [];
    this.graph.forEachEdge(node, (edge, _a, s, t) => {
      if (!this.isEdgeVisible(edge)) return;
      out.add(s === node ? t : s);
    });
    return [...out];
  }

  setHovered(node: string | null): void {
    this.state.hovered = node;
    this.hoverNeighbours = node ? new Set(this.visibleNeighbours(node)) : null;
    this.hoverEdges = node && this.graph.hasNode(node) ? new Set(this.graph.edges(node)) : null;
  }

  setColourBy(by: ColourBy): void {
    this.state.colourBy = by;
    this.colours = colourScale(this.graph, by);
  }

  /** Recompute the derived sets after a filter, wave, ego or size change. */
  recompute(): void {
    const { state, graph } = this;
    this.edgeRelations.clear();
    this.filteredDegree.clear();
    const inWave = (a: MapNodeAttributes): boolean =>
      state.wave === 'current' ? a.inCurrent : state.wave === 'baseline' ? a.inBaseline : true;

    graph.forEachEdge((edge, attrs, source, target, sa, ta) => {
      if (state.civilOnly && sa.sector === 'public' && ta.sector === 'public') return;
      const rels = waveRelations(attrs, state.wave).filter((r) => state.relations.has(r));
      if (rels.length === 0) return;
      this.edgeRelations.set(edge, rels);
      this.filteredDegree.set(source, (this.filteredDegree.get(source) ?? 0) + 1);
      this.filteredDegree.set(target, (this.filteredDegree.get(target) ?? 0) + 1);
    });

    this.nodeVisible.clear();
    graph.forEachNode((node, a) => {
      if (!inWave(a)) return;
      if (state.hiddenSectors.has(a.sector)) return;
      if (state.service && a.service !== state.service) return;
      if (state.community !== null && a.community !== state.community) return;
      if ((this.filteredDegree.get(node) ?? 0) < state.minDegree) return;
      this.nodeVisible.add(node);
    });
    // Keep the keyboard cursor and the ego on the map even when a filter would hide them.
    if (state.ego && graph.hasNode(state.ego.id)) this.nodeVisible.add(state.ego.id);

    this.computeEgo();
    this.edgeVisible.clear();
    if (this.egoEdges) for (const e of this.egoEdges) this.edgeVisible.add(e);
    else
      for (const e of this.edgeRelations.keys()) {
        if (this.nodeVisible.has(graph.source(e)) && this.nodeVisible.has(graph.target(e)))
          this.edgeVisible.add(e);
      }
    this.computeSizes();
    if (state.hovered) this.setHovered(state.hovered);
  }

  private computeEgo(): void {
    const { state, graph } = this;
    this.egoNodes = null;
    this.egoEdges = null;
    this.egoSummary = null;
    const ego = state.ego;
    if (!ego || !graph.hasNode(ego.id)) return;

    // Privacy: for each tie type, who named the ego; under the threshold only the count shows.
    const namers = new Map<string, Set<string>>();
    graph.forEachInEdge(ego.id, (edge, _a, source) => {
      for (const r of this.edgeRelations.get(edge) ?? []) {
        let set = namers.get(r);
        if (!set) namers.set(r, (set = new Set()));
        set.add(source);
      }
    });
    const withheld = new Set<string>();
    const namedBy: EgoSummary['namedBy'] = [];
    for (const r of [...state.relations].sort()) {
      const count = namers.get(r)?.size ?? 0;
      const hide = count > 0 && count < EGO_MIN_NAMERS;
      if (hide) withheld.add(r);
      namedBy.push({ relation: r, count, withheld: hide });
    }

    const nodes = new Set<string>([ego.id]);
    const edges = new Set<string>();
    let frontier = [ego.id];
    for (let step = 0; step < ego.steps; step++) {
      const next: string[] = [];
      for (const node of frontier) {
        graph.forEachEdge(node, (edge, _a, s, t) => {
          let rels = this.edgeRelations.get(edge);
          if (!rels) return;
          // An in-tie to the ego only through withheld tie types would reveal who: leave it out.
          if (t === ego.id && withheld.size > 0) rels = rels.filter((r) => !withheld.has(r));
          if (rels.length === 0) return;
          const other = s === node ? t : s;
          if (!this.nodeVisible.has(other)) return;
          edges.add(edge);
          if (!nodes.has(other)) {
            nodes.add(other);
            next.push(other);
          }
        });
      }
      frontier = next;
    }
    // Ties among the ego network's members (not via the ego) keep the picture honest,
    // except in-ties to the ego through withheld types, already excluded above.
    for (const node of nodes) {
      graph.forEachOutEdge(node, (edge, _a, _s, t) => {
        if (!nodes.has(t) || edges.has(edge) || !this.edgeRelations.has(edge)) return;
        if (t === ego.id) return;
        edges.add(edge);
      });
    }
    // Withheld relations are also dropped from edge colouring within the ego view.
    if (withheld.size > 0) {
      graph.forEachInEdge(ego.id, (edge) => {
        const rels = this.edgeRelations.get(edge);
        if (rels)
          this.edgeRelations.set(
            edge,
            rels.filter((r) => !withheld.has(r)),
          );
      });
    }
    this.egoNodes = nodes;
    this.egoEdges = edges;
    this.egoSummary = { id: ego.id, namedBy, nodes: nodes.size };
  }

  private computeSizes(): void {
    const { graph, state } = this;
    this.sizeOf.clear();
    const [lo, hi] = this.baseSize;
    const metric = state.sizeBy;
    if (!metric) {
      graph.forEachNode((n) => this.sizeOf.set(n, (lo + hi) / 3));
      return;
    }
    let max = 0;
    let min = Infinity;
    const value = (n: string, a: MapNodeAttributes): number =>
      metric === 'degree' && a.metrics.degree === undefined ? this.degree(n) : (a.metrics[metric] ?? 0);
    graph.forEachNode((n, a) => {
      const v = value(n, a);
      if (v > max) max = v;
      if (v < min) min = v;
    });
    const span = max - min;
    graph.forEachNode((n, a) => {
      const t = span > 0 ? (value(n, a) - min) / span : 0;
      // Square root so the disc area, not its radius, follows the metric.
      this.sizeOf.set(n, lo + (hi - lo) * Math.sqrt(Math.max(0, t)));
    });
  }

  nodeReducer = (
    node: string,
    _data: NodeDisplayData,
    attrs: MapNodeAttributes,
  ): Partial<NodeDisplayData> => {
    if (!this.isNodeVisible(node)) return { visibility: 'hidden', labelVisibility: 'hidden' };
    const { state } = this;
    const out: Partial<NodeDisplayData> = {
      color: this.colours.colourOf(attrs),
      size: this.nodeSize(node),
    };
    const hover = state.hovered;
    if (hover && this.hoverNeighbours && node !== hover && !this.hoverNeighbours.has(node)) {
      if (!this.fadeOnHover) return out;
      out.color = FADED_NODE;
      out.labelVisibility = 'hidden';
    } else if (hover) {
      // Depth layers, not zIndex: a zIndex change makes sigma reprocess every item.
      out.depth = 'topNodes';
      out.labelVisibility = 'visible';
    }
    if (node === state.focused || node === state.selected || (state.ego && node === state.ego.id)) {
      out.highlighted = true;
      out.labelVisibility = 'visible';
      out.depth = 'topNodes';
      out.size = (out.size ?? 5) * 1.4;
    }
    return out;
  };

  edgeReducer = (
    edge: string,
    _data: EdgeDisplayData,
    attrs: MapEdgeAttributes,
  ): Partial<EdgeDisplayData> => {
    if (!this.isEdgeVisible(edge)) return { visibility: 'hidden' };
    const { state } = this;
    const rels = this.edgeRelations.get(edge) ?? [];
    let color: string;
    let size: number;
    if (state.wave === 'change') {
      const change = tieChange(attrs);
      color = EDGE_COLOURS[change];
      size = change === 'kept' ? 0.8 : 2;
    } else {
      color = this.colours.edgeColour(rels);
      size = 0.6 + 0.6 * rels.length;
    }
    const hover = state.hovered;
    if (hover) {
      if (!this.hoverEdges?.has(edge))
        return this.fadeOnHover ? { color: FADED_EDGE, size: 0.5 } : { color, size };
      return { color, size: size + 1, depth: 'topEdges' };
    }
    return { color, size };
  };
}
