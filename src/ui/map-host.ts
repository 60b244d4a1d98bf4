// The contract between the app and the relationship map (src/ui/map): what the map may read and
// ask for. The map never owns data; it renders what the host gives and sends intents back.
import type { PipelineResult } from '../core/pipeline';
import type { Store } from './store';

export interface MapHost {
  getData(): { result: PipelineResult; baseline: PipelineResult | null } | null;
  subscribe(listener: () => void): () => void; // called when data/selection changes
  getSelectedId(): string | null;
  selectPerson(id: string): void; // you open that person's scorecard
  getSavedLayout(): Record<string, { x: number; y: number }> | null;
  saveLayout(positions: Record<string, { x: number; y: number }>): void; // you persist it in the project
  getSavedView(): unknown;
  saveView(view: unknown): void;
}

/** MapHost over the app store; listeners hear only about data and selection changes. */
export function createMapHost(store: Store): MapHost {
  let cached: { result: PipelineResult; baseline: PipelineResult | null } | null = null;
  return {
    getData() {
      const { result, baseline } = store.getState();
      if (!result) return null;
      // Same object while the data is unchanged, so the map can compare by identity.
      if (!cached || cached.result !== result || cached.baseline !== baseline) cached = { result, baseline };
      return cached;
    },
    subscribe(listener) {
      let { result, baseline, selectedId } = store.getState();
      return store.subscribe(() => {
        const s = store.getState();
        if (s.result === result && s.baseline === baseline && s.selectedId === selectedId) return;
        ({ result, baseline, selectedId } = s);
        listener();
      });
    },
    getSelectedId: () => store.getState().selectedId,
    selectPerson: (id) => store.selectPerson(id),
    getSavedLayout: () => store.getState().project.layout,
    saveLayout: (positions) => store.saveLayout(positions),
    getSavedView: () => store.getState().project.view,
    saveView: (view) => store.saveView(view),
  };
}
