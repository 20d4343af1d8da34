import type { AccessLinkData, RecordingData, SessionData } from '../../../src/domain/model';
import { ErrorCode } from '../../../src/errors/error-codes';
import { createBirdProvider } from '../../../src/providers/bird';
import { BirdClient } from '../../../src/providers/bird/bird.client';
import type { RecordingProvider } from '../../../src/providers/recording-provider';
import {
  BIRD_SANDBOX_ACCESS_KEY,
  BIRD_SANDBOX_WORKSPACE_ID,
  birdEmulatorSpec,
  startBirdSandbox,
} from '../../../src/sandbox/bird/bird.emulator';
import type { BirdDataset } from '../../../src/sandbox/bird/bird.seed';
import type { BirdSource, BirdWireRecording } from '../../../src/sandbox/bird/bird.wire';
import { startEmulator, type Emulator } from '../../../src/sandbox/emulator';
import { sandboxCommon } from '../../../src/sandbox/vendor-sandbox';
import { vendorLifecycle } from '../../support/vendor-lifecycle';

const MISSING = '00000000-0000-4000-8000-000000000000';
const BASE = `/workspaces/${BIRD_SANDBOX_WORKSPACE_ID}/recordings`;

function ok<T>(value: T | Error | null): T {
  if (value === null || value instanceof Error) throw new Error(`expected a value, got ${String(value)}`);
  return value;
}

/** A minimal documented list item for custom data sets. */
function item(n: number, source: BirdSource, sourceId: string): BirdWireRecording {
  const hex = n.toString(16).padStart(12, '0');
  const start = Date.UTC(2024, 0, 1) + n * 60_000;
  return {
    id: `aaaaaaaa-bbbb-4ccc-8ddd-${hex}`,
    source,
    sourceId,
    status: 'available',
    origin: 'create-call',
    duration: 30,
    stereo: false,
    format: 'mp3',
    transcription: false,
    createdAt: new Date(start).toISOString(),
    updatedAt: new Date(start + 31_000).toISOString(),
    startedAt: new Date(start).toISOString(),
    endedAt: new Date(start + 30_000).toISOString(),
  };
}

