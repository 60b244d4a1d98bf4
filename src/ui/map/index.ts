// The relationship map explorer: sigma 4 over a display graph built from the host's results,
// with layout, filters, ego view, wave comparison, search, keyboard navigation, table and exports.
import Sigma, { DEFAULT_STYLES } from 'sigma';
import { extremityArrow } from 'sigma/rendering';
import type { MapHost } from '../map-host';
import type { PipelineResult } from '../../core/pipeline';
import { h, clear, download } from '../dom';
import {
  buildDisplayGraph,
  displayLabel,
  metricNames,
  ANONYMOUS_TYPES,
  type MapGraph,
  type MapNodeAttributes,
  type MapEdgeAttributes,
} from './display-graph';
import { MapView, defaultViewState, type ViewState, type Wave } from './view-state';
import {
  COLOUR_BY_OPTIONS,
  EDGE_COLOURS,
  relationColour,
  MULTI_RELATION_COLOUR,
  type ColourBy,
} from './palettes';
import { LayoutRunner, applyPositions, readPositions } from './layout-runner';
// The same seeded start as the report's layout, so the app's map and the report look alike.
import { initialPositions } from '../../core/layout';
import { createSearch } from './search';
import { renderTable } from './table-view';
import { readScene, sceneToSvg, sceneToCanvas, canvasToPngBlob } from './export-view';
import { typeLabel } from '../../core/export/privacy';
import { metricByKey } from '../../core/metrics/registry';
import { buildNetwork } from '../../core/network/build';
import { toGexf, toGraphml } from '../../core/export/graph-formats';
import './map.css';

type MapSigma = Sigma<MapNodeAttributes, MapEdgeAttributes>;

export interface MapHandle {
  destroy(): void;
  focusNode(id: string): void;
}

export interface MapOptions {
  /** Run ForceAtlas2 when no saved layout covers the graph. Default true. */
  autoLayout?: boolean;
  /** Seed of the initial positions. Default 1. */
  seed?: number;
}

/** What a test or the bench can read from the page: sigma's own state, not our guesses. */
export interface MapDebug {
  renderer: MapSigma | null;
  graph: MapGraph | null;
  view: MapView | null;
  layout: LayoutRunner | null;
  renders: number;
  firstRenderAt: number | null;
  /** Milliseconds spent in each step of the last (re)build, for the benchmark. */
  timings: Record<string, number>;
  mountedAt: number;
}

declare global {
  interface Window {
    __civicMap?: MapDebug;
  }
}

const SAVED_VIEW_KEYS = ['colourBy', 'sizeBy', 'civilOnly', 'minDegree', 'labelDensity'] as const;
interface SavedView {
  colourBy?: ColourBy;
  sizeBy?: string;
  civilOnly?: boolean;
  minDegree?: number;
  labelDensity?: number;
}

function readSavedView(raw: unknown): SavedView {
  if (!raw || typeof raw !== 'object') return {};
  const r = raw as Record<string, unknown>;
  const out: SavedView = {};
  if (COLOUR_BY_OPTIONS.some((o) => o.value === r.colourBy)) out.colourBy = r.colourBy as ColourBy;
  if (typeof r.sizeBy === 'string') out.sizeBy = r.sizeBy;
  if (typeof r.civilOnly === 'boolean') out.civilOnly = r.civilOnly;
  if (typeof r.minDegree === 'number' && r.minDegree >= 0) out.minDegree = r.minDegree;
  if (typeof r.labelDensity === 'number' && r.labelDensity > 0) out.labelDensity = r.labelDensity;
  return out;
}

