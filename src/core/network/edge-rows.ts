// Summing ties per (source, target, relation) without a key per tie: an open-addressing table of
// row numbers over typed arrays, for the network builder and edges.csv alike.

/**
 * Edge rows (source, target, relation numbers) in the order first seen, with summed weights:
 * found through an open-addressing table of row numbers, so no key is ever allocated. Sized once
 * for the ties given (at most one row each), so nothing is copied or rehashed as rows come.
 */
export class EdgeRows {
  readonly source: Int32Array;
  readonly target: Int32Array;
  readonly relation: Int32Array;
  readonly weight: Float64Array;
  length = 0;
  private readonly slots: Int32Array;

  constructor(capacity: number) {
    this.source = new Int32Array(capacity);
    this.target = new Int32Array(capacity);
    this.relation = new Int32Array(capacity);
    this.weight = new Float64Array(capacity);
    // At most half full, so probes stay short.
    let size = 1024;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size);
  }

  /** Adds `w` to the row of (s, d, r), made when new; the row's number. */
  add(s: number, d: number, r: number, w: number): number {
    const mask = this.slots.length - 1;
    let slot = hashTriple(s, d, r) & mask;
    for (;;) {
      const row = this.slots[slot]! - 1;
      if (row < 0) break;
      if (this.source[row] === s && this.target[row] === d && this.relation[row] === r) {
        this.weight[row]! += w;
        return row;
      }
      slot = (slot + 1) & mask;
    }
    const row = this.length++;
    this.slots[slot] = row + 1;
    this.source[row] = s;
    this.target[row] = d;
    this.relation[row] = r;
    this.weight[row] = w;
    return row;
  }
}

function hashTriple(a: number, b: number, c: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b) ^ Math.imul(c + 1, 0xc2b2ae35);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) >>> 0;
}
