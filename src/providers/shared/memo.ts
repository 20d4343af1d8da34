import type { CallContext } from '../../domain/call-context';

/**
 * Runs `call` once per request for a given key: a second loader asking for the same vendor
 * call in the same request gets the first one's promise. Without a memo (a bare adapter
 * call in a test) it just calls.
 */
export function memoCall<T>(ctx: CallContext, key: string, call: () => Promise<T>): Promise<T> {
  if (!ctx.memo) return call();
  const existing = ctx.memo.get(key) as Promise<T> | undefined;
  if (existing) return existing;
  const promise = call();
  ctx.memo.set(key, promise);
  return promise;
}
