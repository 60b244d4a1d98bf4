// Histogram of a score's distribution (the relational-capital index by default), with an optional
// marker for one person's value so a scorecard can show where they stand among their peers.
import { bin, max } from 'd3';
import { scaleLinear } from 'd3';
import {
  attrs,
  axisX,
  axisY,
  emptyChart,
  fmt,
  svgClose,
  svgOpen,
  text,
  type ChartBase,
  MUTED_INK,
} from './svg';

export interface HistogramOptions extends ChartBase {
  /** Default 'Distribution of the relational-capital index'. */
  title?: string;
  /** Default 480. */
  width?: number;
  /** Default 220. */
  height?: number;
  /** Value range shown. Default [0, 100] (the index scale). */
  domain?: [number, number];
  /** Bin width in value units. Default 10. */
  binWidth?: number;
  /** x-axis caption. Default 'Index (0–100)'. */
  xLabel?: string;
  /** Unit counted on the y axis, singular/plural. Default ['person', 'people']. */
  unit?: [string, string];
  /** A value to mark with a vertical line (e.g. this person's index). Default none. */
  marker?: number | null;
  /** Caption of the marker. Default 'This person'. */
  markerLabel?: string;
  /** Bar colour. Default '#4477AA' (Tol blue). */
  colour?: string;
}

/** values: one per person; null and non-finite values are counted as missing, never binned. */
export function histogram(
  values: readonly (number | null | undefined)[],
  options: HistogramOptions = {},
): string {
  const width = options.width ?? 480;
  const height = options.height ?? 220;
  const title = options.title ?? 'Distribution of the relational-capital index';
  const [d0, d1] = options.domain ?? [0, 100];
  const step = options.binWidth ?? 10;
  const [one, many] = options.unit ?? ['person', 'people'];
  const present = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const missing = values.length - present.length;
  if (present.length === 0) return emptyChart('histogram', width, height, title, 'No values to show.');

  const thresholds: number[] = [];
  for (let t = d0 + step; t < d1 - 1e-9; t += step) thresholds.push(Math.round(t * 1e6) / 1e6);
  // Values outside the domain are clamped into the end bins so nobody silently disappears.
  const clamped = present.map((v) => Math.min(d1, Math.max(d0, v)));
  const bins = bin().domain([d0, d1]).thresholds(thresholds)(clamped);
  const margin = { top: 14, right: 14, bottom: 40, left: 40 };
  const x = scaleLinear()
    .domain([d0, d1])
    .range([margin.left, width - margin.right]);
  const yMax = Math.max(1, max(bins, (b) => b.length) ?? 1);
  const y = scaleLinear()
    .domain([0, yMax])
    .nice()
    .range([height - margin.bottom, margin.top]);
  const yTicks = y.ticks(Math.min(5, yMax)).filter((t) => Number.isInteger(t));
  const description =
    options.description ??
    `${present.length} ${present.length === 1 ? one : many}` +
      (missing ? `, ${missing} without a value` : '') +
      `; bins of ${fmt(step)}` +
      (options.marker != null ? `; marked value ${fmt(options.marker)}` : '') +
      '.';

  let out = svgOpen('histogram', width, height, title, description);
  out += axisY(
    y,
    yTicks,
    margin.left,
    margin.top,
    height - margin.bottom,
    (v) => fmt(v, 0),
    width - margin.right,
  );
  out += '<g class="bars">';
  for (const b of bins) {
    const x0 = x(b.x0 ?? d0);
    const x1 = x(b.x1 ?? d1);
    const n = b.length;
    const label = `${fmt(b.x0 ?? d0)}–${fmt(b.x1 ?? d1)}: ${n} ${n === 1 ? one : many}`;
    out += `<rect${attrs({ x: x0 + 1, y: y(n), width: Math.max(0, x1 - x0 - 2), height: y(0) - y(n), fill: options.colour ?? '#4477AA' })}><title>${label}</title></rect>`;
  }
  out += '</g>';
  out += axisX(
    x,
    x.ticks(Math.min(10, Math.round((d1 - d0) / step))),
    height - margin.bottom,
    margin.left,
    width - margin.right,
  );
  out += text((margin.left + width - margin.right) / 2, height - 6, options.xLabel ?? 'Index (0–100)', {
    'text-anchor': 'middle',
    fill: MUTED_INK,
  });
  if (options.marker != null && Number.isFinite(options.marker)) {
    const mx = x(Math.min(d1, Math.max(d0, options.marker)));
    out += `<g class="marker"><line${attrs({ x1: mx, x2: mx, y1: margin.top - 4, y2: height - margin.bottom, stroke: '#D55E00', 'stroke-width': 2, 'stroke-dasharray': '5 3' })}/>`;
    const anchor = mx > width * 0.7 ? 'end' : 'start';
    out += text(
      mx + (anchor === 'end' ? -4 : 4),
      margin.top + 4,
      `${options.markerLabel ?? 'This person'}: ${fmt(options.marker)}`,
      {
        'text-anchor': anchor,
        fill: '#D55E00',
        'font-weight': 'bold',
      },
    );
    out += '</g>';
  }
  return out + svgClose;
}
