// Louvain community detection (Blondel et al. 2008) over CSR arcs, with the directed modularity of
// Leicht & Newman (Dugué & Perez's directed Louvain) and, as the undirected special case, Newman's.
// Written here rather than taken from graphology so it runs on typed arrays, is seeded throughout,
// and ends with a polishing pass of single-node moves on the original graph.
import type { Progress } from '../quality';
import { seededRandom } from './random';

/** A level graph: arcs (both directions for undirected input), self-loop weight per node. */
interface Level {
  n: number;
  outPtr: Int32Array;
  outIdx: Int32Array;
  outW: Float64Array;
  inPtr: Int32Array;
  inIdx: Int32Array;
  inW: Float64Array;
  self: Float64Array;
  kout: Float64Array;
  kin: Float64Array;
  /** Total arc weight (2m when undirected). */
  total: number;
}

export interface LouvainInput {
  n: number;
  outPtr: Int32Array;
  outIdx: Int32Array;
  inPtr: Int32Array;
  inIdx: Int32Array;
  /** Arc weights aligned with outIdx and inIdx (non-positive ones must already be 0). */
  outW: Float64Array;
  inW: Float64Array;
}

function levelFrom(input: LouvainInput): Level {
  const { n, outPtr, outIdx, outW, inPtr, inIdx, inW } = input;
  const kout = new Float64Array(n);
  const kin = new Float64Array(n);
  let total = 0;
  for (let v = 0; v < n; v++) {
    for (let e = outPtr[v]!; e < outPtr[v + 1]!; e++) kout[v]! += outW[e]!;
    for (let e = inPtr[v]!; e < inPtr[v + 1]!; e++) kin[v]! += inW[e]!;
    total += kout[v]!;
  }
  return { n, outPtr, outIdx, outW, inPtr, inIdx, inW, self: new Float64Array(n), kout, kin, total };
}

/**
 * One local-moving phase: visit nodes in a seeded order and move each to the neighbouring
 * community with the largest modularity gain, until a sweep improves nothing. Returns moves made.
 */
function localMoves(g: Level, comm: Int32Array, order: Int32Array, progress: Progress): number {
  const { n, outPtr, outIdx, outW, inPtr, inIdx, inW, kout, kin, total } = g;
  const sOut = new Float64Array(n);
  const sIn = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    sOut[comm[v]!]! += kout[v]!;
    sIn[comm[v]!]! += kin[v]!;
  }
  const linkW = new Float64Array(n);
  const touched = new Int32Array(n);
  const seen = new Uint8Array(n);
  const m2 = total * total;
  let moves = 0;
  for (let sweep = 0; sweep < 1000; sweep++) {
    let moved = 0;
    for (let k = 0; k < n; k++) {
      if (k % 4096 === 0) progress.check();
      const v = order[k]!;
      const a = comm[v]!;
      // Weight from v to each neighbouring community, both arc directions (no closures: hot loop).
      let nt = 1;
      touched[0] = a;
      seen[a] = 1;
      for (let e = outPtr[v]!; e < outPtr[v + 1]!; e++) {
        const u = outIdx[e]!;
        if (u === v) continue;
        const c = comm[u]!;
        if (!seen[c]) {
          seen[c] = 1;
          touched[nt++] = c;
        }
        linkW[c]! += outW[e]!;
      }
      for (let e = inPtr[v]!; e < inPtr[v + 1]!; e++) {
        const u = inIdx[e]!;
        if (u === v) continue;
        const c = comm[u]!;
        if (!seen[c]) {
          seen[c] = 1;
          touched[nt++] = c;
        }
        linkW[c]! += inW[e]!;
      }
      const ko = kout[v]!;
      const ki = kin[v]!;
      sOut[a]! -= ko;
      sIn[a]! -= ki;
      let best = a;
      let bestGain = linkW[a]! / total - (ko * sIn[a]! + ki * sOut[a]!) / m2;
      for (let t = 1; t < nt; t++) {
        const c = touched[t]!;
        const gc = linkW[c]! / total - (ko * sIn[c]! + ki * sOut[c]!) / m2;
        if (gc > bestGain + 1e-12) {
          best = c;
          bestGain = gc;
        }
      }
      sOut[best]! += ko;
      sIn[best]! += ki;
      if (best !== a) {
        comm[v] = best;
        moved++;
      }
      for (let t = 0; t < nt; t++) {
        const c = touched[t]!;
        linkW[c] = 0;
        seen[c] = 0;
      }
    }
    moves += moved;
    if (moved === 0) break;
  }
  return moves;
}

