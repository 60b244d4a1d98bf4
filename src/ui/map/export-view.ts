// Exports what the map shows right now (filters, ego, wave, camera) as SVG or PNG. Both are drawn
// from one "scene" read from sigma's display data, so the two files always agree.
import type Sigma from 'sigma';
import type { MapGraph, MapNodeAttributes, MapEdgeAttributes } from './display-graph';
import type { LegendEntry } from './palettes';

export interface SceneNode {
  id: string;
  x: number;
  y: number;
  r: number;
  colour: string;
  label: string | null;
}
export interface SceneEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  colour: string;
  width: number;
  /** Arrow-head back-off: the target disc's radius, so the arrow tip touches the disc. */
  targetR: number;
}
export interface Scene {
  width: number;
  height: number;
  nodes: SceneNode[];
  edges: SceneEdge[];
  legend: LegendEntry[];
  title: string;
}

function inView(x: number, y: number, w: number, h: number, margin: number): boolean {
  return x >= -margin && y >= -margin && x <= w + margin && y <= h + margin;
}

/** Reads the drawn view from sigma: positions in viewport pixels, reduced colours and sizes. */
export function readScene(
  renderer: Sigma<MapNodeAttributes, MapEdgeAttributes>,
  graph: MapGraph,
  legend: LegendEntry[],
  title: string,
): Scene {
  const { width, height } = renderer.getDimensions();
  const labels = renderer.getNodeDisplayedLabels();
  const nodes: SceneNode[] = [];
  const pos = new Map<string, SceneNode>();
  graph.forEachNode((id, attrs) => {
    const d = renderer.getNodeDisplayData(id);
    if (!d || d.visibility === 'hidden') return;
    const p = renderer.graphToViewport({ x: attrs.x, y: attrs.y });
    const r = renderer.scaleSize(d.size);
    const node: SceneNode = {
      id,
      x: p.x,
      y: p.y,
      r,
      colour: d.color,
      label: labels.has(id) ? (d.label ?? null) : null,
    };
    pos.set(id, node);
    if (inView(p.x, p.y, width, height, r + 200)) nodes.push(node);
  });
  const edges: SceneEdge[] = [];
  graph.forEachEdge((edge, _a, s, t) => {
    const d = renderer.getEdgeDisplayData(edge);
    if (!d || d.visibility === 'hidden') return;
    const a = pos.get(s);
    const b = pos.get(t);
    if (!a || !b) return;
    if (!inView(a.x, a.y, width, height, 0) && !inView(b.x, b.y, width, height, 0)) return;
    edges.push({
      x1: a.x,
      y1: a.y,
      x2: b.x,
      y2: b.y,
      colour: d.color,
      width: Math.max(0.5, renderer.scaleSize(d.size)),
      targetR: b.r,
    });
  });
  return { width, height, nodes, edges, legend, title };
}

const esc = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
const r2 = (v: number): string => (Math.round(v * 100) / 100).toString();

/** Point where an edge meets its target's disc, and the arrow triangle behind it. */
function arrowGeometry(
  e: SceneEdge,
): { tip: [number, number]; base: [number, number]; left: [number, number]; right: [number, number] } | null {
  const dx = e.x2 - e.x1;
  const dy = e.y2 - e.y1;
  const len = Math.hypot(dx, dy);
  if (len < 1e-6) return null;
  const ux = dx / len;
  const uy = dy / len;
  const head = Math.max(4, e.width * 4);
  const tip: [number, number] = [e.x2 - ux * e.targetR, e.y2 - uy * e.targetR];
  const base: [number, number] = [tip[0] - ux * head, tip[1] - uy * head];
  const half = head * 0.5;
  return {
    tip,
    base,
    left: [base[0] - uy * half, base[1] + ux * half],
    right: [base[0] + uy * half, base[1] - ux * half],
  };
}

