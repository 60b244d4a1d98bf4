// Mounts the map on a synthetic network with a fake MapHost, for browser tests and the benchmark.
// URL parameters: n (nodes), m (edges), baseline=1, layout=0 (no auto layout), saved=1 (reuse the
// layout kept in sessionStorage, as a reopened project would).
import { mountMap } from '../../src/ui/map';
import type { MapHost } from '../../src/ui/map-host';
import { syntheticResult } from './synthetic';

const params = new URLSearchParams(location.search);
const n = Number(params.get('n') ?? 150);
const m = Number(params.get('m') ?? Math.round(n * 3));
const t0 = performance.now();
const data = syntheticResult({ nodes: n, edges: m, baseline: params.get('baseline') === '1' });
const buildMs = performance.now() - t0;

const log: { selected: string[]; savedLayouts: number; savedViews: unknown[] } = {
  selected: [],
  savedLayouts: 0,
  savedViews: [],
};
const listeners = new Set<() => void>();
let selectedId: string | null = null;
const LAYOUT_KEY = 'ct-map-harness-layout';

const host: MapHost = {
  getData: () => data,
  subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  getSelectedId: () => selectedId,
  selectPerson(id) {
    selectedId = id;
    log.selected.push(id);
    listeners.forEach((l) => l());
  },
  getSavedLayout() {
    if (params.get('saved') !== '1') return null;
    const raw = sessionStorage.getItem(LAYOUT_KEY);
    return raw ? (JSON.parse(raw) as Record<string, { x: number; y: number }>) : null;
  },
  saveLayout(positions) {
    log.savedLayouts++;
    sessionStorage.setItem(LAYOUT_KEY, JSON.stringify(positions));
  },
  getSavedView: () => null,
  saveView(view) {
    log.savedViews.push(view);
  },
};

const container = document.getElementById('map')!;
const handle = mountMap(container, host, { autoLayout: params.get('layout') !== '0' });
Object.assign(window, { __harness: { log, handle, buildMs, host } });
