import type { Redis } from 'ioredis';
import type { RecordingEventData } from '../domain/recording-event';
import type { SharedRedis } from '../redis/redis-connection';
import { Listeners, type EventBus } from './event-bus';

export const EVENTS_CHANNEL = 'recording-graph:recording-events';

/**
 * Across replicas: a publish goes to Redis only, and every replica (this one included)
 * hands what its subscriber connection receives to its own listeners. So each subscriber
 * gets an event once, whichever replica received the webhook; an event published while
 * Redis is unreachable, or while a replica's subscriber connection is down, is lost for
 * those subscribers (at most once, docs/subscriptions.md).
 */
export async function redisEventBus(redis: SharedRedis): Promise<EventBus> {
  const listeners = new Listeners();
  const subscriber: Redis = redis.duplicate();
  subscriber.on('message', (channel: string, message: string) => {
    if (channel !== EVENTS_CHANNEL) return;
    let event: RecordingEventData;
    try {
      event = JSON.parse(message) as RecordingEventData;
    } catch {
      return;
    }
    listeners.emit(event);
  });
  // Subscribing waits for the connection (no offline queue: retry until it is ready), so a
  // replica that starts with Redis down still joins the fan-out when Redis comes back;
  // ioredis re-subscribes by itself after a reconnect.
  const ready = new Promise<void>((resolve) => {
    const attempt = (): void => {
      subscriber.subscribe(EVENTS_CHANNEL).then(
        () => resolve(),
        () => setTimeout(attempt, 200).unref(),
      );
    };
    if (subscriber.status === 'ready') attempt();
    else subscriber.once('ready', attempt);
  });
  await Promise.race([ready, new Promise((r) => setTimeout(r, 2_000).unref())]);
  return {
    publish: async (event) => {
      await redis.client.publish(EVENTS_CHANNEL, JSON.stringify(event));
    },
    subscribe: (listener) => listeners.add(listener),
    close: async () => {
      await subscriber.quit().catch(() => subscriber.disconnect());
    },
  };
}
