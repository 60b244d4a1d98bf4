// Group-based measures over the CSR arrays: Krackhardt–Stern E-I index (node and whole network),
// Gould–Fernandez brokerage roles, and civil-society reach of public servants.
import { hasArc, type Csr } from './csr';
import type { Progress } from '../quality';

/** Group code per node (-1 when the node has no value for the attribute). */
export function groupCodes(values: (string | null)[]): Int32Array {
  const codes = new Map<string, number>();
  const out = new Int32Array(values.length);
  values.forEach((v, i) => {
    if (v === null) {
      out[i] = -1;
      return;
    }
    let c = codes.get(v);
    if (c === undefined) {
      c = codes.size;
      codes.set(v, c);
    }
    out[i] = c;
  });
  return out;
}

/**
 * E-I index (E − I) / (E + I). Node level: every arc in or out of the node (every edge when
 * undirected) whose other end has a group. Whole network: every arc (edge) with both ends grouped.
 */
export function eiIndex(csr: Csr, group: Int32Array) {
  const { n, outPtr, outIdx, inPtr, inIdx, directed } = csr;
  const node = new Float64Array(n).fill(Number.NaN);
  let gE = 0;
  let gI = 0;
  for (let v = 0; v < n; v++) {
    const gv = group[v]!;
    let e = 0;
    let i = 0;
    const count = (u: number) => {
      const gu = group[u]!;
      if (gu < 0 || gv < 0) return;
      if (gu === gv) i++;
      else e++;
    };
    for (let k = outPtr[v]!; k < outPtr[v + 1]!; k++) count(outIdx[k]!);
    // Whole-network counts: each arc once (its source); each undirected edge from both ends, which leaves the ratio unchanged.
    gE += e;
    gI += i;
    if (directed) for (let k = inPtr[v]!; k < inPtr[v + 1]!; k++) count(inIdx[k]!);
    if (e + i > 0) node[v] = (e - i) / (e + i);
  }
  const total = gE + gI;
  return { node, graph: total > 0 ? (gE - gI) / total : null };
}

export interface BrokerageCounts {
  coordinator: Int32Array;
  gatekeeper: Int32Array;
  representative: Int32Array;
  consultant: Int32Array;
  liaison: Int32Array;
}

/**
 * Gould & Fernandez (1989) brokerage, as sna::brokerage: for each two-path a → b → c with a ≠ c
 * and no arc a → c, broker b is a coordinator (a, b, c one group), consultant / itinerant
 * (a and c share a group, b does not), representative (b shares a's group, c differs), gatekeeper
 * (b shares c's group, a differs) or liaison (all three differ). Undirected ties count both ways.
 * Paths through a node without a group value are skipped.
 */
export function brokerage(csr: Csr, group: Int32Array, progress: Progress): BrokerageCounts {
  const { n, outPtr, outIdx, inPtr, inIdx } = csr;
  const res: BrokerageCounts = {
    coordinator: new Int32Array(n),
    gatekeeper: new Int32Array(n),
    representative: new Int32Array(n),
    consultant: new Int32Array(n),
    liaison: new Int32Array(n),
  };
  for (let b = 0; b < n; b++) {
    if (b % 256 === 0) progress.check();
    const gb = group[b]!;
    if (gb < 0) continue;
    for (let i = inPtr[b]!; i < inPtr[b + 1]!; i++) {
      const a = inIdx[i]!;
      const ga = group[a]!;
      if (ga < 0) continue;
      for (let o = outPtr[b]!; o < outPtr[b + 1]!; o++) {
        const c = outIdx[o]!;
        if (c === a) continue;
        const gc = group[c]!;
        if (gc < 0) continue;
        if (hasArc(csr, a, c)) continue;
        if (ga === gb && gb === gc) res.coordinator[b]!++;
        else if (ga === gc) res.consultant[b]!++;
        else if (ga === gb) res.representative[b]!++;
        else if (gb === gc) res.gatekeeper[b]!++;
        else res.liaison[b]!++;
      }
    }
  }
  return res;
}

/**
 * For each node flagged in `from`, the number of distinct nodes flagged in `civil` within two
 * steps in either direction (the node itself excluded). Others get -1.
 */
export function civilReach(csr: Csr, from: Uint8Array, civil: Uint8Array): Int32Array {
  const { n, undPtr, undIdx } = csr;
  const out = new Int32Array(n).fill(-1);
  const mark = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v++) {
    if (!from[v]) continue;
    let count = 0;
    mark[v] = v;
    for (let e = undPtr[v]!; e < undPtr[v + 1]!; e++) {
      const u = undIdx[e]!;
      if (mark[u] !== v) {
        mark[u] = v;
        if (civil[u]) count++;
      }
    }
    for (let e = undPtr[v]!; e < undPtr[v + 1]!; e++) {
      const u = undIdx[e]!;
      for (let f = undPtr[u]!; f < undPtr[u + 1]!; f++) {
        const w = undIdx[f]!;
        if (mark[w] !== v) {
          mark[w] = v;
          if (civil[w]) count++;
        }
      }
    }
    out[v] = count;
  }
  return out;
}
