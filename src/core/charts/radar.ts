// Radar (spider) chart of the six 360 competencies, one polygon per rater group. Only the groups
// the appraisal summary exposes are passed in, so the anonymity rule holds by construction.
import {
  attrs,
  emptyChart,
  fmt,
  legend,
  r,
  svgClose,
  svgOpen,
  text,
  truncate,
  GRID,
  MUTED_INK,
  type ChartBase,
} from './svg';
import { raterGroupColour } from './palette';
import { escapeXml } from '../export/xml';

export interface RadarSeries {
  /** Rater group key (e.g. 'self', 'manager', 'others'): picks the colour. */
  key: string;
  /** Legend text, e.g. "Peers (4 raters)". */
  label: string;
  /** One value per axis, in axis order; null where the group gave no score. */
  values: readonly (number | null)[];
  /** Default: the rater-group palette colour for `key`. */
  colour?: string;
}

export interface RadarOptions extends ChartBase {
  /** Default '360 appraisal by rater group'. */
  title?: string;
  /** Default 420. */
  width?: number;
  /** Score range; the centre is the minimum. Default [1, 5] (the 360 scale). */
  domain?: [number, number];
  /** Rings drawn at these values. Default every integer in the domain. */
  rings?: number[];
}

/**
 * axes: the competencies in order. A series with a missing value is drawn as dots only (a polygon
 * through the gap would invent a score); complete series are filled polygons.
 */
export function radar(
  axes: readonly { key: string; label: string }[],
  series: readonly RadarSeries[],
  options: RadarOptions = {},
): string {
  const width = options.width ?? 420;
  const title = options.title ?? '360 appraisal by rater group';
  const [lo, hi] = options.domain ?? [1, 5];
  const withData = series.filter((s) => s.values.some((v) => v !== null && Number.isFinite(v)));
  const legendProbe = legend(
    withData.map((s) => ({ label: s.label, colour: s.colour ?? raterGroupColour(s.key) })),
    10,
    0,
    width - 20,
  );
  const plotSize = width;
  const height = plotSize + legendProbe.height + 6;
  if (axes.length < 3 || withData.length === 0)
    return emptyChart(
      'radar',
      width,
      200,
      title,
      axes.length < 3 ? 'A radar needs at least three competencies.' : 'No 360 scores to show.',
    );

  const cx = width / 2;
  const cy = plotSize / 2;
  const radius = plotSize / 2 - 92;
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / axes.length;
  const rad = (v: number) => ((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * radius;
  const point = (i: number, v: number) =>
    [cx + Math.cos(angle(i)) * rad(v), cy + Math.sin(angle(i)) * rad(v)] as const;
  const rings = options.rings ?? Array.from({ length: Math.floor(hi - lo) + 1 }, (_, k) => lo + k);

  const description =
    options.description ??
    withData
      .map((s) => `${s.label}: ` + axes.map((a, i) => `${a.label} ${fmt(s.values[i] ?? null)}`).join(', '))
      .join('; ') + '.';
  let out = svgOpen('radar', width, height, title, description);
  out += '<g class="grid">';
  for (const ring of rings) {
    const pts = axes.map((_, i) => point(i, ring).map(r).join(',')).join(' ');
    out += `<polygon${attrs({ points: pts, fill: 'none', stroke: GRID })}/>`;
  }
  axes.forEach((a, i) => {
    const [x, y] = point(i, hi);
    out += `<line${attrs({ x1: cx, y1: cy, x2: x, y2: y, stroke: GRID })}/>`;
    const lx = cx + Math.cos(angle(i)) * (radius + 12);
    const ly = cy + Math.sin(angle(i)) * (radius + 12);
    const c = Math.cos(angle(i));
    const anchor = Math.abs(c) < 0.2 ? 'middle' : c > 0 ? 'start' : 'end';
    const words = wrap(a.label, 14);
    const dy =
      Math.sin(angle(i)) < -0.2
        ? -(words.length - 1) * 12
        : Math.abs(Math.sin(angle(i))) <= 0.2
          ? -((words.length - 1) * 12) / 2
          : 0;
    words.forEach((w, k) => {
      out += text(lx, ly + dy + k * 12 + 4, w, { 'text-anchor': anchor, fill: MUTED_INK });
    });
  });
  for (const ring of rings)
    out += text(cx + 3, cy - rad(ring) - 2, fmt(ring, 0), { fill: MUTED_INK, 'font-size': 9 });
  // Fills stack into mud beyond two polygons: outline only then.
  const fillSeries = withData.length <= 2;
  out += '</g><g class="series">';
  for (const s of withData) {
    const colour = s.colour ?? raterGroupColour(s.key);
    const complete =
      s.values.length === axes.length && s.values.every((v) => v !== null && Number.isFinite(v));
    out += `<g class="series-group">`;
    if (complete) {
      const pts = axes.map((_, i) => point(i, s.values[i]!).map(r).join(',')).join(' ');
      out += `<polygon${attrs({ points: pts, fill: fillSeries ? colour : 'none', 'fill-opacity': fillSeries ? 0.12 : null, stroke: colour, 'stroke-width': 2 })}><title>${escapeLabel(s.label)}</title></polygon>`;
    }
    axes.forEach((a, i) => {
      const v = s.values[i];
      if (v === null || v === undefined || !Number.isFinite(v)) return;
      const [x, y] = point(i, v);
      out += `<circle${attrs({ cx: x, cy: y, r: 3.5, fill: colour })}><title>${escapeLabel(`${s.label}, ${a.label}: ${fmt(v, 2)}`)}</title></circle>`;
    });
    out += '</g>';
  }
  out += '</g>';
  out += legend(
    withData.map((s) => ({ label: s.label, colour: s.colour ?? raterGroupColour(s.key) })),
    10,
    plotSize + 10,
    width - 20,
  ).svg;
  return out + svgClose;
}

const escapeLabel = (s: string) => escapeXml(s);

/** Splits a label into lines of at most `max` characters at spaces. */
export function wrap(label: string, max: number): string[] {
  const words = label.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && (line + ' ' + w).length > max) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.slice(0, 3).map((l) => truncate(l, max + 4));
}
