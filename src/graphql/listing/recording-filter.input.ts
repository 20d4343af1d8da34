import { Field, ID, InputType } from 'type-graphql';
import type { RecordingStatus } from '../../domain/model';
import type { ProviderName } from '../../domain/provider-name';
import { ProviderEnum, RecordingStatusEnum } from '../enums';

/** What `Query.recordings` lists; every field narrows it, and each is pushed down to the vendors. */
@InputType('RecordingFilter', { description: 'Narrows `Query.recordings`; all given fields must match.' })
export class RecordingFilterInput {
  @Field(() => [ProviderEnum], {
    nullable: true,
    description: 'Only these vendors; the others are not called. Default: every configured vendor.',
  })
  providers?: ProviderName[] | null;

  @Field(() => [RecordingStatusEnum], { nullable: true, description: 'Only recordings in one of these statuses.' })
  statuses?: RecordingStatus[] | null;

  @Field(() => Date, { nullable: true, description: 'Only recordings that started (or, not started, were created) at or after this time.' })
  startedAfter?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only recordings that started (or, not started, were created) before this time.' })
  startedBefore?: Date | null;

  @Field(() => ID, { nullable: true, description: "Only this session's recordings (a Session global id); lists only its vendor." })
  sessionId?: string | null;
}