describe('Bird adapter over HTTP against the Bird emulator', () => {
  let emulator: Emulator;
  let data: BirdDataset;
  let provider: RecordingProvider;
  let config: Awaited<ReturnType<typeof startBirdSandbox>>['config'];

  beforeAll(async () => {
    ({ emulator, data, config } = await startBirdSandbox({ seed: 7 }));
    provider = createBirdProvider(config);
  });
  vendorLifecycle(() => ({ provider, emulator }));

  it('gets recordings by id, one GET each, and keeps a missing one in its own slot', async () => {
    const [a, b] = data.recordings;
    const results = await provider.getRecordings([[a.id], [MISSING], [b.id]], {});
    expect(ok(results[0]).nativeId).toBe(a.id);
    expect(results[1]).toBeInstanceOf(Error);
    expect(results[1]).toMatchObject({ code: ErrorCode.NOT_FOUND, provider: 'bird' });
    expect(ok(results[2]).nativeId).toBe(b.id);
    expect(emulator.counters.get('recordings.get')).toBe(3);
    expect(emulator.log.map((e) => e.path).sort()).toEqual([`${BASE}/${a.id}`, `${BASE}/${MISSING}`, `${BASE}/${b.id}`].sort());
  });

  it('maps every documented status and hands out ids that pass its own validateKey', async () => {
    const results = await provider.getRecordings(
      data.recordings.map((r) => [r.id]),
      {},
    );
    const recs = results.map(ok);
    expect(new Set(recs.map((r) => r.status))).toEqual(new Set(['PENDING', 'RECORDING', 'PAUSED', 'PROCESSING', 'READY', 'FAILED']));
    expect(new Set(recs.filter((r) => r.status === 'FAILED').map((r) => r.providerStatus))).toEqual(new Set(['absent', 'failed']));
    expect(recs.filter((r) => r.status === 'RECORDING' || r.status === 'PAUSED').every((r) => r.endedAt === null)).toBe(true);
    for (const r of recs) {
      expect(r.knownLink).toBeUndefined();
      expect(() => provider.validateKey('Recording', r.key)).not.toThrow();
      expect(() => provider.validateKey('Session', r.sessionKey!)).not.toThrow();
    }
    expect(new Set(recs.map((r) => r.sessionKey![0]))).toEqual(new Set(['call', 'conference']));
  });

  it('encodes ids into the path', async () => {
    await provider.getRecordings([['a/../b']], {});
    expect(emulator.log[0].path).toBe(`${BASE}/a%2F..%2Fb`);
  });

  it('loads sessions with one list call per sourceId, shared by both kinds and memoized per request', async () => {
    const call = data.recordings.find((r) => r.source === 'call')!;
    const conf = data.recordings.find((r) => r.source === 'conference')!;
    const ctx = { memo: new Map<string, Promise<unknown>>() };
    const results = await provider.getSessions(
      [
        ['call', call.sourceId],
        ['conference', conf.sourceId],
        ['conference', call.sourceId],
      ],
      ctx,
    );
    const s0 = ok(results[0]);
    expect(s0).toMatchObject({ kind: 'CALL', name: null, key: ['call', call.sourceId] });
    expect(s0.recordings.map((r) => r.nativeId).sort()).toEqual(
      data.recordings
        .filter((r) => r.sourceId === call.sourceId)
        .map((r) => r.id)
        .sort(),
    );
    expect(ok(results[1]).kind).toBe('CONFERENCE');
    expect(results[2]).toBeNull();
    expect(emulator.counters.get('recordings.list')).toBe(2);
    expect(emulator.log.map((e) => e.query.sourceId?.[0]).sort()).toEqual([call.sourceId, conf.sourceId].sort());
    expect(emulator.log[0].query.limit).toEqual(['99']);
    await provider.getSessions([['call', call.sourceId]], ctx);
    expect(emulator.counters.get('recordings.list')).toBe(2);
  });

  it('mints a link per recording from the 307, without following it and without the access key', async () => {
    const ready = data.recordings.filter((r) => r.status === 'available' && !data.extras.get(r.id)?.omitLocation).slice(0, 2);
    const recs = (
      await provider.getRecordings(
        ready.map((r) => [r.id]),
        {},
      )
    ).map(ok);
    emulator.resetCounters();
    const links = (
      await provider.getAccessLinks(
        recs.map((recording) => ({ recording, validForSecs: 3600 })),
        {},
      )
    ).map(ok);
    expect(emulator.counters.get('recordings.media')).toBe(2);
    expect(emulator.totalCalls()).toBe(2);
    expect(emulator.log.map((e) => e.path).sort()).toEqual(ready.map((r) => `${BASE}/${r.id}.mp3`).sort());
    for (const link of links) {
      // The emulator's presigned S3 URL, path-style on its own origin (docs/sandbox.md).
      expect(link.url.startsWith(`${emulator.url}/regional--voice-recordings--000000000000--euw1/`)).toBe(true);
      expect(link.url).toContain('X-Amz-Expires=600');
      expect(link.url).not.toContain(BIRD_SANDBOX_ACCESS_KEY);
      // The requested 3600 s cannot be granted: the real (shorter) lifetime is reported.
      expect(link.validForSecs).toBeLessThanOrEqual(600);
      expect(link).toMatchObject({ format: 'MP3', disposition: 'UNKNOWN' });
    }
  });

  it('asks the media route for the file, not JSON: the same resource answers JSON metadata to a JSON-only Accept', async () => {
    const ready = data.recordings.find((r) => r.status === 'available' && !data.extras.get(r.id)?.omitLocation)!;
    const media = `${emulator.url}${BASE}/${ready.id}.mp3`;
    const asJson = await fetch(media, {
      headers: { authorization: `AccessKey ${BIRD_SANDBOX_ACCESS_KEY}`, accept: 'application/json' },
      redirect: 'manual',
    });
    expect(asJson.status).toBe(200);
    expect(await asJson.json()).toMatchObject({ id: ready.id, status: 'available' });
    const [recording] = (await provider.getRecordings([[ready.id]], {})).map(ok);
    const [link] = await provider.getAccessLinks([{ recording, validForSecs: 600 }], {});
    expect(ok(link).url).toContain(`${ready.id}.mp3`);
  });

  it('keeps a redirect without Location as PROVIDER_BAD_RESPONSE and a missing recording as NOT_FOUND', async () => {
    const broken = data.recordings.find((r) => data.extras.get(r.id)?.omitLocation)!;
    const [rec] = (await provider.getRecordings([[broken.id]], {})).map(ok);
    const gone: RecordingData = { ...rec, key: [MISSING], nativeId: MISSING };
    const [noLink, missing] = await provider.getAccessLinks(
      [
        { recording: rec, validForSecs: 600 },
        { recording: gone, validForSecs: 600 },
      ],
      {},
    );
    expect(noLink).toMatchObject({ code: ErrorCode.PROVIDER_BAD_RESPONSE, provider: 'bird' });
    expect(missing).toMatchObject({ code: ErrorCode.NOT_FOUND, provider: 'bird' });
  });

  it('maps a wrong key to PROVIDER_AUTH_FAILED without leaking the body', async () => {
    const wrong = createBirdProvider({ ...config, accessKey: 'wrong' });
    try {
      const [result] = await wrong.getRecordings([[data.recordings[0].id]], {});
      expect(result).toMatchObject({ code: ErrorCode.PROVIDER_AUTH_FAILED, provider: 'bird' });
      expect((result as Error).message).not.toContain('invalid or missing access key');
      expect(emulator.log[0].status).toBe(401);
    } finally {
      await wrong.close();
    }
  });

  it('maps another workspace to NOT_FOUND', async () => {
    const other = createBirdProvider({ ...config, workspaceId: MISSING });
    try {
      const [result] = await other.getRecordings([[data.recordings[0].id]], {});
      expect(result).toMatchObject({ code: ErrorCode.NOT_FOUND, provider: 'bird' });
      expect(emulator.log[0].path).toBe(`/workspaces/${MISSING}/recordings/${data.recordings[0].id}`);
    } finally {
      await other.close();
    }
  });

  it('maps a malformed body to PROVIDER_BAD_RESPONSE', async () => {
    emulator.injectFault({ kind: 'malformed', variant: 'wrong-shape', route: 'recordings.get' });
    const [bad] = await provider.getRecordings([[data.recordings[0].id]], {});
    expect(bad).toMatchObject({ code: ErrorCode.PROVIDER_BAD_RESPONSE, provider: 'bird' });
    emulator.injectFault({ kind: 'malformed', variant: 'html', route: 'recordings.list' });
    const [badList] = await provider.getSessions([['call', data.recordings[0].sourceId]], {});
    expect(badList).toMatchObject({ code: ErrorCode.PROVIDER_BAD_RESPONSE, provider: 'bird' });
  });

  it('retries a 503 twice, then answers PROVIDER_UNAVAILABLE', async () => {
    emulator.injectFault({ kind: 'status', status: 503, route: 'recordings.get', times: 3 });
    const [down] = await provider.getRecordings([[data.recordings[0].id]], {});
    expect(down).toMatchObject({ code: ErrorCode.PROVIDER_UNAVAILABLE, provider: 'bird' });
    expect(emulator.counters.get('recordings.get')).toBe(3);
  });

  it('maps a 429 asking for a long wait to PROVIDER_RATE_LIMITED at once', async () => {
    const [recording] = (await provider.getRecordings([[data.recordings[0].id]], {})).map(ok);
    emulator.resetCounters();
    emulator.injectFault({ kind: 'status', status: 429, route: 'recordings.media', retryAfter: '60' });
    const [limited] = await provider.getAccessLinks([{ recording, validForSecs: 60 }], {});
    expect(limited).toMatchObject({ code: ErrorCode.PROVIDER_RATE_LIMITED, provider: 'bird', retryAfterSecs: 60 });
    expect(emulator.counters.get('recordings.media')).toBe(1);
  });

  it('enforces the documented list limits: limit 1..99 (default 10), a pageToken it issued', async () => {
    const client = new BirdClient(config);
    try {
      await expect(client.listRecordings({ limit: 100 }, {})).rejects.toMatchObject({
        code: ErrorCode.BAD_USER_INPUT,
        httpStatus: 422,
        vendorCode: 'InvalidParameter',
      });
      await expect(client.listRecordings({ pageToken: 'x'.repeat(8001) }, {})).rejects.toMatchObject({ httpStatus: 422 });
      const page = await client.listRecordings({}, {});
      expect(page.results).toHaveLength(10);
      expect(page.nextPageToken).toBeTruthy();
      const next = await client.listRecordings({ pageToken: page.nextPageToken! }, {});
      expect(next.results?.[0].id).toBe(data.recordings[10].id);
    } finally {
      await client.close();
    }
  });

  it('validates ids against Bird patterns before any call', () => {
    const bad: string[][] = [['..'], ['not-a-uuid'], [`${MISSING}.mp3`], [MISSING, MISSING]];
    for (const segments of bad) {
      expect(() => provider.validateKey('Recording', segments)).toThrow(
        expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT, provider: 'bird' }),
      );
    }
    expect(() => provider.validateKey('Session', ['room', MISSING])).toThrow(expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT }));
    expect(() => provider.validateKey('Session', ['call', '..'])).toThrow(expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT }));
    expect(() => provider.validateKey('Session', ['conference', MISSING])).not.toThrow();
    expect(() => provider.validateKey('Recording', [MISSING])).not.toThrow();
    expect(emulator.totalCalls()).toBe(0);
  });
});

