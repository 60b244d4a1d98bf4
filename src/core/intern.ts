// Strings numbered in the order they are first met, so hot loops compare and store integers.

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
