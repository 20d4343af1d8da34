import { ErrorCode } from '../../../src/errors/error-codes';
import type { RecordingProvider } from '../../../src/providers/recording-provider';
import { createDailyProvider } from '../../../src/providers/daily';
import { startDailySandbox } from '../../../src/sandbox/daily/daily.emulator';
import type { DailyDataset } from '../../../src/sandbox/daily/daily.seed';
import type { Emulator } from '../../../src/sandbox/emulator';
import { vendorLifecycle } from '../../support/vendor-lifecycle';

describe('Daily adapter over HTTP against the Daily emulator', () => {
  let emulator: Emulator;
  let data: DailyDataset;
  let provider: RecordingProvider;
  let config: Awaited<ReturnType<typeof startDailySandbox>>['config'];

  beforeAll(async () => {
    ({ emulator, data, config } = await startDailySandbox({ seed: 7 }));
    provider = createDailyProvider(config);
  });
  vendorLifecycle(() => ({ provider, emulator }));

  it('gets recordings by id, one GET each, and keeps a missing one in its own slot', async () => {
    const [a, b] = data.recordings;
    const results = await provider.getRecordings([[a.id], ['not-a-recording'], [b.id]], {});
    expect((results[0] as { nativeId: string }).nativeId).toBe(a.id);
    expect(results[1]).toBeInstanceOf(Error);
    expect(results[1]).toMatchObject({ code: ErrorCode.NOT_FOUND, provider: 'daily' });
    expect((results[2] as { nativeId: string }).nativeId).toBe(b.id);
    expect(emulator.counters.get('recordings.get')).toBe(3);
  });

  it('sends the key as a Bearer token and encodes ids into the path', async () => {
    await provider.getRecordings([['a/../b']], {});
    expect(emulator.log[0].path).toBe('/v1/recordings/a%2F..%2Fb');
  });

  it('loads sessions with one paged list call per room, whatever the number of sessions asked', async () => {
    const room = data.recordings[0].room_name!;
    const inRoom = data.recordings.filter((r) => r.room_name === room);
    const sessionIds = [...new Set(inRoom.map((r) => r.mtgSessionId!))];
    const results = await provider.getSessions(
      sessionIds.map((s) => [room, s]),
      {},
    );
    expect(emulator.counters.get('recordings.list')).toBe(1);
    expect(emulator.log[0].query).toMatchObject({ room_name: [room], limit: ['100'] });
    const total = results.reduce((n, s) => n + (s && !(s instanceof Error) ? s.recordings.length : 0), 0);
    expect(total).toBe(inRoom.length);
  });

  it('follows starting_after until a short page', async () => {
    const big = await startDailySandbox({}, { recordings: [], extras: new Map() });
    const session = '257764e6-c74e-4c30-944a-a887a03173a3';
    for (let i = 0; i < 150; i++) {
      big.data.recordings.push({
        id: `rec-${String(i).padStart(3, '0')}`,
        room_name: 'r',
        start_ts: 1_700_000_000 - i,
        status: 'finished',
        mtgSessionId: session,
      });
    }
    const p = createDailyProvider(big.config);
    try {
      const [s] = await p.getSessions([['r', session]], {});
      expect((s as { recordings: unknown[] }).recordings).toHaveLength(150);
      expect(big.emulator.log.map((e) => e.query.starting_after?.[0])).toEqual([undefined, 'rec-099']);
    } finally {
      await p.close();
      await big.emulator.close();
    }
  });

  it('pages a room for its sessions at most 10 pages, then refuses with a coded error; the session still lists by pages', async () => {
    const big = await startDailySandbox({}, { recordings: [], extras: new Map() });
    const session = '257764e6-c74e-4c30-944a-a887a03173a3';
    for (let i = 0; i < 1_000; i++) {
      big.data.recordings.push({
        id: `rec-${String(i).padStart(4, '0')}`,
        room_name: 'r',
        start_ts: 1_700_000_000 - i,
        status: 'finished',
        mtgSessionId: session,
      });
    }
    const p = createDailyProvider(big.config);
    try {
      const [s] = await p.getSessions([['r', session]], {});
      expect(s).toMatchObject({
        code: ErrorCode.UNSUPPORTED_BY_PROVIDER,
        provider: 'daily',
        message: expect.stringContaining('1000 recordings or more'),
      });
      expect(big.emulator.counters.get('recordings.list')).toBe(10);
      const page = await p.listRecordings({ filter: { sessionKey: ['r', session] }, limit: 50, after: null }, {});
      expect(page.items).toHaveLength(50);
      big.data.recordings.pop();
      const [whole] = await p.getSessions([['r', session]], {});
      expect((whole as { recordings: unknown[] }).recordings).toHaveLength(999);
    } finally {
      await p.close();
      await big.emulator.close();
    }
  });

  it('mints an access link with the expiry Daily granted, byte for byte', async () => {
    const rec = data.recordings.find((r) => data.extras.get(r.id)?.customerBucket === false && !data.extras.get(r.id)?.accessBlocked)!;
    const [recording] = (await provider.getRecordings([[rec.id]], {})) as Array<
      Exclude<Awaited<ReturnType<RecordingProvider['getRecordings']>>[number], Error | null>
    >;
    const before = Math.floor(Date.now() / 1000);
    const [link] = await provider.getAccessLinks([{ recording, validForSecs: 120 }], {});
    expect(link).toMatchObject({ validForSecs: expect.any(Number), disposition: 'ATTACHMENT', format: 'MP4' });
    const l = link as { url: string; expiresAt: Date; validForSecs: number };
    expect(l.url).toContain('Signature=SANDBOX~sig_');
    expect(l.url).toContain('%2B%3D');
    expect(l.expiresAt.getTime() / 1000).toBeGreaterThanOrEqual(before + 120);
    // What was asked and granted, not a second less from counting against the clock.
    expect(l.validForSecs).toBe(120);
    expect(emulator.log.at(-1)?.query.valid_for_secs).toEqual(['120']);
  });

  it('surfaces the customer-bucket bound as a coded error, and a blocked domain as unsupported', async () => {
    const customer = data.recordings.find((r) => data.extras.get(r.id)?.customerBucket)!;
    const blocked = data.recordings.find((r) => data.extras.get(r.id)?.accessBlocked)!;
    const recs = (await provider.getRecordings([[customer.id], [blocked.id]], {})) as never[];
    const [tooShort, noLink] = await provider.getAccessLinks(
      [
        { recording: recs[0], validForSecs: 60 },
        { recording: recs[1], validForSecs: 3600 },
      ],
      {},
    );
    expect(tooShort).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, provider: 'daily' });
    expect(noLink).toMatchObject({ code: ErrorCode.UNSUPPORTED_BY_PROVIDER, provider: 'daily' });
  });

  it("judges a customer-bucket link by the validity the client asked, not the cache's longer one, and grants at most 43200 s", async () => {
    const bucket = createDailyProvider({ ...config, recordingsBucket: { name: 'acme-recordings', region: 'eu-west-1' } });
    const customer = data.recordings.find((r) => data.extras.get(r.id)?.customerBucket)!;
    try {
      const [recording] = (await bucket.getRecordings([[customer.id]], {})) as never[];
      // What the cross-request cache asks: 1.5 times the client's validity (src/loaders/cross-request-cache.ts).
      const [refused, capped] = await bucket.getAccessLinks(
        [
          { recording, validForSecs: 900, askedSecs: 600 },
          { recording, validForSecs: 45_000, askedSecs: 30_000 },
        ],
        {},
      );
      expect((refused as Error).message).toBe(
        "validForSecs must be from 900 to 43200 (15 minutes to 12 hours) for a Daily recording in a customer's S3 bucket; it was 600.",
      );
      expect(capped).toEqual(expect.objectContaining({ validForSecs: 43_200 }));
      expect(emulator.log.filter((e) => e.route === 'recordings.access-link').map((e) => e.query.valid_for_secs)).toContainEqual(['43200']);
    } finally {
      await bucket.close();
    }
  });

  it('refuses a link outside 900..43200 s before any call when the domain stores recordings in a customer bucket', async () => {
    const bucket = createDailyProvider({ ...config, recordingsBucket: { name: 'acme-recordings', region: 'eu-west-1' } });
    const customer = data.recordings.find((r) => data.extras.get(r.id)?.customerBucket)!;
    try {
      const [recording] = (await bucket.getRecordings([[customer.id]], {})) as never[];
      expect(recording).toMatchObject({ storage: { kind: 'AWS', bucket: 'acme-recordings', region: 'eu-west-1', path: customer.s3key } });
      const refused = await bucket.getAccessLinks(
        [
          { recording, validForSecs: 600 },
          { recording, validForSecs: 899 },
          { recording, validForSecs: 43_201 },
        ],
        {},
      );
      for (const [i, asked] of [600, 899, 43_201].entries()) {
        expect(refused[i]).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, provider: 'daily' });
        expect((refused[i] as Error).message).toBe(
          `validForSecs must be from 900 to 43200 (15 minutes to 12 hours) for a Daily recording in a customer's S3 bucket; it was ${asked}.`,
        );
      }
      expect(emulator.counters.get('recordings.access-link')).toBeUndefined();
      const granted = await bucket.getAccessLinks(
        [
          { recording, validForSecs: 900 },
          { recording, validForSecs: 43_200 },
        ],
        {},
      );
      // Inline or attachment is the bucket's allow_streaming_from_bucket, which the recording does not say.
      expect(granted).toEqual([
        expect.objectContaining({ validForSecs: 900, disposition: 'UNKNOWN' }),
        expect.objectContaining({ validForSecs: 43_200 }),
      ]);
      expect(emulator.counters.get('recordings.access-link')).toBe(2);
    } finally {
      await bucket.close();
    }
  });

  it('maps a wrong key to PROVIDER_AUTH_FAILED without leaking the body', async () => {
    const wrong = createDailyProvider({ ...config, apiKey: 'wrong' });
    try {
      const [result] = await wrong.getRecordings([[data.recordings[0].id]], {});
      expect(result).toMatchObject({ code: ErrorCode.PROVIDER_AUTH_FAILED, provider: 'daily' });
      expect((result as Error).message).not.toContain('Invalid API key');
    } finally {
      await wrong.close();
    }
  });

  it('maps a malformed body to PROVIDER_BAD_RESPONSE, without retrying it', async () => {
    emulator.injectFault({ kind: 'malformed', variant: 'wrong-shape', route: 'recordings.get' });
    const [bad] = await provider.getRecordings([[data.recordings[0].id]], {});
    expect(bad).toMatchObject({ code: ErrorCode.PROVIDER_BAD_RESPONSE });
    expect(emulator.counters.get('recordings.get')).toBe(1);
  });

  it('retries a 503 twice, then answers PROVIDER_UNAVAILABLE', async () => {
    emulator.injectFault({ kind: 'status', status: 503, route: 'recordings.get', times: 3 });
    const [down] = await provider.getRecordings([[data.recordings[0].id]], {});
    expect(down).toMatchObject({ code: ErrorCode.PROVIDER_UNAVAILABLE, provider: 'daily' });
    expect(emulator.counters.get('recordings.get')).toBe(3);
  });

  it('validates ids against Daily patterns before any call', () => {
    expect(() => provider.validateKey('Recording', ['..'])).toThrow(expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT }));
    expect(() => provider.validateKey('Session', ['room', 'not-a-uuid'])).toThrow(
      expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT }),
    );
    expect(() => provider.validateKey('Session', ['room', '257764e6-c74e-4c30-944a-a887a03173a3'])).not.toThrow();
    expect(emulator.totalCalls()).toBe(0);
  });
});
