import type { FormattedExecutionResult } from 'graphql';
import type { AppConfig } from '../config/config.types';
import type { ProviderName } from '../domain/provider-name';
import type { ProviderRegistry } from '../providers/provider-registry';
import type { SharedRedis } from '../redis/redis-connection';
import { localEventBus, type EventBus } from './event-bus';
import { createEventProcessor, type EventProcessor, type EventProcessorLog } from './event-processor';
import { LiveEvents } from './live-events';
import { redisEventBus } from './redis-event-bus';
import { memoryReplayGuard, redisReplayGuard, type ReplayGuard } from './replay-guard';
import { SharedOperations } from './shared-operations';
import { vendorWebhooks, type VendorWebhooks, type WebhookReceiverSource } from './vendor-webhooks';

/**
 * What keeps vendor data across requests (the cross-request cache, src/loaders): told to
 * drop what an event says has changed. Structural, so this layer needs nothing from there.
 */
export interface FreshnessTarget {
  invalidateRecording(provider: ProviderName, key: readonly string[]): Promise<void>;
  invalidateSession(provider: ProviderName, key: readonly string[]): Promise<void>;
}

/** Everything between the webhook receivers and the subscriptions, for one server. */
export interface Live {
  vendors: VendorWebhooks;
  replay: ReplayGuard;
  processor: EventProcessor;
  bus: EventBus;
  /** One filtered event stream per distinct operation (not per subscriber). */
  events: LiveEvents;
  /** The subscribers, grouped by distinct operation: each operation runs once per event. */
  operations: SharedOperations<FormattedExecutionResult>;
  /** Ends every subscription and leaves the bus. */
  close(): Promise<void>;
}

/**
 * With a shared Redis (REDIS_URL), events fan out through Redis pub/sub and replays are
 * recognised across replicas; without, both stay in this process.
 */
export async function createLive(
  config: AppConfig,
  vendors: readonly WebhookReceiverSource[],
  providers: ProviderRegistry,
  log: EventProcessorLog,
  redis?: SharedRedis,
  freshness?: FreshnessTarget,
): Promise<Live> {
  const bus = redis ? await redisEventBus(redis) : localEventBus();
  const events = new LiveEvents(bus, config.subscriptions.bufferSize);
  const processor = createEventProcessor(providers, bus, log);
  if (freshness) {
    // Before the event is published: a subscriber that loads the recording on the event
    // reaches the vendor, not what was kept before it changed.
    processor.onEvent(async (event) => {
      await Promise.all([
        event.recordingKey ? freshness.invalidateRecording(event.provider, event.recordingKey) : undefined,
        event.sessionKey ? freshness.invalidateSession(event.provider, event.sessionKey) : undefined,
      ]);
    });
  }
  return {
    vendors: vendorWebhooks(config.webhooks, vendors),
    replay: redis ? redisReplayGuard(redis.client) : memoryReplayGuard(),
    processor,
    bus,
    events,
    operations: new SharedOperations(config.subscriptions.bufferSize, log),
    close: async () => {
      events.close();
      await processor.idle();
      await bus.close();
    },
  };
}
