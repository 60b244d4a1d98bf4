// Strings numbered in the order they are first met, so hot loops compare and store integers; and
// map entries made once, on first use.

/** The number of `s` in `list` (`list[id] === s`), adding it to both `ids` and `list` when new. */
export function intern(s: string, ids: Map<string, number>, list: string[]): number {
  let id = ids.get(s);
  if (id === undefined) {
    id = list.length;
    list.push(s);
    ids.set(s, id);
  }
  return id;
}

/** The value under `key` (a file's list or map, say), made by `make` and kept the first time. */
export function entryOf<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}
