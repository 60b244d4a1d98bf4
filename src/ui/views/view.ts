// What every view implements: mount once into a container, update from the store, clean up.
import type { Store } from '../store';

export interface View {
  /** Called on every store change while mounted; re-render only what changed. */
  update(): void;
  destroy(): void;
}

export type ViewFactory = (container: HTMLElement, store: Store) => View;