describe('Bird adapter: paging and source filtering over a custom data set', () => {
  const SHARED = '50fa2203-66c2-4820-864a-1a8002952f4e';
  const OTHER = '11111111-2222-4333-8444-555555555555';
  let big: Awaited<ReturnType<typeof startBirdSandbox>>;
  let provider: RecordingProvider;

  beforeAll(async () => {
    const recordings: BirdWireRecording[] = [];
    // 205 call recordings and 3 conference recordings under one sourceId: 3 pages of 99.
    for (let i = 0; i < 205; i++) recordings.push(item(i, 'call', SHARED));
    for (let i = 205; i < 208; i++) recordings.push(item(i, 'conference', SHARED));
    recordings.push(item(300, 'call', OTHER));
    big = await startBirdSandbox({}, { recordings, extras: new Map() });
    provider = createBirdProvider(big.config);
  });
  afterAll(async () => {
    await provider.close();
    await big.emulator.close();
  });

  it('follows nextPageToken across pages until it is empty', async () => {
    const [session] = await provider.getSessions([['call', SHARED]], {});
    expect(ok(session).recordings).toHaveLength(205);
    const pages = big.emulator.log.filter((e) => e.route === 'recordings.list');
    expect(pages).toHaveLength(3);
    expect(pages[0].query.pageToken).toBeUndefined();
    expect(pages[1].query.pageToken?.[0]).toEqual(expect.any(String));
    expect(pages[2].query.pageToken?.[0]).not.toBe(pages[1].query.pageToken?.[0]);
    expect(pages.every((p) => p.query.limit?.[0] === '99' && p.query.sourceId?.[0] === SHARED)).toBe(true);
  });

  it('keeps only the items whose source matches the key, from one paged list', async () => {
    big.emulator.resetCounters();
    const [call, conference, other, none] = await provider.getSessions(
      [
        ['call', SHARED],
        ['conference', SHARED],
        ['call', OTHER],
        ['conference', OTHER],
      ],
      { memo: new Map() },
    );
    const c = ok(call) as SessionData;
    expect(c.recordings.every((r) => r.sessionKey?.[0] === 'call')).toBe(true);
    expect(c.recordings).toHaveLength(205);
    // Listed newest first: item 207 started last.
    expect(ok(conference).recordings.map((r) => r.nativeId)).toEqual([
      item(207, 'conference', SHARED).id,
      item(206, 'conference', SHARED).id,
      item(205, 'conference', SHARED).id,
    ]);
    expect(ok(conference).kind).toBe('CONFERENCE');
    expect(ok(other).recordings).toHaveLength(1);
    expect(none).toBeNull();
    // 3 pages for SHARED + 1 for OTHER, whatever the number of keys.
    expect(big.emulator.counters.get('recordings.list')).toBe(4);
  });

  it('answers a sourceId with no recordings with null after one call', async () => {
    big.emulator.resetCounters();
    const [none] = await provider.getSessions([['call', '22222222-3333-4444-8555-666666666666']], {});
    expect(none).toBeNull();
    expect(big.emulator.counters.get('recordings.list')).toBe(1);
  });
});

