import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo from '@as-integrations/fastify';
import Fastify from 'fastify';
import { Kind, type GraphQLResolveInfo } from 'graphql';
import type { AddressInfo } from 'node:net';
import type { DailyConfig } from '../src/providers/daily/daily.config';
import { DailyClient } from '../src/providers/daily/daily.client';
import { mapDailyRecording } from '../src/providers/daily/daily.mapper';

/**
 * A reference for scenario 1 and the Mesh-shaped load, not a product: Apollo Server on
 * fastify with one resolver that calls the Daily client (the recording, and beside it the
 * access link when `accessLink` is selected) and maps the body, and nothing else (no loaders, global ids,
 * limits, plugins of ours, metrics or request ids; Apollo's cache-control and landing-page
 * plugins off, as in the server). Over the floor it costs what the required stack
 * (an HTTP hop, fastify, Apollo's request pipeline) costs on this machine; the server's
 * overhead beyond this is what its own features cost.
 */
export interface BareApollo {
  url: string;
  close(): Promise<void>;
}

const TYPE_DEFS = `
  type AccessLink { url: String! expiresAt: String! }
  type Recording { id: ID! status: String! durationSecs: Int startedAt: String accessLink(validForSecs: Int): AccessLink }
  type Query { recording(id: ID!): Recording }
`;

/**
 * The `validForSecs` of an `accessLink` selected directly under the field, written as a
 * literal (the Mesh-shaped query's form), or undefined when none is selected: the bare
 * resolver then makes the link call beside the recording's, as Mesh's two root fields do.
 */
function selectedLinkSecs(info: GraphQLResolveInfo): number | undefined {
  for (const selection of info.fieldNodes[0].selectionSet?.selections ?? []) {
    if (selection.kind !== Kind.FIELD || selection.name.value !== 'accessLink') continue;
    const arg = selection.arguments?.find((a) => a.name.value === 'validForSecs')?.value;
    return arg?.kind === Kind.INT ? Number(arg.value) : 3600;
  }
  return undefined;
}

export async function startBareApollo(daily: DailyConfig, port = 0): Promise<BareApollo> {
  const client = new DailyClient(daily);
  const apollo = new ApolloServer({
    typeDefs: TYPE_DEFS,
    // Off as in the server (src/server/graphql-server.ts), so the two differ by the server's own work.
    plugins: [ApolloServerPluginCacheControlDisabled(), ApolloServerPluginLandingPageDisabled()],
    resolvers: {
      Query: {
        recording: async (_root: unknown, { id }: { id: string }, _ctx: unknown, info: GraphQLResolveInfo) => {
          const linkSecs = selectedLinkSecs(info);
          const [body, link] = await Promise.all([
            client.getRecording(id, {}),
            linkSecs === undefined ? undefined : client.getAccessLink(id, linkSecs, {}),
          ]);
          const rec = mapDailyRecording(body);
          return {
            id: rec.nativeId,
            status: rec.status,
            durationSecs: rec.durationSecs,
            startedAt: rec.startedAt?.toISOString(),
            accessLink: link && { url: link.download_link, expiresAt: new Date(link.expires * 1000).toISOString() },
          };
        },
      },
    },
  });
  await apollo.start();
  const app = Fastify();
  await app.register(fastifyApollo(apollo), { path: '/graphql' });
  app.get('/readyz', async () => ({ ready: true }));
  await app.listen({ host: '127.0.0.1', port });
  return {
    url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    close: async () => {
      await app.close();
      await apollo.stop();
      await client.close();
    },
  };
}
