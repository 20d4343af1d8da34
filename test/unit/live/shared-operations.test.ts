import 'reflect-metadata';
import { parse, type FormattedExecutionResult, type GraphQLSchema } from 'graphql';
import type { RecordingEventData } from '../../../src/domain/recording-event';
import { recordingEvent as event } from '../../support/recording-event';
import { createFormatError } from '../../../src/errors/format-error';
import { buildAppSchema } from '../../../src/graphql/build-schema';
import type { GraphQLContext } from '../../../src/graphql/context';
import { localEventBus, type EventBus } from '../../../src/live/event-bus';
import { BoundedQueue } from '../../../src/live/bounded-queue';
import { LiveEvents } from '../../../src/live/live-events';
import { SharedOperations } from '../../../src/live/shared-operations';
import { subscribeShared, type SubscriberContext, type SubscriptionDeps } from '../../../src/server/subscriptions/subscription-operation';

type Stream = AsyncIterableIterator<FormattedExecutionResult>;

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildAppSchema();
});

/** The server's subscription path (subscribeShared) over an in-process bus, without transports. */
function setup(bufferSize: number) {
  const bus: EventBus = localEventBus();
  const events = new LiveEvents(bus, bufferSize);
  const operations = new SharedOperations<FormattedExecutionResult>(bufferSize, { warn: () => {} });
  const deps = { live: { events, operations }, formatError: createFormatError() } as unknown as SubscriptionDeps;
  const stops: string[] = [];
  const subscribe = async (query: string, operationKey: string, variables?: Record<string, unknown>): Promise<Stream> => {
    // What the resolvers read: `providers` (a session filter's id) and `subscription`.
    const context = {
      providers: {},
      subscription: { events, eventContext: () => context, stop: () => stops.push(operationKey) },
    } as unknown as GraphQLContext;
    const subscriber: SubscriberContext = { operationKey, operationContext: () => context };
    return (await subscribeShared(deps)({ schema, document: parse(query), contextValue: subscriber, variableValues: variables })) as Stream;
  };
  /** Publishes, then lets the operation's pump hand the result out. */
  const publish = async (e: RecordingEventData): Promise<void> => {
    await bus.publish(e);
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  };
  return { events, operations, subscribe, publish, stops };
}

const QUERY = 'subscription ($types: [RecordingEventType!]) { recordingEvents(filter: { types: $types }) { id type } }';

describe('subscribers of the same operation', () => {
  it('share one filtered stream and one execution: each gets the same result', async () => {
    const { events, operations, subscribe, publish, stops } = setup(10);
    const a = await subscribe(QUERY, 'k');
    const b = await subscribe(QUERY, 'k');
    expect([operations.subscriberCount, operations.operationCount, events.streamCount]).toEqual([2, 1, 1]);
    await publish(event(1));
    const [ra, rb] = [await a.next(), await b.next()];
    expect(ra.value).toEqual({ data: { recordingEvents: { id: 'e1', type: 'READY' } } });
    // One result object, made once for both.
    expect(rb.value).toBe(ra.value);
    await a.return!();
    expect([operations.subscriberCount, events.streamCount]).toEqual([1, 1]);
    await publish(event(2));
    expect((await b.next()).value).toEqual({ data: { recordingEvents: { id: 'e2', type: 'READY' } } });
    await b.return!();
    // The last one out stops the operation (its vendor calls are aborted).
    expect([operations.subscriberCount, operations.operationCount, events.streamCount, stops]).toEqual([0, 0, 0, ['k']]);
  });

  it('different variables or filters are different operations, each with its own results', async () => {
    const { operations, subscribe, publish } = setup(10);
    const ready = await subscribe(QUERY, 'ready', { types: ['READY'] });
    const started = await subscribe(QUERY, 'started', { types: ['STARTED'] });
    expect(operations.operationCount).toBe(2);
    await publish(event(1, { type: 'STARTED' }));
    await publish(event(2));
    expect((await ready.next()).value).toEqual({ data: { recordingEvents: { id: 'e2', type: 'READY' } } });
    expect((await started.next()).value).toEqual({ data: { recordingEvents: { id: 'e1', type: 'STARTED' } } });
  });

  it('a slow subscriber is ended with SUBSCRIBER_TOO_SLOW while the others go on', async () => {
    const { operations, subscribe, publish } = setup(2);
    const slow = await subscribe(QUERY, 'k');
    const fast = await subscribe(QUERY, 'k');
    const got: unknown[] = [];
    for (const n of [1, 2, 3, 4, 5]) {
      await publish(event(n));
      got.push((await fast.next()).value);
    }
    expect(got).toEqual([1, 2, 3, 4, 5].map((n) => ({ data: { recordingEvents: { id: `e${n}`, type: 'READY' } } })));
    // The slow one read nothing: its two buffered events were dropped for one last error.
    const last = await slow.next();
    expect(last.value).toEqual({
      data: null,
      errors: [
        expect.objectContaining({ path: ['recordingEvents'], extensions: expect.objectContaining({ code: 'SUBSCRIBER_TOO_SLOW' }) }),
      ],
    });
    expect((await slow.next()).done).toBe(true);
    expect(operations.subscriberCount).toBe(1);
  });

  it('an operation refused at subscribing (a bad filter) is refused for each subscriber, and nothing keeps running', async () => {
    const { operations, events, subscribe } = setup(2);
    const bad = 'subscription { recordingEvents(filter: { sessionId: "not-an-id" }) { id } }';
    const [a, b] = await Promise.all([subscribe(bad, 'bad'), subscribe(bad, 'bad')]);
    for (const result of [a, b]) expect(JSON.stringify(result)).toContain('BAD_USER_INPUT');
    expect([operations.operationCount, operations.subscriberCount, events.streamCount]).toEqual([0, 0, 0]);
  });
});

describe('a distinct operation', () => {
  it('whose source fails ends its subscribers and says so in the log', async () => {
    const warnings: string[] = [];
    const operations = new SharedOperations<string>(10, { warn: (_fields, message) => warnings.push(message) });
    let fail: (error: Error) => void = () => {};
    const source = { next: () => new Promise<IteratorResult<string>>((_resolve, reject) => (fail = reject)) };
    const member = (await operations.subscribe('k', async () => ({
      source,
      overflow: 'too slow',
      stop: () => {},
    }))) as AsyncIterableIterator<string>;
    fail(new Error('execution failed'));
    expect((await member.next()).done).toBe(true);
    expect(warnings).toEqual(['a shared subscription operation failed: its subscribers were ended']);
    expect(operations.operationCount).toBe(0);
  });

  it('stopped by its last member while another subscriber waited for it is started again for that one', async () => {
    const operations = new SharedOperations<string>(10, { warn: () => {} });
    const starts: string[] = [];
    const stops: string[] = [];
    const sources: Array<BoundedQueue<string>> = [];
    const start = (name: string) => async () => {
      starts.push(name);
      const source = new BoundedQueue<string>(
        10,
        () => 'overflow',
        () => {},
      );
      sources.push(source);
      return { source, overflow: 'too slow', stop: () => stops.push(name) };
    };
    const a = (await operations.subscribe('k', start('a'))) as AsyncIterableIterator<string>;
    // b finds a's operation running and waits for it; a leaves before b has joined.
    const joining = operations.subscribe('k', start('b'));
    await a.return!();
    const b = (await joining) as AsyncIterableIterator<string>;
    expect([starts, stops, operations.operationCount, operations.subscriberCount]).toEqual([['a', 'b'], ['a'], 1, 1]);
    sources[1].offer('e1');
    expect((await b.next()).value).toBe('e1');
  });
});
