// The network map as a static SVG (for the report and print): nodes coloured by sector and sized
// by a metric, ties coloured by relation with arrowheads, labels for roster actors only by default.
import { scaleSqrt } from 'd3';
import { escapeXml } from '../export/xml';
import { relationColour, sectorColour, NEUTRAL_COLOUR } from './palette';
import {
  attrs,
  emptyChart,
  legend,
  r,
  svgClose,
  svgOpen,
  text,
  truncate,
  MUTED_INK,
  type ChartBase,
} from './svg';

export interface MapNode {
  id: string;
  /** Already pseudonymised where needed: the map prints what it is given. */
  label: string;
  sector: string;
  /** The size metric's value (null = smallest). */
  value?: number | null;
  /** Labelled when `labels` is 'marked'. Default false. */
  marked?: boolean;
  /** Drawn with a thick outline (e.g. the person a scorecard is about). Default false. */
  focus?: boolean;
}

export interface MapEdge {
  source: string;
  target: string;
  /** Relations on the tie: one colours it; several draw it in neutral grey. */
  relations: readonly string[];
}

export interface NetworkMapOptions extends ChartBase {
  /** Default 'Network map'. */
  title?: string;
  /** Default 760. */
  width?: number;
  /** Default = width (square, like the layout). */
  height?: number;
  /** Node radius range in px for the size metric. Default [3, 14]. */
  radius?: [number, number];
  /** Which nodes get a text label. Default 'marked'. */
  labels?: 'all' | 'marked' | 'none';
  /** Arrowheads on ties. Default true (ties run from respondent to the person named). */
  directed?: boolean;
  /** Caption of the size metric in the legend. Default 'size: times named'. */
  sizeLabel?: string;
  /** Sectors and relations listed in the legend. Default those present, in first-seen order. */
  legend?: boolean;
}

