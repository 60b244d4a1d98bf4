// A small ego network for the scorecard: the person in the middle, everyone tied to them on a ring
// grouped by sector, ties coloured by type. Built as SVG DOM (no markup strings). Residents are
// labelled by type only unless the user chose to include names.
import type { PipelineResult } from '../core/pipeline';
import { relationColour, sectorColour } from '../core/charts/palette';
import { typeLabel } from '../core/export/privacy';

const NS = 'http://www.w3.org/2000/svg';
const MAX_NEIGHBOURS = 60;

function el<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

export function egoNetworkElement(result: PipelineResult, id: string, includeNames: boolean): SVGSVGElement {
  const width = 460;
  const height = 380;
  const cx = width / 2;
  const cy = height / 2 - 10;
  const actors = new Map(result.actors.map((a) => [a.id as string, a]));
  // Neighbour -> relations and direction.
  const links = new Map<string, { relations: Set<string>; in: boolean; out: boolean }>();
  for (const t of result.ties) {
    const other = t.source === id ? t.target : t.target === id ? t.source : null;
    if (!other || other === id) continue;
    const entry = links.get(other) ?? { relations: new Set<string>(), in: false, out: false };
    entry.relations.add(t.relation);
    if (t.target === id) entry.in = true;
    else entry.out = true;
    links.set(other, entry);
  }
  const me = actors.get(id);
  const svg = el('svg', { xmlns: NS, viewBox: `0 0 ${width} ${height}`, width, height, role: 'img' });
  const title = `Ego network: ${links.size} direct ties`;
  svg.appendChild(el('title', {}, title));
  svg.setAttribute('aria-label', title);
  if (links.size === 0) {
    svg.appendChild(
      el(
        'text',
        { x: cx, y: cy, 'text-anchor': 'middle', 'font-size': 14, fill: '#505a66' },
        'Nobody named this person, and they named nobody.',
      ),
    );
    return svg;
  }
  const order = ['public', 'voluntary', 'community'];
  const neighbours = [...links.keys()]
    .map((k) => ({ id: k, actor: actors.get(k) }))
    .sort((a, b) => {
      const sa = order.indexOf(a.actor?.sector ?? '');
      const sb = order.indexOf(b.actor?.sector ?? '');
      return sa - sb || (a.actor?.label ?? '').localeCompare(b.actor?.label ?? '');
    });
  const shown = neighbours.slice(0, MAX_NEIGHBOURS);
  const radius = Math.min(cx, cy) - 70;
  const labelEvery = shown.length > 24 ? Math.ceil(shown.length / 24) : 1;
  const edges = el('g', { 'stroke-width': 1.4, fill: 'none' });
  const nodes = el('g', {});
  const labels = el('g', { 'font-size': 10, fill: '#1b1f24', 'font-family': 'system-ui, sans-serif' });
  shown.forEach((n, i) => {
    const angle = (i / shown.length) * Math.PI * 2 - Math.PI / 2;
    const x = cx + Math.cos(angle) * radius;
    const y = cy + Math.sin(angle) * radius;
    const link = links.get(n.id)!;
    const rels = [...link.relations].sort();
    // One line per tie type, nudged apart so several relations on one pair stay visible.
    rels.forEach((rel, j) => {
      const off = (j - (rels.length - 1) / 2) * 3;
      const nx = -Math.sin(angle) * off;
      const ny = Math.cos(angle) * off;
      edges.appendChild(
        el('line', {
          x1: cx + nx,
          y1: cy + ny,
          x2: x + nx,
          y2: y + ny,
          stroke: relationColour(rel),
          'stroke-opacity': 0.75,
        }),
      );
    });
    const a = n.actor;
    // Respondents off the roster are labelled by type and pseudonym already (as on the map); with
    // many around one person the type alone reads better, unless names were asked for.
    const label = a && (a.onRoster || includeNames) ? a.label : typeLabel(a?.type ?? 'other');
    const dot = el('circle', {
      cx: x,
      cy: y,
      r: 6,
      fill: sectorColour(a?.sector),
      stroke: '#ffffff',
      'stroke-width': 1.5,
    });
    dot.appendChild(
      el(
        'title',
        {},
        `${label} — ${rels.join(', ')}${link.in && link.out ? ' (both ways)' : link.in ? ' (named them)' : ' (named by them)'}`,
      ),
    );
    nodes.appendChild(dot);
    if (i % labelEvery === 0) {
      const right = Math.cos(angle) >= 0;
      labels.appendChild(
        el(
          'text',
          { x: x + (right ? 9 : -9), y: y + 3, 'text-anchor': right ? 'start' : 'end' },
          label.length > 22 ? `${label.slice(0, 21)}…` : label,
        ),
      );
    }
  });
  svg.append(edges, nodes);
  const centre = el('circle', {
    cx,
    cy,
    r: 11,
    fill: sectorColour(me?.sector ?? 'public'),
    stroke: '#1b1f24',
    'stroke-width': 2,
  });
  centre.appendChild(el('title', {}, me?.label ?? id));
  svg.appendChild(centre);
  svg.appendChild(labels);
  // Legend: tie types present.
  const rels = [...new Set([...links.values()].flatMap((l) => [...l.relations]))].sort();
  const legend = el('g', { 'font-size': 11, 'font-family': 'system-ui, sans-serif', fill: '#1b1f24' });
  rels.forEach((rel, i) => {
    const x = 12 + i * 90;
    legend.appendChild(
      el('line', {
        x1: x,
        y1: height - 14,
        x2: x + 18,
        y2: height - 14,
        stroke: relationColour(rel),
        'stroke-width': 3,
      }),
    );
    legend.appendChild(el('text', { x: x + 22, y: height - 10 }, rel));
  });
  if (neighbours.length > shown.length)
    legend.appendChild(
      el(
        'text',
        { x: width - 10, y: height - 10, 'text-anchor': 'end' },
        `+${neighbours.length - shown.length} more not drawn`,
      ),
    );
  svg.appendChild(legend);
  return svg;
}