describe('Bird adapter: link expiry with pinned clocks', () => {
  const SIGNED_AT = Date.parse('2026-06-01T09:00:00Z');
  let emulator: Emulator;
  let data: BirdDataset;

  beforeAll(async () => {
    data = { recordings: [item(1, 'call', '50fa2203-66c2-4820-864a-1a8002952f4e')], extras: new Map() };
    emulator = await startEmulator(
      birdEmulatorSpec(data, { accessKey: 'k', workspaceId: BIRD_SANDBOX_WORKSPACE_ID, now: () => SIGNED_AT }),
    );
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('derives expiresAt from X-Amz-Date + X-Amz-Expires and validForSecs from deps.now', async () => {
    const provider = createBirdProvider(
      { ...sandboxCommon('bird', emulator.url), accessKey: 'k', workspaceId: BIRD_SANDBOX_WORKSPACE_ID },
      { now: () => SIGNED_AT + 100_000 },
    );
    try {
      const [recording] = (await provider.getRecordings([[data.recordings[0].id]], {})).map(ok);
      const [link] = (await provider.getAccessLinks([{ recording, validForSecs: 7200 }], {})).map(ok) as AccessLinkData[];
      expect(link.url).toContain('X-Amz-Date=20260601T090000Z');
      expect(link.expiresAt?.toISOString()).toBe('2026-06-01T09:10:00.000Z');
      expect(link.validForSecs).toBe(500);
      expect(link.url).not.toContain('AccessKey');
    } finally {
      await provider.close();
    }
  });
});
