// recording-graph as one subgraph of a supergraph, on this machine, with no vendor account:
//   npm run demo:federation                 (gateway on http://127.0.0.1:4001/graphql until Ctrl-C)
//   npm run demo:federation -- --once       (runs the example query, prints it, exits)
//   npm run demo:federation -- --port 4100  (another port; 0 picks a free one)
// It starts recording-graph in sandbox mode, a second subgraph (meetings that hold recording
// ids, ./meetings.subgraph.ts), composes the two with @apollo/composition (what Rover runs)
// and serves the supergraph with @apollo/gateway (in production: Apollo Router).
import { parse } from 'graphql';
import { startApp } from '../../src/app';
import { loadConfig } from '../../src/app-config';
import { MEETINGS_TYPE_DEFS, startMeetingsSubgraph } from './meetings.subgraph';
import { composeSupergraph, startGateway } from './supergraph';

/** Sandbox demo recordings (docs/sandbox.md), and one id no vendor has. */
const DEMO = {
  daily: 'gid://recording-graph/Recording/daily/723d9fd5-a2e0-40c6-b953-a6deccdb0fd7',
  zoom: 'gid://recording-graph/Recording/zoom/%2FUg7ckbpR5uHc1lU9Vn8Zg%3D%3D/c43069c4-3a8c-4b7c-b3c2-5632b92409d3',
  cloudflare: 'gid://recording-graph/Recording/cloudflare/32512946-ae5e-47f6-a860-57589f50b02d',
  gone: 'gid://recording-graph/Recording/daily/00000000-0000-4000-8000-000000000000',
};

export const DEMO_QUERY = '{ meeting(id: "weekly") { title recordings { id provider status session { name } } } }';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const once = args.includes('--once');
  const portArg = args.indexOf('--port');
  const port = portArg >= 0 ? Number(args[portArg + 1]) : 4001;

  const recordings = await startApp(loadConfig({ NODE_ENV: 'development', PORT: '0', LOG_LEVEL: 'error', LOG_FORMAT: 'json' }));
  const meetings = await startMeetingsSubgraph([
    { id: 'weekly', title: 'Weekly vendor review', recordingIds: [DEMO.daily, DEMO.zoom, DEMO.gone, DEMO.cloudflare] },
  ]);
  // What a router is given: each subgraph's SDL as the running server publishes it.
  const sdl = (await (
    await fetch(`${recordings.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ _service { sdl } }' }),
    })
  ).json()) as {
    data: { _service: { sdl: string } };
  };
  const supergraph = composeSupergraph([
    { name: 'recordings', url: `${recordings.url}/graphql`, typeDefs: parse(sdl.data._service.sdl) },
    { name: 'meetings', url: meetings.url, typeDefs: MEETINGS_TYPE_DEFS },
  ]);
  const gateway = await startGateway(supergraph, port);
  const stop = async (): Promise<void> => {
    await gateway.close();
    await meetings.close();
    await recordings.close();
  };

  const answer = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: DEMO_QUERY }),
  });
  console.log(`supergraph gateway: ${gateway.url}/graphql (recording-graph at ${recordings.url}/graphql, meetings at ${meetings.url})`);
  console.log(`query: ${DEMO_QUERY}`);
  console.log(JSON.stringify(await answer.json(), null, 2));
  if (once) return stop();
  console.log('Ctrl-C to stop.');
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
