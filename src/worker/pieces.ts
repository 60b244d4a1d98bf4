// A large result crosses from the worker to the page in pieces. The page deserialises each message
// in one task, so one 50 MB result (20,000 respondents: their metric records for every layer)
// would freeze it for most of a second; a few hundred small messages keep every task short and
// let the page draw and answer input in between.

export type PiecePath = (string | number)[];

/** Part of one large array (items appended in order) or record (keys merged) at `path`. */
export interface Piece {
  path: PiecePath;
  items: unknown[] | Record<string, unknown>;
}

/** The bar's last part: the page taking in the result's pieces, after the worker's own work. */
export const RECEIVE_SHARE = 0.05;

/** Elements or keys per piece: about ten milliseconds of deserialising for a record of metrics. */
export const PIECE_SIZE = 1000;
/** Nesting followed looking for large collections (a result is a few levels deep). */
const MAX_DEPTH = 8;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * `value` with every array longer than `size` and every plain object with more keys than `size`
 * replaced by an empty one, and those collections cut into pieces. The value itself is not
 * changed: objects on the way to a large collection are copied.
 */
export function splitIntoPieces<T>(value: T, size = PIECE_SIZE): { skeleton: T; pieces: Piece[] } {
  const pieces: Piece[] = [];
  const walk = (v: unknown, path: PiecePath): unknown => {
    if (path.length > MAX_DEPTH) return v;
    if (Array.isArray(v)) {
      if (v.length > size) {
        for (let i = 0; i < v.length; i += size) pieces.push({ path, items: v.slice(i, i + size) });
        return [];
      }
      let copy: unknown[] | null = null;
      v.forEach((item, i) => {
        const walked = walk(item, [...path, i]);
        if (walked !== item) (copy ??= [...v])[i] = walked;
      });
      return copy ?? v;
    }
    if (!isPlainObject(v)) return v;
    const keys = Object.keys(v);
    if (keys.length > size) {
      for (let i = 0; i < keys.length; i += size) {
        const items: Record<string, unknown> = {};
        for (const k of keys.slice(i, i + size)) setOwn(items, k, v[k]);
        pieces.push({ path, items });
      }
      return {};
    }
    let copy: Record<string, unknown> | null = null;
    for (const k of keys) {
      const walked = walk(v[k], [...path, k]);
      if (walked !== v[k]) (copy ??= { ...v })[k] = walked;
    }
    return copy ?? v;
  };
  return { skeleton: walk(value, []) as T, pieces };
}

/** Puts the pieces back into the skeleton (in place, in order) and returns it. */
export function assemblePieces<T>(skeleton: T, pieces: readonly Piece[]): T {
  for (const { path, items } of pieces) {
    let target: unknown = skeleton;
    for (const key of path) target = (target as Record<string | number, unknown>)[key];
    if (Array.isArray(target)) {
      for (const item of items as unknown[]) target.push(item);
    } else {
      const record = target as Record<string, unknown>;
      // Object.assign would set the prototype for a "__proto__" key: such a piece goes key by key.
      if (!Object.hasOwn(items, '__proto__')) Object.assign(record, items);
      else for (const k of Object.keys(items)) setOwn(record, k, (items as Record<string, unknown>)[k]);
    }
  }
  return skeleton;
}

/** record[key] = value as an own property, even for a key such as "__proto__" (an id is any text). */
function setOwn(record: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
  else record[key] = value;
}
