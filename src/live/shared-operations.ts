import { BoundedQueue } from './bounded-queue';

/** What a distinct operation produces when it starts: results to share, or one result (refused). */
export type OperationStart<R> = AsyncIterator<R> | { single: R };

/** How to start a distinct operation: run it once, and what to send a member that falls behind. */
export interface OperationRunner<R> {
  start(): Promise<OperationStart<R>>;
  /** The last result of a member that fell too far behind (SUBSCRIBER_TOO_SLOW). */
  overflow(): R;
  /** Called once when the operation stops (its last member left, or its source ended). */
  stop(): void;
}

/**
 * One distinct operation (same document, variables, operation name and API key) and the
 * subscribers that sent it: the operation runs once per event and each member gets the
 * same result object, through a bounded queue of its own, so one slow client is dropped
 * without holding up the others.
 */
class SharedOperation<R> {
  readonly members = new Set<BoundedQueue<R>>();
  private stopped = false;

  constructor(
    private readonly source: AsyncIterator<R>,
    private readonly runner: OperationRunner<R>,
    private readonly bufferSize: number,
    private readonly count: { members: number },
    private readonly onStop: () => void,
  ) {}

  join(): BoundedQueue<R> {
    const member: BoundedQueue<R> = new BoundedQueue<R>(
      this.bufferSize,
      () => this.runner.overflow(),
      () => this.leave(member),
    );
    if (this.stopped) {
      member.end();
      return member;
    }
    this.members.add(member);
    this.count.members += 1;
    return member;
  }

  /** Reads the source until it ends, handing every result to every member. */
  async pump(): Promise<void> {
    try {
      for (;;) {
        const next = await this.source.next();
        if (next.done) break;
        for (const member of this.members) member.offer(next.value);
      }
    } catch {
      // graphql-js ends a subscription's stream by rethrowing what its source threw; the
      // source here (a bounded queue) does not throw, so there is nothing to report.
    } finally {
      this.stop();
      for (const member of [...this.members]) member.end();
    }
  }

  private leave(member: BoundedQueue<R>): void {
    if (!this.members.delete(member)) return;
    this.count.members -= 1;
    if (this.members.size === 0) {
      this.stop();
      void this.source.return?.();
    }
  }

  private stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.onStop();
    this.runner.stop();
  }
}

/**
 * This process's subscriptions, grouped by distinct operation (docs/subscriptions.md,
 * "Delivery cost"): the first subscriber of an operation starts it, the others join it, the
 * last one to leave stops it. Filtering, execution (vendor calls included) and formatting
 * then happen once per operation per event instead of once per subscriber.
 */
export class SharedOperations<R> {
  private readonly operations = new Map<string, Promise<SharedOperation<R> | { single: R }>>();
  private readonly count = { members: 0 };

  constructor(private readonly bufferSize: number) {}

  /**
   * The caller's stream of results for the operation named `key`: a member of the running
   * operation, or of the one `runner` starts now; or the one result it was refused with.
   * The runner of a subscriber who joins a running operation is never started.
   */
  async subscribe(key: string, runner: OperationRunner<R>): Promise<AsyncIterableIterator<R> | R> {
    let operation = this.operations.get(key);
    if (!operation) {
      operation = this.start(key, runner);
      this.operations.set(key, operation);
    }
    const started = await operation;
    return 'single' in started ? started.single : started.join();
  }

  /** Subscribers on this process (members of every running operation). */
  get subscriberCount(): number {
    return this.count.members;
  }

  /** Distinct operations running on this process. */
  get operationCount(): number {
    return this.operations.size;
  }

  private async start(key: string, runner: OperationRunner<R>): Promise<SharedOperation<R> | { single: R }> {
    // Past the first await: the map holds this call's promise by then (subscribe sets it).
    const forget = (): void => void this.operations.delete(key);
    let started: OperationStart<R>;
    try {
      started = await runner.start();
    } catch (error) {
      forget();
      runner.stop();
      throw error;
    }
    if ('single' in started) {
      forget();
      runner.stop();
      return started;
    }
    const mine = this.operations.get(key);
    const operation = new SharedOperation(started, runner, this.bufferSize, this.count, () => {
      if (this.operations.get(key) === mine) forget();
    });
    void operation.pump();
    return operation;
  }
}
