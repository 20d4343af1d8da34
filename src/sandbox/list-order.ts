/** How many items each stored list had when it was last put in order. */
const orderedLength = new WeakMap<object, number>();

/**
 * Puts an emulator's stored recordings in its list order, newest first, ties by id
 * ascending (a total order while every time is a number or null, so pages never overlap
 * or skip), in place. It sorts only when
 * the list's length changed since the last time (tests push recordings into a running
 * emulator's data set), so a listing of 10,000 recordings does not sort on every request.
 * A recording without a time (null) comes last. A NaN time (a `Date.parse` that failed,
 * e.g. of an empty string) compares as a tie with every other, which is no total order:
 * such an item lands wherever the sort leaves it, not last. The seeds never produce one.
 */
export function newestFirst<T>(items: T[], timeMs: (item: T) => number | null, id: (item: T) => string): T[] {
  if (orderedLength.get(items) === items.length) return items;
  const keyed = items.map((item) => ({ item, time: timeMs(item) ?? -Infinity, id: id(item) }));
  // -Infinity minus -Infinity is NaN, which falls through to the id like a tie.
  keyed.sort((a, b) => b.time - a.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  keyed.forEach((k, i) => {
    items[i] = k.item;
  });
  orderedLength.set(items, items.length);
  return items;
}

/** Each stored list's index by id, with the length it was built at. */
const indexes = new WeakMap<object, { length: number; byId: Map<string, unknown> }>();

/**
 * An emulator's stored recordings by id, for its get-by-id routes: built once and rebuilt
 * only when the list's length changed (tests push recordings into a running emulator), so
 * a 10,000-recording sandbox does not index its whole data set on every request.
 */
export function byIdIn<T>(items: readonly T[], id: (item: T) => string): Map<string, T> {
  const cached = indexes.get(items);
  if (cached?.length === items.length) return cached.byId as Map<string, T>;
  const byId = new Map(items.map((item) => [id(item), item]));
  indexes.set(items, { length: items.length, byId });
  return byId;
}
