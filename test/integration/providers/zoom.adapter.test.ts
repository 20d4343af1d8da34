import type { RecordingData } from '../../../src/domain/model';
import { ErrorCode } from '../../../src/errors/error-codes';
import type { RecordingProvider } from '../../../src/providers/recording-provider';
import { createZoomProvider } from '../../../src/providers/zoom';
import { zoomFiles } from '../../../src/providers/zoom/zoom.mapper';
import type { Emulator } from '../../../src/sandbox/emulator';
import { startZoomSandbox } from '../../../src/sandbox/zoom/zoom.emulator';
import type { ZoomDataset } from '../../../src/sandbox/zoom/zoom.seed';

describe('Zoom adapter over HTTP against the Zoom emulator', () => {
  let emulator: Emulator;
  let data: ZoomDataset;
  let provider: RecordingProvider;
  let config: Awaited<ReturnType<typeof startZoomSandbox>>['config'];

  beforeAll(async () => {
    ({ emulator, data, config } = await startZoomSandbox({ seed: 2 }));
    provider = createZoomProvider(config);
  });
  afterAll(async () => {
    await provider.close();
    await emulator.close();
  });
  beforeEach(() => {
    emulator.resetCounters();
    emulator.clearFaults();
  });

  const session = (i: number) => data.sessions[i];
  const fileKeys = (i: number) => zoomFiles(session(i)).filter((f) => !f.deleted_time).map((f) => [session(i).session_id, f.id]);

  it('fetches every file of a session with one call, and a missing file is null', async () => {
    const keys = [...fileKeys(3), [session(3).session_id, 'no-such-file']];
    const results = await provider.getRecordings(keys, {});
    expect(results.slice(0, -1).map((r) => (r as RecordingData).nativeId)).toEqual(keys.slice(0, -1).map((k) => k[1]));
    expect(results.at(-1)).toBeNull();
    expect(emulator.counters.get('sessions.recordings')).toBe(1);
  });

  it('double-encodes risky session ids and single-encodes the rest, and all of them route', async () => {
    const keys = [0, 1, 3].map((i) => fileKeys(i)[0]);
    const results = await provider.getRecordings(keys, {});
    expect(results.every((r) => r && !(r instanceof Error))).toBe(true);
    const paths = emulator.log.map((e) => e.path);
    expect(paths).toContain(`/v2/videosdk/sessions/${encodeURIComponent(encodeURIComponent(session(0).session_id))}/recordings`);
    expect(paths).toContain(`/v2/videosdk/sessions/${encodeURIComponent(encodeURIComponent(session(1).session_id))}/recordings`);
    expect(paths).toContain(`/v2/videosdk/sessions/${encodeURIComponent(session(3).session_id)}/recordings`);
    expect(session(0).session_id.startsWith('/')).toBe(true);
    expect(session(1).session_id).toContain('//');
  });

  it('shares one call between the session and its recordings in one request', async () => {
    const ctx = { memo: new Map() };
    const [s] = await provider.getSessions([[session(2).session_id]], ctx);
    await provider.getRecordings(fileKeys(2), ctx);
    expect((s as { name: string }).name).toBe(session(2).session_name);
    expect(emulator.counters.get('sessions.recordings')).toBe(1);
  });

  it('mints links for a whole session in one call per validity', async () => {
    const recs = (await provider.getRecordings(fileKeys(4).slice(0, 3), {})) as RecordingData[];
    emulator.resetCounters();
    const before = Date.now();
    const links = await provider.getAccessLinks(recs.map((recording) => ({ recording, validForSecs: 300 })), { memo: new Map() });
    expect(emulator.counters.get('sessions.recordings')).toBe(1);
    expect(emulator.log[0].query).toEqual({ include_fields: ['download_access_token'], ttl: ['300'] });
    for (const link of links as Array<{ url: string; validForSecs: number; expiresAt: Date }>) {
      expect(link.url).toMatch(/[?&]access_token=sandbox\./);
      expect(link.validForSecs).toBe(300);
      expect(link.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 300_000);
    }
    emulator.resetCounters();
    await provider.getAccessLinks([{ recording: recs[0], validForSecs: 60 }, { recording: recs[1], validForSecs: 120 }], {});
    expect(emulator.counters.get('sessions.recordings')).toBe(2);
  });

  it('mints tokens in the first call when the request says which validity its links want', async () => {
    const ctx = { memo: new Map(), hints: { linkValidForSecs: 900 } };
    const recs = (await provider.getRecordings(fileKeys(5), ctx)) as RecordingData[];
    const links = await provider.getAccessLinks(recs.map((recording) => ({ recording, validForSecs: 900 })), ctx);
    expect(links.every((l) => l && !(l instanceof Error))).toBe(true);
    expect(emulator.counters.get('sessions.recordings')).toBe(1);
  });

  it('reuses its JWT across calls', async () => {
    await provider.getSessions([[session(0).session_id]], {});
    await provider.getSessions([[session(3).session_id]], {});
    expect(emulator.counters.get('sessions.recordings')).toBe(2);
    // The emulator checks signature, iss and exp on every call; both passed.
    expect(emulator.log.every((e) => e.status === 200)).toBe(true);
  });

  it('maps a wrong secret to PROVIDER_AUTH_FAILED, an unknown session to NOT_FOUND', async () => {
    const wrong = createZoomProvider({ ...config, apiSecret: 'wrong' });
    try {
      const [r] = await wrong.getSessions([[session(0).session_id]], {});
      expect(r).toMatchObject({ code: ErrorCode.PROVIDER_AUTH_FAILED, provider: 'zoom' });
      expect((r as Error).message).not.toContain('Invalid access token');
    } finally {
      await wrong.close();
    }
    const [missing] = await provider.getSessions([['AAAAAAAAAAAAAAAAAAAAAA==']], {});
    expect(missing).toMatchObject({ code: ErrorCode.NOT_FOUND, provider: 'zoom' });
  });

  it('maps an HTML error page to PROVIDER_BAD_RESPONSE and a lasting 503 to PROVIDER_UNAVAILABLE', async () => {
    emulator.injectFault({ kind: 'malformed', variant: 'html' });
    expect((await provider.getSessions([[session(0).session_id]], {}))[0]).toMatchObject({ code: ErrorCode.PROVIDER_BAD_RESPONSE });
    emulator.injectFault({ kind: 'status', status: 503, times: 3 });
    expect((await provider.getSessions([[session(0).session_id]], {}))[0]).toMatchObject({ code: ErrorCode.PROVIDER_UNAVAILABLE });
  });

  it('validates ids before any call', () => {
    for (const [type, segments] of [
      ['Recording', ['abc==']],
      ['Recording', ['abc==', '..']],
      ['Session', ['a.b']],
      ['Session', ['..']],
    ] as const) {
      expect(() => provider.validateKey(type, segments)).toThrow(expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT }));
    }
    expect(() => provider.validateKey('Session', ['/Ug7ckbpR5uHc1lU9Vn8Zg=='])).not.toThrow();
    expect(emulator.totalCalls()).toBe(0);
  });
});