export function sceneToSvg(scene: Scene): string {
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${scene.width}" height="${scene.height}" viewBox="0 0 ${scene.width} ${scene.height}" font-family="system-ui, sans-serif">`,
    `<title>${esc(scene.title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    '<g class="edges" fill="none">',
  );
  for (const e of scene.edges) {
    const a = arrowGeometry(e);
    const end = a ? a.base : [e.x2, e.y2];
    out.push(
      `<line x1="${r2(e.x1)}" y1="${r2(e.y1)}" x2="${r2(end[0]!)}" y2="${r2(end[1]!)}" stroke="${esc(e.colour)}" stroke-width="${r2(e.width)}"/>`,
    );
    if (a)
      out.push(
        `<polygon points="${a.tip.map(r2).join(',')} ${a.left.map(r2).join(',')} ${a.right.map(r2).join(',')}" fill="${esc(e.colour)}"/>`,
      );
  }
  out.push('</g><g class="nodes" stroke="#ffffff" stroke-width="0.5">');
  for (const n of scene.nodes)
    out.push(
      `<circle cx="${r2(n.x)}" cy="${r2(n.y)}" r="${r2(n.r)}" fill="${esc(n.colour)}"><title>${esc(n.label ?? '')}</title></circle>`,
    );
  out.push('</g><g class="labels" font-size="12" fill="#222">');
  for (const n of scene.nodes) {
    if (!n.label) continue;
    out.push(
      `<text x="${r2(n.x + n.r + 3)}" y="${r2(n.y + 4)}" paint-order="stroke" stroke="#ffffff" stroke-width="3">${esc(n.label)}</text>`,
    );
  }
  out.push('</g>');
  out.push(legendSvg(scene));
  out.push('</svg>');
  return out.join('\n');
}

function legendSvg(scene: Scene): string {
  if (scene.legend.length === 0) return '';
  const rows = scene.legend.slice(0, 12);
  const out = [`<g class="legend" font-size="11" fill="#222" transform="translate(10,10)">`];
  out.push(
    `<rect x="0" y="0" width="170" height="${rows.length * 16 + 8}" fill="#ffffff" fill-opacity="0.85" stroke="#cccccc"/>`,
  );
  rows.forEach((row, i) => {
    out.push(`<circle cx="12" cy="${12 + i * 16}" r="5" fill="${esc(row.colour)}"/>`);
    out.push(`<text x="22" y="${16 + i * 16}">${esc(row.label)} (${row.count})</text>`);
  });
  out.push('</g>');
  return out.join('');
}

/** Paints the scene on a 2D canvas at the given pixel ratio (2 = crisp on print and HiDPI). */
export function sceneToCanvas(scene: Scene, pixelRatio = 2): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(scene.width * pixelRatio);
  canvas.height = Math.round(scene.height * pixelRatio);
  const ctx = canvas.getContext('2d');
  if (!ctx) return canvas;
  ctx.scale(pixelRatio, pixelRatio);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, scene.width, scene.height);
  for (const e of scene.edges) {
    const a = arrowGeometry(e);
    ctx.strokeStyle = e.colour;
    ctx.lineWidth = e.width;
    ctx.beginPath();
    ctx.moveTo(e.x1, e.y1);
    ctx.lineTo(a ? a.base[0] : e.x2, a ? a.base[1] : e.y2);
    ctx.stroke();
    if (a) {
      ctx.fillStyle = e.colour;
      ctx.beginPath();
      ctx.moveTo(...a.tip);
      ctx.lineTo(...a.left);
      ctx.lineTo(...a.right);
      ctx.closePath();
      ctx.fill();
    }
  }
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 0.5;
  for (const n of scene.nodes) {
    ctx.fillStyle = n.colour;
    ctx.beginPath();
    ctx.arc(n.x, n.y, n.r, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  }
  ctx.font = '12px system-ui, sans-serif';
  ctx.lineWidth = 3;
  for (const n of scene.nodes) {
    if (!n.label) continue;
    ctx.strokeStyle = '#ffffff';
    ctx.strokeText(n.label, n.x + n.r + 3, n.y + 4);
    ctx.fillStyle = '#222222';
    ctx.fillText(n.label, n.x + n.r + 3, n.y + 4);
  }
  const rows = scene.legend.slice(0, 12);
  if (rows.length) {
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillStyle = 'rgba(255,255,255,0.85)';
    ctx.fillRect(10, 10, 170, rows.length * 16 + 8);
    rows.forEach((row, i) => {
      ctx.fillStyle = row.colour;
      ctx.beginPath();
      ctx.arc(22, 22 + i * 16, 5, 0, 2 * Math.PI);
      ctx.fill();
      ctx.fillStyle = '#222222';
      ctx.fillText(`${row.label} (${row.count})`, 32, 26 + i * 16);
    });
  }
  return canvas;
}

export function canvasToPngBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}