/** Renumber communities 0..k-1 in order of first appearance. */
function compact(comm: Int32Array): number {
  const map = new Int32Array(comm.length).fill(-1);
  let k = 0;
  for (let v = 0; v < comm.length; v++) {
    const c = comm[v]!;
    if (map[c]! < 0) map[c] = k++;
    comm[v] = map[c]!;
  }
  return k;
}

/** Collapse each community into one node; arcs between communities summed, inside ones become self weight. */
function aggregate(g: Level, comm: Int32Array, k: number): Level {
  const self = new Float64Array(k);
  const kout = new Float64Array(k);
  const kin = new Float64Array(k);
  // Members of each community, by counting sort.
  const memPtr = new Int32Array(k + 1);
  for (let v = 0; v < g.n; v++) memPtr[comm[v]! + 1]!++;
  for (let c = 0; c < k; c++) memPtr[c + 1]! += memPtr[c]!;
  const fillM = memPtr.slice(0, k);
  const members = new Int32Array(g.n);
  for (let v = 0; v < g.n; v++) members[fillM[comm[v]!]!++] = v;

  const linkW = new Float64Array(k);
  const seen = new Uint8Array(k);
  const touched = new Int32Array(k);
  const outPtr = new Int32Array(k + 1);
  let idxBuf = new Int32Array(Math.max(16, g.outIdx.length));
  let wBuf = new Float64Array(idxBuf.length);
  let m = 0;
  for (let c = 0; c < k; c++) {
    let nt = 0;
    for (let i = memPtr[c]!; i < memPtr[c + 1]!; i++) {
      const v = members[i]!;
      self[c]! += g.self[v]!;
      kout[c]! += g.kout[v]!;
      kin[c]! += g.kin[v]!;
      for (let e = g.outPtr[v]!; e < g.outPtr[v + 1]!; e++) {
        const cu = comm[g.outIdx[e]!]!;
        const w = g.outW[e]!;
        if (cu === c) {
          self[c]! += w;
          continue;
        }
        if (!seen[cu]) {
          seen[cu] = 1;
          touched[nt++] = cu;
        }
        linkW[cu]! += w;
      }
    }
    if (m + nt > idxBuf.length) {
      const grow = Math.max(idxBuf.length * 2, m + nt);
      const ni = new Int32Array(grow);
      ni.set(idxBuf);
      idxBuf = ni;
      const nw = new Float64Array(grow);
      nw.set(wBuf);
      wBuf = nw;
    }
    for (let t = 0; t < nt; t++) {
      const cu = touched[t]!;
      idxBuf[m] = cu;
      wBuf[m++] = linkW[cu]!;
      linkW[cu] = 0;
      seen[cu] = 0;
    }
    outPtr[c + 1] = m;
  }
  const outIdx = idxBuf.slice(0, m);
  const outW = wBuf.slice(0, m);
  const inCount = new Int32Array(k + 1);
  for (let e = 0; e < m; e++) inCount[outIdx[e]! + 1]!++;
  for (let c = 0; c < k; c++) inCount[c + 1]! += inCount[c]!;
  const inPtr = inCount.slice();
  const fill = inCount.slice(0, k);
  const inIdx = new Int32Array(m);
  const inW = new Float64Array(m);
  for (let c = 0; c < k; c++) {
    for (let e = outPtr[c]!; e < outPtr[c + 1]!; e++) {
      const u = outIdx[e]!;
      const p = fill[u]!++;
      inIdx[p] = c;
      inW[p] = outW[e]!;
    }
  }
  return { n: k, outPtr, outIdx, outW, inPtr, inIdx, inW, self, kout, kin, total: g.total };
}

function shuffled(n: number, rand: () => number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}

/** One Louvain run from singletons, seeded; returns a community per original node (ids compacted). */
export function louvainRun(input: LouvainInput, seed: number, progress: Progress): Int32Array {
  const base = levelFrom(input);
  const rand = seededRandom(seed);
  const membership = Int32Array.from({ length: input.n }, (_, i) => i);
  if (base.total <= 0) return membership;
  // Multilevel passes; after each, polish with single-node moves on the original graph (they can
  // still gain after aggregation) and, if the polish moved anything, aggregate again from there.
  for (let round = 0; round < 16; round++) {
    const k0 = compact(membership);
    let g = k0 === base.n ? base : aggregate(base, membership, k0);
    for (let level = 0; level < 64; level++) {
      const comm = Int32Array.from({ length: g.n }, (_, i) => i);
      const moves = localMoves(g, comm, shuffled(g.n, rand), progress);
      const k = compact(comm);
      for (let v = 0; v < membership.length; v++) membership[v] = comm[membership[v]!]!;
      if (moves === 0 || k === g.n) break;
      g = aggregate(g, comm, k);
    }
    if (localMoves(base, membership, shuffled(base.n, rand), progress) === 0) break;
  }
  compact(membership);
  return membership;
}
