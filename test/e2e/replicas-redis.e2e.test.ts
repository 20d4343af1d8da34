import { Redis } from 'ioredis';
import { request } from 'undici';
import type { DailyDataset } from '../../src/sandbox/daily/daily.seed';
import { DAILY_SANDBOX_API_KEY, startDailySandbox } from '../../src/sandbox/daily/daily.emulator';
import type { Emulator } from '../../src/sandbox/emulator';
import { encodeGlobalId } from '../../src/ids/global-id';
import { gql } from '../support/graphql-client';
import { startTestRedis, type TestRedis } from '../support/redis-server';
import { spawnServer, type SpawnedServer } from '../support/spawn-server';

const QUERY = 'query ($id: ID!) { node(id: $id) { id ... on Recording { status } } }';

async function readyz(url: string): Promise<{ status: number; body: { redis?: string } }> {
  const res = await request(`${url}/readyz`);
  return { status: res.statusCode, body: (await res.body.json()) as { redis?: string } };
}

/**
 * Two server processes, as `npm start` runs them, configured for Daily (pointed at its
 * emulator, which enforces Daily's 20 calls a second) and sharing one real Redis.
 */
describe('two replicas sharing Redis', () => {
  let redis: TestRedis;
  let emulator: Emulator;
  let data: DailyDataset;
  let a: SpawnedServer;
  let b: SpawnedServer;

  beforeAll(async () => {
    redis = await startTestRedis();
    const daily = await startDailySandbox({ rateLimits: true, recordingsPerVendor: 200 });
    emulator = daily.emulator;
    data = daily.data;
    // No retries: a 429 would be an error in an answer, not hidden by a second attempt.
    const env = {
      NODE_ENV: 'test',
      DAILY_API_KEY: DAILY_SANDBOX_API_KEY,
      DAILY_API_URL: daily.config.baseUrl,
      REDIS_URL: redis.url,
      VENDOR_MAX_RETRIES: '0',
      CACHE_CHANGING_TTL_SECS: '60',
    };
    [a, b] = await Promise.all([spawnServer(env), spawnServer(env)]);
    const connected = async (s: SpawnedServer) => {
      for (let i = 0; i < 200 && (await readyz(s.url)).body.redis !== 'connected'; i += 1) await new Promise((r) => setTimeout(r, 25));
    };
    await Promise.all([connected(a), connected(b)]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await emulator?.close();
    await redis?.stop();
  });

  const ids = () => data.recordings.map((r) => encodeGlobalId('Recording', 'daily', [r.id]));

  it('stay together within the vendor limit under load (no 429), and one replica serves what the other fetched', async () => {
    emulator.resetCounters();
    const all = ids().slice(0, 80);
    // Each replica reads 40 different recordings, all at once: twice Daily's 20 a second each.
    const answers = await Promise.all(all.map((id, i) => gql(i % 2 === 0 ? a.url : b.url, QUERY, { id })));
    expect(answers.filter((r) => r.body.errors !== undefined)).toEqual([]);
    expect(emulator.rateLimitedCalls()).toBe(0);
    const arrivals = emulator.log.map((e) => e.receivedAt).sort((x, y) => x - y);
    expect(arrivals).toHaveLength(80);
    for (let i = 20; i < arrivals.length; i += 1) expect(arrivals[i] - arrivals[i - 20]).toBeGreaterThanOrEqual(1_000);

    // What replica a fetched, replica b answers from the shared cache.
    const calls = emulator.totalCalls();
    const again = await Promise.all(all.slice(0, 20).map((id, i) => gql(i % 2 === 0 ? b.url : a.url, QUERY, { id })));
    expect(again.filter((r) => r.body.errors !== undefined)).toEqual([]);
    expect(emulator.totalCalls()).toBe(calls);
  }, 60_000);

  it('keeps what it caches in Redis encrypted: no link, id or status in clear', async () => {
    // A finished recording (only READY ones have links) that no other case reads.
    const index = data.recordings.findIndex((r, i) => i > 140 && r.status === 'finished');
    const id = ids()[index];
    const answer = await gql(a.url, 'query ($id: ID!) { node(id: $id) { ... on Recording { accessLink(validForSecs: 600) { url } } } }', {
      id,
    });
    const url = (answer.body.data as { node: { accessLink: { url: string } } }).node.accessLink.url;
    const client = new Redis(redis.url);
    try {
      const keys = await client.keys('rg:cache:*');
      expect(keys.some((k) => k.startsWith('rg:cache:accessLink:daily:'))).toBe(true);
      const values = await Promise.all(keys.map((k) => client.getBuffer(k)));
      const native = data.recordings[index].id;
      for (const value of values) {
        const text = value!.toString('latin1');
        expect(text).not.toContain(url);
        expect(text).not.toContain(native);
        expect(text).not.toContain('READY');
      }
      // Keys name the vendor's ids and a hash of the account, never the credential.
      expect(keys.join('\n')).not.toContain(DAILY_SANDBOX_API_KEY);
    } finally {
      client.disconnect();
    }
  });

  it('share one vendor call between them for concurrent misses of one recording and its link (single flight across replicas)', async () => {
    // A finished recording (with a link) that no other case reads.
    const index = data.recordings.findIndex((r, i) => i > 100 && i < 140 && r.status === 'finished');
    const id = ids()[index];
    emulator.resetCounters();
    // Slow enough that every request arrives while the first call is still out.
    emulator.latencyMs = 300;
    try {
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          gql(
            i % 2 === 0 ? a.url : b.url,
            'query ($id: ID!) { node(id: $id) { ... on Recording { status accessLink(validForSecs: 600) { url } } } }',
            {
              id,
            },
          ),
        ),
      );
      expect(answers.filter((r) => r.body.errors !== undefined)).toEqual([]);
      expect(new Set(answers.map((r) => (r.body.data as { node: { accessLink: { url: string } } }).node.accessLink.url)).size).toBe(1);
      expect(emulator.counters.get('recordings.get')).toBe(1);
      expect(emulator.counters.get('recordings.access-link')).toBe(1);
    } finally {
      emulator.latencyMs = 0;
    }
  });

  it('keeps answering while Redis is down, says so in /readyz, and recovers when it is back', async () => {
    // Daily's window of the test before empties first: from now on each replica counts alone.
    await new Promise((r) => setTimeout(r, 1_100));
    await redis.stop();
    try {
      for (let i = 0; i < 200 && (await readyz(a.url)).body.redis !== 'unreachable'; i += 1) await new Promise((r) => setTimeout(r, 25));
      const down = await readyz(a.url);
      expect(down).toEqual({ status: 200, body: expect.objectContaining({ status: 'ready', redis: 'unreachable' }) });
      const answer = await gql(a.url, QUERY, { id: ids()[100] });
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data).toMatchObject({ node: { id: ids()[100] } });
    } finally {
      await redis.start();
    }
    for (let i = 0; i < 400 && (await readyz(a.url)).body.redis !== 'connected'; i += 1) await new Promise((r) => setTimeout(r, 25));
    expect((await readyz(a.url)).body.redis).toBe('connected');
    // Shared again: what a fetches now, b reads without a vendor call.
    await gql(a.url, QUERY, { id: ids()[101] });
    const calls = emulator.totalCalls();
    await gql(b.url, QUERY, { id: ids()[101] });
    expect(emulator.totalCalls()).toBe(calls);
  }, 60_000);
});
