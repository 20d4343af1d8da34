import { Field, ID, InterfaceType } from 'type-graphql';
import type { RecordingData, SessionData } from '../../domain/model';

/**
 * Relay's Node. Resolvers hand out plain domain objects, so the type is told by shape
 * (type-graphql's default resolveType only knows class instances).
 */
@InterfaceType('Node', {
  description: 'An object with a global id (gid://recording-graph/<Type>/<provider>/<vendor id>).',
  resolveType: (value: RecordingData | SessionData) => ('recordings' in value ? 'Session' : 'Recording'),
})
export abstract class Node {
  @Field(() => ID, { description: 'Global id; round-trips through `node(id:)`.' })
  id!: string;
}
