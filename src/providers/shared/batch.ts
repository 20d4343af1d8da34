import type { BatchResult } from '../recording-provider';

function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}

/**
 * One call per key, all started at once (the vendor's pool bounds how many are in flight),
 * each key's failure kept in its own slot: DataLoader's contract for vendors that have no
 * batch endpoint.
 */
export async function eachKey<K, T>(keys: readonly K[], load: (key: K) => Promise<T | null>): Promise<BatchResult<T>> {
  const settled = await Promise.allSettled(keys.map((key) => load(key)));
  return settled.map((s) => (s.status === 'fulfilled' ? s.value : asError(s.reason)));
}

/**
 * Groups keys by what one vendor call can serve (a room, a session, a call), makes one
 * call per group concurrently, and hands each key its own slot of its group's answer.
 * A failed group call fails exactly the keys of that group.
 */
export async function byGroup<K, G, R, T>(
  keys: readonly K[],
  groupOf: (key: K) => G,
  groupId: (group: G) => string,
  loadGroup: (group: G) => Promise<R>,
  pick: (result: R, key: K) => T | null,
): Promise<BatchResult<T>> {
  const groups = new Map<string, { group: G; promise?: Promise<R> }>();
  for (const key of keys) {
    const group = groupOf(key);
    const id = groupId(group);
    if (!groups.has(id)) groups.set(id, { group });
  }
  for (const entry of groups.values()) entry.promise = loadGroup(entry.group);
  return Promise.all(
    keys.map(async (key) => {
      try {
        const result = await groups.get(groupId(groupOf(key)))!.promise!;
        return pick(result, key);
      } catch (error) {
        return asError(error);
      }
    }),
  );
}
