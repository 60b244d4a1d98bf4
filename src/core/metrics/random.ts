// Seeded pseudo-random numbers for the metrics engine (Louvain order, sampled sources): every
// random choice in a run follows from the user's --seed.

/** mulberry32: a small, fast 32-bit generator; returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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
