import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import type { DocumentNode } from 'graphql';

export interface SubgraphDefinition {
  name: string;
  url: string;
  typeDefs: DocumentNode;
}

/**
 * Composes subgraphs into a supergraph SDL with `@apollo/composition`, the library
 * Rover's `supergraph compose` runs. A composition error throws with every message
 * (each names the types and fields involved), so a test failing here says why.
 */
export function composeSupergraph(subgraphs: SubgraphDefinition[]): string {
  const result = composeServices(subgraphs);
  if (result.errors) {
    throw new Error(`supergraph composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}

export interface RunningGateway {
  url: string;
  /** HTTP requests the gateway sent, by subgraph name, since the last reset. */
  requestsTo: Map<string, number>;
  close(): Promise<void>;
}

/**
 * `@apollo/gateway` with a static supergraph, behind its own Apollo Server on
 * 127.0.0.1 (port 0: a free one): the in-process stand-in for Apollo Router. Each subgraph fetch is
 * counted through the gateway's own data source hook.
 */
export async function startGateway(supergraphSdl: string, port = 0): Promise<RunningGateway> {
  const requestsTo = new Map<string, number>();
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      new (class extends RemoteGraphQLDataSource {
        override willSendRequest(): void {
          requestsTo.set(name, (requestsTo.get(name) ?? 0) + 1);
        }
      })({ url }),
  });
  // No stack traces in answers, as recording-graph itself: errors carry their code and path.
  const server = new ApolloServer({ gateway, includeStacktraceInErrorResponses: false });
  const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port } });
  return { url: url.replace(/\/$/, ''), requestsTo, close: () => server.stop() };
}
