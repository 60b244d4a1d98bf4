// Slope chart of change between two waves: one line per person (or service) from baseline to
// follow-up. Only changes outside the noise (bootstrap interval of the difference) are coloured.
import { scaleLinear, extent } from 'd3';
import { escapeXml } from '../export/xml';
import {
  attrs,
  emptyChart,
  fmt,
  svgClose,
  svgOpen,
  text,
  truncate,
  charsThatFit,
  GRID,
  MUTED_INK,
  type ChartBase,
} from './svg';

export interface SlopeRow {
  label: string;
  before: number | null;
  after: number | null;
  /**
   * Whether the change lies outside the noise: true = real change (coloured), false = within noise
   * (grey, dashed), null/undefined = not assessed (grey, solid).
   */
  real?: boolean | null;
}

export interface SlopeOptions extends ChartBase {
  /** Default 'Change between waves'. */
  title?: string;
  /** Default 460. */
  width?: number;
  /** Default 360. */
  height?: number;
  /** Value range. Default the data's extent, padded 5%. */
  domain?: [number, number];
  /** Column captions. Default ['Baseline', 'Follow-up']. */
  waves?: [string, string];
  /** Label suffix. Default ''. */
  unit?: string;
}

export const SLOPE_COLOURS = { up: '#0072B2', down: '#D55E00', noise: '#9a9a9a' } as const;

/** Spreads label positions apart by at least `gap` px, keeping their order (labels never overlap). */
export function spreadLabels(ys: number[], gap: number, min: number, max: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const placed = order.map((o) => o.y);
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k]!, placed[k - 1]! + gap);
  const overflow = (placed[placed.length - 1] ?? max) - max;
  if (overflow > 0) for (let k = 0; k < placed.length; k++) placed[k] = placed[k]! - overflow;
  for (let k = placed.length - 2; k >= 0; k--) placed[k] = Math.min(placed[k]!, placed[k + 1]! - gap);
  const out = new Array<number>(ys.length);
  order.forEach((o, k) => (out[o.i] = Math.max(min - gap, placed[k]!)));
  return out;
}

export function slopeChart(rows: readonly SlopeRow[], options: SlopeOptions = {}): string {
  const width = options.width ?? 460;
  const title = options.title ?? 'Change between waves';
  const unit = options.unit ?? '';
  const [w0, w1] = options.waves ?? ['Baseline', 'Follow-up'];
  const shown = rows.filter(
    (row): row is SlopeRow & { before: number; after: number } =>
      row.before !== null && row.after !== null && Number.isFinite(row.before) && Number.isFinite(row.after),
  );
  const height = options.height ?? Math.max(200, Math.min(900, 80 + shown.length * 16));
  if (shown.length === 0) return emptyChart('slope', width, 120, title, 'Nobody has a value in both waves.');
  const [lo, hi] = extent(shown.flatMap((row) => [row.before, row.after])) as [number, number];
  const pad = (hi - lo) * 0.05 || 1;
  const domain = options.domain ?? [lo - pad, hi + pad];
  const labelWidth = Math.min(150, Math.round(width * 0.3));
  const margin = { top: 30, bottom: 14, left: labelWidth, right: labelWidth };
  const y = scaleLinear()
    .domain(domain)
    .range([height - margin.bottom, margin.top]);
  const xa = margin.left;
  const xb = width - margin.right;
  const colourOf = (row: SlopeRow & { before: number; after: number }) =>
    row.real ? (row.after >= row.before ? SLOPE_COLOURS.up : SLOPE_COLOURS.down) : SLOPE_COLOURS.noise;
  const describe = (row: SlopeRow & { before: number; after: number }) =>
    `${row.label}: ${fmt(row.before)}${unit} to ${fmt(row.after)}${unit}` +
    (row.real === true ? ' (real change)' : row.real === false ? ' (within noise)' : '');
  const description = options.description ?? shown.map(describe).join('; ') + '.';
  let out = svgOpen('slope', width, height, title, description);
  out += text(xa, 16, w0, { 'text-anchor': 'middle', 'font-weight': 'bold' });
  out += text(xb, 16, w1, { 'text-anchor': 'middle', 'font-weight': 'bold' });
  out += `<line${attrs({ x1: xa, x2: xa, y1: margin.top - 6, y2: height - margin.bottom, stroke: GRID })}/>`;
  out += `<line${attrs({ x1: xb, x2: xb, y1: margin.top - 6, y2: height - margin.bottom, stroke: GRID })}/>`;
  const leftY = spreadLabels(
    shown.map((row) => y(row.before)),
    12,
    margin.top,
    height - margin.bottom,
  );
  const rightY = spreadLabels(
    shown.map((row) => y(row.after)),
    12,
    margin.top,
    height - margin.bottom,
  );
  const maxChars = charsThatFit(labelWidth - 44);
  // Grey lines first so coloured (real) changes are drawn on top.
  const order = shown
    .map((row, i) => ({ row, i }))
    .sort((a, b) => Number(!!a.row.real) - Number(!!b.row.real) || a.i - b.i);
  for (const { row, i } of order) {
    const colour = colourOf(row);
    out += `<g class="slope"><title>${escapeXml(describe(row))}</title>`;
    out += `<line${attrs({ x1: xa, x2: xb, y1: y(row.before), y2: y(row.after), stroke: colour, 'stroke-width': row.real ? 2.5 : 1.5, 'stroke-dasharray': row.real === false ? '4 3' : null })}/>`;
    out += `<circle${attrs({ cx: xa, cy: y(row.before), r: 3, fill: colour })}/><circle${attrs({ cx: xb, cy: y(row.after), r: 3, fill: colour })}/>`;
    out += text(xa - 6, leftY[i]! + 4, `${truncate(row.label, maxChars)} ${fmt(row.before)}${unit}`, {
      'text-anchor': 'end',
      fill: row.real ? colour : MUTED_INK,
    });
    out += text(xb + 6, rightY[i]! + 4, `${fmt(row.after)}${unit} ${truncate(row.label, maxChars)}`, {
      fill: row.real ? colour : MUTED_INK,
    });
    out += '</g>';
  }
  return out + svgClose;
}
