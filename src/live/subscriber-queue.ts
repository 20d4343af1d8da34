import type { ProviderName } from '../domain/provider-name';
import type { RecordingEventData, RecordingEventType } from '../domain/recording-event';
import { BoundedQueue } from './bounded-queue';

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
 * The events one filter asks for, bounded (bounded-queue.ts): OVERFLOW is yielded when the
 * reader fell `bufferSize` events behind, and the resolver turns it into SUBSCRIBER_TOO_SLOW.
 * Since deliveries are shared (shared-operations.ts), the reader is one distinct operation,
 * not one client.
 */
export class SubscriberQueue extends BoundedQueue<RecordingEventData, typeof OVERFLOW> {
  constructor(
    private readonly filter: EventFilter,
    bufferSize: number,
    onEnd: () => void,
  ) {
    super(bufferSize, () => OVERFLOW, onEnd);
  }

  /** Called by the bus for every event (synchronously; never throws). */
  override offer(event: RecordingEventData): void {
    if (matches(this.filter, event)) super.offer(event);
  }
}
