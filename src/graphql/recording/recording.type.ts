import { GraphQLSafeInt } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import type { MediaFormat, RecordingStatus } from '../../domain/model';
import { MediaFormatEnum, RecordingStatusEnum } from '../enums';
import { Node } from '../node/node.interface';

/**
 * A recording at any vendor. Fields backed by another vendor call (`session`,
 * `accessLink`) are nullable so one failure costs that field, not the query; they and
 * `id`, `provider`, `storage` are resolved in recording.resolver.ts.
 */
@Directive('@key(fields: "id")')
@ObjectType('Recording', {
  simpleResolvers: true,
  implements: Node,
  description: 'A call or meeting recording held by one of the vendors.',
})
export class RecordingType extends Node {
  @Field(() => ID, { description: "The vendor's own id of the recording (Zoom: the recording file id)." })
  nativeId!: string;

  @Field(() => RecordingStatusEnum)
  status!: RecordingStatus;

  @Field(() => String, { nullable: true, description: "The vendor's raw status value." })
  providerStatus!: string | null;

  @Field(() => MediaFormatEnum, { nullable: true })
  format!: MediaFormat | null;

  @Field(() => Int, { nullable: true })
  durationSecs!: number | null;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Exact size in bytes (up to 2^53 - 1).' })
  sizeBytes!: number | null;

  @Field(() => Int, { nullable: true, description: 'Audio channels, where the vendor says.' })
  channels!: number | null;

  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  endedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  createdAt!: Date | null;
}
