// Reading scorecard rows for display: the contract's flat columns (index, rankLow, civilInDegree...)
// read as numbers or text, missing values kept missing (never 0).
import type { PipelineResult } from '../core/pipeline';
import { fmt, num } from './dom';

export type CardRow = Record<string, unknown> & { id: string };

export function cardsOf(result: PipelineResult | null): CardRow[] {
  return (result?.scorecards ?? []) as unknown as CardRow[];
}

export function field(card: CardRow | undefined, key: string): number | null {
  return card ? num(card[key]) : null;
}

export function text(card: CardRow | undefined, key: string): string {
  const v = card?.[key];
  return typeof v === 'string' ? v : v == null ? '' : String(v);
}

/** "3" or "2–6": a rank always shown with its uncertainty. */
export function rankRange(card: CardRow): string {
  const low = field(card, 'rankLow');
  const high = field(card, 'rankHigh');
  const rank = field(card, 'rank');
  if (low !== null && high !== null) return low === high ? String(low) : `${low}–${high}`;
  return rank === null ? '—' : String(rank);
}

/** "62.4 (55.1–70.3)": the index with its 95% interval when there is one. */
export function indexWithInterval(card: CardRow): string {
  const index = field(card, 'index');
  if (index === null) return '—';
  const low = field(card, 'indexLow');
  const high = field(card, 'indexHigh');
  return low !== null && high !== null ? `${fmt(index)} (${fmt(low)}–${fmt(high)})` : fmt(index);
}

export function percent(value: unknown): string {
  const v = num(value);
  return v === null ? '—' : `${fmt(v, 0)}%`;
}

/** Satisfaction columns are already percentages (0–100), as the contract says. */
export function asPercent(value: number | null): number | null {
  return value;
}

export function cardById(result: PipelineResult | null, id: string): CardRow | undefined {
  return cardsOf(result).find((c) => c.id === id);
}
