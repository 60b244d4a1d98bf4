// One shortest-path pass per source (BFS, or Dijkstra for weighted lengths) that feeds betweenness
// (Brandes 2001), closeness and harmonic centrality together. Pure and range-based so hosts can
// split the sources across worker threads and add the partial sums.
import type { Progress } from '../quality';
import { silentProgress } from '../quality';

/** The arrays a path pass needs: out-arcs to search, in-arcs to walk back, and arc lengths. */
export interface PathInput {
  n: number;
  outPtr: Int32Array;
  outIdx: Int32Array;
  inPtr: Int32Array;
  inIdx: Int32Array;
  /** Arc lengths aligned with outIdx / inIdx; null means every arc has length 1 (BFS). */
  outLen: Float64Array | null;
  inLen: Float64Array | null;
}

/** Raw sums over the sources processed; add them across workers, then normalise once. */
export interface PathSums {
  /** Brandes dependency sums (pairs counted once per ordered pair). */
  betweenness: Float64Array;
  /** Σ d(s, v) over sources s that reach v. */
  distSum: Float64Array;
  /** Number of sources s != v that reach v. */
  reach: Float64Array;
  /** Σ 1 / d(s, v). */
  harmonic: Float64Array;
  /** Largest finite distance found from each source (its eccentricity within its component). */
  eccentricity: Float64Array;
  /** Σ over sources of the squared dependency, for the standard error of sampled betweenness. */
  betweennessSq: Float64Array;
}

export function emptyPathSums(n: number): PathSums {
  return {
    betweenness: new Float64Array(n),
    distSum: new Float64Array(n),
    reach: new Float64Array(n),
    harmonic: new Float64Array(n),
    eccentricity: new Float64Array(n),
    betweennessSq: new Float64Array(n),
  };
}

export function addPathSums(into: PathSums, from: PathSums): void {
  for (const key of [
    'betweenness',
    'distSum',
    'reach',
    'harmonic',
    'eccentricity',
    'betweennessSq',
  ] as const) {
    const a = into[key];
    const b = from[key];
    for (let i = 0; i < a.length; i++) a[i]! += b[i]!;
  }
}

/** Relative tolerance for equal path lengths: with 1/weight lengths, 1/2 + 1/2 must tie with 1/1. */
export const LENGTH_EPSILON = 1e-10;

export interface PathPassOptions {
  /** Sources to run from (default: every node). */
  sources?: Int32Array;
  /** Sources whose dependencies count towards betweenness (default: all run). */
  betweennessSources?: Uint8Array | null;
  progress?: Progress;
  /** Progress fraction range this pass covers (a pass may be one slice of a larger phase). */
  progressLabel?: string;
}

/**
 * Runs a single-source shortest-path search from every source and accumulates betweenness
 * dependencies, distance sums and harmonic sums at the targets (so closeness is "distance to the
 * node" on directed graphs, as networkx's closeness_centrality does).
 */
