// Public surface of layout: seeded starting positions and the synchronous FA2 + Noverlap layout.
export { initialPositions, computeLayout, fitToExtent, LAYOUT_EXTENT } from './layout';
export type { Point, Positions, LayoutOptions } from './layout';
export { mulberry32, seededFor, hashString } from '../random';
