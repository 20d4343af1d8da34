import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';

/**
 * A second subgraph, as another team would write it (used by \`npm run demo:federation\` and
 * test/integration/federation): meetings that hold recording ids
 * and extend `Recording` with the meetings it was shown in. It knows nothing about
 * vendors; the gateway asks recording-graph for everything else about a recording.
 */
export const MEETINGS_TYPE_DEFS = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  type Query {
    meeting(id: ID!): Meeting
  }

  type Meeting @key(fields: "id") {
    id: ID!
    title: String!
    # Nullable items: a recording the vendor no longer has (or a vendor that is down) is
    # null in its slot, with an error at its path, and the meeting keeps its other
    # recordings. With [Recording!]! one missing recording would null the whole meeting.
    recordings: [Recording]!
  }

  type Recording @key(fields: "id") {
    id: ID!
    meetings: [Meeting!]!
  }
`);

export interface Meeting {
  id: string;
  title: string;
  recordingIds: string[];
}

export interface RunningSubgraph {
  url: string;
  close(): Promise<void>;
}

/** Serves the meetings subgraph with its own Apollo Server on 127.0.0.1, port 0. */
export async function startMeetingsSubgraph(meetings: Meeting[]): Promise<RunningSubgraph> {
  const byId = new Map(meetings.map((m) => [m.id, m]));
  const meetingsOf = (recordingId: string) => meetings.filter((m) => m.recordingIds.includes(recordingId));
  const resolvers = {
    Query: { meeting: (_: unknown, args: { id: string }) => byId.get(args.id) ?? null },
    Meeting: {
      __resolveReference: (ref: { id: string }) => byId.get(ref.id) ?? null,
      // Only the key: the gateway resolves the rest from recording-graph.
      recordings: (m: Meeting) => m.recordingIds.map((id) => ({ __typename: 'Recording', id })),
    },
    Recording: {
      __resolveReference: (ref: { id: string }) => ref,
      meetings: (ref: { id: string }) => meetingsOf(ref.id),
    },
  };
  const server = new ApolloServer({
    schema: buildSubgraphSchema([{ typeDefs: MEETINGS_TYPE_DEFS, resolvers }]),
    // Traces are for GraphOS; this subgraph has none to report to.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: 0 } });
  return { url, close: () => server.stop() };
}
