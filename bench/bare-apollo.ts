import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo from '@as-integrations/fastify';
import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';
import type { DailyConfig } from '../src/providers/daily/daily.config';
import { DailyClient } from '../src/providers/daily/daily.client';
import { mapDailyRecording } from '../src/providers/daily/daily.mapper';

/**
 * A reference for scenario 1, not a product: Apollo Server on fastify with one resolver
 * that calls the Daily client and maps the body, and nothing else (no loaders, global ids,
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
  type Recording { id: ID! status: String! durationSecs: Int startedAt: String }
  type Query { recording(id: ID!): Recording }
`;

export async function startBareApollo(daily: DailyConfig): Promise<BareApollo> {
  const client = new DailyClient(daily);
  const apollo = new ApolloServer({
    typeDefs: TYPE_DEFS,
    // Off as in the server (src/server/graphql-server.ts), so the two differ by the server's own work.
    plugins: [ApolloServerPluginCacheControlDisabled(), ApolloServerPluginLandingPageDisabled()],
    resolvers: {
      Query: {
        recording: async (_root: unknown, { id }: { id: string }) => {
          const rec = mapDailyRecording(await client.getRecording(id, {}));
          return { id: rec.nativeId, status: rec.status, durationSecs: rec.durationSecs, startedAt: rec.startedAt?.toISOString() };
        },
      },
    },
  });
  await apollo.start();
  const app = Fastify();
  await app.register(fastifyApollo(apollo), { path: '/graphql' });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    close: async () => {
      await app.close();
      await apollo.stop();
      await client.close();
    },
  };
}
