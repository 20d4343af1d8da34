import { request } from 'undici';
import { ErrorCode } from '../../../src/errors/error-codes';
import type { RecordingProvider } from '../../../src/providers/recording-provider';
import { createZoomProvider } from '../../../src/providers/zoom';
import { signZoomJwt } from '../../../src/providers/zoom/zoom.jwt';
import { zoomFiles } from '../../../src/providers/zoom/zoom.mapper';
import { startEmulator, type Emulator } from '../../../src/sandbox/emulator';
import { sandboxCommon } from '../../../src/sandbox/vendor-sandbox';
import { startZoomSandbox, zoomEmulatorSpec, ZOOM_SANDBOX_API_KEY, ZOOM_SANDBOX_API_SECRET } from '../../../src/sandbox/zoom/zoom.emulator';
import { seedZoom, type ZoomDataset } from '../../../src/sandbox/zoom/zoom.seed';
import { vendorLifecycle } from '../../support/vendor-lifecycle';

const ok = <T>(value: T | null | Error): T => {
  if (value === null || value instanceof Error) throw new Error(`expected a value, got ${String(value)}`);
  return value;
};

describe('Zoom adapter over HTTP against the Zoom emulator', () => {
  let emulator: Emulator;
  let data: ZoomDataset;
  let provider: RecordingProvider;
  let config: Awaited<ReturnType<typeof startZoomSandbox>>['config'];

  beforeAll(async () => {
    ({ emulator, data, config } = await startZoomSandbox({ seed: 2 }));
    provider = createZoomProvider(config);
  });
  vendorLifecycle(() => ({ provider, emulator }));

  // Seed: 0 starts with '/', 1 contains '//', 2 has a trashed file, 3 has '/' inside and an
  // odd-status file, 4 has '+'.
  const session = (i: number) => data.sessions[i];
  const live = (i: number) => zoomFiles(session(i)).filter((f) => !f.deleted_time);
  const fileKeys = (i: number) => live(i).map((f) => [session(i).session_id, f.id]);
  const apiGet = (path: string, token = signZoomJwt(ZOOM_SANDBOX_API_KEY, ZOOM_SANDBOX_API_SECRET, Date.now(), 600)) =>
    request(`${emulator.url}${path}`, { headers: { authorization: `Bearer ${token}` } }).then(async (r) => ({
      status: r.statusCode,
      body: (await r.body.json()) as Record<string, unknown>,
    }));

  it('fetches N files of a session with one call, a file not in it is null, a missing session NOT_FOUND', async () => {
    const keys = [
      ...fileKeys(3),
      [session(3).session_id, 'no-such-file'],
      ['AAAAAAAAAAAAAAAAAAAAAA==', 'f1'],
      [session(3).session_id, live(3)[0].id],
    ];
    expect(keys.length).toBeGreaterThanOrEqual(6);
    const results = await provider.getRecordings(keys, {});
    expect(results.slice(0, live(3).length).map((r) => ok(r).nativeId)).toEqual(live(3).map((f) => f.id));
    expect(results[live(3).length]).toBeNull();
    expect(results[live(3).length + 1]).toMatchObject({ code: ErrorCode.NOT_FOUND, provider: 'zoom' });
    expect(ok(results.at(-1)!).key).toEqual([session(3).session_id, live(3)[0].id]);
    expect(emulator.counters.get('sessions.recordings')).toBe(2);
    expect(emulator.log.map((e) => e.query)).toEqual([{}, {}]);
  });

  it('maps what the session holds: the odd status as UNKNOWN, a trashed file as null', async () => {
    const odd = zoomFiles(session(3)).find((f) => f.status !== 'completed')!;
    const trashed = zoomFiles(session(2)).find((f) => f.deleted_time)!;
    const [a, b] = await provider.getRecordings(
      [
        [session(3).session_id, odd.id],
        [session(2).session_id, trashed.id],
      ],
      {},
    );
    expect(ok(a)).toMatchObject({
      status: 'UNKNOWN',
      providerStatus: 'processing',
      endedAt: null,
      durationSecs: null,
      sessionKey: [session(3).session_id],
    });
    expect(b).toBeNull();
  });

  it('double-encodes risky session ids only, and every call routes', async () => {
    const keys = [0, 1, 3, 4].map((i) => fileKeys(i)[0]);
    const results = await provider.getRecordings(keys, {});
    results.forEach((r, i) => expect(ok(r).key).toEqual(keys[i]));
    expect(emulator.log.map((e) => e.path).sort()).toEqual(
      [
        // '/Ug7ckbpR5uHc1lU9Vn8Zg==' starts with '/', 'sfk//aOFJSJSYhGwk1hnxg==' contains '//': encoded twice.
        '/v2/videosdk/sessions/%252FUg7ckbpR5uHc1lU9Vn8Zg%253D%253D/recordings',
        '/v2/videosdk/sessions/sfk%252F%252FaOFJSJSYhGwk1hnxg%253D%253D/recordings',
        // A single '/' inside, or a '+': encoded once.
        '/v2/videosdk/sessions/sfk%2FaOFJSJSYhGwk1hnxgw%3D%3D/recordings',
        '/v2/videosdk/sessions/q3%2BXr9Tb0kW2yPzLm4e8Aw%3D%3D/recordings',
      ].sort(),
    );
    expect(emulator.log.every((e) => e.status === 200)).toBe(true);
  });

  it('shares one call between the session and its recordings in one request (and only then)', async () => {
    const ctx = { memo: new Map<string, Promise<unknown>>() };
    const [[s], recs] = await Promise.all([provider.getSessions([[session(2).session_id]], ctx), provider.getRecordings(fileKeys(2), ctx)]);
    expect(ok(s)).toMatchObject({ name: session(2).session_name, key: [session(2).session_id], kind: 'MEETING' });
    expect(ok(s).recordings.map((r) => r.nativeId)).toEqual(live(2).map((f) => f.id));
    expect(recs.every((r) => ok(r))).toBe(true);
    expect(emulator.counters.get('sessions.recordings')).toBe(1);
    await provider.getSessions([[session(2).session_id]], {});
    await provider.getRecordings(fileKeys(2), {});
    expect(emulator.counters.get('sessions.recordings')).toBe(3);
  });

  it('mints links for a session in one call per validity, and they download', async () => {
    const recs = (await provider.getRecordings(fileKeys(4).slice(0, 3), {})).map(ok);
    emulator.resetCounters();
    const before = Date.now();
    const links = (
      await provider.getAccessLinks(
        recs.map((recording) => ({ recording, validForSecs: 300 })),
        { memo: new Map() },
      )
    ).map(ok);
    expect(emulator.counters.get('sessions.recordings')).toBe(1);
    expect(emulator.log[0].query).toEqual({ include_fields: ['download_access_token'], ttl: ['300'] });
    for (const link of links) {
      expect(link.url.startsWith(`${emulator.url}/rec/download/`)).toBe(true);
      expect(link.url).toMatch(/\?access_token=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
      expect(link).toMatchObject({ validForSecs: 300, disposition: 'UNKNOWN' });
      expect(link.expiresAt!.getTime()).toBeGreaterThanOrEqual(before + 300_000);
    }
    expect(links.map((l) => l.format)).toEqual(recs.map((r) => r.format));
    const download = await request(links[0].url);
    expect(download.statusCode).toBe(200);
    await download.body.dump();
    const forged = await request(links[0].url.replace(/access_token=.*/, 'access_token=x.y'));
    expect(forged.statusCode).toBe(401);
    await forged.body.dump();

    emulator.resetCounters();
    await provider.getAccessLinks(
      recs.map((recording, i) => ({ recording, validForSecs: i === 0 ? 60 : 120 })),
      {},
    );
    expect(emulator.counters.get('sessions.recordings')).toBe(2);
    expect(emulator.log.map((e) => e.query.ttl?.[0]).sort()).toEqual(['120', '60']);
  });

  it('asks for at most the 7 days Zoom allows, and says so', async () => {
    const [rec] = (await provider.getRecordings([fileKeys(5)[0]], {})).map(ok);
    emulator.resetCounters();
    const [link] = await provider.getAccessLinks([{ recording: rec, validForSecs: 30 * 86_400 }], {});
    expect(ok(link).validForSecs).toBe(604_800);
    expect(emulator.log[0].query.ttl).toEqual(['604800']);
  });

  it('mints tokens in the first call when the request says which validity its links want', async () => {
    const ctx = { memo: new Map<string, Promise<unknown>>(), hints: { linkValidForSecs: 900 } };
    const recs = (await provider.getRecordings(fileKeys(5), ctx)).map(ok);
    const links = await provider.getAccessLinks(
      recs.map((recording) => ({ recording, validForSecs: 900 })),
      ctx,
    );
    expect(links.map((l) => ok(l).validForSecs)).toEqual(recs.map(() => 900));
    expect(emulator.counters.get('sessions.recordings')).toBe(1);
    expect(emulator.log[0].query.ttl).toEqual(['900']);
  });

  it('reuses its JWT across calls and signs a new one once deps.now passes its expiry', async () => {
    const spec = zoomEmulatorSpec(seedZoom(2), ZOOM_SANDBOX_API_KEY, ZOOM_SANDBOX_API_SECRET);
    const seen: string[] = [];
    const recording = await startEmulator({
      ...spec,
      authorize: (req, route) => (seen.push(req.headers.authorization ?? ''), spec.authorize(req, route)),
    });
    let clock = Date.now();
    const p = createZoomProvider(
      { ...sandboxCommon('zoom', `${recording.url}/v2`), apiKey: ZOOM_SANDBOX_API_KEY, apiSecret: ZOOM_SANDBOX_API_SECRET },
      { now: () => clock },
    );
    try {
      await p.getSessions([[session(3).session_id]], {});
      clock += 1_000;
      await p.getSessions([[session(4).session_id]], {});
      clock += 40 * 60_000;
      await p.getSessions([[session(4).session_id]], {});
      expect(new Set(seen).size).toBe(1);
      clock += 20 * 60_000 + 1; // past the token's exp (and its 5-minute refresh margin)
      await p.getSessions([[session(4).session_id]], {});
      expect(seen).toHaveLength(4);
      expect(seen[3]).not.toBe(seen[0]);
      const claims = JSON.parse(Buffer.from(seen[3].split('.')[1], 'base64url').toString());
      expect(claims).toEqual({ iss: ZOOM_SANDBOX_API_KEY, iat: Math.floor(clock / 1000), exp: Math.floor(clock / 1000) + 3600 });
      expect(recording.log.every((e) => e.status === 200)).toBe(true);
    } finally {
      await p.close();
      await recording.close();
    }
  });

  it('maps a wrong secret to PROVIDER_AUTH_FAILED without leaking the body', async () => {
    const wrong = createZoomProvider({ ...config, apiSecret: 'wrong' });
    try {
      const [r] = await wrong.getSessions([[session(0).session_id]], {});
      expect(r).toMatchObject({ code: ErrorCode.PROVIDER_AUTH_FAILED, provider: 'zoom', vendorCode: 124 });
      expect((r as Error).message).not.toContain('Invalid access token');
      expect(emulator.log[0].status).toBe(401);
      expect(emulator.counters.get('sessions.recordings')).toBe(1);
    } finally {
      await wrong.close();
    }
  });

  it('maps a malformed body to PROVIDER_BAD_RESPONSE, without retrying it', async () => {
    emulator.injectFault({ kind: 'malformed', variant: 'wrong-shape', route: 'sessions.recordings' });
    const [bad] = await provider.getSessions([[session(0).session_id]], {});
    expect(bad).toMatchObject({ code: ErrorCode.PROVIDER_BAD_RESPONSE, provider: 'zoom' });
    expect(emulator.counters.get('sessions.recordings')).toBe(1);
  });

  it('retries a 503 twice, then answers PROVIDER_UNAVAILABLE', async () => {
    emulator.injectFault({ kind: 'status', status: 503, route: 'sessions.recordings', times: 3 });
    const [down] = await provider.getSessions([[session(0).session_id]], {});
    expect(down).toMatchObject({ code: ErrorCode.PROVIDER_UNAVAILABLE, provider: 'zoom' });
    expect(emulator.counters.get('sessions.recordings')).toBe(3);
  });

  it('validates ids against Zoom patterns before any call', async () => {
    for (const [type, segments] of [
      ['Recording', ['abc==']],
      ['Recording', ['abc==', '..']],
      ['Recording', ['abc==', 'a.b']],
      ['Session', ['a.b']],
      ['Session', ['..']],
      ['Session', ['a?b']],
      ['Session', ['a'.repeat(129)]],
    ] as const) {
      expect(() => provider.validateKey(type, segments)).toThrow(expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT }));
    }
    for (const s of data.sessions) expect(() => provider.validateKey('Session', [s.session_id])).not.toThrow();
    const [one] = await provider.getSessions([[session(1).session_id]], {});
    for (const r of ok(one).recordings) expect(() => provider.validateKey('Recording', r.key)).not.toThrow();
    expect(emulator.totalCalls()).toBe(1);
  });

  describe('the emulator', () => {
    it('answers 404 code 2300 when a risky id is encoded only once, or for an unknown path', async () => {
      const once = await apiGet(`/v2/videosdk/sessions/${encodeURIComponent(session(0).session_id)}/recordings`);
      expect(once).toEqual({ status: 404, body: { code: 2300, message: 'This API endpoint is not recognized.' } });
      expect((await apiGet('/v2/videosdk/nothing')).body.code).toBe(2300);
      expect(await apiGet(`/v2/videosdk/sessions/${encodeURIComponent(session(3).session_id)}/recordings`, 'x.y.z')).toEqual({
        status: 401,
        body: { code: 124, message: 'Invalid access token.' },
      });
    });

    it('lists recordings with from/to (at most a month), page_size and next_page_token, and trash apart', async () => {
      const from = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
      const to = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      const first = await apiGet(`/v2/videosdk/recordings?from=${from}&to=${to}&page_size=4`);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ from, to, page_size: 4, total_records: data.sessions.length });
      const second = await apiGet(
        `/v2/videosdk/recordings?from=${from}&to=${to}&page_size=4&next_page_token=${first.body.next_page_token}`,
      );
      const ids = [...(first.body.sessions as ZoomDataset['sessions']), ...(second.body.sessions as ZoomDataset['sessions'])].map(
        (s) => s.session_id,
      );
      expect(ids).toEqual(data.sessions.map((s) => s.session_id));
      expect(second.body.next_page_token).toBe('');
      expect((await apiGet('/v2/videosdk/recordings?from=2024-01-01&to=2024-02-02')).body).toMatchObject({ code: 300 });
      expect((await apiGet('/v2/videosdk/recordings?page_size=301')).status).toBe(400);
      expect((await apiGet(`/v2/videosdk/recordings?trash=true&from=${from}`)).status).toBe(400);
      const trash = await apiGet('/v2/videosdk/recordings?trash=true');
      expect((trash.body.sessions as ZoomDataset['sessions']).flatMap((s) => zoomFiles(s).map((f) => Boolean(f.deleted_time)))).toEqual([
        true,
      ]);
    });

    it('rejects a ttl outside 0..604800', async () => {
      const path = `/v2/videosdk/sessions/${encodeURIComponent(session(3).session_id)}/recordings?include_fields=download_access_token&ttl=604801`;
      expect(await apiGet(path)).toMatchObject({ status: 400, body: { code: 300 } });
    });
  });
});
