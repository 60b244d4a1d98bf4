// Map colours: sector / service / role / community scales built on the shared colour-blind-safe
// palettes of src/core/charts, plus the tie-change colours of the wave comparison.
import {
  NEUTRAL_COLOUR,
  TOL_MUTED,
  communityColour,
  relationColour,
  sectorColour,
} from '../../core/charts/palette';
import type { MapGraph, MapNodeAttributes } from './display-graph';

export type ColourBy = 'sector' | 'service' | 'role' | 'community';
export const COLOUR_BY_OPTIONS: { value: ColourBy; label: string }[] = [
  { value: 'sector', label: 'Sector' },
  { value: 'service', label: 'Service' },
  { value: 'role', label: 'Role' },
  { value: 'community', label: 'Community' },
];

/** Ties with several relations: a dark neutral, so single-type colours stay readable. */
export const MULTI_RELATION_COLOUR = '#555555';
export const FADED_NODE = '#e4e4e4';
export const FADED_EDGE = '#f0f0f0';
/** Okabe–Ito bluish green / vermillion: gained and lost stay apart under every common CVD. */
export const EDGE_COLOURS = { gained: '#009E73', lost: '#D55E00', kept: '#BBBBBB' } as const;

export interface LegendEntry {
  key: string;
  label: string;
  colour: string;
  count: number;
}

export interface ColourScale {
  by: ColourBy;
  legend: LegendEntry[];
  colourOf(attrs: MapNodeAttributes): string;
  edgeColour(relations: string[]): string;
}

function categoryOf(attrs: MapNodeAttributes, by: ColourBy): string {
  if (by === 'sector') return attrs.sector || '';
  if (by === 'service') return attrs.service || '';
  if (by === 'role') return attrs.role || '';
  return attrs.community === null ? '' : String(attrs.community);
}

/**
 * Categories ranked by size get Tol muted hues; past nine, hues stop being distinguishable, so
 * the rest share grey and the legend says so. Sectors and communities use their fixed palettes.
 */
export function colourScale(graph: MapGraph, by: ColourBy): ColourScale {
  const counts = new Map<string, number>();
  graph.forEachNode((_n, a) => {
    const c = categoryOf(a, by);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  });
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const colourOfCategory = new Map<string, string>();
  let other = 0;
  let hue = 0;
  for (const [cat, count] of ranked) {
    let colour: string;
    if (!cat) colour = NEUTRAL_COLOUR;
    else if (by === 'sector') colour = sectorColour(cat);
    else if (by === 'community') colour = communityColour(Number(cat));
    else colour = TOL_MUTED[hue++] ?? NEUTRAL_COLOUR;
    colourOfCategory.set(cat, colour);
    if (colour === NEUTRAL_COLOUR && cat) other += count;
  }
  const legend: LegendEntry[] = [];
  for (const [cat, count] of ranked) {
    const colour = colourOfCategory.get(cat)!;
    if (colour === NEUTRAL_COLOUR && cat) continue;
    legend.push({
      key: cat,
      label: cat ? (by === 'community' ? `Community ${cat}` : cat) : 'Not recorded',
      colour,
      count,
    });
  }
  if (other > 0)
    legend.push({ key: '\u0000other', label: 'Other (grouped)', colour: NEUTRAL_COLOUR, count: other });
  return {
    by,
    legend,
    colourOf: (attrs) => colourOfCategory.get(categoryOf(attrs, by)) ?? NEUTRAL_COLOUR,
    edgeColour: (relations) =>
      relations.length === 1
        ? relationColour(relations[0])
        : relations.length > 1
          ? MULTI_RELATION_COLOUR
          : NEUTRAL_COLOUR,
  };
}

export { relationColour, sectorColour };
