// Seeded randomness shared by every stage: mulberry32 fed by an FNV-1a string hash, so each random
// choice (layout, Louvain, sampled sources) is reproducible from the seed, independent of order.

export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32 (Tommy Ettinger): 32-bit state, uniform floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generator for one key under one seed: same (seed, key), same sequence. */
export function seededFor(seed: number, key: string): () => number {
  return mulberry32(hashString(`${seed}\u0000${key}`));
}
