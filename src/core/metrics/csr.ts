// Compact adjacency (CSR typed arrays) built once from a graphology graph; every heavy metric loop
// reads these arrays instead of the graph, so one build serves all metrics and crosses to workers cheaply.
import type Graph from 'graphology';

export type WeightMode = 'none' | 'strength' | 'distance';

/**
 * Directed view (arcs) plus the undirected simple projection.
 * For an undirected analysis every edge appears as two arcs, so out = in = neighbours.
 * All arrays are plain typed arrays so the structure can be posted to a worker as is.
 */
export interface Csr {
  n: number;
  directed: boolean;
  /** Node keys in index order. */
  ids: string[];
  /** Out-arcs of v: outIdx[outPtr[v] .. outPtr[v+1]), neighbour indexes sorted ascending. */
  outPtr: Int32Array;
  outIdx: Int32Array;
  outW: Float64Array;
  /** In-arcs of v (sources), sorted ascending; inW aligned. Same arrays as out when undirected. */
  inPtr: Int32Array;
  inIdx: Int32Array;
  inW: Float64Array;
  /** Undirected simple projection: distinct neighbours either way, sorted ascending. */
  undPtr: Int32Array;
  undIdx: Int32Array;
  /** Number of arcs joining v and the neighbour (1 or 2 when directed, 1 when undirected). */
  undMult: Uint8Array;
  /** Ties counted as the contract counts them: arcs when directed, edges when undirected. */
  ties: number;
  /** Number of arcs whose weight was not a positive finite number (path metrics skip them). */
  badWeights: number;
  /** Self-ties found in the graph and left out. */
  selfLoops: number;
}

export interface CsrOptions {
  /** Analyse as directed (default: graph.type !== 'undirected'). */
  directed?: boolean;
}

function weightOf(value: unknown): number {
  if (value === undefined || value === null || value === '') return 1;
  const w = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(w) ? w : Number.NaN;
}

/** Parallel ties are merged (weights summed); self-loops are dropped (no contract metric uses them). */
export function buildCsr(graph: Graph, options: CsrOptions = {}): Csr {
  const directed = options.directed ?? graph.type !== 'undirected';
  const ids = graph.nodes();
  const n = ids.length;
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));

  // Merge arcs by (source, target) pair; a number key is cheap and exact for n < 2^26.
  const arcWeight = new Map<number, number>();
  const addArc = (s: number, t: number, w: number) => {
    const key = s * n + t;
    const prev = arcWeight.get(key);
    arcWeight.set(key, prev === undefined ? w : prev + w);
  };
  let selfLoops = 0;
  graph.forEachEdge((_edge, attr, source, target, _sa, _ta, undirectedEdge) => {
    const s = index.get(source)!;
    const t = index.get(target)!;
    if (s === t) {
      selfLoops++;
      return;
    }
    const w = weightOf((attr as Record<string, unknown>).weight);
    if (directed) {
      addArc(s, t, w);
      if (undirectedEdge) addArc(t, s, w);
    } else {
      // Undirected analysis: one edge per unordered pair, weights of both directions summed.
      const a = Math.min(s, t);
      const b = Math.max(s, t);
      addArc(a, b, w);
    }
  });
  if (!directed) {
    // Mirror every edge into two arcs.
    for (const [key, w] of [...arcWeight]) {
      const a = Math.floor(key / n);
      const b = key - a * n;
      arcWeight.set(b * n + a, w);
    }
  }

  const m = arcWeight.size;
  const src = new Int32Array(m);
  const dst = new Int32Array(m);
  const wt = new Float64Array(m);
  let k = 0;
  let badWeights = 0;
  for (const [key, w] of arcWeight) {
    const s = Math.floor(key / n);
    src[k] = s;
    dst[k] = key - s * n;
    wt[k] = w;
    if (!(w > 0) || !Number.isFinite(w)) badWeights++;
    k++;
  }

  const out = toCsr(n, src, dst, wt);
  const inn = directed ? toCsr(n, dst, src, wt) : out;

  // Undirected simple projection: merge out and in lists (both sorted) per node.
  const undPtr = new Int32Array(n + 1);
  const undTmp: number[] = [];
  const multTmp: number[] = [];
  for (let v = 0; v < n; v++) {
    let i = out.ptr[v]!;
    const ie = out.ptr[v + 1]!;
    let j = inn.ptr[v]!;
    const je = inn.ptr[v + 1]!;
    if (!directed) {
      for (; i < ie; i++) {
        undTmp.push(out.idx[i]!);
        multTmp.push(1);
      }
    } else {
      while (i < ie || j < je) {
        const a = i < ie ? out.idx[i]! : Infinity;
        const b = j < je ? inn.idx[j]! : Infinity;
        if (a === b) {
          undTmp.push(a);
          multTmp.push(2);
          i++;
          j++;
        } else if (a < b) {
          undTmp.push(a);
          multTmp.push(1);
          i++;
        } else {
          undTmp.push(b);
          multTmp.push(1);
          j++;
        }
      }
    }
    undPtr[v + 1] = undTmp.length;
  }

  return {
    n,
    directed,
    ids,
    outPtr: out.ptr,
    outIdx: out.idx,
    outW: out.w,
    inPtr: inn.ptr,
    inIdx: inn.idx,
    inW: inn.w,
    undPtr,
    undIdx: Int32Array.from(undTmp),
    undMult: Uint8Array.from(multTmp),
    ties: directed ? m : m / 2,
    badWeights: directed ? badWeights : badWeights / 2,
    selfLoops,
  };
}

/** Counting sort by source, then each row sorted by target (rows are short). */
function toCsr(n: number, src: Int32Array, dst: Int32Array, wt: Float64Array) {
  const m = src.length;
  const ptr = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) ptr[src[e]! + 1]!++;
  for (let v = 0; v < n; v++) ptr[v + 1]! += ptr[v]!;
  const fill = ptr.slice(0, n);
  const idx = new Int32Array(m);
  const w = new Float64Array(m);
  for (let e = 0; e < m; e++) {
    const s = src[e]!;
    const p = fill[s]!++;
    idx[p] = dst[e]!;
    w[p] = wt[e]!;
  }
  // Sort each row by target with its weight (insertion sort: rows are short on survey networks).
  for (let v = 0; v < n; v++) {
    const a = ptr[v]!;
    const b = ptr[v + 1]!;
    for (let i = a + 1; i < b; i++) {
      const ki = idx[i]!;
      const kw = w[i]!;
      let j = i - 1;
      while (j >= a && idx[j]! > ki) {
        idx[j + 1] = idx[j]!;
        w[j + 1] = w[j]!;
        j--;
      }
      idx[j + 1] = ki;
      w[j + 1] = kw;
    }
  }
  return { ptr, idx, w };
}

/** Arc lengths for path metrics: 1/weight for strength, weight for distance, 1 otherwise; unusable arcs get Infinity. */
export function arcLengths(weights: Float64Array, mode: WeightMode): Float64Array {
  const len = new Float64Array(weights.length);
  for (let e = 0; e < weights.length; e++) {
    const w = weights[e]!;
    if (mode === 'none') len[e] = 1;
    else if (!(w > 0) || !Number.isFinite(w)) len[e] = Infinity;
    else len[e] = mode === 'strength' ? 1 / w : w;
  }
  return len;
}

/** True when arc s -> t exists (binary search in the sorted out-row). */
export function hasArc(csr: Csr, s: number, t: number): boolean {
  let lo = csr.outPtr[s]!;
  let hi = csr.outPtr[s + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = csr.outIdx[mid]!;
    if (x === t) return true;
    if (x < t) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
