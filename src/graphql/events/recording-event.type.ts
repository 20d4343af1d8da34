import { Field, ID, ObjectType } from 'type-graphql';
import type { RecordingEventType as EventTypeName } from '../../domain/recording-event';
import type { ProviderName } from '../../domain/provider-name';
import { ProviderEnum, RecordingEventTypeEnum } from '../enums';

/**
 * One verified vendor webhook, normalised. `recording` and `session` are loaded through the
 * usual loaders when selected (recording-event.resolver.ts), so `recording.accessLink`
 * works on an event.
 */
@ObjectType('RecordingEvent', {
  simpleResolvers: true,
  description: 'Something that happened to a recording, pushed by its vendor (see docs/subscriptions.md).',
})
export class RecordingEventType {
  @Field(() => ID, { description: 'Unique per event.' })
  id!: string;

  @Field(() => RecordingEventTypeEnum)
  type!: EventTypeName;

  @Field(() => ProviderEnum)
  provider!: ProviderName;

  @Field(() => Date, { description: 'When it happened, as the vendor says (else when it was received).' })
  occurredAt!: Date;

  @Field(() => String, { description: "The vendor's own event (e.g. `recording.ready-to-download`)." })
  providerEvent!: string;

  @Field(() => ID, { nullable: true, description: "The recording's global id; null when the vendor's event names only the session." })
  recordingId!: string | null;

  @Field(() => ID, { nullable: true, description: "The session's global id, when known." })
  sessionId!: string | null;
}
