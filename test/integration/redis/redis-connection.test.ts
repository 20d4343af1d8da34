import { loadConfig } from '../../../src/app-config';
import { connectRedis, type SharedRedis } from '../../../src/redis/redis-connection';
import { startTestRedis, type TestRedis } from '../../support/redis-server';
import { waitUntil } from '../../support/wait-until';

const quiet = { info: () => undefined, warn: () => undefined };

describe('the shared Redis connection', () => {
  let redis: TestRedis;
  let shared: SharedRedis | undefined;

  beforeAll(async () => {
    redis = await startTestRedis();
  });
  afterEach(async () => {
    await shared?.close();
    shared = undefined;
  });
  afterAll(async () => {
    await redis.stop();
  });

  it('runs commands once connected', async () => {
    shared = connectRedis(redis.url, quiet);
    await waitUntil(() => shared!.isReady(), 'redis is ready');
    await shared.client.set('k', 'v');
    expect(await shared.client.get('k')).toBe('v');
  });

  it('fails commands at once while Redis is down, and recovers by itself when it is back', async () => {
    const lines: string[] = [];
    shared = connectRedis(redis.url, { info: (m) => lines.push(m), warn: (m) => lines.push(m) });
    await waitUntil(() => shared!.isReady(), 'redis is ready');
    await redis.stop();
    await waitUntil(() => !shared!.isReady(), 'the connection notices redis is gone');
    // Rejected while Redis is still down (not queued until a reconnect), so callers can fall
    // back to in-process state straight away.
    await expect(shared.client.get('k')).rejects.toThrow();
    await redis.start();
    await waitUntil(() => shared!.isReady(), 'the connection is back', 15_000);
    await shared.client.set('again', '1');
    expect(await shared.client.get('again')).toBe('1');
    expect(lines.some((l) => l.includes('connection lost'))).toBe(true);
    expect(lines.join('\n')).not.toContain(redis.url);
  });

  it('refuses a REDIS_URL that is not redis:// without echoing it', () => {
    expect(() => loadConfig({ REDIS_URL: 'http://user:hunter2@example' })).toThrow(/REDIS_URL: must be a redis/);
    expect(() => loadConfig({ REDIS_URL: 'http://user:hunter2@example' })).not.toThrow(/hunter2/);
    expect(loadConfig({ REDIS_URL: 'redis://:pw@127.0.0.1:6390' }).redisUrl).toBe('redis://:pw@127.0.0.1:6390');
  });
});
