import type { RecordingEventData } from '../domain/recording-event';
import type { EventBus } from './event-bus';
import { SubscriberQueue, type EventFilter } from './subscriber-queue';

/**
 * This process's filtered event streams, fed from the bus: one bus listener for all of
 * them, each stream a bounded queue read by one distinct operation (src/live/shared-operations.ts),
 * which hands the results to its subscribers. `close()` ends every stream, and so every
 * subscription (shutdown: the transports then complete instead of holding the server).
 */
export class LiveEvents {
  private readonly queues = new Set<SubscriberQueue>();
  private readonly subscribeHooks: Array<() => void> = [];
  private readonly unsubscribe: () => void;
  private closed = false;

  constructor(
    readonly bus: EventBus,
    private readonly bufferSize: number,
  ) {
    this.unsubscribe = bus.subscribe((event: RecordingEventData) => {
      for (const queue of this.queues) queue.offer(event);
    });
  }

  subscribe(filter: EventFilter): SubscriberQueue {
    const queue = new SubscriberQueue(filter, this.bufferSize, () => this.queues.delete(queue));
    if (this.closed) queue.finish();
    else this.queues.add(queue);
    for (const hook of this.subscribeHooks) hook();
    return queue;
  }

  /** Called whenever a stream opens: a distinct operation starts (the sandbox starts its live recordings then). */
  onSubscribe(hook: () => void): void {
    this.subscribeHooks.push(hook);
  }

  /** Streams open: one per distinct operation running, not one per subscriber. */
  get streamCount(): number {
    return this.queues.size;
  }

  close(): void {
    this.closed = true;
    for (const queue of [...this.queues]) queue.finish();
    this.unsubscribe();
  }
}
