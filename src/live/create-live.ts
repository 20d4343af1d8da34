import type { AppConfig } from '../config/config.types';
import type { ProviderRegistry } from '../providers/provider-registry';
import type { SharedRedis } from '../redis/redis-connection';
import { localEventBus, type EventBus } from './event-bus';
import { createEventProcessor, type EventProcessor, type EventProcessorLog } from './event-processor';
import { LiveEvents } from './live-events';
import { redisEventBus } from './redis-event-bus';
import { memoryReplayGuard, redisReplayGuard, type ReplayGuard } from './replay-guard';
import { vendorWebhooks, type VendorWebhooks } from './vendor-webhooks';

/** Everything between the webhook receivers and the subscriptions, for one server. */
export interface Live {
  vendors: VendorWebhooks;
  replay: ReplayGuard;
  processor: EventProcessor;
  bus: EventBus;
  events: LiveEvents;
  /** Ends every subscription and leaves the bus. */
  close(): Promise<void>;
}

/**
 * With a shared Redis (REDIS_URL), events fan out through Redis pub/sub and replays are
 * recognised across replicas; without, both stay in this process.
 */
export async function createLive(config: AppConfig, providers: ProviderRegistry, log: EventProcessorLog, redis?: SharedRedis): Promise<Live> {
  const bus = redis ? await redisEventBus(redis) : localEventBus();
  const events = new LiveEvents(bus, config.subscriptions.bufferSize);
  const processor = createEventProcessor(providers, bus, log);
  return {
    vendors: vendorWebhooks(config.webhooks),
    replay: redis ? redisReplayGuard(redis.client) : memoryReplayGuard(),
    processor,
    bus,
    events,
    close: async () => {
      events.close();
      await processor.idle();
      await bus.close();
    },
  };
}
