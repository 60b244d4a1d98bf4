// The report: one self-contained HTML file (inline CSS and SVG, no scripts, no requests; a CSP
// that forbids both) with an executive summary, the network map, charts, methods, one section per
// public servant and the data-quality summary. The app and the CLI both write it from here.
import type { Actor, Tie } from '../model';
import type { QualityReport } from '../quality';
import type { AppraisalSummary, PersonAppraisal } from '../appraisal';
import { agreeRow, matrixPoints, type SatisfactionSummary, type ServiceSatisfaction } from '../satisfaction';
import type { ChangeRow, Coverage, Scorecard, ServiceChange } from '../scorecard';
import { COMPONENT_KEYS, COMPONENT_LABELS, WEIGHTS_OVERVIEW, WEIGHTS_RATIONALE } from '../scorecard';
import { METRICS } from '../metrics/registry';
import { buildNetwork } from '../network/build';
import { computeLayout } from '../layout';
import { escapeHtml as esc } from '../export/xml';
import { exportNode, typeLabel } from '../export/privacy';
import {
  barChart,
  histogram,
  importanceMatrix,
  intervalPlot,
  networkMap,
  radar,
  slopeChart,
  type MapEdge,
  type MapNode,
  type RadarSeries,
} from '../charts';
import { REPORT_CSS } from './styles';

/** What the report reads: a PipelineResult fits; tests may pass less. */
export interface ReportSource {
  actors: readonly Actor[];
  ties: readonly Tie[];
  relations?: readonly string[];
  metrics: { graph: object; nodes: Record<string, object>; layers?: Record<string, unknown> };
  appraisal?: AppraisalSummary | null;
  satisfaction?: SatisfactionSummary | null;
  scorecards: readonly Scorecard[];
  change?: readonly ChangeRow[] | null;
  /** Service-level change between waves (means over each service's people). */
  serviceChange?: readonly ServiceChange[] | null;
  /** Who was asked and who answered, per sector: printed beside the network figures. */
  coverage?: Coverage | null;
  /** The survey's respondents kept (one per response used): the summary's count of responses. */
  respondents?: readonly unknown[];
  quality: QualityReport;
}

