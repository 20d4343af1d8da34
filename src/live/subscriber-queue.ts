import type { ProviderName } from '../domain/provider-name';
import type { RecordingEventData, RecordingEventType } from '../domain/recording-event';

/** What a subscriber asked for; an absent part matches everything. */
export interface EventFilter {
  providers?: ReadonlySet<ProviderName>;
  /** A session: its vendor and global-id segments. */
  session?: { provider: ProviderName; key: readonly string[] };
  types?: ReadonlySet<RecordingEventType>;
}

export function matches(filter: EventFilter, event: RecordingEventData): boolean {
  if (filter.providers && !filter.providers.has(event.provider)) return false;
  if (filter.types && !filter.types.has(event.type)) return false;
  if (filter.session) {
    const { provider, key } = filter.session;
    if (event.provider !== provider || !event.sessionKey || event.sessionKey.length !== key.length) return false;
    if (event.sessionKey.some((segment, i) => segment !== key[i])) return false;
  }
  return true;
}

/** Yielded once, last, when a subscriber fell `bufferSize` events behind: its subscription then ends. */
export const OVERFLOW = Symbol('subscriber overflow');
export type QueueItem = RecordingEventData | typeof OVERFLOW;

/**
 * One subscriber's events, bounded: a subscriber that does not keep up (a slow network, a
 * stalled client) cannot make the server buffer without bound. When `bufferSize` events
 * are waiting and another arrives, the waiting ones are dropped, OVERFLOW is yielded (the
 * resolver turns it into SUBSCRIBER_TOO_SLOW) and the iterator ends.
 */
export class SubscriberQueue implements AsyncIterableIterator<QueueItem> {
  private readonly items: RecordingEventData[] = [];
  private waiting: ((result: IteratorResult<QueueItem>) => void) | undefined;
  private overflowed = false;
  private done = false;

  constructor(
    private readonly filter: EventFilter,
    private readonly bufferSize: number,
    private readonly onEnd: () => void,
  ) {}

  /** Called by the bus for every event (synchronously; never throws). */
  offer(event: RecordingEventData): void {
    if (this.done || this.overflowed || !matches(this.filter, event)) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: event, done: false });
      return;
    }
    if (this.items.length >= this.bufferSize) {
      this.overflowed = true;
      this.items.length = 0;
      this.onEnd();
      return;
    }
    this.items.push(event);
  }

  /** Events waiting to be sent (for tests and metrics). */
  get buffered(): number {
    return this.items.length;
  }

  next(): Promise<IteratorResult<QueueItem>> {
    const item = this.items.shift();
    if (item) return Promise.resolve({ value: item, done: false });
    if (this.overflowed && !this.done) {
      this.finish();
      return Promise.resolve({ value: OVERFLOW, done: false });
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<QueueItem>> {
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<QueueItem>> {
    this.finish();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** Ends the subscription: what is waiting is dropped, a pending next() resolves done. */
  finish(): void {
    if (this.done) return;
    this.done = true;
    this.items.length = 0;
    this.onEnd();
    const resolve = this.waiting;
    this.waiting = undefined;
    resolve?.({ value: undefined, done: true });
  }
}
