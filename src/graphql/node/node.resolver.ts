import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import type { RecordingData, SessionData } from '../../domain/model';
import { BadUserInputError } from '../../errors/coded-error';
import type { GraphQLContext } from '../context';
import { loadRecording } from '../load-recording';
import { resolveId } from '../resolve-id';
import { Node } from './node.interface';

/** The most ids one `nodes` call takes; a page of a frontend list is far fewer. */
export const MAX_NODES = 250;

function loadNode(id: string, ctx: GraphQLContext, info: GraphQLResolveInfo): Promise<RecordingData | SessionData> {
  const resolved = resolveId(id, ctx.providers);
  return resolved.type === 'Recording' ? loadRecording(resolved.canonical, ctx, info) : ctx.loaders.session.load(resolved.canonical);
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by global id (Relay).' })
  node(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RecordingData | SessionData> {
    return loadNode(id, ctx, info);
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: `Objects by global id, in order; a failed one is null with an error at its index. At most ${MAX_NODES} ids.`,
  })
  async nodes(
    @Arg('ids', () => [ID]) ids: string[],
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Array<RecordingData | SessionData | Error>> {
    if (ids.length > MAX_NODES) throw new BadUserInputError(`nodes takes at most ${MAX_NODES} ids; got ${ids.length}.`);
    // An Error in a slot becomes that index's null plus an error at its path (graphql-js).
    return Promise.all(
      ids.map(async (id) => {
        try {
          return await loadNode(id, ctx, info);
        } catch (error) {
          return error instanceof Error ? error : new Error(String(error));
        }
      }),
    );
  }
}
