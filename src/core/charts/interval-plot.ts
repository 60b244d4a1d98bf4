// Dot-and-whisker chart: one row per item (a service's % agree, a person's index) with its 95%
// interval, n beside it, so every figure shows how sure it is.
import { scaleLinear } from 'd3';
import { escapeXml } from '../export/xml';
import {
  attrs,
  axisX,
  emptyChart,
  fmt,
  r,
  svgClose,
  svgOpen,
  text,
  truncate,
  charsThatFit,
  MUTED_INK,
  type ChartBase,
} from './svg';

export interface IntervalRow {
  label: string;
  /** Point estimate; null = nothing to show (the row says "no data"). */
  value: number | null;
  low?: number | null;
  high?: number | null;
  /** Sample size shown at the right ("n = 12"). */
  n?: number | null;
  /** A comparison value drawn as a grey diamond on this row (e.g. the whole area). Default none. */
  reference?: number | null;
  /** Draw this row emphasised (e.g. the person's own service). Default false. */
  highlight?: boolean;
}

export interface IntervalPlotOptions extends ChartBase {
  /** Default 'Residents who agree, with 95% confidence intervals'. */
  title?: string;
  /** Default 520. */
  width?: number;
  /** Height of one row in px. Default 26. */
  rowHeight?: number;
  /** Axis range. Default [0, 100] (percentages). */
  domain?: [number, number];
  /** Suffix after values, e.g. '%'. Default '%'. */
  unit?: string;
  /** Width kept for row labels in px. Default 170. */
  labelWidth?: number;
  /** Dot colour. Default '#0072B2'. */
  colour?: string;
  /** Reference line (e.g. the area average). Default none. */
  reference?: { value: number; label: string } | null;
}

export function intervalPlot(rows: readonly IntervalRow[], options: IntervalPlotOptions = {}): string {
  const width = options.width ?? 520;
  const rowHeight = options.rowHeight ?? 26;
  const title = options.title ?? 'Residents who agree, with 95% confidence intervals';
  const unit = options.unit ?? '%';
  const [d0, d1] = options.domain ?? [0, 100];
  const labelWidth = options.labelWidth ?? 170;
  const colour = options.colour ?? '#0072B2';
  if (rows.length === 0) return emptyChart('interval', width, 80, title, 'No values to show.');
  const margin = { top: 12, right: 62, bottom: 34, left: labelWidth };
  const height = margin.top + rows.length * rowHeight + margin.bottom;
  const x = scaleLinear()
    .domain([d0, d1])
    .range([margin.left, width - margin.right]);
  const clamp = (v: number) => x(Math.min(d1, Math.max(d0, v)));
  const describe = (row: IntervalRow) =>
    row.value === null
      ? `${row.label}: no data`
      : `${row.label}: ${fmt(row.value)}${unit}` +
        (row.low != null && row.high != null ? ` (95% CI ${fmt(row.low)}–${fmt(row.high)}${unit})` : '') +
        (row.n != null ? `, n = ${row.n}` : '') +
        (row.reference != null ? `; comparison ${fmt(row.reference)}${unit}` : '');
  const description = options.description ?? rows.map(describe).join('; ') + '.';
  let out = svgOpen('interval', width, height, title, description);
  const axisY = height - margin.bottom;
  out += axisX(x, x.ticks(5), axisY, margin.left, width - margin.right, (v) => `${fmt(v)}${unit}`, {
    top: margin.top,
  });
  if (options.reference) {
    const rx = clamp(options.reference.value);
    out += `<line${attrs({ x1: rx, x2: rx, y1: margin.top - 4, y2: axisY, stroke: MUTED_INK, 'stroke-dasharray': '3 3' })}><title>${escapeXml(`${options.reference.label}: ${fmt(options.reference.value)}${unit}`)}</title></line>`;
  }
  rows.forEach((row, i) => {
    const cy = margin.top + i * rowHeight + rowHeight / 2;
    out += `<g class="row"><title>${escapeXml(describe(row))}</title>`;
    out += text(margin.left - 8, cy + 4, truncate(row.label, charsThatFit(labelWidth - 12)), {
      'text-anchor': 'end',
      'font-weight': row.highlight ? 'bold' : null,
    });
    if (row.value === null || !Number.isFinite(row.value)) {
      out += text(margin.left + 4, cy + 4, 'no data', { fill: MUTED_INK, 'font-style': 'italic' });
    } else {
      if (row.low != null && row.high != null && Number.isFinite(row.low) && Number.isFinite(row.high)) {
        const a = clamp(row.low);
        const b = clamp(row.high);
        out += `<line${attrs({ x1: a, x2: b, y1: cy, y2: cy, stroke: colour, 'stroke-width': 2 })}/>`;
        out += `<line${attrs({ x1: a, x2: a, y1: cy - 5, y2: cy + 5, stroke: colour, 'stroke-width': 2 })}/>`;
        out += `<line${attrs({ x1: b, x2: b, y1: cy - 5, y2: cy + 5, stroke: colour, 'stroke-width': 2 })}/>`;
      }
      if (row.reference != null && Number.isFinite(row.reference)) {
        const rx = clamp(row.reference);
        out += `<path${attrs({ d: `M${r(rx)},${r(cy - 5)}l5,5l-5,5l-5,-5z`, fill: '#9a9a9a' })}/>`;
      }
      out += `<circle${attrs({ cx: clamp(row.value), cy, r: row.highlight ? 6 : 4.5, fill: row.highlight ? '#D55E00' : colour, stroke: '#ffffff', 'stroke-width': 1 })}/>`;
    }
    if (row.n != null) out += text(width - margin.right + 8, cy + 4, `n = ${row.n}`, { fill: MUTED_INK });
    out += '</g>';
  });
  return out + svgClose;
}
