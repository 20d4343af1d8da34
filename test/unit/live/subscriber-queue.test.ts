import 'reflect-metadata';
import { parse, subscribe, type ExecutionResult } from 'graphql';
import type { RecordingEventData } from '../../../src/domain/recording-event';
import { recordingEvent as event } from '../../support/recording-event';
import { buildAppSchema } from '../../../src/graphql/build-schema';
import type { GraphQLContext } from '../../../src/graphql/context';
import { localEventBus } from '../../../src/live/event-bus';
import { LiveEvents } from '../../../src/live/live-events';
import { memoryReplayGuard } from '../../../src/live/replay-guard';

describe('a subscriber that falls behind', () => {
  it('is ended with SUBSCRIBER_TOO_SLOW once its buffer is full, and nothing more is kept for it', async () => {
    const bus = localEventBus();
    const live = new LiveEvents(bus, 2);
    // What the subscribe resolver reads (no session filter here, so not `providers`).
    const context = { subscription: { events: live } } as unknown as GraphQLContext;
    const stream = (await subscribe({
      schema: await buildAppSchema(),
      document: parse('subscription { recordingEvents { id type } }'),
      contextValue: context,
    })) as AsyncGenerator<ExecutionResult>;
    expect(live.streamCount).toBe(1);
    // Nobody reads: two wait, the third overflows and the subscriber is let go at once.
    for (const n of [1, 2, 3, 4]) await bus.publish(event(n));
    expect(live.streamCount).toBe(0);
    const first = await stream.next();
    expect(first.value.data).toBeNull();
    expect(first.value.errors[0].originalError.code).toBe('SUBSCRIBER_TOO_SLOW');
    expect((await stream.next()).done).toBe(true);
  });

  it('a subscriber that keeps up gets every event, in order', async () => {
    const bus = localEventBus();
    const live = new LiveEvents(bus, 2);
    const queue = live.subscribe({ types: new Set(['READY']) });
    const got: string[] = [];
    for (const n of [1, 2, 3, 4, 5, 6]) {
      await bus.publish(event(n));
      await bus.publish(event(100 + n, { type: 'STARTED' }));
      const next = await queue.next();
      got.push((next.value as RecordingEventData).id);
    }
    expect(got).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6']);
    live.close();
    expect((await queue.next()).done).toBe(true);
  });
});

describe('the in-process replay guard', () => {
  it('says a delivery is new once, until it has been forgotten', async () => {
    let now = 0;
    const guard = memoryReplayGuard(3, () => now);
    expect(await guard.firstSeen('a', 1000)).toBe(true);
    expect(await guard.firstSeen('a', 1000)).toBe(false);
    now = 1001;
    expect(await guard.firstSeen('a', 1000)).toBe(true);
    // Bounded: past the cap the oldest are forgotten first.
    for (const k of ['b', 'c', 'd']) await guard.firstSeen(k, 10_000);
    expect(await guard.firstSeen('d', 10_000)).toBe(false);
    expect(await guard.firstSeen('a', 10_000)).toBe(true);
  });
});
