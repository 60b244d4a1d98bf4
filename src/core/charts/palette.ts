// Colour-blind-safe palettes shared by the charts, the report, the GEXF export and the app's map.
// Okabe & Ito (2008) for sectors; Paul Tol's "muted" and "bright" schemes for the rest, all
// distinguishable under deuteranopia, protanopia and tritanopia.

/** Okabe–Ito: one hue per sector; custom sectors take the remaining Okabe–Ito hues in order. */
export const SECTOR_COLOURS: Readonly<Record<string, string>> = {
  public: '#0072B2',
  voluntary: '#E69F00',
  community: '#009E73',
};

/** Hues for sectors beyond the three built in (Okabe–Ito's remaining colours). */
export const EXTRA_SECTOR_COLOURS: readonly string[] = ['#CC79A7', '#56B4E9', '#D55E00', '#F0E442'];

/** Neutral grey for unknown categories, missing values and "other". */
export const NEUTRAL_COLOUR = '#8C8C8C';

/** Tie types: the three core name generators, then Tol muted for user-defined relations. */
export const RELATION_COLOURS: Readonly<Record<string, string>> = {
  need: '#D55E00',
  trust: '#332288',
  info: '#CC79A7',
};

/** Paul Tol's muted scheme (9 hues): communities and any further categories. */
export const TOL_MUTED: readonly string[] = [
  '#CC6677',
  '#332288',
  '#DDCC77',
  '#117733',
  '#88CCEE',
  '#882255',
  '#44AA99',
  '#999933',
  '#AA4499',
];

/** Paul Tol's bright scheme (6 hues + grey): rater groups and series in small charts. */
export const TOL_BRIGHT: readonly string[] = [
  '#4477AA',
  '#EE6677',
  '#228833',
  '#CCBB44',
  '#66CCEE',
  '#AA3377',
];

/** Community colours: Tol muted; beyond nine communities hues stop being distinguishable, so grey. */
export const COMMUNITY_COLOURS = TOL_MUTED;

/** Rater groups of the 360 appraisal, in display order. */
export const RATER_GROUP_COLOURS: Readonly<Record<string, string>> = {
  self: '#4477AA',
  manager: '#EE6677',
  peer: '#228833',
  'direct-report': '#CCBB44',
  'community-partner': '#66CCEE',
  citizen: '#AA3377',
  // Groups folded together for anonymity: neutral, so it never reads as a real group.
  others: '#777777',
};

function stableIndex(key: string): number {
  // FNV-1a: a fixed hue for a fixed name, independent of the order categories arrive in.
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Colour of a sector; unknown sectors get a stable extra hue, an empty one grey. */
export function sectorColour(sector: string | null | undefined): string {
  if (!sector) return NEUTRAL_COLOUR;
  return SECTOR_COLOURS[sector] ?? EXTRA_SECTOR_COLOURS[stableIndex(sector) % EXTRA_SECTOR_COLOURS.length]!;
}

/** Colour of a tie type; user-defined relations get a stable Tol muted hue. */
export function relationColour(relation: string | null | undefined): string {
  if (!relation) return NEUTRAL_COLOUR;
  return RELATION_COLOURS[relation] ?? TOL_MUTED[stableIndex(relation) % TOL_MUTED.length]!;
}

/** Colour of a community id (0-based, largest first by convention); grey past the ninth. */
export function communityColour(community: number | null | undefined): string {
  if (community === null || community === undefined || community < 0) return NEUTRAL_COLOUR;
  return COMMUNITY_COLOURS[community] ?? NEUTRAL_COLOUR;
}

/** Colour of a 360 rater group; unknown groups take a Tol bright hue. */
export function raterGroupColour(group: string): string {
  return RATER_GROUP_COLOURS[group] ?? TOL_BRIGHT[stableIndex(group) % TOL_BRIGHT.length]!;
}

/** '#RRGGBB' to {r, g, b} (GEXF viz:color wants integer channels). */
export function hexToRgb(hex: string): { r: number; g: number; b: number } {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return { r: 140, g: 140, b: 140 };
  return { r: parseInt(m[1]!, 16), g: parseInt(m[2]!, 16), b: parseInt(m[3]!, 16) };
}
