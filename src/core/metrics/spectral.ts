// PageRank, eigenvector centrality and HITS by power iteration over the CSR arrays, with the
// conventions of networkx (pagerank, eigenvector_centrality, hits) but iterated to a tighter
// tolerance so results sit well inside the contract's 1e-4 of networkx's own.
import type { Csr } from './csr';
import type { Progress } from '../quality';

export interface IterationResult {
  values: Float64Array;
  converged: boolean;
  iterations: number;
}

const TOL = 1e-12;
const MAX_ITER = 2000;

/**
 * networkx.pagerank: alpha 0.85, uniform personalisation and teleport, dangling nodes (no out-weight)
 * spread uniformly, transition probability proportional to arc weight (or 1 when unweighted).
 */
export function pagerank(csr: Csr, weighted: boolean, progress: Progress, alpha = 0.85): IterationResult {
  const { n, outPtr, outIdx, outW } = csr;
  const x = new Float64Array(n).fill(n > 0 ? 1 / n : 0);
  if (n === 0) return { values: x, converged: true, iterations: 0 };
  const outSum = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let s = 0;
    for (let e = outPtr[v]!; e < outPtr[v + 1]!; e++) s += weighted ? usable(outW[e]!) : 1;
    outSum[v] = s;
  }
  const next = new Float64Array(n);
  for (let it = 1; it <= MAX_ITER; it++) {
    if (it % 20 === 0) progress.check();
    let dangling = 0;
    for (let v = 0; v < n; v++) if (outSum[v] === 0) dangling += x[v]!;
    const base = (alpha * dangling + (1 - alpha)) / n;
    next.fill(base);
    for (let v = 0; v < n; v++) {
      const sv = outSum[v]!;
      if (sv === 0) continue;
      const share = (alpha * x[v]!) / sv;
      for (let e = outPtr[v]!; e < outPtr[v + 1]!; e++) {
        next[outIdx[e]!]! += share * (weighted ? usable(outW[e]!) : 1);
      }
    }
    let err = 0;
    for (let v = 0; v < n; v++) {
      err += Math.abs(next[v]! - x[v]!);
      x[v] = next[v]!;
    }
    if (err < n * TOL) return { values: x, converged: true, iterations: it };
  }
  return { values: x, converged: false, iterations: MAX_ITER };
}

/** Weights that cannot be strengths (negative, NaN) count as 0 for the spectral measures. */
function usable(w: number): number {
  return w > 0 && Number.isFinite(w) ? w : 0;
}

/**
 * networkx.eigenvector_centrality: power iteration on (A + I)^T (scores flow along arcs to their
 * targets, so in-ties count when directed), unit Euclidean norm. Caller checks connectivity.
 */
export function eigenvector(csr: Csr, weighted: boolean, progress: Progress): IterationResult {
  const { n, outPtr, outIdx, outW } = csr;
  let x = new Float64Array(n).fill(n > 0 ? 1 / n : 0);
  let next = new Float64Array(n);
  for (let it = 1; it <= MAX_ITER; it++) {
    if (it % 20 === 0) progress.check();
    next.set(x);
    for (let v = 0; v < n; v++) {
      const xv = x[v]!;
      for (let e = outPtr[v]!; e < outPtr[v + 1]!; e++) {
        next[outIdx[e]!]! += xv * (weighted ? usable(outW[e]!) : 1);
      }
    }
    let norm = 0;
    for (let v = 0; v < n; v++) norm += next[v]! * next[v]!;
    norm = Math.sqrt(norm) || 1;
    let err = 0;
    for (let v = 0; v < n; v++) {
      next[v]! /= norm;
      err += Math.abs(next[v]! - x[v]!);
    }
    [x, next] = [next, x];
    if (err < n * TOL) return { values: x, converged: true, iterations: it };
  }
  return { values: x, converged: false, iterations: MAX_ITER };
}

/**
 * networkx.hits: authorities are the principal eigenvector of A^T A, hubs = A a; both scaled to
 * sum 1. Power iteration from a uniform start. Caller checks connectivity.
 */
export function hits(
  csr: Csr,
  weighted: boolean,
  progress: Progress,
): { hub: Float64Array; authority: Float64Array; converged: boolean } {
  const { n, outPtr, outIdx, outW } = csr;
  let a = new Float64Array(n).fill(n > 0 ? 1 / n : 0);
  const h = new Float64Array(n);
  let next = new Float64Array(n);
  const hubFrom = (auth: Float64Array) => {
    // h = A a
    for (let v = 0; v < n; v++) {
      let s = 0;
      for (let e = outPtr[v]!; e < outPtr[v + 1]!; e++)
        s += auth[outIdx[e]!]! * (weighted ? usable(outW[e]!) : 1);
      h[v] = s;
    }
  };
  let converged = false;
  for (let it = 1; it <= MAX_ITER * 2; it++) {
    if (it % 20 === 0) progress.check();
    hubFrom(a);
    // a' = A^T h
    next.fill(0);
    for (let v = 0; v < n; v++) {
      const hv = h[v]!;
      if (hv === 0) continue;
      for (let e = outPtr[v]!; e < outPtr[v + 1]!; e++)
        next[outIdx[e]!]! += hv * (weighted ? usable(outW[e]!) : 1);
    }
    let sum = 0;
    for (let v = 0; v < n; v++) sum += next[v]!;
    if (sum === 0) break;
    let err = 0;
    for (let v = 0; v < n; v++) {
      next[v]! /= sum;
      err += Math.abs(next[v]! - a[v]!);
    }
    [a, next] = [next, a];
    if (err < n * TOL) {
      converged = true;
      break;
    }
  }
  hubFrom(a);
  let hs = 0;
  for (let v = 0; v < n; v++) hs += h[v]!;
  if (hs > 0) for (let v = 0; v < n; v++) h[v]! /= hs;
  return { hub: h, authority: a, converged };
}
