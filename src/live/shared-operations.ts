import { BoundedQueue } from './bounded-queue';

/** A distinct operation once started: its results, shared by its members. */
export interface RunningOperation<R> {
  source: AsyncIterator<R>;
  /** The last result of a member that fell too far behind (SUBSCRIBER_TOO_SLOW). */
  overflow: R;
  /** Called once when the operation stops (its last member left, or its source ended). */
  stop(): void;
}

/**
 * Starts a distinct operation (run once, whoever of its subscribers comes first): what it
 * produces, or the one result it was refused with.
 */
export type StartOperation<R> = () => Promise<RunningOperation<R> | { single: R }>;

/** Where an operation that failed is reported (the server's logger; its `err` serializer keeps an error's type, message and stack only). */
export interface SharedOperationsLog {
  warn(obj: object, msg: string): void;
}

/**
 * One distinct operation (same document, variables, operation name and API key) and the
 * subscribers that sent it: the operation runs once per event and each member gets the
 * same result object, through a bounded queue of its own, so one slow client is dropped
 * without holding up the others.
 */
class SharedOperation<R> {
  private readonly members = new Set<BoundedQueue<R>>();
  private isStopped = false;

  constructor(
    private readonly running: RunningOperation<R>,
    private readonly bufferSize: number,
    private readonly count: { members: number },
    private readonly log: SharedOperationsLog,
    private readonly onStop: () => void,
  ) {}

  join(): BoundedQueue<R> {
    const member: BoundedQueue<R> = new BoundedQueue<R>(
      this.bufferSize,
      () => this.running.overflow,
      () => this.leave(member),
    );
    if (this.isStopped) {
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
        const next = await this.running.source.next();
        if (next.done) break;
        for (const member of this.members) member.offer(next.value);
      }
    } catch (error) {
      // The source executes and formats the selection for every event (subscribeShared in
      // src/server/subscriptions/subscription-operation.ts): field errors become results,
      // so what reaches here is a failure of that machinery itself. The members then end
      // (complete) like at the source's end; the log says why.
      this.log.warn({ err: error, subscribers: this.members.size }, 'a shared subscription operation failed: its subscribers were ended');
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
      void this.running.source.return?.();
    }
  }

  /** Stopped: a member that joins now ends at once. */
  get stopped(): boolean {
    return this.isStopped;
  }

  private stop(): void {
    if (this.isStopped) return;
    this.isStopped = true;
    this.onStop();
    this.running.stop();
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

  constructor(
    private readonly bufferSize: number,
    private readonly log: SharedOperationsLog,
  ) {}

  /**
   * The caller's stream of results for the operation named `key`: a member of the running
   * operation, or of the one `start` starts now; or the one result it was refused with.
   * `start` is called only when no operation of that key runs.
   */
  async subscribe(key: string, start: StartOperation<R>): Promise<AsyncIterableIterator<R> | R> {
    for (;;) {
      const running = this.operations.get(key);
      const operation = running ?? this.start(key, start);
      if (!running) this.operations.set(key, operation);
      const started = await operation;
      if ('single' in started) return started.single;
      // An operation found running may have stopped while this call waited for it (its last
      // member left): joining it would end at once, so look again (its stop took its key out
      // of the map, so this starts a new one). One this call started itself is joined
      // whatever: if it stopped already, its source ended (shutdown), as a new one's would.
      if (!running || !started.stopped) return started.join();
    }
  }

  /** Subscribers on this process (members of every running operation). */
  get subscriberCount(): number {
    return this.count.members;
  }

  /** Distinct operations running on this process. */
  get operationCount(): number {
    return this.operations.size;
  }

  private async start(key: string, start: StartOperation<R>): Promise<SharedOperation<R> | { single: R }> {
    // Past the first await: the map holds this call's promise by then (subscribe sets it).
    const forget = (): void => void this.operations.delete(key);
    let started: RunningOperation<R> | { single: R };
    try {
      started = await start();
    } catch (error) {
      forget();
      throw error;
    }
    if ('single' in started) {
      forget();
      return started;
    }
    const mine = this.operations.get(key);
    const operation = new SharedOperation(started, this.bufferSize, this.count, this.log, () => {
      if (this.operations.get(key) === mine) forget();
    });
    void operation.pump();
    return operation;
  }
}
