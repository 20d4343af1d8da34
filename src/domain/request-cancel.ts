/**
 * The part of an AbortSignal that a request's vendor calls use (CallContext.signal): whether
 * the request was cancelled, why, and a listener for when it is. An AbortSignal is one; so
 * is RequestCancel below.
 */
export interface CancelSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/**
 * One per HTTP request (src/server/create-server.ts): cancelled when the client goes away,
 * and every vendor call in flight for the request stops (src/http/vendor-http.ts).
 *
 * Why not an AbortController: on Node 20 building one (an EventTarget), lifting its listener
 * limit (a request can have hundreds of calls listening) and adding and removing each call's
 * listener cost about 25 us of a request's CPU in a profile of `npm run bench:overhead`'s
 * query (bench/README.md, "Own overhead"), most requests are never cancelled, and a Set of
 * listeners does the same job with no limit to lift. Each vendor call still has an
 * AbortController of its own, for its deadline (undici and cockatiel take an AbortSignal).
 */
export class RequestCancel implements CancelSignal {
  private listeners: Set<() => void> | undefined;
  private cancelled = false;
  private why: unknown = undefined;

  get aborted(): boolean {
    return this.cancelled;
  }

  get reason(): unknown {
    return this.why;
  }

  addEventListener(_type: 'abort', listener: () => void): void {
    if (this.cancelled) return;
    (this.listeners ??= new Set()).add(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    this.listeners?.delete(listener);
  }

  /** Cancels once, as AbortController.abort does: later calls do nothing. */
  abort(reason: unknown = new DOMException('This operation was aborted', 'AbortError')): void {
    if (this.cancelled) return;
    this.cancelled = true;
    this.why = reason;
    const listeners = this.listeners;
    this.listeners = undefined;
    // Each listener runs once (listeners are added `once`), in the order they were added.
    for (const listener of listeners ?? []) listener();
  }
}
