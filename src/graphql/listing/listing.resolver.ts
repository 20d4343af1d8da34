import { responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import { attributeToProvider } from '../../errors/provider-error';
import { readTimelineConnection } from '../../timeline/timeline-connection';
import type { GraphQLContext } from '../context';
import { DEFAULT_FIRST, MAX_FIRST, planListing } from './listing-plan';
import { RecordingConnectionType } from './recording-connection.type';
import { RecordingFilterInput } from './recording-filter.input';

@Resolver(() => RecordingConnectionType)
export class ListingResolver {
  @Query(() => RecordingConnectionType, {
    description:
      'Every recording at every configured vendor, newest first (by `startedAt`, else `createdAt`; ties by id), one page at a time. A vendor that fails leaves the page to the others and adds an error naming it; the cursors resume it later, nothing lost.',
  })
  async recordings(
    @Arg('filter', () => RecordingFilterInput, { nullable: true }) filter: RecordingFilterInput | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_FIRST, description: `How many, 1..${MAX_FIRST}.` })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'A cursor from a previous page of the same filter.' }) after: string | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RecordingConnectionType> {
    const plan = planListing(filter, first ?? DEFAULT_FIRST, ctx.providers);
    const page = await readTimelineConnection({ ...plan, after: after ?? null }, ctx.cursors, ctx.call);

    const path = responsePathAsArray(info.path);
    for (const error of plan.unconfigured) ctx.partialErrors.push({ path, error });
    for (const { provider, error } of page.failures)
      ctx.partialErrors.push({ path, error: attributeToProvider(provider, error, 'listing recordings') });
    // `session`, `accessLink` and `node(id:)` on a listed recording need no get of it.
    for (const { recording } of page.edges) ctx.loaders.primeRecording(recording);

    return {
      edges: page.edges.map((e) => ({
        get cursor() {
          return e.cursor;
        },
        node: e.recording,
      })),
      nodes: page.edges.map((e) => e.recording),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }
}
