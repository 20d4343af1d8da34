import type { RecordingStatus } from '../domain/model';
import type { RecordingEventData, RecordingEventType, SessionRefresh } from '../domain/recording-event';
import type { ProviderRegistry } from '../providers/provider-registry';
import type { CallContext } from '../domain/call-context';
import type { RecordingProvider } from '../providers/recording-provider';
import type { WebhookOutcome } from '../providers/shared/webhook';
import type { EventBus } from './event-bus';

/** What a refreshed session's recordings report, as events (Bird, which sends no recording event). */
const STATUS_EVENTS: Partial<Record<RecordingStatus, RecordingEventType>> = {
  RECORDING: 'STARTED',
  PAUSED: 'PAUSED',
  PROCESSING: 'PROCESSING',
  READY: 'READY',
  FAILED: 'FAILED',
  DELETED: 'DELETED',
};

/** A vendor call made after the webhook was answered, to complete an event, gives up after this. */
const ENRICH_TIMEOUT_MS = 10_000;

/**
 * Called with every event before it is published: where whatever the server keeps across
 * requests about a recording or session is dropped (freshness, docs/subscriptions.md).
 */
export type EventHook = (event: RecordingEventData) => void | Promise<void>;

export interface EventProcessorLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface EventProcessor {
  /** Takes a verified delivery's outcome and returns at once: the receiver answers, then this runs. */
  enqueue(outcome: WebhookOutcome): void;
  /** Adds a freshness hook (the cache's invalidation). */
  onEvent(hook: EventHook): void;
  /** Resolves when everything enqueued so far has been published (tests, shutdown). */
  idle(): Promise<void>;
}

function validKey(
  provider: RecordingProvider | undefined,
  type: 'Recording' | 'Session',
  key: readonly string[] | null,
): readonly string[] | null {
  if (!key) return null;
  if (!provider) return key;
  try {
    provider.validateKey(type, key);
    return key;
  } catch {
    // A key that could never be loaded is not handed out (it would fail in every resolver).
    return null;
  }
}

/**
 * After a webhook is answered: checks the event's ids against the vendor's id rules,
 * completes what the payload lacks with one vendor call where needed (Daily's session;
 * Bird's refreshed call), runs the freshness hooks and publishes.
 */
export function createEventProcessor(providers: ProviderRegistry, bus: EventBus, log: EventProcessorLog): EventProcessor {
  const hooks: EventHook[] = [];
  const pending = new Set<Promise<void>>();
  const ctx = (id: string): CallContext => ({ signal: AbortSignal.timeout(ENRICH_TIMEOUT_MS), requestId: `webhook-${id}`, hints: {} });

  const complete = async (event: RecordingEventData): Promise<RecordingEventData> => {
    const provider = providers[event.provider];
    const recordingKey = validKey(provider, 'Recording', event.recordingKey);
    let sessionKey = validKey(provider, 'Session', event.sessionKey);
    if (!sessionKey && recordingKey && provider && event.type !== 'DELETED') {
      // The payload names the recording but not its session (Daily's): ask once, so a
      // subscription filtered by session sees it. A failure leaves the session unknown.
      const [found] = await provider.getRecordings([recordingKey], ctx(event.id)).catch(() => [null]);
      if (found && !(found instanceof Error)) sessionKey = found.sessionKey;
    }
    return { ...event, recordingKey, sessionKey };
  };

  const refresh = async (request: SessionRefresh, index: number): Promise<RecordingEventData[]> => {
    const provider = providers[request.provider];
    const sessionKey = validKey(provider, 'Session', request.sessionKey);
    if (!provider || !sessionKey) return [];
    const [session] = await provider.getSessions([sessionKey], ctx(`refresh-${index}`)).catch(() => [null]);
    if (!session || session instanceof Error) return [];
    return session.recordings.flatMap((recording, i) => {
      const type = STATUS_EVENTS[recording.status];
      if (!type) return [];
      return [
        {
          id: `${request.provider}:${sessionKey.join('/')}:${request.occurredAt}:${i}`,
          type,
          provider: request.provider,
          occurredAt: request.occurredAt,
          providerEvent: request.providerEvent,
          recordingKey: recording.key,
          sessionKey,
        },
      ];
    });
  };

  const publish = async (event: RecordingEventData): Promise<void> => {
    for (const hook of hooks) {
      try {
        await hook(event);
      } catch (error) {
        log.warn({ eventId: event.id, err: error }, 'freshness hook failed for a recording event');
      }
    }
    try {
      await bus.publish(event);
      log.info(
        { eventId: event.id, provider: event.provider, type: event.type, providerEvent: event.providerEvent },
        'recording event published',
      );
    } catch {
      // At most once: an event the bus cannot take (Redis unreachable) is lost, and said so.
      log.warn({ eventId: event.id, provider: event.provider, type: event.type }, 'recording event lost: the event bus is unavailable');
    }
  };

  const process = async (outcome: WebhookOutcome): Promise<void> => {
    const completed = await Promise.all(outcome.events.map(complete));
    const refreshed = (await Promise.all(outcome.refresh.map(refresh))).flat();
    for (const event of [...completed, ...refreshed]) await publish(event);
  };

  return {
    enqueue: (outcome) => {
      if (outcome.events.length === 0 && outcome.refresh.length === 0) return;
      const run = new Promise<void>((resolve) => setImmediate(resolve)).then(() => process(outcome));
      const tracked = run
        .catch((error: unknown) => log.warn({ err: error }, 'recording event processing failed'))
        .finally(() => pending.delete(tracked));
      pending.add(tracked);
    },
    onEvent: (hook) => {
      hooks.push(hook);
    },
    idle: async () => {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
