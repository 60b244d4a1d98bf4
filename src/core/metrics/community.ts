// Communities by Louvain (louvain.ts, seeded, best of a few seeded restarts)
// and modularity computed here from the CSR arrays with networkx's conventions.
import type { Csr } from './csr';
import { louvainRun } from './louvain';
import type { Progress } from '../quality';

/**
 * networkx.community.modularity, resolution 1. Undirected: Σ_c [L_c / m − (D_c / 2m)²].
 * Directed (Leicht & Newman 2008): Σ_c [L_c / m − D⁺_c D⁻_c / m²]. Null when there is no tie weight.
 */
export function modularity(csr: Csr, community: Int32Array, weighted: boolean): number | null {
  const { n, outPtr, outIdx, outW } = csr;
  let k = 0;
  for (let v = 0; v < n; v++) if (community[v]! + 1 > k) k = community[v]! + 1;
  const outDeg = new Float64Array(k);
  const inDeg = new Float64Array(k);
  let inside = 0;
  let total = 0;
  for (let v = 0; v < n; v++) {
    const cv = community[v]!;
    for (let e = outPtr[v]!; e < outPtr[v + 1]!; e++) {
      const w = weighted ? positive(outW[e]!) : 1;
      const u = outIdx[e]!;
      total += w;
      outDeg[cv]! += w;
      inDeg[community[u]!]! += w;
      if (community[u] === cv) inside += w;
    }
  }
  if (total <= 0) return null;
  // Undirected: arcs hold each edge twice, so total = 2m and inside = 2 L; the formula below agrees.
  let q = inside / total;
  for (let c = 0; c < k; c++) q -= (outDeg[c]! * inDeg[c]!) / (total * total);
  return q;
}

function positive(w: number): number {
  return w > 0 && Number.isFinite(w) ? w : 0;
}

export interface CommunityResult {
  community: Int32Array;
  count: number;
  modularity: number | null;
}

/**
 * Louvain, deterministic for a seed: restarts with seeds derived from `seed` and keeps the partition
 * of highest modularity. Community ids are renumbered 0.. by decreasing size (ties: lowest node index).
 */
export function communities(
  csr: Csr,
  options: { weighted: boolean; seed: number; restarts?: number },
  progress: Progress,
): CommunityResult {
  const { n, outPtr, outIdx, outW, directed } = csr;
  const singletons = () => Int32Array.from({ length: n }, (_, i) => i);
  if (csr.ties === 0) {
    const community = canonical(singletons());
    return { community, count: n, modularity: null };
  }
  const arcWeights = (w: Float64Array) => w.map((x) => (options.weighted ? positive(x) : 1));
  const input = {
    n,
    outPtr,
    outIdx,
    inPtr: csr.inPtr,
    inIdx: csr.inIdx,
    outW: arcWeights(outW),
    inW: directed ? arcWeights(csr.inW) : arcWeights(outW),
  };
  // Restarts are cheap on small networks, where a single Louvain run most often misses the best split.
  const work = n + outIdx.length;
  const restarts = options.restarts ?? Math.max(1, Math.min(50, Math.floor(300_000 / Math.max(1, work))));
  let best: Int32Array | null = null;
  let bestQ = -Infinity;
  for (let r = 0; r < restarts; r++) {
    progress.check();
    progress.report('Communities', r / restarts);
    const part = louvainRun(input, options.seed * 7919 + r, progress);
    const q = modularity(csr, part, options.weighted) ?? -Infinity;
    if (q > bestQ + 1e-12) {
      bestQ = q;
      best = part;
    }
  }
  const community = canonical(best ?? singletons());
  let count = 0;
  for (let v = 0; v < n; v++) if (community[v]! + 1 > count) count = community[v]! + 1;
  return { community, count, modularity: modularity(csr, community, options.weighted) };
}

/** Renumber: largest community 0, ties broken by the lowest node index in the community. */
function canonical(part: Int32Array): Int32Array {
  const size = new Map<number, number>();
  const first = new Map<number, number>();
  part.forEach((c, v) => {
    size.set(c, (size.get(c) ?? 0) + 1);
    if (!first.has(c)) first.set(c, v);
  });
  const order = [...size.keys()].sort((a, b) => size.get(b)! - size.get(a)! || first.get(a)! - first.get(b)!);
  const rename = new Map<number, number>();
  order.forEach((c, i) => rename.set(c, i));
  return part.map((c) => rename.get(c)!);
}
