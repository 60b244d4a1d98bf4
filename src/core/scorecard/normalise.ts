// Turns raw component values into 0–100 scores comparable across components: percentile within
// the area (default) or min–max. Nulls stay null: a missing value is never scored as the lowest.

export type Normalisation = 'percentile' | 'minmax';

/**
 * Mid-rank percentile: 100 × (below + (equal − 1) / 2) / (n − 1), so the lowest is 0, the highest
 * 100 and tied values share the middle of their positions. One value alone, or all equal, scores 50
 * (nothing to tell apart). `higherIsBetter = false` reverses the scale (constraint).
 */
export function normalise(
  values: ArrayLike<number | null>,
  method: Normalisation = 'percentile',
  higherIsBetter = true,
): (number | null)[] {
  const n = values.length;
  const present: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== null && v !== undefined && Number.isFinite(v)) present.push(higherIsBetter ? v : -v);
  }
  const out: (number | null)[] = new Array(n).fill(null);
  if (present.length === 0) return out;
  if (method === 'minmax') {
    let min = Infinity;
    let max = -Infinity;
    for (const v of present) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v === null || v === undefined || !Number.isFinite(v)) continue;
      const x = higherIsBetter ? v : -v;
      out[i] = max === min ? 50 : (100 * (x - min)) / (max - min);
    }
    return out;
  }
  const sorted = present.slice().sort((a, b) => a - b);
  const m = sorted.length;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    if (m === 1) {
      out[i] = 50;
      continue;
    }
    const x = higherIsBetter ? v : -v;
    const below = lowerBound(sorted, x);
    const equal = lowerBound(sorted, x, true) - below;
    out[i] = (100 * (below + (equal - 1) / 2)) / (m - 1);
  }
  return out;
}

/** First index with sorted[i] >= x (or > x when `strict`). */
function lowerBound(sorted: number[], x: number, strict = false): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (strict ? sorted[mid]! <= x : sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Competition ranks ("1224"), 1 = highest; null values get a null rank. */
export function rankDescending(values: ArrayLike<number | null>): (number | null)[] {
  const n = values.length;
  const present: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== null && v !== undefined) present.push(v);
  }
  const sorted = present.sort((a, b) => b - a);
  const out: (number | null)[] = new Array(n).fill(null);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    // Rank = 1 + how many are strictly higher (allowing for float noise between equal sums).
    let higher = 0;
    for (const s of sorted) {
      if (s > v + 1e-9) higher++;
      else break;
    }
    out[i] = higher + 1;
  }
  return out;
}
