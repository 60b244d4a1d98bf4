// Horizontal bars on a fixed scale: the index breakdown (each component's normalised score and
// weight). Missing components are listed as missing, never drawn as zero.
import { scaleLinear } from 'd3';
import { escapeXml } from '../export/xml';
import {
  attrs,
  axisX,
  emptyChart,
  fmt,
  svgClose,
  svgOpen,
  text,
  truncate,
  charsThatFit,
  MUTED_INK,
  type ChartBase,
} from './svg';

export interface BarRow {
  label: string;
  value: number | null;
  /** Extra text after the bar, e.g. "weight 20%". */
  note?: string;
}

export interface BarChartOptions extends ChartBase {
  /** Default 'Index breakdown'. */
  title?: string;
  /** Default 520. */
  width?: number;
  /** Default 22. */
  rowHeight?: number;
  /** Default [0, 100]. */
  domain?: [number, number];
  /** Default 180. */
  labelWidth?: number;
  /** Default '#4477AA'. */
  colour?: string;
}

export function barChart(rows: readonly BarRow[], options: BarChartOptions = {}): string {
  const width = options.width ?? 520;
  const rowHeight = options.rowHeight ?? 22;
  const title = options.title ?? 'Index breakdown';
  const [d0, d1] = options.domain ?? [0, 100];
  const labelWidth = options.labelWidth ?? 180;
  if (rows.length === 0) return emptyChart('bars', width, 80, title, 'No components to show.');
  const margin = { top: 8, right: 110, bottom: 30, left: labelWidth };
  const height = margin.top + rows.length * rowHeight + margin.bottom;
  const x = scaleLinear()
    .domain([d0, d1])
    .range([margin.left, width - margin.right]);
  const describe = (row: BarRow) =>
    `${row.label}: ${row.value === null ? 'missing' : fmt(row.value)}${row.note ? ` (${row.note})` : ''}`;
  let out = svgOpen('bars', width, height, title, options.description ?? rows.map(describe).join('; ') + '.');
  out += axisX(x, x.ticks(5), height - margin.bottom, margin.left, width - margin.right, (v) => fmt(v), {
    top: margin.top,
  });
  rows.forEach((row, i) => {
    const y = margin.top + i * rowHeight;
    out += `<g class="bar"><title>${escapeXml(describe(row))}</title>`;
    out += text(margin.left - 8, y + rowHeight / 2 + 4, truncate(row.label, charsThatFit(labelWidth - 12)), {
      'text-anchor': 'end',
    });
    if (row.value === null || !Number.isFinite(row.value)) {
      out += text(margin.left + 4, y + rowHeight / 2 + 4, 'missing (reweighted)', {
        fill: MUTED_INK,
        'font-style': 'italic',
      });
    } else {
      const v = Math.min(d1, Math.max(d0, row.value));
      out += `<rect${attrs({ x: x(d0), y: y + 4, width: Math.max(0, x(v) - x(d0)), height: rowHeight - 8, fill: options.colour ?? '#4477AA' })}/>`;
      out += text(x(v) + 4, y + rowHeight / 2 + 4, fmt(row.value), { fill: MUTED_INK });
    }
    if (row.note)
      out += text(width - margin.right + 36, y + rowHeight / 2 + 4, row.note, {
        fill: MUTED_INK,
        'font-size': 10,
      });
    out += '</g>';
  });
  return out + svgClose;
}
