// Seeded pseudo-random numbers for the metrics engine (Louvain order, sampled sources): every
// random choice in a run follows from the user's --seed.

import { mulberry32 } from '../random';

/** mulberry32 with the seed scrambled once, so seeds 0, 1, 2 start far apart. */
export function seededRandom(seed: number): () => number {
  return mulberry32((Math.floor(seed) ^ 0x9e3779b9) >>> 0);
}

/** k distinct indexes from [0, n), chosen by a seeded partial Fisher–Yates shuffle, sorted. */
export function sampleIndexes(n: number, k: number, seed: number): Int32Array {
  const rand = seededRandom(seed);
  const pool = Int32Array.from({ length: n }, (_, i) => i);
  const take = Math.min(n, Math.max(0, k));
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(rand() * (n - i));
    const t = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = t;
  }
  return pool.slice(0, take).sort();
}
