import { Field, ObjectType } from 'type-graphql';
import type { RecordingData } from '../../domain/model';
import { RecordingType } from '../recording/recording.type';

@ObjectType('RecordingEdge', {
  simpleResolvers: true,
  description: 'A recording on the timeline, with the cursor that resumes right after it.',
})
export class RecordingEdgeType {
  @Field(() => String, { description: 'Opaque; pass it as `after` to continue after this recording.' })
  cursor!: string;

  @Field(() => RecordingType)
  node!: RecordingData;
}