export function mountMap(container: HTMLElement, host: MapHost, options: MapOptions = {}): MapHandle {
  const debug: MapDebug = {
    renderer: null,
    graph: null,
    view: null,
    layout: null,
    renders: 0,
    firstRenderAt: null,
    timings: {},
    mountedAt: performance.now(),
  };
  window.__civicMap = debug;

  const root = h('div', { class: 'ct-map' });
  container.appendChild(root);

  // --- static skeleton -------------------------------------------------------------------
  const toolbar = h('div', { class: 'ct-map-toolbar', role: 'toolbar', 'aria-label': 'Map tools' });
  const side = h('div', { class: 'ct-map-side' });
  const stageWrap = h('div', { class: 'ct-map-stage-wrap' });
  const stage = h('div', {
    class: 'ct-map-stage',
    tabindex: '0',
    role: 'application',
    'aria-roledescription': 'network map',
    'aria-label':
      'Relationship map. Arrow keys move between connected people, Enter opens a scorecard, Home goes to the most connected person. A table of the same data follows the map.',
    'aria-describedby': '',
  });
  const tooltip = h('div', { class: 'ct-map-tooltip', role: 'tooltip' });
  tooltip.hidden = true;
  const live = h('div', { class: 'ct-map-sr', role: 'status', 'aria-live': 'polite' });
  const empty = h(
    'p',
    { class: 'ct-map-empty' },
    'No network yet: import survey data or open the demo to see the map.',
  );
  stageWrap.append(stage, tooltip);
  const tableSection = h('section', { class: 'ct-map-table-wrap', 'aria-label': 'Map as a table' });
  const tableToggle = h(
    'button',
    { type: 'button', class: 'ct-map-btn', 'aria-expanded': 'false', 'aria-controls': 'ct-map-table-body' },
    'Show the map as a table',
  );
  const tableBody = h('div', { id: 'ct-map-table-body' });
  tableBody.hidden = true;
  tableSection.append(tableToggle, tableBody);
  const main = h('div', { class: 'ct-map-main' }, stageWrap, side);
  root.append(toolbar, main, tableSection, live, empty);

  let renderer: MapSigma | null = null;
  let graph: MapGraph | null = null;
  let view: MapView | null = null;
  let layout: LayoutRunner | null = null;
  let data: { result: PipelineResult; baseline: PipelineResult | null } | null = null;
  let includeNames = false;
  let labelDensity = 1;
  const saved = readSavedView(host.getSavedView());
  if (saved.labelDensity) labelDensity = saved.labelDensity;
  // Keyboard navigation: the node we stand on and the list of neighbours we cycle through.
  let anchor: string | null = null;
  let ring: string[] = [];
  let ringIndex = -1;
  const trail: string[] = [];

  const say = (msg: string): void => {
    live.textContent = msg;
  };

  // --- controls ----------------------------------------------------------------------------
  const search = createSearch((id) => focusNode(id));
  const layoutBtn = h('button', { type: 'button', class: 'ct-map-btn' }, 'Run layout');
  const resetBtn = h('button', { type: 'button', class: 'ct-map-btn' }, 'Reset layout');
  const progress = h('progress', {
    class: 'ct-map-progress',
    max: '1',
    value: '0',
    'aria-label': 'Layout progress',
  });
  const progressText = h('span', { class: 'ct-map-progress-text' }, '');
  const fitBtn = h('button', { type: 'button', class: 'ct-map-btn' }, 'Fit');
  // The short format name on screen, under "Export"; read out alone it says nothing of what it does.
  const exportBtn = (format: string): HTMLButtonElement =>
    h('button', { type: 'button', class: 'ct-map-btn', 'aria-label': `Export the map as ${format}` }, format);
  const pngBtn = exportBtn('PNG');
  const svgBtn = exportBtn('SVG');
  const gexfBtn = exportBtn('GEXF');
  const graphmlBtn = exportBtn('GraphML');
  const exportGroup = h(
    'div',
    { class: 'ct-map-group', role: 'group', 'aria-label': 'Export' },
    h('span', { class: 'ct-map-label' }, 'Export'),
    pngBtn,
    svgBtn,
    gexfBtn,
    graphmlBtn,
  );
  toolbar.append(
    search.element,
    h('div', { class: 'ct-map-group' }, layoutBtn, resetBtn, progress, progressText),
    fitBtn,
    exportGroup,
  );

  const field = (labelText: string, control: HTMLElement, id: string): HTMLElement => {
    control.id = id;
    return h(
      'div',
      { class: 'ct-map-field' },
      h('label', { for: id, class: 'ct-map-label' }, labelText),
      control,
    );
  };
  const colourSel = h('select', {});
  for (const o of COLOUR_BY_OPTIONS) colourSel.appendChild(h('option', { value: o.value }, o.label));
  const sizeSel = h('select', {});
  const densityInput = h('input', {
    type: 'range',
    min: '0.1',
    max: '4',
    step: '0.1',
    value: String(labelDensity),
  });
  const namesBox = h('input', { type: 'checkbox' });
  const relationsBox = h('fieldset', { class: 'ct-map-fieldset' });
  const sectorsBox = h('fieldset', { class: 'ct-map-fieldset' });
  const serviceSel = h('select', {});
  const communitySel = h('select', {});
  const minDegInput = h('input', { type: 'number', min: '0', step: '1', value: '0', inputmode: 'numeric' });
  const civilBox = h('input', { type: 'checkbox' });
  const waveBox = h('fieldset', { class: 'ct-map-fieldset' });
  const egoSteps = h(
    'select',
    {},
    h('option', { value: '1' }, '1 step'),
    h('option', { value: '2' }, '2 steps'),
  );
  const egoBtn = h('button', { type: 'button', class: 'ct-map-btn' }, 'Ego view of selected');
  const egoClear = h('button', { type: 'button', class: 'ct-map-btn' }, 'Whole network');
  const egoInfo = h('div', { class: 'ct-map-ego-info', 'aria-live': 'polite' });
  const legend = h('ul', { class: 'ct-map-legend', 'aria-label': 'Colour legend' });
  const edgeLegend = h('ul', { class: 'ct-map-legend', 'aria-label': 'Tie colours' });

  side.append(
    h('h3', { class: 'ct-map-h' }, 'Appearance'),
    field('Colour by', colourSel, 'ct-map-colour'),
    legend,
    field('Size by', sizeSel, 'ct-map-size'),
    field('Label density', densityInput, 'ct-map-density'),
    h(
      'div',
      { class: 'ct-map-check' },
      namesBox,
      h('label', { for: 'ct-map-names' }, "Show residents' names (personal data)"),
    ),
    h('h3', { class: 'ct-map-h' }, 'Ties'),
    relationsBox,
    edgeLegend,
    h(
      'div',
      { class: 'ct-map-check' },
      civilBox,
      h('label', { for: 'ct-map-civil' }, 'Civil-society view (hide public-to-public ties)'),
    ),
    waveBox,
    h('h3', { class: 'ct-map-h' }, 'Filter people'),
    sectorsBox,
    field('Service', serviceSel, 'ct-map-service'),
    field('Community', communitySel, 'ct-map-community'),
    field('Minimum ties', minDegInput, 'ct-map-mindeg'),
    h('h3', { class: 'ct-map-h' }, 'Ego view'),
    h('div', { class: 'ct-map-row' }, field('Steps', egoSteps, 'ct-map-ego-steps'), egoBtn, egoClear),
    egoInfo,
  );
  namesBox.id = 'ct-map-names';
  civilBox.id = 'ct-map-civil';

  // --- rendering helpers -----------------------------------------------------------------
  const refresh = (): void => {
    renderer?.refresh({ skipIndexation: false });
    if (!tableBody.hidden && view) renderTable(tableBody, view, openPerson);
  };
  const persistView = (): void => {
    if (!view) return;
    const s = view.state;
    const out: Record<string, unknown> = {
      colourBy: s.colourBy,
      sizeBy: s.sizeBy,
      civilOnly: s.civilOnly,
      minDegree: s.minDegree,
      labelDensity,
    };
    host.saveView(Object.fromEntries(SAVED_VIEW_KEYS.map((k) => [k, out[k]])));
  };
  const changed = (recompute = true): void => {
    if (!view) return;
    if (recompute) view.recompute();
    refresh();
    renderEgoInfo();
    persistView();
  };

  function renderLegend(): void {
    clear(legend);
    if (!view) return;
    for (const e of view.colours.legend) {
      legend.appendChild(
        h(
          'li',
          {},
          h('span', { class: 'ct-map-swatch', style: `background:${e.colour}`, 'aria-hidden': 'true' }),
          `${e.label} (${e.count})`,
        ),
      );
    }
    clear(edgeLegend);
    const entries: [string, string][] =
      view.state.wave === 'change'
        ? [
            ['Tie gained', EDGE_COLOURS.gained],
            ['Tie lost', EDGE_COLOURS.lost],
            ['Tie in both waves', EDGE_COLOURS.kept],
          ]
        : [
            ...[...view.state.relations].map((r): [string, string] => [r, relationColour(r)]),
            ['Several tie types', MULTI_RELATION_COLOUR],
          ];
    for (const [label, colour] of entries)
      edgeLegend.appendChild(
        h(
          'li',
          {},
          h('span', {
            class: 'ct-map-swatch ct-map-swatch-line',
            style: `background:${colour}`,
            'aria-hidden': 'true',
          }),
          label,
        ),
      );
  }

  function renderEgoInfo(): void {
    clear(egoInfo);
    const summary = view?.egoSummary;
    if (!view || !graph || !summary) return;
    const name = graph.getNodeAttribute(summary.id, 'label');
    egoInfo.appendChild(
      h(
        'p',
        {},
        `Ego view of ${name}: ${summary.nodes - 1} people within ${view.state.ego?.steps ?? 1} step(s).`,
      ),
    );
    const ul = h('ul', {});
    for (const r of summary.namedBy) {
      ul.appendChild(
        h(
          'li',
          { 'data-relation': r.relation, 'data-withheld': r.withheld ? 'true' : 'false' },
          r.withheld
            ? `${r.relation}: named by ${r.count} (fewer than 3, so who is not shown)`
            : `${r.relation}: named by ${r.count}`,
        ),
      );
    }
    egoInfo.appendChild(ul);
  }

  function fillControls(): void {
    if (!view || !graph || !data) return;
    const s = view.state;
    colourSel.value = s.colourBy;
    clear(sizeSel);
    sizeSel.appendChild(h('option', { value: '' }, 'Same size'));
    const metrics = metricNames(graph);
    if (!metrics.includes('degree'))
      sizeSel.appendChild(h('option', { value: 'degree' }, 'degree (ties shown)'));
    // Shown by the registry's plain label ("Civil-society reach"); the value stays the metric key,
    // which saved views use.
    const labelled = metrics.map((m) => ({ m, label: metricByKey(m, 'node')?.label ?? m }));
    labelled.sort((a, b) => a.label.localeCompare(b.label));
    for (const { m, label } of labelled) sizeSel.appendChild(h('option', { value: m }, label));
    sizeSel.value = s.sizeBy;

    clear(relationsBox);
    relationsBox.appendChild(h('legend', {}, 'Tie types'));
    const relations = [...new Set([...data.result.relations, ...(data.baseline?.relations ?? [])])].sort();
    for (const r of relations) {
      const id = `ct-map-rel-${r.replace(/[^a-z0-9_-]/gi, '_')}`;
      const box = h('input', { type: 'checkbox', id, value: r, 'data-relation': r });
      box.checked = s.relations.has(r);
      box.addEventListener('change', () => {
        if (box.checked) s.relations.add(r);
        else s.relations.delete(r);
        renderLegend();
        changed();
      });
      relationsBox.appendChild(h('div', { class: 'ct-map-check' }, box, h('label', { for: id }, r)));
    }

    clear(sectorsBox);
    sectorsBox.appendChild(h('legend', {}, 'Sectors'));
    const sectors = new Set<string>();
    const services = new Set<string>();
    const communities = new Set<number>();
    graph.forEachNode((_n, a) => {
      if (a.sector) sectors.add(a.sector);
      if (a.service) services.add(a.service);
      if (a.community !== null) communities.add(a.community);
    });
    for (const sec of [...sectors].sort()) {
      const id = `ct-map-sector-${sec.replace(/[^a-z0-9_-]/gi, '_')}`;
      const box = h('input', { type: 'checkbox', id, 'data-sector': sec });
      box.checked = !s.hiddenSectors.has(sec);
      box.addEventListener('change', () => {
        if (box.checked) s.hiddenSectors.delete(sec);
        else s.hiddenSectors.add(sec);
        changed();
      });
      sectorsBox.appendChild(h('div', { class: 'ct-map-check' }, box, h('label', { for: id }, sec)));
    }
    clear(serviceSel);
    serviceSel.appendChild(h('option', { value: '' }, 'All services'));
    for (const sv of [...services].sort()) serviceSel.appendChild(h('option', { value: sv }, sv));
    serviceSel.value = s.service;
    clear(communitySel);
    communitySel.appendChild(h('option', { value: '' }, 'All communities'));
    for (const c of [...communities].sort((a, b) => a - b))
      communitySel.appendChild(h('option', { value: String(c) }, `Community ${c}`));
    communitySel.value = s.community === null ? '' : String(s.community);
    minDegInput.value = String(s.minDegree);
    civilBox.checked = s.civilOnly;

    clear(waveBox);
    waveBox.appendChild(h('legend', {}, 'Wave'));
    const waves: [Wave, string][] = [
      ['current', 'Current'],
      ['baseline', 'Baseline'],
      ['change', 'Change (gained / lost)'],
    ];
    for (const [w, label] of waves) {
      const id = `ct-map-wave-${w}`;
      const radio = h('input', { type: 'radio', name: 'ct-map-wave', id, value: w });
      radio.checked = s.wave === w;
      radio.disabled = w !== 'current' && !data.baseline;
      radio.addEventListener('change', () => {
        if (!radio.checked || !view) return;
        view.state.wave = w;
        renderLegend();
        changed();
        say(`Showing ${label.toLowerCase()} ties.`);
      });
      waveBox.appendChild(h('div', { class: 'ct-map-check' }, radio, h('label', { for: id }, label)));
    }
    if (!data.baseline)
      waveBox.appendChild(h('p', { class: 'ct-map-hint' }, 'Load a baseline wave to compare.'));

    search.setItems(
      graph
        .filterNodes((_n, a) => a.inCurrent || a.inBaseline)
        .map((id) => {
          const a = graph!.getNodeAttributes(id);
          const detail = ANONYMOUS_TYPES.has(a.type)
            ? typeLabel(a.type)
            : [typeLabel(a.type), a.role, a.service].filter(Boolean).join(' · ');
          return { id, label: a.label, detail };
        }),
    );
    gexfBtn.disabled = false;
    graphmlBtn.disabled = false;
    renderLegend();
    renderEgoInfo();
  }

  // --- tooltip -------------------------------------------------------------------------------
  function showTooltip(node: string, x: number, y: number): void {
    if (!graph || !view) return;
    const a = graph.getNodeAttributes(node);
    clear(tooltip);
    tooltip.appendChild(h('strong', {}, a.label));
    // Residents and service users: type and pseudonym only, nothing that could identify them.
    const lines = ANONYMOUS_TYPES.has(a.type)
      ? [typeLabel(a.type)]
      : [typeLabel(a.type), a.role, a.service, a.sector ? `Sector: ${a.sector}` : ''].filter(Boolean);
    lines.push(`${view.degree(node)} ties shown`);
    for (const line of lines) tooltip.appendChild(h('div', {}, line as string));
    tooltip.hidden = false;
    tooltip.style.left = `${Math.round(x + 14)}px`;
    tooltip.style.top = `${Math.round(y + 14)}px`;
  }

  // --- keyboard navigation -------------------------------------------------------------------
  function describe(id: string): string {
    if (!graph || !view) return '';
    const a = graph.getNodeAttributes(id);
    const kind = ANONYMOUS_TYPES.has(a.type)
      ? typeLabel(a.type)
      : [typeLabel(a.type), a.role, a.service].filter(Boolean).join(', ');
    return `${a.label}, ${kind}, ${view.degree(id)} ties.`;
  }
  function setFocus(id: string | null, fly = true): void {
    if (!view || !renderer || !graph) return;
    view.state.focused = id;
    refresh();
    if (id && fly) flyTo(id);
  }
  function flyTo(id: string): void {
    if (!renderer || !graph || !graph.hasNode(id)) return;
    const a = graph.getNodeAttributes(id);
    const p = renderer.graphToFramedGraph({ x: a.x, y: a.y });
    const camera = renderer.getCamera();
    void camera.animate({ x: p.x, y: p.y, ratio: Math.min(camera.ratio, 0.5) }, { duration: 400 });
  }
  function mostConnected(): string | null {
    if (!view) return null;
    let best: string | null = null;
    let bestDeg = -1;
    for (const id of view.visibleNodeIds()) {
      const d = view.degree(id);
      if (d > bestDeg) {
        best = id;
        bestDeg = d;
      }
    }
    return best;
  }
  function onStageKey(ev: KeyboardEvent): void {
    if (!view || !graph) return;
    const current = view.state.focused;
    const key = ev.key;
    if (
      key === 'Home' ||
      (!current && ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'Enter'].includes(key))
    ) {
      ev.preventDefault();
      const start =
        view.state.selected && view.isNodeVisible(view.state.selected)
          ? view.state.selected
          : mostConnected();
      if (!start) return say('No one is shown with these filters.');
      anchor = null;
      ring = [];
      ringIndex = -1;
      trail.length = 0;
      setFocus(start);
      const n = view.visibleNeighbours(start).length;
      return say(`${describe(start)} ${n} connected people: press Down to step to them.`);
    }
    if (!current) return;
    if (key === 'ArrowDown') {
      // Step in: the current person becomes the anchor, cycle through their connections.
      ev.preventDefault();
      const neighbours = view.visibleNeighbours(current).sort((a, b) => view!.degree(b) - view!.degree(a));
      if (!neighbours.length) return say(`${describe(current)} No connections shown.`);
      if (anchor) trail.push(anchor);
      anchor = current;
      ring = neighbours;
      ringIndex = 0;
      setFocus(ring[0]!);
      return say(
        `${describe(ring[0]!)} Connection 1 of ${ring.length} of ${graph.getNodeAttribute(anchor, 'label')}.`,
      );
    }
    if (key === 'ArrowRight' || key === 'ArrowLeft') {
      ev.preventDefault();
      if (!anchor || !ring.length)
        return say(`${describe(current)} Press Down to move through their connections.`);
      ringIndex = (ringIndex + (key === 'ArrowRight' ? 1 : ring.length - 1)) % ring.length;
      setFocus(ring[ringIndex]!);
      return say(
        `${describe(ring[ringIndex]!)} Connection ${ringIndex + 1} of ${ring.length} of ${graph.getNodeAttribute(anchor, 'label')}.`,
      );
    }
    if (key === 'ArrowUp') {
      ev.preventDefault();
      if (!anchor) return say(`${describe(current)}`);
      const back = anchor;
      anchor = trail.pop() ?? null;
      ring = anchor ? view.visibleNeighbours(anchor).sort((a, b) => view!.degree(b) - view!.degree(a)) : [];
      ringIndex = ring.indexOf(back);
      setFocus(back);
      return say(`Back to ${describe(back)}`);
    }
    if (key === 'Enter' || key === ' ') {
      ev.preventDefault();
      openPerson(current);
      return;
    }
    if (key === 'Escape') {
      anchor = null;
      ring = [];
      trail.length = 0;
      setFocus(null, false);
      say('Left the map cursor.');
    }
  }
  stage.addEventListener('keydown', onStageKey);

  function openPerson(id: string): void {
    if (view) view.state.selected = id;
    refresh();
    host.selectPerson(id);
  }

  // --- the layout ------------------------------------------------------------------------
  function startLayout(): void {
    if (!graph || !view) return;
    layout?.kill();
    const g = graph;
    const v = view;
    layout = new LayoutRunner(g, {
      radiusOf: (node) => {
        // Screen-pixel radius to graph units at the current zoom, so noverlap matches the drawing.
        if (!renderer) return 2;
        const ratio = renderer.getGraphToViewportRatio();
        return renderer.scaleSize(v.nodeSize(node)) / Math.max(1e-6, ratio);
      },
      onProgress: (p) => {
        progress.value = p.phase === 'noverlap' ? 1 : p.iteration / p.total;
        progressText.textContent =
          p.phase === 'noverlap'
            ? 'Separating overlaps…'
            : `Layout ${Math.round((100 * p.iteration) / p.total)}%`;
        layoutBtn.textContent = 'Stop layout';
        root.dataset.layout = p.phase;
      },
      onDone: (p) => {
        progress.value = 1;
        progressText.textContent = p.phase === 'stopped' ? 'Layout stopped' : 'Layout done';
        layoutBtn.textContent = 'Run layout';
        root.dataset.layout = p.phase;
        host.saveLayout(readPositions(g));
        say(progressText.textContent);
      },
    });
    debug.layout = layout;
    layout.start();
  }
  layoutBtn.addEventListener('click', () => {
    if (layout?.running) layout.stop();
    else startLayout();
  });
  resetBtn.addEventListener('click', () => {
    if (!graph) return;
    layout?.kill();
    applyPositions(graph, initialPositions(graph, options.seed ?? 1));
    startLayout();
  });
  fitBtn.addEventListener(
    'click',
    () => void renderer?.getCamera().animate({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }, { duration: 300 }),
  );

  // --- exports -----------------------------------------------------------------------------
  const exportTitle = (): string => {
    const s = view?.state;
    const parts = ['Civic Ties relationship map'];
    if (s?.wave && s.wave !== 'current') parts.push(`(${s.wave})`);
    if (s?.ego && graph) parts.push(`ego view of ${graph.getNodeAttribute(s.ego.id, 'label')}`);
    return parts.join(' ');
  };
  svgBtn.addEventListener('click', () => {
    if (!renderer || !graph || !view) return;
    const svg = sceneToSvg(readScene(renderer, graph, view.colours.legend, exportTitle()));
    download('civic-ties-map.svg', svg, 'image/svg+xml');
    say('SVG of the current view saved.');
  });
  pngBtn.addEventListener('click', () => {
    if (!renderer || !graph || !view) return;
    const canvas = sceneToCanvas(readScene(renderer, graph, view.colours.legend, exportTitle()));
    void canvasToPngBlob(canvas).then((blob) => {
      download('civic-ties-map.png', blob);
      say('PNG of the current view saved.');
    });
  });
  const graphExport = (kind: 'gexf' | 'graphml'): void => {
    if (!data || !graph) return;
    const wave = view?.state.wave === 'baseline' && data.baseline ? data.baseline : data.result;
    // Residents and service users leave as type + pseudonym even when on the roster, with no
    // free attributes, unless names were explicitly asked for.
    const actors = includeNames
      ? wave.actors
      : wave.actors.map((a) =>
          ANONYMOUS_TYPES.has(a.type) ? { ...a, label: displayLabel(a, false), attrs: {} } : a,
        );
    const net = buildNetwork(actors, wave.ties);
    const opts = { includeNames, positions: readPositions(graph), layers: net.layers };
    const nodeMetrics = (wave.metrics?.nodes ?? {}) as unknown as Record<string, Record<string, unknown>>;
    const text =
      kind === 'gexf' ? toGexf(net.union, nodeMetrics, opts) : toGraphml(net.union, nodeMetrics, opts);
    download(`civic-ties-network.${kind}`, text, 'application/xml');
    say(`${kind.toUpperCase()} of the whole network saved, every metric as a node attribute.`);
  };
  gexfBtn.addEventListener('click', () => graphExport('gexf'));
  graphmlBtn.addEventListener('click', () => graphExport('graphml'));

  // --- control events ------------------------------------------------------------------------
  colourSel.addEventListener('change', () => {
    if (!view) return;
    view.setColourBy(colourSel.value as ColourBy);
    renderLegend();
    changed(false);
  });
  sizeSel.addEventListener('change', () => {
    if (!view) return;
    view.state.sizeBy = sizeSel.value;
    changed();
  });
  densityInput.addEventListener('input', () => {
    labelDensity = Number(densityInput.value) || 1;
    renderer?.setSetting('labelDensity', labelDensity);
    persistView();
  });
  namesBox.addEventListener('change', () => {
    includeNames = namesBox.checked;
    say(
      includeNames
        ? "Residents' names are shown: this map now carries personal data."
        : 'Residents are shown by type and pseudonym.',
    );
    rebuild(true);
  });
  serviceSel.addEventListener('change', () => {
    if (!view) return;
    view.state.service = serviceSel.value;
    changed();
  });
  communitySel.addEventListener('change', () => {
    if (!view) return;
    view.state.community = communitySel.value === '' ? null : Number(communitySel.value);
    changed();
  });
  minDegInput.addEventListener('change', () => {
    if (!view) return;
    view.state.minDegree = Math.max(0, Math.floor(Number(minDegInput.value) || 0));
    changed();
  });
  civilBox.addEventListener('change', () => {
    if (!view) return;
    view.state.civilOnly = civilBox.checked;
    changed();
  });
  egoBtn.addEventListener('click', () => {
    if (!view) return;
    const id = view.state.selected ?? view.state.focused ?? host.getSelectedId();
    if (!id || !graph?.hasNode(id)) return say('Select a person first (click them, or search).');
    view.state.ego = { id, steps: egoSteps.value === '2' ? 2 : 1 };
    changed();
    say(egoInfo.textContent ?? '');
  });
  egoSteps.addEventListener('change', () => {
    if (!view?.state.ego) return;
    view.state.ego.steps = egoSteps.value === '2' ? 2 : 1;
    changed();
  });
  egoClear.addEventListener('click', () => {
    if (!view) return;
    view.state.ego = null;
    changed();
    say('Showing the whole network.');
  });
  tableToggle.addEventListener('click', () => {
    tableBody.hidden = !tableBody.hidden;
    tableToggle.setAttribute('aria-expanded', tableBody.hidden ? 'false' : 'true');
    tableToggle.textContent = tableBody.hidden ? 'Show the map as a table' : 'Hide the table';
    if (!tableBody.hidden && view) renderTable(tableBody, view, openPerson);
  });

  // --- (re)building from the host's data -----------------------------------------------------
  function rebuild(keepState: boolean): void {
    const next = host.getData();
    const prevState: ViewState | null = keepState && view ? view.state : null;
    // New data mid-layout (e.g. the full result after the quick pass): the positions are not final.
    const interrupted = layout?.running === true;
    layout?.kill();
    layout = null;
    debug.layout = null;
    renderer?.kill();
    renderer = null;
    data = next;
    empty.hidden = !!next;
    main.hidden = !next;
    if (!next) {
      graph = null;
      view = null;
      Object.assign(debug, { renderer: null, graph: null, view: null });
      return;
    }
    const oldPositions = graph ? readPositions(graph) : null;
    let t0 = performance.now();
    const lap = (name: string): void => {
      const now = performance.now();
      debug.timings[name] = now - t0;
      t0 = now;
    };
    graph = buildDisplayGraph(next.result, next.baseline, { includeNames });
    lap('displayGraph');
    const relations = [...new Set([...next.result.relations, ...(next.baseline?.relations ?? [])])].sort();
    const state = prevState ?? defaultViewState(relations);
    if (!prevState) {
      if (saved.colourBy) state.colourBy = saved.colourBy;
      if (saved.sizeBy !== undefined) state.sizeBy = saved.sizeBy;
      if (saved.civilOnly !== undefined) state.civilOnly = saved.civilOnly;
      if (saved.minDegree !== undefined) state.minDegree = saved.minDegree;
    }
    if (state.wave !== 'current' && !next.baseline) state.wave = 'current';
    state.selected = host.getSelectedId();

    // Positions: saved layout, else the positions we had, else seeded; new nodes seeded.
    const seeded = initialPositions(graph, options.seed ?? 1);
    applyPositions(graph, seeded);
    // An interrupted layout resumes from where it was, not from an older saved one.
    const savedLayout = interrupted ? oldPositions : (host.getSavedLayout() ?? oldPositions);
    const placed = savedLayout ? applyPositions(graph, savedLayout) : 0;
    const needsLayout = interrupted || placed < graph.order * 0.9;

    lap('positions');
    view = new MapView(graph, state);
    lap('viewState');
    const v = view;
    const large = graph.size > 20_000 || graph.order > 5000;
    const r: MapSigma = new Sigma<MapNodeAttributes, MapEdgeAttributes>(graph, stage, {
      primitives: { edges: { extremities: [extremityArrow()] } },
      styles: { nodes: DEFAULT_STYLES.nodes, edges: [DEFAULT_STYLES.edges, { head: 'arrow' }] },
      nodeReducer: (k, d, a) => v.nodeReducer(k, d, a),
      edgeReducer: (k, d, a) => v.edgeReducer(k, d, a),
      settings: {
        hideEdgesOnMove: large,
        hideLabelsOnMove: large,
        labelDensity,
        labelRenderedSizeThreshold: large ? 8 : 4,
        enableEdgeEvents: false,
        renderEdgeLabels: false,
        gestureTarget: 'graph',
        stagePadding: 24,
      },
    });
    renderer = r;
    lap('sigma');
    const rendered = (): void => {
      debug.renders++;
      if (debug.firstRenderAt === null) debug.firstRenderAt = performance.now();
      root.dataset.rendered = 'true';
    };
    // sigma renders once inside its constructor, before any listener can be attached.
    rendered();
    r.on('afterRender', rendered);
    const hoverTo = (node: string | null): void => {
      const prev = v.state.hovered;
      v.setHovered(node);
      if (v.fadeOnHover) r.refresh({ skipIndexation: true });
      else r.refresh({ partialGraph: v.hoverFootprint([prev, node]), skipIndexation: true });
    };
    r.on('enterNode', ({ node, event }) => {
      hoverTo(node);
      showTooltip(node, event.x, event.y);
    });
    r.on('leaveNode', () => {
      tooltip.hidden = true;
      hoverTo(null);
    });
    r.on('clickNode', ({ node }) => {
      v.state.focused = node;
      openPerson(node);
    });
    Object.assign(debug, { renderer: r, graph, view: v });
    fillControls();
    lap('controls');
    if (needsLayout && options.autoLayout !== false) startLayout();
    else {
      // The killed runner reports nothing: reset what its progress left on the toolbar.
      progress.value = 0;
      progressText.textContent = '';
      layoutBtn.textContent = 'Run layout';
      root.dataset.layout = 'saved';
    }
  }

  function focusNode(id: string): void {
    if (!graph || !view || !graph.hasNode(id)) return;
    setFocus(id);
    say(describe(id));
  }

  rebuild(false);
  const unsubscribe = host.subscribe(() => {
    const next = host.getData();
    if (next !== data) {
      rebuild(true);
      return;
    }
    if (view) {
      view.state.selected = host.getSelectedId();
      refresh();
    }
  });

  return {
    focusNode,
    destroy() {
      unsubscribe();
      layout?.kill();
      renderer?.kill();
      root.remove();
      if (window.__civicMap === debug) delete window.__civicMap;
    },
  };
}
