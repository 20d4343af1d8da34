import { spawnServer, type SpawnedServer } from '../support/spawn-server';
import { collectSse, collectWs, wsClient, type Received } from '../support/subscription-clients';
import { waitUntil } from '../support/wait-until';

const READY_EVENTS = `subscription {
  recordingEvents(filter: { types: [READY] }) { type provider recordingId recording { id status accessLink(validForSecs: 600) { url } } }
}`;

type Event = {
  type: string;
  provider: string;
  recordingId: string;
  recording: { id: string; status: string; accessLink: { url: string } | null };
};
const events = (r: Received): Event[] => r.results.map((x) => (x.data as { recordingEvents: Event }).recordingEvents);
const providers = (r: Received) => new Set(events(r).map((e) => e.provider));

describe('npm start in sandbox mode, with a subscription', () => {
  let server: SpawnedServer;

  beforeAll(async () => {
    server = await spawnServer({ NODE_ENV: 'development', LOG_FORMAT: 'json' });
  }, 30_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('plays a recording at each of the five vendors that becomes READY, over graphql-ws and SSE, with a resolvable accessLink', async () => {
    const client = wsClient(server.url);
    const ws = collectWs(client, READY_EVENTS);
    const sse = collectSse(server.url, READY_EVENTS);
    await waitUntil(() => providers(ws).size === 5 && providers(sse).size === 5, 'READY from all five vendors on both transports', 20_000);
    for (const received of [ws, sse]) {
      expect(received.results.every((r) => r.errors === undefined)).toBe(true);
      for (const e of events(received)) {
        expect(e.type).toBe('READY');
        expect(e.recording.id).toBe(e.recordingId);
        expect(e.recording.status).toBe('READY');
        expect(e.recording.accessLink?.url).toMatch(/^https?:\/\//);
      }
    }
    expect([...providers(ws)].sort()).toEqual(['BIRD', 'CLOUDFLARE', 'DAILY', 'SIGNALWIRE', 'ZOOM']);
    ws.stop();
    sse.stop();
    await client.dispose();
  }, 30_000);
});
