// Shared SVG building blocks for the pure charts: the accessible root element, rounding that keeps
// snapshots stable, escaped text, axes and an "empty" placeholder. No DOM: strings only.
import { escapeXml } from '../export/xml';

/** Default font stack: system fonts only, so the report never fetches a web font. */
export const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
export const INK = '#222222';
export const MUTED_INK = '#5f5f5f';
export const GRID = '#e3e3e3';

/** Options every chart takes. */
export interface ChartBase {
  /** Short title: the SVG's <title> and the first part of its aria-label. Each chart documents its default. */
  title?: string;
  /** Longer text alternative (<desc>); by default a summary generated from the data. */
  description?: string;
  /** Width in px (the SVG scales down with CSS max-width: 100%). Each chart documents its default. */
  width?: number;
}

/** Rounds to 2 decimals and turns -0 into 0, so equal pictures are equal strings. */
export function r(x: number): string {
  const v = Math.round(x * 100) / 100;
  return Object.is(v, -0) ? '0' : String(v);
}

/** Attribute string from a record; values escaped, null/undefined/false left out. */
export function attrs(a: Record<string, string | number | boolean | null | undefined>): string {
  let out = '';
  for (const [k, v] of Object.entries(a)) {
    if (v === null || v === undefined || v === false) continue;
    out += ` ${k}="${typeof v === 'number' ? r(v) : escapeXml(v === true ? k : v)}"`;
  }
  return out;
}

/** The root <svg> with role="img", aria-label, <title> and <desc>. */
export function svgOpen(
  kind: string,
  width: number,
  height: number,
  title: string,
  description: string,
): string {
  const label = description ? `${title}. ${description}` : title;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg"${attrs({
      class: `ct-chart ct-${kind}`,
      width,
      height,
      viewBox: `0 0 ${r(width)} ${r(height)}`,
      role: 'img',
      'aria-label': label,
      'font-family': FONT_FAMILY,
      'font-size': 11,
      fill: INK,
    })}>` +
    `<title>${escapeXml(title)}</title>` +
    (description ? `<desc>${escapeXml(description)}</desc>` : '')
  );
}

export const svgClose = '</svg>';

/** An escaped <text> element. */
export function text(
  x: number,
  y: number,
  content: string,
  a: Record<string, string | number | boolean | null | undefined> = {},
): string {
  return `<text${attrs({ x, y, ...a })}>${escapeXml(content)}</text>`;
}

/** Shortens a label to at most `max` characters with an ellipsis (the full text goes in a <title>). */
/**
 * How many characters of 11px label text fit in `widthPx`. SVG strings cannot measure text, so
 * this assumes 0.68em a character: wide enough for capitals in DejaVu Sans, the fallback font on
 * Linux, so a long name is cut with an ellipsis rather than clipped at the chart's edge.
 */
export function charsThatFit(widthPx: number, fontSize = 11): number {
  return Math.max(1, Math.floor(widthPx / (fontSize * 0.68)));
}

export function truncate(label: string, max: number): string {
  const chars = [...label];
  return chars.length <= max ? label : chars.slice(0, Math.max(1, max - 1)).join('') + '…';
}

/** A chart with nothing to show still says so, accessibly, at the size the page expects. */
export function emptyChart(
  kind: string,
  width: number,
  height: number,
  title: string,
  message: string,
): string {
  return (
    svgOpen(kind, width, height, title, message) +
    `<rect${attrs({ x: 0.5, y: 0.5, width: width - 1, height: height - 1, fill: '#fafafa', stroke: GRID })}/>` +
    text(width / 2, height / 2, message, { 'text-anchor': 'middle', fill: MUTED_INK }) +
    svgClose
  );
}

/** Formats a number for tick labels and captions: at most `digits` decimals, no trailing zeros. */
export function fmt(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const v = Number(x.toFixed(digits));
  // Locale-free on purpose: the same bytes on every machine (snapshots, diffs).
  return String(Object.is(v, -0) ? 0 : v);
}

/** Horizontal axis: baseline, ticks and labels at the given values. */
export function axisX(
  scale: (v: number) => number,
  ticks: number[],
  y: number,
  x0: number,
  x1: number,
  format: (v: number) => string = (v) => fmt(v),
  grid?: { top: number },
): string {
  let out = `<g class="axis axis-x">`;
  if (grid)
    for (const t of ticks)
      out += `<line${attrs({ x1: scale(t), x2: scale(t), y1: grid.top, y2: y, stroke: GRID })}/>`;
  out += `<line${attrs({ x1: x0, x2: x1, y1: y, y2: y, stroke: MUTED_INK })}/>`;
  for (const t of ticks) {
    out += `<line${attrs({ x1: scale(t), x2: scale(t), y1: y, y2: y + 4, stroke: MUTED_INK })}/>`;
    out += text(scale(t), y + 15, format(t), { 'text-anchor': 'middle', fill: MUTED_INK });
  }
  return out + '</g>';
}

/** Vertical axis: baseline, ticks and labels, optional grid lines across to `gridRight`. */
export function axisY(
  scale: (v: number) => number,
  ticks: number[],
  x: number,
  y0: number,
  y1: number,
  format: (v: number) => string = (v) => fmt(v),
  gridRight?: number,
): string {
  let out = `<g class="axis axis-y">`;
  if (gridRight !== undefined)
    for (const t of ticks)
      out += `<line${attrs({ x1: x, x2: gridRight, y1: scale(t), y2: scale(t), stroke: GRID })}/>`;
  out += `<line${attrs({ x1: x, x2: x, y1: y0, y2: y1, stroke: MUTED_INK })}/>`;
  for (const t of ticks) {
    out += `<line${attrs({ x1: x - 4, x2: x, y1: scale(t), y2: scale(t), stroke: MUTED_INK })}/>`;
    out += text(x - 7, scale(t) + 4, format(t), { 'text-anchor': 'end', fill: MUTED_INK });
  }
  return out + '</g>';
}

/** A small legend row of coloured swatches; returns markup and the height it used. */
export function legend(
  items: { label: string; colour: string; shape?: 'square' | 'line' | 'circle' | 'dashed' }[],
  x: number,
  y: number,
  maxWidth: number,
): { svg: string; height: number } {
  let cx = x;
  let cy = y;
  let out = `<g class="legend">`;
  for (const item of items) {
    const label = truncate(item.label, 28);
    const w = 18 + label.length * 6.2 + 14;
    if (cx + w > x + maxWidth && cx > x) {
      cx = x;
      cy += 16;
    }
    if (item.shape === 'line' || item.shape === 'dashed')
      out += `<line${attrs({ x1: cx, x2: cx + 14, y1: cy - 4, y2: cy - 4, stroke: item.colour, 'stroke-width': 2.5, 'stroke-dasharray': item.shape === 'dashed' ? '4 3' : null })}/>`;
    else if (item.shape === 'circle')
      out += `<circle${attrs({ cx: cx + 6, cy: cy - 4, r: 5, fill: item.colour })}/>`;
    else out += `<rect${attrs({ x: cx, y: cy - 10, width: 12, height: 12, fill: item.colour })}/>`;
    out += text(cx + 18, cy, label);
    cx += w;
  }
  return { svg: out + '</g>', height: cy - y + 16 };
}