export function pathPass(input: PathInput, options: PathPassOptions = {}): PathSums {
  if (!input.outLen) return unweightedPass(input, options);
  const { n, outPtr, outIdx, inPtr, inIdx, outLen, inLen } = input;
  const progress = options.progress ?? silentProgress;
  const label = options.progressLabel ?? 'Paths';
  const sources = options.sources ?? Int32Array.from({ length: n }, (_, i) => i);
  const bSources = options.betweennessSources ?? null;
  const sums = emptyPathSums(n);
  const { betweenness, distSum, reach, harmonic, eccentricity, betweennessSq } = sums;

  const dist = new Float64Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  // Binary heap of (distance, node) for Dijkstra, lazy deletion.
  const heapD = outLen ? new Float64Array(Math.max(1, outIdx.length + 1)) : null;
  const heapV = outLen ? new Int32Array(Math.max(1, outIdx.length + 1)) : null;
  const settled = outLen ? new Uint8Array(n) : null;

  const every = Math.max(1, Math.floor(sources.length / 100));
  for (let si = 0; si < sources.length; si++) {
    if (si % every === 0) {
      progress.check();
      progress.report(label, si / sources.length);
    }
    const s = sources[si]!;
    let count = 0;
    dist[s] = 0;
    sigma[s] = 1;

    if (!outLen) {
      // BFS: unit lengths.
      order[count++] = s;
      let head = 0;
      while (head < count) {
        const v = order[head++]!;
        const dv = dist[v]! + 1;
        const sv = sigma[v]!;
        for (let e = outPtr[v]!, end = outPtr[v + 1]!; e < end; e++) {
          const w = outIdx[e]!;
          const dw = dist[w]!;
          if (dw < 0) {
            dist[w] = dv;
            sigma[w] = sv;
            order[count++] = w;
          } else if (dw === dv) sigma[w]! += sv;
        }
      }
    } else {
      const hD = heapD!;
      const hV = heapV!;
      const done = settled!;
      let size = 0;
      const push = (d: number, v: number) => {
        let i = size++;
        while (i > 0) {
          const p = (i - 1) >> 1;
          if (hD[p]! <= d) break;
          hD[i] = hD[p]!;
          hV[i] = hV[p]!;
          i = p;
        }
        hD[i] = d;
        hV[i] = v;
      };
      push(0, s);
      while (size > 0) {
        const d = hD[0]!;
        const v = hV[0]!;
        // Pop.
        size--;
        if (size > 0) {
          const ld = hD[size]!;
          const lv = hV[size]!;
          let i = 0;
          for (;;) {
            const l = 2 * i + 1;
            if (l >= size) break;
            const r = l + 1;
            const c = r < size && hD[r]! < hD[l]! ? r : l;
            if (hD[c]! >= ld) break;
            hD[i] = hD[c]!;
            hV[i] = hV[c]!;
            i = c;
          }
          hD[i] = ld;
          hV[i] = lv;
        }
        if (done[v] || d > dist[v]!) continue;
        done[v] = 1;
        order[count++] = v;
        const sv = sigma[v]!;
        for (let e = outPtr[v]!, end = outPtr[v + 1]!; e < end; e++) {
          const len = outLen[e]!;
          if (len === Infinity) continue;
          const w = outIdx[e]!;
          if (done[w]) continue;
          const nd = d + len;
          const dw = dist[w]!;
          const tol = LENGTH_EPSILON * (nd > 1 ? nd : 1);
          if (dw < 0 || nd < dw - tol) {
            dist[w] = nd;
            sigma[w] = sv;
            push(nd, w);
          } else if (nd <= dw + tol) sigma[w]! += sv;
        }
      }
    }

    // Distances to each reached target.
    let ecc = 0;
    for (let i = 1; i < count; i++) {
      const t = order[i]!;
      const d = dist[t]!;
      if (d > 0) {
        distSum[t]! += d;
        harmonic[t]! += 1 / d;
      }
      reach[t]!++;
      if (d > ecc) ecc = d;
    }
    eccentricity[s] = ecc;

    // Dependencies, walking back in reverse order of distance.
    if (!bSources || bSources[s]) {
      for (let i = count - 1; i > 0; i--) {
        const w = order[i]!;
        const coeff = (1 + delta[w]!) / sigma[w]!;
        const dw = dist[w]!;
        if (!inLen) {
          const want = dw - 1;
          for (let e = inPtr[w]!, end = inPtr[w + 1]!; e < end; e++) {
            const v = inIdx[e]!;
            if (dist[v] === want) delta[v]! += sigma[v]! * coeff;
          }
        } else {
          const tol = LENGTH_EPSILON * (dw > 1 ? dw : 1);
          for (let e = inPtr[w]!, end = inPtr[w + 1]!; e < end; e++) {
            const v = inIdx[e]!;
            const dv = dist[v]!;
            if (dv < 0 || !settled![v]) continue;
            const len = inLen[e]!;
            if (len === Infinity) continue;
            if (Math.abs(dv + len - dw) <= tol && dv < dw) delta[v]! += sigma[v]! * coeff;
          }
        }
        betweenness[w]! += delta[w]!;
        if (bSources) betweennessSq[w]! += delta[w]! * delta[w]!;
      }
    }

    for (let i = 0; i < count; i++) {
      const v = order[i]!;
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
      if (settled) settled[v] = 0;
    }
  }
  progress.report(label, 1);
  return sums;
}

/**
 * The unit-length case on its own, with integer distances and the distance sums folded into the
 * BFS itself: the hot loop of survey networks, kept small so the JIT keeps it tight.
 */
function unweightedPass(input: PathInput, options: PathPassOptions): PathSums {
  const { n, outPtr, outIdx } = input;
  const progress = options.progress ?? silentProgress;
  const label = options.progressLabel ?? 'Paths';
  const sources = options.sources ?? Int32Array.from({ length: n }, (_, i) => i);
  const bSources = options.betweennessSources ?? null;
  const sums = emptyPathSums(n);
  const { betweenness, distSum, reach, harmonic, eccentricity, betweennessSq } = sums;
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const coef = new Float64Array(n);
  const order = new Int32Array(n);
  const inverse = new Float64Array(n + 1);
  for (let d = 1; d <= n; d++) inverse[d] = 1 / d;
  const every = Math.max(1, Math.floor(sources.length / 100));
  for (let si = 0; si < sources.length; si++) {
    if (si % every === 0) {
      progress.check();
      progress.report(label, si / sources.length);
    }
    const s = sources[si]!;
    dist[s] = 0;
    sigma[s] = 1;
    order[0] = s;
    let count = 1;
    let head = 0;
    let ecc = 0;
    while (head < count) {
      const v = order[head++]!;
      const dv = dist[v]! + 1;
      const sv = sigma[v]!;
      for (let e = outPtr[v]!, end = outPtr[v + 1]!; e < end; e++) {
        const w = outIdx[e]!;
        const dw = dist[w]!;
        if (dw < 0) {
          dist[w] = dv;
          sigma[w] = sv;
          order[count++] = w;
          distSum[w]! += dv;
          harmonic[w]! += inverse[dv]!;
          reach[w]!++;
          ecc = dv;
        } else if (dw === dv) sigma[w]! += sv;
      }
    }
    eccentricity[s] = ecc;
    if (!bSources || bSources[s]) {
      // Pull form of Brandes' accumulation: each node sums coef[w] = (1 + δ(w)) / σ(w) over its
      // successors one step further, reading the same out-arcs the BFS read (cache-friendly).
      for (let i = count - 1; i >= 0; i--) {
        const v = order[i]!;
        const next = dist[v]! + 1;
        let acc = 0;
        for (let e = outPtr[v]!, end = outPtr[v + 1]!; e < end; e++) {
          const w = outIdx[e]!;
          if (dist[w] === next) acc += coef[w]!;
        }
        const dv = sigma[v]! * acc;
        coef[v] = (1 + dv) / sigma[v]!;
        if (i > 0) {
          betweenness[v]! += dv;
          if (bSources) betweennessSq[v]! += dv * dv;
        }
      }
    }
    for (let i = 0; i < count; i++) dist[order[i]!] = -1;
  }
  progress.report(label, 1);
  return sums;
}
