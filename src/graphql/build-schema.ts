import 'reflect-metadata';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { lexicographicSortSchema, parse, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap } from 'type-graphql';
import type { RecordingData, SessionData } from '../domain/model';
import type { GraphQLContext } from './context';
import { RecordingEventResolver } from './events/recording-event.resolver';
import { guardEntities } from './entity-representations';
import { loadRecording } from './load-recording';
import { ListingResolver } from './listing/listing.resolver';
import { NodeResolver } from './node/node.resolver';
import { RecordingResolver } from './recording/recording.resolver';
import { RecordingType } from './recording/recording.type';
import { resolveId } from './resolve-id';
import { SessionResolver } from './session/session.resolver';
import { SessionType } from './session/session.type';

/** Federation 2 import; `@key` is the only federation directive this subgraph uses. */
const FEDERATION_LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

/**
 * Entity references from a gateway go through the same per-request loaders as `nodes`,
 * so 50 references cost what 50 ids in `nodes` cost; `info` is the `_entities` field's, so
 * the links its selection asks for start with the recordings (loadRecording).
 */
const referenceResolvers = {
  Recording: {
    __resolveReference: (ref: { id: string }, ctx: GraphQLContext, info: GraphQLResolveInfo): Promise<RecordingData> =>
      loadRecording(resolveId(ref.id, ctx.providers, 'Recording').canonical, ctx, info),
  },
  Session: {
    __resolveReference: (ref: { id: string }, ctx: GraphQLContext): Promise<SessionData> =>
      ctx.loaders.session.load(resolveId(ref.id, ctx.providers, 'Session').canonical),
  },
};

const NO_TOPICS = {
  publish: (): void => {
    throw new Error('recording-graph publishes events through src/live, not type-graphql topics');
  },
  subscribe: (): never => {
    throw new Error('recording-graph subscriptions have their own source (src/live)');
  },
};

/**
 * Builds the Apollo Federation 2 subgraph schema from the type-graphql classes (every
 * `@ObjectType` says `simpleResolvers: true`: a plain field reads its property with
 * graphql-js's default resolver, where type-graphql would wrap each in a middleware runner
 * for the middlewares and auth checker this schema does not have):
 * type-graphql's schema is printed with its directives (@key), parsed back as subgraph
 * type definitions, and given type-graphql's own resolvers plus the reference resolvers.
 */
export async function buildAppSchema(): Promise<GraphQLSchema> {
  const typeGraphQLSchema = lexicographicSortSchema(
    await buildSchema({
      resolvers: [ListingResolver, NodeResolver, RecordingResolver, SessionResolver, RecordingEventResolver],
      orphanedTypes: [RecordingType, SessionType],
      validate: false,
      // type-graphql asks for a PubSub whenever there is a subscription; ours brings its own
      // source (`subscribe:`, fed by src/live), so topic-based publishing is never used.
      pubSub: NO_TOPICS,
    }),
  );
  const resolvers = createResolversMap(typeGraphQLSchema) as GraphQLResolverMap<GraphQLContext>;
  for (const [type, extra] of Object.entries(referenceResolvers)) {
    resolvers[type] = { ...(resolvers[type] as object), ...extra } as GraphQLResolverMap<GraphQLContext>[string];
  }
  const schema = buildSubgraphSchema([
    { typeDefs: parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(typeGraphQLSchema)}`), resolvers },
  ]);
  guardEntities(schema);
  return schema;
}

/** The published contract: schema/schema.graphql is exactly this text. */
export function printAppSchema(schema: GraphQLSchema): string {
  return `${printSubgraphSchema(schema).trim()}\n`;
}
