// The Map view: mounts the relationship map (src/ui/map) over a MapHost, loaded on demand so the
// map's heavier code stays out of the first paint. Shows a placeholder until data (or the map) exists.
import { clear, h } from '../dom';
import { createMapHost, type MapHost } from '../map-host';
import type { View, ViewFactory } from './view';

interface MapModule {
  mountMap(container: HTMLElement, host: MapHost): { destroy(): void; focusNode(id: string): void };
}

// A glob, not a plain import: the app still builds while the map component does not exist yet.
const mapModules = import.meta.glob<MapModule>('../map/index.ts');

export const mountMapView: ViewFactory = (container, store): View => {
  const host = createMapHost(store);
  const heading = h('h2', { text: 'Relationship map' });
  const intro = h('p', {
    class: 'muted',
    text: 'Who residents, volunteers and groups turn to. Public servants woven into the community sit among civil-society actors; isolated ones sit apart. Click a person to open their scorecard.',
  });
  const area = h('div', { class: 'map-container panel', 'data-testid': 'map-area' });
  container.append(heading, intro, area);
  let mounted: { destroy(): void; focusNode(id: string): void } | null = null;
  let destroyed = false;
  let loading = false;

  function placeholder(text: string): void {
    clear(area);
    area.appendChild(h('div', { class: 'map-placeholder muted' }, h('p', { text })));
  }

  function ensureMap(): void {
    if (mounted || loading || destroyed) return;
    const loader = mapModules['../map/index.ts'];
    if (!loader) {
      placeholder(
        'The relationship map is not part of this build yet. The People, Services and Report views show every figure.',
      );
      return;
    }
    if (!host.getData()) {
      placeholder('The map appears once the analysis has run.');
      return;
    }
    loading = true;
    placeholder('Loading the map…');
    loader()
      .then((mod) => {
        loading = false;
        if (destroyed) return;
        clear(area);
        mounted = mod.mountMap(area, host);
        const selected = host.getSelectedId();
        if (selected) mounted.focusNode(selected);
      })
      .catch((err: unknown) => {
        loading = false;
        placeholder(`The map could not be loaded: ${err instanceof Error ? err.message : String(err)}`);
      });
  }

  return {
    update: ensureMap,
    destroy() {
      destroyed = true;
      mounted?.destroy();
      mounted = null;
    },
  };
};
