import { Field, ID, InputType } from 'type-graphql';
import type { ProviderName } from '../../domain/provider-name';
import type { RecordingEventType } from '../../domain/recording-event';
import { ProviderEnum, RecordingEventTypeEnum } from '../enums';

@InputType('RecordingEventFilter', { description: 'Narrows `Subscription.recordingEvents`; all given fields must match.' })
export class RecordingEventFilterInput {
  @Field(() => [ProviderEnum], { nullable: true, description: 'Only these vendors.' })
  providers?: ProviderName[] | null;

  @Field(() => ID, { nullable: true, description: "Only this session's events (a Session global id)." })
  sessionId?: string | null;

  @Field(() => [RecordingEventTypeEnum], { nullable: true, description: 'Only these event types.' })
  types?: RecordingEventType[] | null;
}