export interface ReportOptions {
  /** Default 'Civic Ties: relational capital report'. */
  title?: string;
  /** Node positions for the map (e.g. the app's layout). Default: computeLayout(seed 1). */
  positions?: Record<string, { x: number; y: number }>;
  /** Show names of non-roster actors and the detail of quality messages. Default false. */
  includeNames?: boolean;
  /** Printed as "Generated ..."; default omitted so the same input gives the same file. */
  generatedAt?: string;
  /** Name of the area or project, printed under the title. Default none. */
  area?: string;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const get = (rec: unknown, key: string): unknown =>
  rec && typeof rec === 'object' ? (rec as Record<string, unknown>)[key] : undefined;

/** Formats a number for prose and tables; '–' when missing (never 0, never NaN). */
export function fmtNum(v: unknown, digits = 1): string {
  const n = num(v);
  if (n === null) return '–';
  const rounded = Number(n.toFixed(digits));
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

function range(low: unknown, high: unknown, digits = 1): string {
  const a = num(low);
  const b = num(high);
  if (a === null || b === null) return '';
  // "−3 to 5" reads better than "-3–5" once a bound is negative.
  return a < 0 || b < 0
    ? `${fmtNum(a, digits)} to ${fmtNum(b, digits)}`
    : `${fmtNum(a, digits)}–${fmtNum(b, digits)}`;
}

const slug = (id: string) => 'p-' + id.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`);

/**
 * A chart under a visible heading: the SVG's own <title> (already escaped by the chart), which
 * screen readers get from the SVG itself, so the heading is hidden from them to avoid a repeat.
 */
function figure(svg: string, caption?: string): string {
  const title = /<title>([^<]*)<\/title>/.exec(svg)?.[1];
  const heading = title ? `<h4 class="chart-title" aria-hidden="true">${title}</h4>` : '';
  return `<figure>${heading}${svg}${caption ? `<figcaption>${esc(caption)}</figcaption>` : ''}</figure>`;
}

/** How a shown rater group is named: `others` holds groups folded in for anonymity. */
function groupName(group: string): string {
  if (group === 'others') return 'Other groups combined';
  if (group === 'self') return 'Self';
  return group.charAt(0).toUpperCase() + group.slice(1);
}

function table(head: string[], rows: string[][], numeric: boolean[] = []): string {
  const th = head.map((h, i) => `<th${numeric[i] ? ' class="num"' : ''} scope="col">${esc(h)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((c, i) => `<td${numeric[i] ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`)
    .join('');
  return `<table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

/** Scorecards in rank order (highest index first); people without an index last, by name. */
function ranked(cards: readonly Scorecard[]): Scorecard[] {
  return [...cards].sort((a, b) => {
    const ia = num(a.index);
    const ib = num(b.index);
    if (ia !== null && ib !== null && ia !== ib) return ib - ia;
    if ((ia === null) !== (ib === null)) return ia === null ? 1 : -1;
    return String(a.name).localeCompare(String(b.name)) || a.id.localeCompare(b.id);
  });
}

function rankText(card: Scorecard, total: number): string {
  const rank = num(card.rank);
  if (rank === null) return '–';
  const r = range(card.rankLow, card.rankHigh, 0);
  return `${fmtNum(rank, 0)} of ${total}` + (r && r !== `${rank}–${rank}` ? ` (range ${r})` : '');
}

/** People whose index intervals overlap this one's: the data do not order them. */
function overlapping(card: Scorecard, cards: readonly Scorecard[]): number {
  const lo = num(card.indexLow);
  const hi = num(card.indexHigh);
  if (lo === null || hi === null) return 0;
  return cards.filter((c) => {
    if (c.id === card.id) return false;
    const l = num(c.indexLow);
    const h = num(c.indexHigh);
    return l !== null && h !== null && l <= hi && h >= lo;
  }).length;
}

interface Context {
  src: ReportSource;
  opts: ReportOptions;
  includeNames: boolean;
  positions: Record<string, { x: number; y: number }>;
  mapNodes: MapNode[];
  mapEdges: MapEdge[];
  cards: Scorecard[];
  neighbours: Map<string, Set<string>>;
}

function buildContext(src: ReportSource, opts: ReportOptions): Context {
  const includeNames = opts.includeNames ?? false;
  const network = buildNetwork([...src.actors], [...src.ties]);
  const positions = opts.positions ?? computeLayout(network.union, { seed: 1 });
  const mapNodes: MapNode[] = src.actors.map((a) => ({
    id: a.id,
    label: exportNode(
      { id: a.id, label: a.label, type: a.type, onRoster: a.onRoster, attrs: a.attrs },
      includeNames,
    ).label,
    sector: a.sector,
    value: num(get(src.metrics.nodes[a.id], 'inDegree')),
    marked: a.onRoster && a.type === 'public-servant',
  }));
  const mapEdges: MapEdge[] = [];
  const neighbours = new Map<string, Set<string>>();
  network.union.forEachEdge((_e, attrs, s, t) => {
    mapEdges.push({ source: s, target: t, relations: [...attrs.relations].sort() });
    if (!neighbours.has(s)) neighbours.set(s, new Set());
    if (!neighbours.has(t)) neighbours.set(t, new Set());
    neighbours.get(s)!.add(t);
    neighbours.get(t)!.add(s);
  });
  return {
    src,
    opts,
    includeNames,
    positions,
    mapNodes,
    mapEdges,
    cards: ranked(src.scorecards),
    neighbours,
  };
}

function summarySection(ctx: Context): string {
  const { src, cards } = ctx;
  const g = src.metrics.graph;
  const withIndex = cards.filter((c) => num(c.index) !== null);
  const civil = src.actors.filter((a) => a.sector !== 'public').length;
  let out = `<section class="chapter" id="summary"><h2>Executive summary</h2>`;
  out += `<div class="figures">`;
  const box = (value: string, label: string) =>
    `<div class="figure-box"><div class="value">${esc(value)}</div><div class="label">${esc(label)}</div></div>`;
  out += box(String(cards.length), 'public servants assessed');
  out += box(String(src.actors.length), `actors in the network (${civil} civil society)`);
  out += box(fmtNum(get(g, 'edges'), 0), 'ties between them');
  out += box(fmtNum(get(g, 'density'), 3), 'density');
  // Responses, not rows.accepted: that also counts the 360 and satisfaction rows read.
  if (src.respondents) out += box(String(src.respondents.length), 'survey responses used');
  out += `</div>`;
  if (withIndex.length) {
    out += `<h3>Every public servant, by index</h3>`;
    out += `<p>The relational-capital index runs from 0 to 100 and is relative to the other public servants in this area. Each figure comes with its 95% interval; people whose intervals overlap cannot be told apart by these data, so ranks are shown as ranges.</p>`;
    out += table(
      ['Rank', 'Name', 'Role', 'Service', 'Index', '95% interval'],
      cards.map((c) => [
        esc(rankText(c, cards.length)),
        `<a href="#${slug(c.id)}">${esc(c.name)}</a>`,
        esc(c.role ?? ''),
        esc(c.service ?? ''),
        esc(fmtNum(c.index)),
        esc(range(c.indexLow, c.indexHigh)),
      ]),
      [false, false, false, false, true, true],
    );
    out += serviceTable(cards);
  } else
    out += `<p class="muted">No index could be computed (no public servant has a scorecard component).</p>`;
  if (src.coverage?.warnings.length)
    out += `<div class="note"><strong>Coverage:</strong> ${src.coverage.warnings.map(esc).join(' ')}</div>`;
  const errors = src.quality.issues.filter((i) => i.severity === 'error').length;
  const warnings = src.quality.issues.filter((i) => i.severity === 'warning').length;
  out += `<p>Data quality: ${src.quality.rows.read} rows read, ${src.quality.rows.accepted} accepted, ${src.quality.rows.rejected} rejected; ${errors} errors, ${warnings} warnings and ${src.quality.unmatched.length} unmatched names (see <a href="#quality">Data quality</a>).</p>`;
  return out + `</section>`;
}

/** Response rates per sector, with the low-coverage warnings, or '' when unknown. */
function coverageBlock(coverage: Coverage | null | undefined, compact = false): string {
  if (!coverage || !coverage.sectors.length) return '';
  if (compact) {
    const parts = coverage.sectors.map(
      (c) =>
        `${c.sector}: ${c.responded}${c.invited !== null ? ` of ${c.invited} (${fmtNum(c.rate !== null ? c.rate * 100 : null, 0)}%)` : ''} answered` +
        (c.low ? ' — low' : ''),
    );
    return `<p class="muted">Coverage behind these figures: ${esc(parts.join('; '))}.</p>`;
  }
  let out = table(
    ['Sector', 'Asked', 'Answered', 'Response rate', ''],
    coverage.sectors.map((c) => [
      esc(c.sector),
      esc(c.invited === null ? 'unknown' : String(c.invited)),
      String(c.responded),
      esc(c.rate === null ? '–' : `${fmtNum(c.rate * 100, 0)}%`),
      c.low ? '<span class="warn">Too few answered to compare people fairly</span>' : '',
    ]),
    [false, true, true, true, false],
  );
  if (coverage.warnings.length)
    out += `<div class="note">${coverage.warnings.map((w) => `<p>${esc(w)}</p>`).join('')}</div>`;
  return out;
}

function graphFiguresTable(graph: object): string {
  const rows: string[][] = [];
  for (const m of METRICS.filter((d) => d.level === 'graph')) {
    const v = get(graph, m.key);
    if (v === undefined) continue;
    rows.push([
      esc(m.label),
      esc(typeof v === 'boolean' ? (v ? 'yes' : 'no') : fmtNum(v, 3)),
      esc(m.description),
    ]);
  }
  return rows.length ? table(['Measure', 'Value', 'What it means'], rows, [false, true, false]) : '';
}

function networkSection(ctx: Context): string {
  let out = `<section class="chapter" id="network"><h2>The network</h2>`;
  out += figure(
    networkMap(ctx.mapNodes, ctx.mapEdges, ctx.positions, {
      title: 'Network map of the area',
      sizeLabel: 'times named (in-degree)',
    }),
    'Each circle is an actor, coloured by sector and sized by how many others named them; lines are ties from the person answering to the person they named, coloured by tie type. Public servants are labelled; residents, volunteers and groups are shown by type only.',
  );
  const coverage = coverageBlock(ctx.src.coverage);
  if (coverage) out += `<h3>Who answered</h3>` + coverage;
  out += `<h3>Whole-network figures</h3>` + graphFiguresTable(ctx.src.metrics.graph);
  return out + `</section>`;
}

function satisfactionRows(service: ServiceSatisfaction, summary: SatisfactionSummary) {
  return summary.items.map((item) => agreeRow(item.label, service.items[item.key]));
}

function chartsSection(ctx: Context): string {
  const { src, cards } = ctx;
  let out = `<section class="chapter" id="charts"><h2>Across the area</h2>`;
  out += `<h3>Relational-capital index</h3>`;
  out += figure(histogram(cards.map((c) => num(c.index))), 'How the index is spread across public servants.');
  const withIndex = cards.filter((c) => num(c.index) !== null);
  if (withIndex.length)
    out += figure(
      intervalPlot(
        withIndex.map((c) => ({
          label: `${c.name}${c.service ? ` (${c.service})` : ''}`,
          value: num(c.index),
          low: num(c.indexLow),
          high: num(c.indexHigh),
        })),
        { title: 'Index with 95% bootstrap intervals', unit: '', labelWidth: 220, width: 640 },
      ),
      'Overlapping intervals mean the data cannot separate the two people.',
    );
  const sat = src.satisfaction;
  if (sat && sat.services.length && sat.items.length) {
    out += `<h3>Resident satisfaction by service</h3>`;
    for (const item of sat.items) {
      const rows = sat.services.map((s) => agreeRow(s.service, s.items[item.key]));
      const area = sat.area.items[item.key]?.pctAgree;
      out += figure(
        intervalPlot(rows, {
          title: `${item.label}: % agree by service`,
          reference: typeof area === 'number' ? { value: area, label: 'Whole area' } : null,
        }),
        'Wilson 95% intervals; "don\'t know" answers are left out. The dashed line is the whole area.',
      );
    }
    if (sat.matrix.length)
      out += figure(
        importanceMatrix(matrixPoints(sat.matrix)),
        'Services in the shaded quadrant matter most to residents and satisfy them least.',
      );
  }
  if (src.change && src.change.length) {
    out += `<h3>Change since the baseline</h3>`;
    const names = new Map(src.scorecards.map((c) => [c.id, c.name]));
    out += figure(
      slopeChart(
        src.change.map((row) => ({
          label: names.get(row.id) ?? String(get(row, 'name') ?? row.id),
          before: num(row.indexBefore),
          after: num(row.indexAfter),
          real: typeof row.indexRealChange === 'boolean' ? row.indexRealChange : null,
        })),
        { title: 'Relational-capital index, baseline to follow-up', width: 680 },
      ),
      'Coloured lines are changes outside the noise (the 95% interval of the difference excludes zero); grey dashed lines are within it.',
    );
    out += serviceChangeBlock(src.serviceChange);
  }
  return out + `</section>`;
}

/** The questions of this run's tie types, in words: a follow-up may not ask all three. */
function questionsAsked(relations: readonly string[] | undefined): string {
  const asked: Record<string, string> = {
    need: 'who they go to in times of need',
    trust: 'who they trust',
    info: 'where they get their information',
  };
  const list = relations && relations.length > 0 ? relations : ['need', 'trust', 'info'];
  const words = list.map((r) => asked[r] ?? `whom they name for "${esc(r)}"`);
  const joined = words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
  return `${words.length === 1 ? 'one question' : `${words.length} questions`}: ${joined}`;
}

function methodsSection(ctx: Context): string {
  const threshold = ctx.src.appraisal?.threshold ?? 3;
  let out = `<section class="chapter" id="methods"><h2>Methods</h2>`;
  out += `<h3>The network</h3><p>Residents, volunteers, groups and public servants answered ${questionsAsked(ctx.src.relations)}. Each answer is a tie from the person answering to the person or organisation they named. The combined network has a tie wherever any of them has one. Civil society means every actor outside the public sector.</p>`;
  out += `<h3>Network measures</h3>`;
  out += `<div class="methods">${table(
    ['Measure', 'Key', 'Meaning', 'Exact definition'],
    METRICS.map((m) => [esc(m.label), `<code>${esc(m.key)}</code>`, esc(m.description), esc(m.convention)]),
  )}</div>`;
  out += `<h3>The relational-capital index</h3><p>${esc(WEIGHTS_OVERVIEW)}</p>`;
  out += table(
    ['Component', 'Why'],
    COMPONENT_KEYS.map((k) => [esc(COMPONENT_LABELS[k]), esc(WEIGHTS_RATIONALE[k])]),
  );
  out += `<h3>How sure the figures are</h3><p>Intervals for the index, rank and network counts come from a seeded bootstrap over respondents (respondents resampled with replacement, the whole analysis repeated, 95% percentile intervals). Satisfaction percentages carry Wilson 95% intervals; means carry Student's t intervals. A change between waves is called real only when the 95% interval of the difference excludes zero.</p>`;
  out += `<h3>Anonymity of 360 appraisals</h3><p class="note">A rater group with fewer than ${esc(threshold)} raters is never shown on its own: it is folded into “others”, and when that would still let someone work a small group out, further groups are folded in too. The person's own scores and their manager's are exempt. This applies to every chart and table in this report.</p>`;
  out += `<h3>Privacy</h3><p>${ctx.includeNames ? 'This report was produced with names included at the user\u2019s explicit request.' : 'Residents, service users, volunteers and groups who are not on the roster are shown by type and pseudonym only; no names or contact details appear in this report.'} All processing happened on the evaluator's own computer.</p>`;
  return out + `</section>`;
}

const NETWORK_FIGURES: { key: string; label: string; from: 'card' | 'metrics'; digits: number }[] = [
  { key: 'civilInDegree', label: 'Civil-society actors who named them', from: 'card', digits: 0 },
  { key: 'needInDegree', label: 'Named for help in times of need', from: 'card', digits: 0 },
  { key: 'trustInDegree', label: 'Named as trusted', from: 'card', digits: 0 },
  { key: 'infoInDegree', label: 'Named as a source of information', from: 'card', digits: 0 },
  { key: 'civilReach', label: 'Civil-society actors within two steps', from: 'card', digits: 0 },
  { key: 'betweenness', label: 'Betweenness', from: 'card', digits: 4 },
  { key: 'constraint', label: 'Constraint (lower = more open network)', from: 'card', digits: 3 },
  { key: 'brokerage', label: 'Brokerage roles (all kinds)', from: 'card', digits: 0 },
  { key: 'inDegree', label: 'Named by (anyone)', from: 'metrics', digits: 0 },
  { key: 'outDegree', label: 'Names (anyone)', from: 'metrics', digits: 0 },
  { key: 'pagerank', label: 'PageRank', from: 'metrics', digits: 4 },
  { key: 'closeness', label: 'Closeness', from: 'metrics', digits: 3 },
  { key: 'eiIndex', label: 'E-I index (ties outside own sector)', from: 'metrics', digits: 2 },
];

/** The 360 radar and, separately, its table: the page lays them out apart. */
function appraisalBlock(
  person: PersonAppraisal | undefined,
  summary: AppraisalSummary | null | undefined,
): { chart: string; details: string } {
  if (!person || !summary)
    return { chart: `<p class="muted">No 360 appraisal for this person.</p>`, details: '' };
  const axes = person.competencies.map((c) => ({ key: c.key, label: c.label }));
  const series: RadarSeries[] = [];
  for (const g of person.groups) {
    const values = person.competencies.map((c) =>
      g.group === 'self' ? c.self : (c.groups[g.group]?.mean ?? null),
    );
    const label =
      g.group === 'self' ? 'Self' : `${groupName(g.group)} (${g.raters} rater${g.raters === 1 ? '' : 's'})`;
    series.push({ key: g.group.replace(/ /g, '-'), label, values });
  }
  // The pooled mean of every non-self rater is the scorecard's appraisalOthers: always shown.
  series.push({
    key: 'all-others',
    label: `All others pooled (${person.raters} raters)`,
    values: person.competencies.map((c) => c.others.mean),
    colour: '#000000',
  });
  const chart = figure(
    radar(axes, series, { title: '360 appraisal by rater group', width: 380 }),
    'Scores 1–5. Only rater groups large enough to keep raters anonymous are shown.',
  );
  const groupHeads = person.groups.filter((g) => g.group !== 'self').map((g) => g.group);
  let out = table(
    ['Competency', 'Self', 'All others', ...groupHeads.map(groupName), 'Gap', ''],
    person.competencies.map((c) => [
      esc(c.label),
      esc(fmtNum(c.self, 2)),
      esc(fmtNum(c.others.mean, 2)),
      ...groupHeads.map((g) => esc(fmtNum(c.groups[g]?.mean ?? null, 2))),
      esc(fmtNum(c.gap, 2)),
      c.flag === 'blind-spot' ? 'Blind spot' : c.flag === 'hidden-strength' ? 'Hidden strength' : '',
    ]),
    [false, true, true, ...groupHeads.map(() => true), true, false],
  );
  out += `<p>Others' mean ${esc(fmtNum(person.othersMean, 2))} (${person.othersScores} scores from ${person.raters} raters); own mean ${esc(fmtNum(person.selfMean, 2))}.</p>`;
  if (person.notes.length)
    out += `<ul class="muted">${person.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`;
  return { chart, details: out };
}

/** Per service: mean index before and after, and the change in residents' satisfaction with its interval. */
function serviceChangeBlock(rows: readonly ServiceChange[] | null | undefined): string {
  if (!rows || !rows.length) return '';
  const real = (v: unknown) =>
    v === true
      ? '<strong>real change</strong>'
      : v === false
        ? '<span class="muted">within noise</span>'
        : '';
  return (
    `<h3>Change by service</h3>` +
    table(
      [
        'Service',
        'People',
        'Mean index before',
        'after',
        'Satisfied % before',
        'after',
        'Change',
        '95% interval',
        '',
      ],
      rows.map((r) => [
        esc(r.service),
        String(r.people),
        esc(fmtNum(r.indexBefore)),
        esc(fmtNum(r.indexAfter)),
        esc(fmtNum(r.satisfiedBefore)),
        esc(fmtNum(r.satisfiedAfter)),
        esc(fmtNum(r.satisfiedChange)),
        esc(range(r.satisfiedChangeLow, r.satisfiedChangeHigh)),
        real(r.satisfiedRealChange),
      ]),
      [false, true, true, true, true, true, true, true, false],
    )
  );
}

const INDICATOR_LABELS: Record<string, string> = {
  index: 'Index',
  rank: 'Rank',
  appraisalOthers: "360: others' mean",
  appraisalSelf: '360: own mean',
  satisfied: 'Satisfied with the service (%)',
  influence: 'Can influence decisions (%)',
  involved: 'Feel involved (%)',
  trust: 'Trust the service (%)',
};

/** A person-readable name for a scorecard column (falls back to the column key). */
function indicatorLabel(key: string, src: ReportSource): string {
  const competency = src.appraisal?.competencies.find((c) => c.key === key);
  if (competency) return `360: ${competency.label}`;
  return INDICATOR_LABELS[key] ?? NETWORK_FIGURES.find((f) => f.key === key)?.label ?? key;
}

function changeBlock(row: ChangeRow | undefined, src: ReportSource): string {
  if (!row) return '';
  const cols = Object.keys(row)
    .filter((k) => k.endsWith('Before'))
    .map((k) => k.slice(0, -'Before'.length));
  const rows = cols
    .filter((c) => num(row[`${c}Before`]) !== null || num(row[`${c}After`]) !== null)
    .map((c) => {
      const real = row[`${c}RealChange`];
      return [
        esc(indicatorLabel(c, src)),
        esc(fmtNum(row[`${c}Before`], 2)),
        esc(fmtNum(row[`${c}After`], 2)),
        esc(fmtNum(row[`${c}Change`], 2)),
        esc(range(row[`${c}ChangeLow`], row[`${c}ChangeHigh`], 2)),
        real === true
          ? '<strong>real change</strong>'
          : real === false
            ? '<span class="muted">within noise</span>'
            : '',
      ];
    });
  if (!rows.length) return '';
  return (
    `<h3>Change since the baseline</h3>` +
    table(['Indicator', 'Before', 'After', 'Change', '95% interval', ''], rows, [
      false,
      true,
      true,
      true,
      true,
      false,
    ])
  );
}

function egoMap(ctx: Context, id: string): string {
  const ego = new Set([id, ...(ctx.neighbours.get(id) ?? [])]);
  if (ego.size < 2) return '<p class="muted">No ties to draw.</p>';
  const nodes = ctx.mapNodes.filter((n) => ego.has(n.id)).map((n) => ({ ...n, focus: n.id === id }));
  const edges = ctx.mapEdges.filter((e) => ego.has(e.source) && ego.has(e.target));
  return figure(
    networkMap(nodes, edges, ctx.positions, { title: 'Their ego network', width: 380, labels: 'marked' }),
    'The person (outlined), everyone tied to them, and the ties among those.',
  );
}

function personSection(ctx: Context, card: Scorecard): string {
  const { src, cards } = ctx;
  const m = src.metrics.nodes[card.id];
  let out = `<section class="person" id="${slug(card.id)}">`;
  out += `<h2>${esc(card.name)}</h2><p class="meta">${[card.role, card.service]
    .filter(Boolean)
    .map((s) => `<span class="tag">${esc(s)}</span>`)
    .join('')} <span class="muted">id ${esc(card.id)}</span></p>`;
  out += `<div class="figures">`;
  out += `<div class="figure-box"><div class="value">${esc(fmtNum(card.index))}</div><div class="label">Index (0–100)${range(card.indexLow, card.indexHigh) ? `, 95% interval ${esc(range(card.indexLow, card.indexHigh))}` : ''}</div></div>`;
  out += `<div class="figure-box"><div class="value">${esc(rankText(card, cards.length))}</div><div class="label">Rank (1 = highest)</div></div>`;
  out += `<div class="figure-box"><div class="value">${esc(fmtNum(card.civilInDegree, 0))}</div><div class="label">civil-society actors named them${range(card.civilInDegreeLow, card.civilInDegreeHigh, 0) ? ` (${esc(range(card.civilInDegreeLow, card.civilInDegreeHigh, 0))})` : ''}</div></div>`;
  out += `</div>`;
  const overlap = overlapping(card, cards);
  if (overlap > 0)
    out += `<p class="muted">This index interval overlaps those of ${overlap} other public servant${overlap === 1 ? '' : 's'}: the data do not settle their order.</p>`;
  if (card.missingComponents)
    out += `<p class="note">Left out of this index (not counted as zero; the other weights were rescaled): ${esc(
      card.missingComponents
        .split(';')
        .filter(Boolean)
        .map((k) => COMPONENT_LABELS[k as keyof typeof COMPONENT_LABELS] ?? k)
        .join(', '),
    )}.</p>`;
  out += `<div class="two-col">`;
  out += figure(
    histogram(
      cards.map((c) => num(c.index)),
      { marker: num(card.index), width: 420, title: 'Where they stand' },
    ),
  );
  const parts = card.components ? COMPONENT_KEYS.map((k) => ({ key: k, part: card.components[k] })) : [];
  out += figure(
    barChart(
      parts.map(({ key, part }) => ({
        label: COMPONENT_LABELS[key],
        value: part && !part.missing ? part.normalised : null,
        note: part && !part.missing ? `weight ${fmtNum(part.weightUsed * 100, 0)}%` : 'missing',
      })),
      { title: 'Index breakdown (percentile within the area)', width: 460, labelWidth: 200 },
    ),
  );
  out += `</div>`;
  out += `<h3>Network</h3><div class="two-col"><div>`;
  out += table(
    ['Measure', 'Value'],
    NETWORK_FIGURES.map((f) => {
      const v = f.from === 'card' ? (card as unknown as Record<string, unknown>)[f.key] : get(m, f.key);
      const iv = card.intervals?.[f.key];
      return [
        esc(f.label),
        esc(fmtNum(v, f.digits)) +
          (iv ? ` <span class="muted">${esc(range(iv.low, iv.high, f.digits))}</span>` : ''),
      ];
    }).filter((r) => r[1] !== '–'),
    [false, true],
  );
  out += coverageBlock(src.coverage, true);
  out += `</div>${egoMap(ctx, card.id)}</div>`;
  const appraisal = appraisalBlock(src.appraisal?.people[card.id], src.appraisal);
  out += `<div class="two-col"><div><h3>360 appraisal</h3>${appraisal.chart}</div><div><h3>Resident satisfaction</h3>`;
  const sat = src.satisfaction;
  const serviceName = sat?.byPerson[card.id];
  const service = serviceName ? sat?.services.find((s) => s.service === serviceName) : undefined;
  if (sat && service) {
    out += figure(
      intervalPlot(
        satisfactionRows(service, sat).map((row, i) => {
          const key = sat.items[i]?.key;
          // The whole-area figure alongside, so a service is read against its context.
          return { ...row, reference: key ? (sat.area.items[key]?.pctAgree ?? null) : null };
        }),
        { title: `Residents of ${service.service} who agree`, width: 440, labelWidth: 150 },
      ),
      `${service.responses} residents answered about ${service.service}; Wilson 95% intervals, "don't know" left out. Grey diamonds mark the whole area.`,
    );
  } else out += `<p class="muted">No satisfaction answers for this person's service.</p>`;
  out += `</div></div>${appraisal.details}`;
  out += changeBlock(
    src.change?.find((r) => r.id === card.id),
    src,
  );
  return out + `</section>`;
}

function qualitySection(ctx: Context): string {
  const q = ctx.src.quality;
  let out = `<section class="chapter" id="quality"><h2>Data quality</h2>`;
  out += `<p>${q.rows.read} rows read, ${q.rows.accepted} accepted, ${q.rows.rejected} rejected.</p>`;
  const byCode = new Map<string, { severity: string; count: number; first: (typeof q.issues)[number] }>();
  for (const issue of q.issues) {
    const key = `${issue.severity}\u0000${issue.code}`;
    const entry = byCode.get(key);
    if (entry) entry.count++;
    else byCode.set(key, { severity: issue.severity, count: 1, first: issue });
  }
  if (byCode.size) {
    const order = { error: 0, warning: 1, info: 2 } as Record<string, number>;
    const entries = [...byCode.values()].sort(
      (a, b) => (order[a.severity] ?? 3) - (order[b.severity] ?? 3) || b.count - a.count,
    );
    out += table(
      ctx.includeNames
        ? ['Severity', 'Problem', 'Count', 'First seen', 'Example']
        : ['Severity', 'Problem', 'Count', 'First seen'],
      entries.map((e) => {
        const where = [
          e.first.file,
          e.first.row != null ? `row ${e.first.row}` : '',
          e.first.column ? `column ${e.first.column}` : '',
        ]
          .filter(Boolean)
          .join(', ');
        const row = [
          e.severity === 'error' ? `<span class="warn">error</span>` : esc(e.severity),
          `<code>${esc(e.first.code)}</code>`,
          String(e.count),
          esc(where),
        ];
        if (ctx.includeNames) row.push(esc(e.first.message));
        return row;
      }),
      [false, false, true, false, false],
    );
  } else out += `<p>No problems were found in the input.</p>`;
  if (q.unmatched.length) {
    const total = q.unmatched.reduce((s, u) => s + u.count, 0);
    out += `<p>${q.unmatched.length} names given in the survey (${total} mentions) matched nobody on the roster.`;
    out += ctx.includeNames
      ? `</p>` +
        table(
          ['Name as typed', 'Mentions', 'Closest roster names'],
          q.unmatched.map((u) => [
            esc(u.text),
            String(u.count),
            esc(u.suggestions.map((s) => s.name).join(', ')),
          ]),
          [false, true, false],
        )
      : ` They are listed in quality.json; this report leaves them out because they may name residents.</p>`;
  }
  if (!ctx.includeNames && q.issues.length)
    out += `<p class="muted">The messages behind each count are in quality.json.</p>`;
  return out + `</section>`;
}

/** Service-level averages: how many public servants each service has and their mean index. */
function serviceTable(cards: readonly Scorecard[]): string {
  const by = new Map<string, number[]>();
  const counts = new Map<string, number>();
  for (const c of cards) {
    const key = c.service ?? '(no service)';
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const v = num(c.index);
    if (v !== null) by.set(key, [...(by.get(key) ?? []), v]);
  }
  if (counts.size < 2) return '';
  const rows = [...counts.keys()]
    .map((service) => {
      const values = by.get(service) ?? [];
      const mean = values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
      return { service, n: counts.get(service)!, mean };
    })
    .sort((a, b) => (b.mean ?? -1) - (a.mean ?? -1) || a.service.localeCompare(b.service));
  return (
    `<h3>By service</h3>` +
    table(
      ['Service', 'Public servants', 'Mean index'],
      rows.map((r) => [esc(r.service), String(r.n), esc(fmtNum(r.mean))]),
      [false, true, true],
    )
  );
}

function typeCounts(actors: readonly Actor[]): string {
  const counts = new Map<string, number>();
  for (const a of actors) counts.set(a.type, (counts.get(a.type) ?? 0) + 1);
  // "1 group, 24 volunteers": every type label is a regular English noun.
  return [...counts.entries()]
    .map(([t, n]) => `${n} ${typeLabel(t).toLowerCase()}${n === 1 ? '' : 's'}`)
    .join(', ');
}

/**
 * Builds the report. Every piece of user text is escaped; charts are inline SVG; the document
 * carries a Content-Security-Policy that forbids scripts and any network request, so even a
 * hostile name in the input cannot run or fetch anything.
 */
export function buildReport(src: ReportSource, opts: ReportOptions = {}): string {
  const ctx = buildContext(src, opts);
  const title = opts.title ?? 'Civic Ties: relational capital report';
  const people = ctx.cards;
  const toc = [
    ['summary', 'Executive summary'],
    ['network', 'The network'],
    ['charts', 'Across the area'],
    ['methods', 'Methods'],
    ...people.map((c) => [slug(c.id), c.name] as [string, string]),
    ['quality', 'Data quality'],
  ];
  let html = '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">';
  html += `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`;
  html += '<meta name="viewport" content="width=device-width, initial-scale=1">';
  html += '<meta name="generator" content="Civic Ties">';
  html += `<title>${esc(title)}</title><style>${REPORT_CSS}</style></head><body>`;
  html += `<header><h1>${esc(title)}</h1><p class="meta">`;
  html += [
    opts.area ? esc(opts.area) : '',
    opts.generatedAt ? `Generated ${esc(opts.generatedAt)}` : '',
    esc(typeCounts(src.actors)),
  ]
    .filter(Boolean)
    .join(' · ');
  html += `</p></header>`;
  html += `<nav class="toc" aria-label="Contents"><h2>Contents</h2><ol>${toc.map(([id, label]) => `<li><a href="#${id}">${esc(label)}</a></li>`).join('')}</ol></nav>`;
  html += `<main>`;
  html += summarySection(ctx);
  html += networkSection(ctx);
  html += chartsSection(ctx);
  html += methodsSection(ctx);
  html += `<div id="people">${people.map((c) => personSection(ctx, c)).join('')}</div>`;
  html += qualitySection(ctx);
  html += `</main></body></html>\n`;
  return html;
}
