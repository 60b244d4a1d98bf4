// Per-service satisfaction indicators with 95% intervals, the importance × satisfaction matrix,
// and the link from each public servant to their service's figures.
import type { Actor } from '../model';
import { meanInterval, wilsonInterval } from './stats';
import { SATISFACTION_ITEMS, type SatisfactionItem, type SatisfactionResponse } from './read';

export interface ItemStat {
  /** Answers counted (don't know left out). */
  n: number;
  /** Answers of agree or strongly agree (4 or 5 on the 1–5 scale). */
  agree: number;
  /** % agree, 0–100; null when n = 0. */
  pctAgree: number | null;
  /** Wilson 95% interval of % agree. */
  pctAgreeLow: number | null;
  pctAgreeHigh: number | null;
  /** Mean on the 1–5 scale, with a Student's t 95% interval (null below two answers). */
  mean: number | null;
  meanLow: number | null;
  meanHigh: number | null;
  dontKnow: number;
}

/** One labelled row of % agree with its interval and n, as the interval charts take it. */
export function agreeRow(label: string, stat: ItemStat | undefined) {
  return {
    label,
    value: stat?.pctAgree ?? null,
    low: stat?.pctAgreeLow ?? null,
    high: stat?.pctAgreeHigh ?? null,
    n: stat?.n ?? null,
  };
}

/** The importance × satisfaction matrix as the matrix chart takes it: one labelled point per service. */
export function matrixPoints(matrix: SatisfactionSummary['matrix']) {
  return matrix.map((m) => ({
    label: m.service,
    importance: m.importance,
    satisfaction: m.satisfaction,
    n: m.n,
  }));
}

export interface ServiceSatisfaction {
  service: string;
  responses: number;
  items: Partial<Record<SatisfactionItem, ItemStat>>;
  importance: { n: number; mean: number | null; low: number | null; high: number | null } | null;
}

export interface SatisfactionSummary {
  /** Indicators present in the file, in display order. */
  items: { key: SatisfactionItem; label: string }[];
  /** Which interval the % agree figures carry. */
  interval: 'wilson-95';
  services: ServiceSatisfaction[];
  /** The whole area, every response once. */
  area: ServiceSatisfaction;
  /** Public servant id → their service's name, when the service has answers. */
  byPerson: Record<string, string>;
  /** Importance × satisfaction, one point per service where both were asked. */
  matrix: { service: string; importance: number; satisfaction: number; n: number }[];
}

/** 4 and 5 on the 1–5 scale count as agreeing. */
export const AGREE_AT = 4;

export function itemStat(answers: (number | 'dont-know')[]): ItemStat {
  const values = answers.filter((a): a is number => typeof a === 'number');
  const dontKnow = answers.length - values.length;
  const n = values.length;
  const agree = values.filter((v) => v >= AGREE_AT).length;
  const w = wilsonInterval(agree, n);
  const m = meanInterval(values);
  return {
    n,
    agree,
    pctAgree: n > 0 ? (100 * agree) / n : null,
    pctAgreeLow: w ? 100 * w.low : null,
    pctAgreeHigh: w ? 100 * w.high : null,
    mean: m ? m.mean : null,
    meanLow: m?.low ?? null,
    meanHigh: m?.high ?? null,
    dontKnow,
  };
}

function serviceStats(
  service: string,
  rows: SatisfactionResponse[],
  items: SatisfactionItem[],
): ServiceSatisfaction {
  const stats: Partial<Record<SatisfactionItem, ItemStat>> = {};
  for (const key of items) {
    const answers = rows.map((r) => r.answers[key]).filter((a): a is number | 'dont-know' => a !== undefined);
    stats[key] = itemStat(answers);
  }
  const imp = rows.map((r) => r.importance).filter((v): v is number => v !== null);
  const m = meanInterval(imp);
  return {
    service,
    responses: rows.length,
    items: stats,
    importance: imp.length
      ? { n: imp.length, mean: m?.mean ?? null, low: m?.low ?? null, high: m?.high ?? null }
      : null,
  };
}

export function summariseSatisfaction(rows: SatisfactionResponse[], actors: Actor[]): SatisfactionSummary {
  const present = SATISFACTION_ITEMS.filter((item) => rows.some((r) => r.answers[item.key] !== undefined));
  const itemKeys = present.map((i) => i.key);
  const byService = new Map<string, SatisfactionResponse[]>();
  for (const r of rows) {
    for (const s of new Set(r.services)) {
      const list = byService.get(s);
      if (list) list.push(r);
      else byService.set(s, [r]);
    }
  }
  const services = [...byService.keys()]
    .sort((a, b) => a.localeCompare(b))
    .map((s) => serviceStats(s, byService.get(s)!, itemKeys));
  const byPerson: Record<string, string> = {};
  for (const a of actors) {
    if (a.type === 'public-servant' && a.service && byService.has(a.service)) byPerson[a.id] = a.service;
  }
  const matrix: SatisfactionSummary['matrix'] = [];
  for (const s of services) {
    const sat = s.items.satisfied?.pctAgree ?? null;
    if (s.importance?.mean != null && sat !== null) {
      matrix.push({ service: s.service, importance: s.importance.mean, satisfaction: sat, n: s.responses });
    }
  }
  return {
    items: present.map((i) => ({ key: i.key, label: i.label })),
    interval: 'wilson-95',
    services,
    area: serviceStats('All services', rows, itemKeys),
    byPerson,
    matrix,
  };
}
