import { Field, ObjectType } from 'type-graphql';
import type { RecordingData } from '../../domain/model';
import { RecordingType } from '../recording/recording.type';
import { PageInfoType } from './page-info.type';
import { RecordingEdgeType } from './recording-edge.type';

@ObjectType('RecordingConnection', {
  simpleResolvers: true,
  description: 'A page of recordings from every vendor, newest first (Relay cursor connection).',
})
export class RecordingConnectionType {
  @Field(() => [RecordingEdgeType])
  edges!: RecordingEdgeType[];

  @Field(() => [RecordingType], { description: "The edges' nodes, for clients that need no cursor per recording." })
  nodes!: RecordingData[];

  @Field(() => PageInfoType)
  pageInfo!: PageInfoType;
}