/** Positions are in any coordinate system (layout uses [0, 1000]²); they are fitted to the SVG. */
export function networkMap(
  nodes: readonly MapNode[],
  edges: readonly MapEdge[],
  positions: Readonly<Record<string, { x: number; y: number }>>,
  options: NetworkMapOptions = {},
): string {
  const width = options.width ?? 760;
  const title = options.title ?? 'Network map';
  const [rMin, rMax] = options.radius ?? [3, 14];
  const directed = options.directed ?? true;
  const placed = nodes.filter(
    (n) => positions[n.id] && Number.isFinite(positions[n.id]!.x) && Number.isFinite(positions[n.id]!.y),
  );
  const showLegend = options.legend ?? true;
  if (placed.length === 0) return emptyChart('network', width, 160, title, 'No positioned nodes to draw.');

  const sectors = [...new Set(placed.map((n) => n.sector))];
  const relations = [...new Set(edges.flatMap((e) => (e.relations.length === 1 ? [e.relations[0]!] : [])))];
  const multi = edges.some((e) => e.relations.length > 1);
  const legendItems = [
    ...sectors.map((s) => ({
      label: s || 'unknown sector',
      colour: sectorColour(s),
      shape: 'circle' as const,
    })),
    ...relations.map((rel) => ({ label: `${rel} tie`, colour: relationColour(rel), shape: 'line' as const })),
    ...(multi ? [{ label: 'several tie types', colour: NEUTRAL_COLOUR, shape: 'line' as const }] : []),
  ];
  const leg = showLegend ? legend(legendItems, 10, 0, width - 20) : { svg: '', height: 0 };
  const plot = options.height ?? width;
  const height = plot + (showLegend ? leg.height + 22 : 0);

  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of placed) {
    const p = positions[n.id]!;
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  const pad = rMax + 6;
  const span = Math.max(maxX - minX, maxY - minY) || 1;
  const k = (Math.min(width, plot) - 2 * pad) / span;
  const ox = (width - (maxX - minX) * k) / 2;
  const oy = (plot - (maxY - minY) * k) / 2;
  const at = (id: string) => {
    const p = positions[id]!;
    return { x: ox + (p.x - minX) * k, y: oy + (p.y - minY) * k };
  };
  const maxValue = Math.max(
    0,
    ...placed.map((n) => (typeof n.value === 'number' && Number.isFinite(n.value) ? n.value : 0)),
  );
  const size = scaleSqrt()
    .domain([0, maxValue || 1])
    .range([rMin, rMax]);
  const radiusOf = new Map(
    placed.map((n) => [n.id, size(typeof n.value === 'number' && n.value > 0 ? n.value : 0)]),
  );

  const nEdges = edges.filter(
    (e) => radiusOf.has(e.source) && radiusOf.has(e.target) && e.source !== e.target,
  );
  const description =
    options.description ??
    `${placed.length} actors and ${nEdges.length} ties. Colour shows sector (${sectors.join(', ')}); ` +
      `tie colour shows the relation${relations.length ? ` (${relations.join(', ')})` : ''}; node size shows ${options.sizeLabel ?? 'times named'}.`;
  let out = svgOpen('network', width, height, title, description);
  if (directed) {
    out += '<defs>';
    const colours = [...new Set([...relations.map(relationColour), NEUTRAL_COLOUR])];
    colours.forEach((c) => {
      out += `<marker${attrs({ id: `ct-arrow-${c.slice(1)}`, viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 5, markerHeight: 5, orient: 'auto' })}><path${attrs({ d: 'M0,0L10,5L0,10z', fill: c })}/></marker>`;
    });
    out += '</defs>';
  }
  out += `<g class="edges" fill="none" stroke-opacity="0.55">`;
  for (const e of nEdges) {
    const a = at(e.source);
    const b = at(e.target);
    const colour = e.relations.length === 1 ? relationColour(e.relations[0]) : NEUTRAL_COLOUR;
    // Stop the line at the target's rim so the arrowhead is visible.
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    const rb = (radiusOf.get(e.target) ?? rMin) + 1.5;
    const ex = b.x - (dx / len) * rb;
    const ey = b.y - (dy / len) * rb;
    out += `<line${attrs({ x1: a.x, y1: a.y, x2: ex, y2: ey, stroke: colour, 'stroke-width': e.relations.length > 1 ? 1.2 + 0.4 * e.relations.length : 1, 'marker-end': directed ? `url(#ct-arrow-${colour.slice(1)})` : null })}/>`;
  }
  out += '</g><g class="nodes" stroke="#ffffff" stroke-width="1">';
  // Small nodes first, so the most-named are on top.
  const drawOrder = [...placed].sort(
    (a, b) => radiusOf.get(a.id)! - radiusOf.get(b.id)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  for (const n of drawOrder) {
    const p = at(n.id);
    const tip =
      `${n.label} (${n.sector || 'unknown sector'})` + (typeof n.value === 'number' ? `: ${r(n.value)}` : '');
    out += `<circle${attrs({ cx: p.x, cy: p.y, r: radiusOf.get(n.id)!, fill: sectorColour(n.sector), stroke: n.focus ? '#000000' : null, 'stroke-width': n.focus ? 3 : null })}><title>${escapeXml(tip)}</title></circle>`;
  }
  out += '</g>';
  const labelMode = options.labels ?? 'marked';
  if (labelMode !== 'none') {
    out +=
      '<g class="labels" font-size="10" paint-order="stroke" stroke="#ffffff" stroke-width="3" stroke-linejoin="round">';
    for (const n of drawOrder) {
      if (labelMode === 'marked' && !n.marked && !n.focus) continue;
      const p = at(n.id);
      // Labels on the right half read leftwards so they stay inside the picture.
      const left = p.x > width * 0.6;
      const gap = radiusOf.get(n.id)! + 2;
      out += text(p.x + (left ? -gap : gap), p.y + 3, truncate(n.label, 24), {
        'text-anchor': left ? 'end' : null,
        'font-weight': n.focus ? 'bold' : null,
      });
    }
    out += '</g>';
  }
  if (showLegend) {
    out += `<g transform="translate(0 ${r(plot + 8)})">` + legend(legendItems, 10, 12, width - 20).svg;
    out += text(
      10,
      leg.height + 12,
      `Node size: ${options.sizeLabel ?? 'times named'}. Arrows point to the person named.`,
      { fill: MUTED_INK, 'font-size': 10 },
    );
    out += '</g>';
  }
  return out + svgClose;
}
