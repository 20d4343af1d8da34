import type { RecordingEventData } from '../domain/recording-event';

export type EventListener = (event: RecordingEventData) => void;

/**
 * Carries verified, normalised events from the receivers to this process's subscribers.
 * In process by default; with REDIS_URL, through Redis pub/sub to every replica's
 * (redis-event-bus.ts). Delivery is at most once: nothing is stored or retried.
 */
export interface EventBus {
  publish(event: RecordingEventData): Promise<void>;
  /** Listeners run synchronously and must not throw (they only queue). Returns the unsubscribe. */
  subscribe(listener: EventListener): () => void;
  close(): Promise<void>;
}

/** Fans an event out to this process's listeners. */
export class Listeners {
  private readonly set = new Set<EventListener>();

  add(listener: EventListener): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }

  emit(event: RecordingEventData): void {
    for (const listener of this.set) listener(event);
  }

  get size(): number {
    return this.set.size;
  }
}

/** Without REDIS_URL: a publish reaches this process's subscribers only. */
export function localEventBus(): EventBus {
  const listeners = new Listeners();
  return {
    publish: async (event) => listeners.emit(event),
    subscribe: (listener) => listeners.add(listener),
    close: async () => undefined,
  };
}
