// Seeded random numbers for the bootstrap, so a run is reproducible from its seed.
import { seededFor } from '../random';

export type Rng = () => number;

/** A uniform [0, 1) generator fixed by `seed` (and a label, so two uses of one seed differ). */
export function makeRng(seed: number | string, label = ''): Rng {
  return seededFor(typeof seed === 'number' ? seed : 0, `${seed}:${label}`);
}

/** Binomial(n, p) by summing Bernoulli draws: n is a service's answer count, so small. */
export function binomial(rng: Rng, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (rng() < p) k++;
  return k;
}

/** Quantile of sorted values (linear interpolation, R type 7 / numpy default); null when empty. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
