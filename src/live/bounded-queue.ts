/**
 * A bounded queue read as an async iterator, for one reader: whoever is slower than what is
 * offered cannot make the server buffer without bound. When `bufferSize` items are waiting
 * and another arrives, the waiting ones are dropped, `overflow()` is yielded once, last, and
 * the iterator ends (SUBSCRIBER_TOO_SLOW, docs/subscriptions.md "Slow subscribers").
 * `onEnd` runs once, as soon as the queue takes nothing more (overflow, return, finish).
 */
export class BoundedQueue<T, O = T> implements AsyncIterableIterator<T | O> {
  private readonly items: T[] = [];
  private head = 0;
  private waiting: ((result: IteratorResult<T | O>) => void) | undefined;
  private overflowed = false;
  /** No more items will come; what waits is still read (end()). */
  private ending = false;
  private done = false;
  private ended = false;

  constructor(
    private readonly bufferSize: number,
    private readonly overflow: () => O,
    private readonly onEnd: () => void,
  ) {}

  /** Adds an item (synchronously; never throws). Ignored once the queue takes nothing more. */
  offer(item: T): void {
    if (this.done || this.overflowed || this.ending) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: item, done: false });
      return;
    }
    if (this.buffered >= this.bufferSize) {
      this.overflowed = true;
      this.clear();
      this.notifyEnd();
      return;
    }
    this.items.push(item);
  }

  /** Items waiting to be read (for tests and metrics). */
  get buffered(): number {
    return this.items.length - this.head;
  }

  next(): Promise<IteratorResult<T | O>> {
    if (this.head < this.items.length) {
      const value = this.items[this.head] as T;
      this.head += 1;
      // An index instead of shift(): O(1) per read; the array is reset whenever it empties.
      if (this.head === this.items.length) this.clear();
      return Promise.resolve({ value, done: false });
    }
    if (this.overflowed && !this.done) {
      this.finish();
      return Promise.resolve({ value: this.overflow(), done: false });
    }
    if (this.done || this.ending) {
      this.finish();
      return Promise.resolve({ value: undefined, done: true });
    }
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<T | O>> {
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<T | O>> {
    this.finish();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** No more items: what is waiting is still read, then the iterator ends. */
  end(): void {
    if (this.done || this.ending) return;
    this.ending = true;
    this.notifyEnd();
    if (this.waiting) this.finish();
  }

  /** Ends at once: what is waiting is dropped, a pending next() resolves done. */
  finish(): void {
    if (this.done) return;
    this.done = true;
    this.clear();
    this.notifyEnd();
    const resolve = this.waiting;
    this.waiting = undefined;
    resolve?.({ value: undefined, done: true });
  }

  private clear(): void {
    this.items.length = 0;
    this.head = 0;
  }

  private notifyEnd(): void {
    if (this.ended) return;
    this.ended = true;
    this.onEnd();
  }
}
