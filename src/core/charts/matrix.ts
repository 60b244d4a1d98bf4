// Importance × satisfaction matrix (importance–performance analysis, Martilla & James 1977): one
// point per service, quadrants split at the means so "concentrate here" stands out.
import { scaleLinear, mean } from 'd3';
import { escapeXml } from '../export/xml';
import {
  attrs,
  axisX,
  axisY,
  emptyChart,
  fmt,
  svgClose,
  svgOpen,
  text,
  truncate,
  MUTED_INK,
  type ChartBase,
} from './svg';

export interface MatrixPoint {
  label: string;
  /** Mean importance (x). */
  importance: number | null;
  /** Satisfaction (y), e.g. % agree. */
  satisfaction: number | null;
  n?: number | null;
}

export interface MatrixOptions extends ChartBase {
  /** Default 'Importance and satisfaction by service'. */
  title?: string;
  /** Default 520. */
  width?: number;
  /** Default 400. */
  height?: number;
  /** Importance axis range. Default [1, 5] (the 5-point scale). */
  xDomain?: [number, number];
  /** Satisfaction axis range. Default [0, 100] (% agree). */
  yDomain?: [number, number];
  /** Where the quadrants split. Default the means of the points shown (data-centred IPA). */
  split?: { importance: number; satisfaction: number };
  /** Default 'Importance (1–5)'. */
  xLabel?: string;
  /** Default 'Satisfied (% agree)'. */
  yLabel?: string;
}

export const QUADRANT_LABELS = {
  concentrate: 'Concentrate here',
  keepUp: 'Keep up the good work',
  lowPriority: 'Low priority',
  overkill: 'Possible overkill',
} as const;

export function importanceMatrix(points: readonly MatrixPoint[], options: MatrixOptions = {}): string {
  const width = options.width ?? 520;
  const height = options.height ?? 400;
  const title = options.title ?? 'Importance and satisfaction by service';
  const shown = points.filter(
    (p): p is MatrixPoint & { importance: number; satisfaction: number } =>
      p.importance !== null &&
      p.satisfaction !== null &&
      Number.isFinite(p.importance) &&
      Number.isFinite(p.satisfaction),
  );
  if (shown.length === 0)
    return emptyChart('matrix', width, height, title, 'No service has both importance and satisfaction.');
  const [x0, x1] = options.xDomain ?? [1, 5];
  const [y0, y1] = options.yDomain ?? [0, 100];
  const margin = { top: 16, right: 16, bottom: 42, left: 52 };
  const x = scaleLinear()
    .domain([x0, x1])
    .range([margin.left, width - margin.right]);
  const y = scaleLinear()
    .domain([y0, y1])
    .range([height - margin.bottom, margin.top]);
  const split = options.split ?? {
    importance: mean(shown, (p) => p.importance) ?? (x0 + x1) / 2,
    satisfaction: mean(shown, (p) => p.satisfaction) ?? (y0 + y1) / 2,
  };
  const quadrant = (p: { importance: number; satisfaction: number }) =>
    p.importance >= split.importance
      ? p.satisfaction < split.satisfaction
        ? QUADRANT_LABELS.concentrate
        : QUADRANT_LABELS.keepUp
      : p.satisfaction < split.satisfaction
        ? QUADRANT_LABELS.lowPriority
        : QUADRANT_LABELS.overkill;
  const description =
    options.description ??
    shown
      .map(
        (p) =>
          `${p.label}: importance ${fmt(p.importance, 2)}, satisfied ${fmt(p.satisfaction)} (${quadrant(p)})`,
      )
      .join('; ') + '.';
  let out = svgOpen('matrix', width, height, title, description);
  const sx = x(Math.min(x1, Math.max(x0, split.importance)));
  const sy = y(Math.min(y1, Math.max(y0, split.satisfaction)));
  // The quadrant that needs action is tinted (Okabe–Ito vermillion, very light).
  out += `<rect${attrs({ x: sx, y: sy, width: width - margin.right - sx, height: height - margin.bottom - sy, fill: '#D55E00', 'fill-opacity': 0.07 })}/>`;
  out += axisY(
    y,
    y.ticks(5),
    margin.left,
    margin.top,
    height - margin.bottom,
    (v) => fmt(v),
    width - margin.right,
  );
  out += axisX(
    x,
    x.ticks(Math.min(8, Math.round(x1 - x0))),
    height - margin.bottom,
    margin.left,
    width - margin.right,
  );
  out += `<line${attrs({ x1: sx, x2: sx, y1: margin.top, y2: height - margin.bottom, stroke: MUTED_INK, 'stroke-dasharray': '4 3' })}/>`;
  out += `<line${attrs({ x1: margin.left, x2: width - margin.right, y1: sy, y2: sy, stroke: MUTED_INK, 'stroke-dasharray': '4 3' })}/>`;
  const q = { fill: MUTED_INK, 'font-size': 10, 'font-style': 'italic' };
  out += text(width - margin.right - 4, height - margin.bottom - 6, QUADRANT_LABELS.concentrate, {
    ...q,
    'text-anchor': 'end',
  });
  out += text(width - margin.right - 4, margin.top + 10, QUADRANT_LABELS.keepUp, {
    ...q,
    'text-anchor': 'end',
  });
  out += text(margin.left + 4, height - margin.bottom - 6, QUADRANT_LABELS.lowPriority, q);
  out += text(margin.left + 4, margin.top + 10, QUADRANT_LABELS.overkill, q);
  out += text((margin.left + width - margin.right) / 2, height - 6, options.xLabel ?? 'Importance (1–5)', {
    'text-anchor': 'middle',
    fill: MUTED_INK,
  });
  out += text(14, (margin.top + height - margin.bottom) / 2, options.yLabel ?? 'Satisfied (% agree)', {
    'text-anchor': 'middle',
    fill: MUTED_INK,
    transform: `rotate(-90 14 ${Math.round((margin.top + height - margin.bottom) / 2)})`,
  });
  out += '<g class="points">';
  for (const p of shown) {
    const px = x(Math.min(x1, Math.max(x0, p.importance)));
    const py = y(Math.min(y1, Math.max(y0, p.satisfaction)));
    const tip =
      `${p.label}: importance ${fmt(p.importance, 2)}, satisfied ${fmt(p.satisfaction)}` +
      (p.n != null ? `, n = ${p.n}` : '');
    out += `<g><title>${escapeXml(tip)}</title><circle${attrs({ cx: px, cy: py, r: 5, fill: '#0072B2', stroke: '#ffffff' })}/>`;
    const right = px < width - 130;
    out += text(px + (right ? 8 : -8), py + 4, truncate(p.label, 22), {
      'text-anchor': right ? 'start' : 'end',
    });
    out += '</g>';
  }
  out += '</g>';
  return out + svgClose;
}
