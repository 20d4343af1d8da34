import { Arg, Ctx, FieldResolver, Resolver, Root, Subscription } from 'type-graphql';
import type { SubscribeResolverData } from 'type-graphql';
import type { RecordingData, SessionData } from '../../domain/model';
import type { RecordingEventData } from '../../domain/recording-event';
import { CodedError, NotFoundError } from '../../errors/coded-error';
import { ErrorCode } from '../../errors/error-codes';
import { encodeGlobalId } from '../../ids/global-id';
import { OVERFLOW, type EventFilter, type QueueItem } from '../../live/subscriber-queue';
import type { GraphQLContext } from '../context';
import { resolveId } from '../resolve-id';
import { RecordingType } from '../recording/recording.type';
import { SessionType } from '../session/session.type';
import { RecordingEventFilterInput } from './recording-event-filter.input';
import { RecordingEventType } from './recording-event.type';

/**
 * An event as its fields see it. Its `recording` and `session` load through the context's
 * loaders, which are the event's own (SubscriptionContext.eventContext).
 */
export interface RecordingEventRoot extends Omit<RecordingEventData, 'occurredAt'> {
  occurredAt: Date;
  recordingId: string | null;
  sessionId: string | null;
}

function eventFilter(filter: RecordingEventFilterInput | null | undefined, ctx: GraphQLContext): EventFilter {
  const out: EventFilter = {};
  if (filter?.providers) out.providers = new Set(filter.providers);
  if (filter?.types) out.types = new Set(filter.types);
  if (filter?.sessionId) {
    const session = resolveId(filter.sessionId, ctx.providers, 'Session');
    out.session = { provider: session.provider, key: session.segments };
  }
  return out;
}

@Resolver(() => RecordingEventType)
export class RecordingEventResolver {
  @Subscription(() => RecordingEventType, {
    description:
      'Recording events as the vendors push them (verified webhooks), over WebSocket (graphql-transport-ws) on /graphql or SSE on /graphql/stream. At most once per subscriber; a subscriber that falls behind is ended with SUBSCRIBER_TOO_SLOW.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { filter?: RecordingEventFilterInput | null }, GraphQLContext>) => {
      const live = context.subscription;
      if (!live)
        throw new CodedError(
          ErrorCode.BAD_USER_INPUT,
          'Subscriptions run over WebSocket (graphql-transport-ws) on /graphql or SSE on /graphql/stream.',
        );
      // The filter is checked (a malformed session id is BAD_USER_INPUT) before subscribing.
      return live.events.subscribe(eventFilter(args.filter, context));
    },
  })
  recordingEvents(
    @Root() item: QueueItem,
    @Arg('filter', () => RecordingEventFilterInput, { nullable: true }) _filter?: RecordingEventFilterInput | null,
  ): RecordingEventRoot {
    if (item === OVERFLOW) {
      throw new CodedError(
        ErrorCode.SUBSCRIBER_TOO_SLOW,
        'This subscription fell too far behind the events and was ended; subscribe again (events in between are not replayed).',
      );
    }
    return {
      ...item,
      occurredAt: new Date(item.occurredAt),
      recordingId: item.recordingKey ? encodeGlobalId('Recording', item.provider, item.recordingKey) : null,
      sessionId: item.sessionKey ? encodeGlobalId('Session', item.provider, item.sessionKey) : null,
    };
  }

  @FieldResolver(() => RecordingType, {
    nullable: true,
    description:
      'The recording as `Query.recording` returns it, loaded when selected; null when the event names none, or it is gone (DELETED).',
  })
  async recording(@Root() event: RecordingEventRoot, @Ctx() ctx: GraphQLContext): Promise<RecordingData | null> {
    if (!event.recordingId) return null;
    try {
      return await ctx.loaders.recording.load(resolveId(event.recordingId, ctx.providers, 'Recording').canonical);
    } catch (error) {
      if (error instanceof NotFoundError && event.type === 'DELETED') return null;
      throw error;
    }
  }

  @FieldResolver(() => SessionType, { nullable: true, description: 'The session, loaded when selected; null when not known.' })
  async session(@Root() event: RecordingEventRoot, @Ctx() ctx: GraphQLContext): Promise<SessionData | null> {
    if (!event.sessionId) return null;
    return ctx.loaders.session.load(resolveId(event.sessionId, ctx.providers, 'Session').canonical);
  }
}
