import { request } from 'undici';
import { ErrorCode } from '../../../src/errors/error-codes';
import { createCloudflareProvider } from '../../../src/providers/cloudflare';
import type { CloudflareRecording } from '../../../src/providers/cloudflare/cloudflare.api-types';
import type { RecordingProvider } from '../../../src/providers/recording-provider';
import { startCloudflareSandbox } from '../../../src/sandbox/cloudflare/cloudflare.emulator';
import { writeOnlySecrets, type CloudflareDataset, type CloudflareStoredRecording } from '../../../src/sandbox/cloudflare/cloudflare.seed';
import type { CloudflareWireMeeting, CloudflareWireSession } from '../../../src/sandbox/cloudflare/cloudflare.wire';
import { startEmulator, type Emulator } from '../../../src/sandbox/emulator';
import { SANDBOX_EPOCH } from '../../../src/sandbox/seed-random';
import { vendorLifecycle } from '../../support/vendor-lifecycle';

const MISSING = '00000000-0000-4000-8000-000000000000';

function ok<T>(value: T | null | Error): T {
  if (value === null || value instanceof Error) throw new Error(`expected a value, got ${String(value)}`);
  return value;
}

/** A stored recording with the documented required fields, the nullable ones null. */
function stored(
  fields: Partial<CloudflareStoredRecording> & Pick<CloudflareStoredRecording, 'id' | 'meeting_id' | 'invoked_time' | 'status'>,
): CloudflareStoredRecording {
  return {
    audio_download_url: null,
    download_url: null,
    download_url_expiry: null,
    file_size: null,
    output_file_name: `${fields.id}.mp4`,
    session_id: null,
    started_time: null,
    stopped_time: null,
    storage_config: null,
    ...fields,
  };
}

const meeting = (id: string, title: string): CloudflareWireMeeting => ({
  id,
  title,
  created_at: '2026-05-01T00:00:00.000Z',
  updated_at: '2026-05-01T00:00:00.000Z',
});

function session(id: string, meetingId: string, fields: Partial<CloudflareWireSession> = {}): CloudflareWireSession {
  return {
    id,
    associated_id: meetingId,
    created_at: '2026-05-30T10:00:00.000Z',
    started_at: '2026-05-30T10:00:00.000Z',
    updated_at: '2026-05-30T11:00:00.000Z',
    status: 'ENDED',
    type: 'meeting',
    live_participants: 0,
    max_concurrent_participants: 2,
    minutes_consumed: 60,
    organization_id: 'org',
    ...fields,
  };
}

describe('Cloudflare RealtimeKit adapter over HTTP against the emulator', () => {
  let emulator: Emulator;
  let data: CloudflareDataset;
  let provider: RecordingProvider;
  let config: Awaited<ReturnType<typeof startCloudflareSandbox>>['config'];
  let base: string;

  beforeAll(async () => {
    ({ emulator, data, config } = await startCloudflareSandbox({ seed: 7 }));
    provider = createCloudflareProvider(config, { now: () => SANDBOX_EPOCH });
    base = `/client/v4/accounts/${config.accountId}/realtime/kit/${config.appId}`;
  });
  vendorLifecycle(() => ({ provider, emulator }));

  const raw = (path: string, token = config.apiToken) =>
    request(`${emulator.url}${base}${path}`, { headers: { authorization: `Bearer ${token}` } });

  it('gets recordings by id, one GET each, and keeps a missing one in its own slot', async () => {
    const [a, b] = data.recordings;
    const results = await provider.getRecordings([[a.id], [MISSING], [b.id]], {});
    expect(ok(results[0]).nativeId).toBe(a.id);
    expect(results[1]).toBeInstanceOf(Error);
    expect(results[1]).toMatchObject({ code: ErrorCode.NOT_FOUND, provider: 'cloudflare' });
    expect(ok(results[2]).nativeId).toBe(b.id);
    expect(emulator.counters.get('recordings.get')).toBe(3);
    expect(emulator.log.map((e) => e.path)).toEqual(
      expect.arrayContaining([`${base}/recordings/${a.id}`, `${base}/recordings/${MISSING}`]),
    );
  });

  it('encodes ids into the path', async () => {
    await provider.getRecordings([['a/../b']], {});
    expect(emulator.log[0].path).toBe(`${base}/recordings/a%2F..%2Fb`);
  });

  it('maps every seeded recording to ids that pass its own validateKey, with every status and storage kind', async () => {
    const results = await provider.getRecordings(
      data.recordings.map((r) => [r.id]),
      {},
    );
    const recs = results.map(ok);
    for (const rec of recs) {
      expect(() => provider.validateKey('Recording', rec.key)).not.toThrow();
      if (rec.sessionKey) expect(() => provider.validateKey('Session', rec.sessionKey!)).not.toThrow();
    }
    expect(new Set(recs.map((r) => r.status))).toEqual(new Set(['PENDING', 'RECORDING', 'PAUSED', 'PROCESSING', 'READY', 'FAILED']));
    expect(new Set(recs.map((r) => r.storage?.kind))).toEqual(new Set(['PROVIDER_MANAGED', 'AWS', 'AZURE', 'GCS', 'DIGITALOCEAN', 'SFTP']));
    expect(new Set(recs.filter((r) => r.storage?.kind === 'SFTP').map((r) => r.storage?.authMethod))).toEqual(new Set(['KEY', 'PASSWORD']));
    expect(recs.some((r) => r.sessionKey === null)).toBe(true);
    expect(recs.some((r) => r.knownLink === null && r.status === 'READY')).toBe(true);
  });

  it('never sends the write-only storage secrets it stores, save on the recording seeded to echo them', async () => {
    const stored = data.recordings.filter((r) => !r.echoes_write_only).flatMap(writeOnlySecrets);
    expect(stored.length).toBeGreaterThan(4);
    const withSecrets = data.recordings.filter((r) => !r.echoes_write_only && (r.storage_config?.password || r.storage_config?.secret));
    const wireOne = await (await raw(`/recordings/${withSecrets[0].id}`)).body.text();
    const wireList = await (await raw('/recordings?per_page=100')).body.text();
    for (const text of [wireOne, wireList]) {
      for (const secret of stored) expect(text).not.toContain(secret);
    }
    expect(wireOne).toContain('"storage_config"');
  });

  it('never copies a write-only storage secret, even from a body that echoes all four', async () => {
    const echoing = data.recordings.find((r) => r.echoes_write_only)!;
    const echoed = writeOnlySecrets(echoing);
    expect(echoed).toHaveLength(4);
    // The emulator really sends them for this one (a vendor ignoring "write-only").
    const wireOne = await (await raw(`/recordings/${echoing.id}`)).body.text();
    for (const secret of echoed) expect(wireOne).toContain(secret);
    const secrets = data.recordings.flatMap(writeOnlySecrets);
    const mapped = await provider.getRecordings(
      data.recordings.map((r) => [r.id]),
      {},
    );
    const listed = await provider.getSessions([[echoing.session_id!]], {});
    expect(ok(mapped.find((r) => r !== null && !(r instanceof Error) && r.key[0] === echoing.id) ?? null).storage).toMatchObject({
      kind: 'SFTP',
      host: 'echo.example.net',
      authMethod: 'KEY',
    });
    for (const text of [JSON.stringify(mapped), JSON.stringify(listed)]) {
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
  });

  it('loads sessions: one details GET each, then one list per meeting, whatever the number of sessions', async () => {
    const meetingId = data.sessions[0].associated_id;
    const sameMeeting = data.sessions.filter((s) => s.associated_id === meetingId);
    const other = data.sessions.find((s) => s.associated_id !== meetingId)!;
    expect(sameMeeting.length).toBeGreaterThan(1);
    const keys = [...sameMeeting.map((s) => [s.id]), [other.id], [MISSING]];
    const results = await provider.getSessions(keys, {});
    expect(emulator.counters.get('sessions.get')).toBe(keys.length);
    expect(emulator.counters.get('recordings.list')).toBe(2);
    const lists = emulator.log.filter((e) => e.route === 'recordings.list');
    expect(lists.map((e) => e.query.meeting_id[0]).sort()).toEqual([meetingId, other.associated_id].sort());
    expect(lists[0].query).toMatchObject({ page_no: ['1'], per_page: ['100'] });
    expect(results.at(-1)).toMatchObject({ code: ErrorCode.NOT_FOUND, provider: 'cloudflare' });
    keys.slice(0, -1).forEach(([id], i) => {
      const session = ok(results[i]);
      const expected = data.recordings.filter((r) => r.session_id === id).map((r) => r.id);
      expect(session).toMatchObject({ key: [id], kind: 'MEETING', name: data.sessions.find((s) => s.id === id)!.meeting_display_name });
      expect(session.recordings.map((r) => r.nativeId).sort()).toEqual(expected.sort());
    });
  });

  it('returns a session without recordings, and no duration for a LIVE one', async () => {
    const empty = data.sessions.find((s) => !data.recordings.some((r) => r.session_id === s.id))!;
    const live = data.sessions.find((s) => s.status === 'LIVE')!;
    const [e, l] = (await provider.getSessions([[empty.id], [live.id]], {})).map(ok);
    expect(e.recordings).toEqual([]);
    expect(l.durationSecs).toBeNull();
    expect(l.recordings.length).toBeGreaterThan(0);
  });

  it('shares details and list calls through the request memo', async () => {
    const ctx = { memo: new Map<string, Promise<unknown>>() };
    const s = data.sessions[1];
    await provider.getSessions([[s.id]], ctx);
    await provider.getSessions([[s.id]], ctx);
    expect(emulator.counters.get('sessions.get')).toBe(1);
    expect(emulator.counters.get('recordings.list')).toBe(1);
  });

  it('walks a meeting list over several pages, page_no from 1, until total_count', async () => {
    const meetingId = '50c8940e-1b97-402a-97d6-2708b7feca41';
    const [sA, sB] = ['05e57591-d89e-45c9-ae44-08dc1eaad0e0', '15e57591-d89e-45c9-ae44-08dc1eaad0e0'];
    const recordings: CloudflareStoredRecording[] = Array.from({ length: 250 }, (_, i) =>
      stored({
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        meeting_id: meetingId,
        output_file_name: `r${i}.mp4`,
        session_id: i % 5 === 0 ? sB : sA,
        invoked_time: new Date(SANDBOX_EPOCH - i * 60_000).toISOString(),
        status: 'UPLOADED',
      }),
    );
    const big = await startCloudflareSandbox(
      {},
      { meetings: [meeting(meetingId, 'Paged')], sessions: [session(sA, meetingId, { meeting_display_name: 'Paged' })], recordings },
    );
    const p = createCloudflareProvider(big.config);
    try {
      const [s] = await p.getSessions([[sA]], {});
      expect(ok(s).recordings).toHaveLength(200);
      expect(big.emulator.counters.get('sessions.get')).toBe(1);
      expect(big.emulator.counters.get('recordings.list')).toBe(3);
      expect(big.emulator.log.filter((e) => e.route === 'recordings.list').map((e) => e.query.page_no[0])).toEqual(['1', '2', '3']);
    } finally {
      await p.close();
      await big.emulator.close();
    }
  });

  it('answers access links from the recording body with zero calls, with the expiry Cloudflare granted', async () => {
    const withLink = data.recordings.find((r) => r.download_url && Date.parse(r.download_url_expiry!) > SANDBOX_EPOCH)!;
    const without = data.recordings.find((r) => !r.download_url)!;
    const recs = (await provider.getRecordings([[withLink.id], [without.id]], {})).map(ok);
    emulator.resetCounters();
    const [link, none] = await provider.getAccessLinks(
      [
        { recording: recs[0], validForSecs: 60 },
        { recording: recs[1], validForSecs: 3600 },
      ],
      {},
    );
    expect(emulator.totalCalls()).toBe(0);
    expect(none).toBeNull();
    const expiry = Date.parse(withLink.download_url_expiry!);
    // The link as the recording body carried it, byte for byte.
    const sent = ((await (await raw(`/recordings/${withLink.id}`)).body.json()) as { data: { download_url: string } }).data;
    expect(link).toEqual({
      url: sent.download_url,
      expiresAt: new Date(expiry),
      validForSecs: Math.floor((expiry - SANDBOX_EPOCH) / 1000),
      format: recs[0].format,
      disposition: 'UNKNOWN',
    });
    // Cloudflare granted days, not the 60 s asked for: the link says so.
    expect(ok(link).validForSecs).toBeGreaterThan(60);
  });

  it('refuses a download_url that is not http(s) in its own slot, and dates an expiry-less link from the stop', async () => {
    const meetingId = '50c8940e-1b97-402a-97d6-2708b7feca41';
    const stopped = '2026-05-30T10:30:00.000Z';
    const base = {
      meeting_id: meetingId,
      invoked_time: '2026-05-30T09:59:00.000Z',
      stopped_time: stopped,
      status: 'UPLOADED' as const,
      output_file_name: 'a.mp4',
    };
    const recordings: CloudflareStoredRecording[] = [
      stored({
        ...base,
        id: '00000000-0000-4000-8000-000000000001',
        download_url: 'javascript:alert(1)',
        download_url_expiry: '2026-06-06T10:30:00.000Z',
      }),
      stored({
        ...base,
        id: '00000000-0000-4000-8000-000000000002',
        download_url: 'https://rtk.r2.cloudflarestorage.com/a.mp4?X-Amz-Signature=S',
      }),
      stored({
        ...base,
        id: '00000000-0000-4000-8000-000000000003',
        download_url: 'https://rtk.r2.cloudflarestorage.com/b.mp4?X-Amz-Signature=S',
        stopped_time: null,
      }),
    ];
    const odd = await startCloudflareSandbox({}, { meetings: [meeting(meetingId, 'Odd')], sessions: [], recordings });
    const p = createCloudflareProvider(odd.config, { now: () => SANDBOX_EPOCH });
    try {
      const recs = (
        await p.getRecordings(
          recordings.map((r) => [r.id]),
          {},
        )
      ).map(ok);
      const [bad, derived, unknown] = await p.getAccessLinks(
        recs.map((recording) => ({ recording, validForSecs: 3600 })),
        {},
      );
      expect(bad).toMatchObject({ code: ErrorCode.PROVIDER_BAD_RESPONSE, provider: 'cloudflare' });
      const sent = await request(
        `${odd.config.baseUrl}/accounts/${odd.config.accountId}/realtime/kit/${odd.config.appId}/recordings/${recordings[1].id}`,
        {
          headers: { authorization: `Bearer ${odd.config.apiToken}` },
        },
      );
      const { download_url: url } = ((await sent.body.json()) as { data: { download_url: string } }).data;
      expect(derived).toMatchObject({ url, expiresAt: new Date(Date.parse(stopped) + 7 * 86_400_000) });
      expect(unknown).toBeNull();
    } finally {
      await p.close();
      await odd.emulator.close();
    }
  });

  it('maps a wrong token to PROVIDER_AUTH_FAILED without leaking the body, and a wrong app to NOT_FOUND', async () => {
    const wrong = createCloudflareProvider({ ...config, apiToken: 'wrong' });
    const otherApp = createCloudflareProvider({ ...config, appId: 'ffffffffffffffffffffffffffffffff' });
    try {
      const [denied] = await wrong.getRecordings([[data.recordings[0].id]], {});
      expect(denied).toMatchObject({ code: ErrorCode.PROVIDER_AUTH_FAILED, provider: 'cloudflare' });
      expect((denied as Error).message).not.toContain('Authentication error');
      expect((denied as Error).message).not.toContain('wrong');
      const [missing] = await otherApp.getRecordings([[data.recordings[0].id]], {});
      expect(missing).toMatchObject({ code: ErrorCode.NOT_FOUND });
      expect(emulator.log.map((e) => e.status)).toEqual([401, 404]);
    } finally {
      await wrong.close();
      await otherApp.close();
    }
  });

  it('maps a malformed body to PROVIDER_BAD_RESPONSE, without retrying it', async () => {
    emulator.injectFault({ kind: 'malformed', variant: 'wrong-shape', route: 'recordings.get' });
    expect((await provider.getRecordings([[data.recordings[0].id]], {}))[0]).toMatchObject({ code: ErrorCode.PROVIDER_BAD_RESPONSE });
    emulator.injectFault({ kind: 'malformed', variant: 'html', route: 'sessions.get' });
    expect((await provider.getSessions([[data.sessions[0].id]], {}))[0]).toMatchObject({ code: ErrorCode.PROVIDER_BAD_RESPONSE });
    expect(emulator.totalCalls()).toBe(2);
  });

  it('retries a 503 twice, then answers PROVIDER_UNAVAILABLE', async () => {
    emulator.injectFault({ kind: 'status', status: 503, route: 'recordings.get', times: 3 });
    const [down] = await provider.getRecordings([[data.recordings[0].id]], {});
    expect(down).toMatchObject({ code: ErrorCode.PROVIDER_UNAVAILABLE, provider: 'cloudflare' });
    expect(emulator.counters.get('recordings.get')).toBe(3);
  });

  it('answers a 429 whose retry-after is past the cap with PROVIDER_RATE_LIMITED at once', async () => {
    emulator.injectFault({ kind: 'status', status: 429, retryAfter: '42', route: 'recordings.list' });
    const [limited] = await provider.getSessions([[data.sessions[0].id]], {});
    expect(limited).toMatchObject({ code: ErrorCode.PROVIDER_RATE_LIMITED, provider: 'cloudflare', retryAfterSecs: 42 });
    expect(emulator.counters.get('recordings.list')).toBe(1);
  });

  it('treats a 200 with success:false as PROVIDER_BAD_RESPONSE', async () => {
    const fake = await startEmulator({
      vendor: 'cloudflare',
      authorize: () => null,
      notFound: () => ({ status: 404, body: { success: false } }),
      routes: [
        {
          name: 'recordings.get',
          method: 'GET',
          pattern: /\/recordings\/[^/]+$/,
          handle: () => ({ status: 200, body: { success: false } }),
        },
      ],
    });
    const p = createCloudflareProvider({ ...config, baseUrl: `${fake.url}/client/v4` });
    try {
      const [bad] = await p.getRecordings([[MISSING]], {});
      expect(bad).toMatchObject({ code: ErrorCode.PROVIDER_BAD_RESPONSE, provider: 'cloudflare' });
      expect(fake.counters.get('recordings.get')).toBe(1);
    } finally {
      await p.close();
      await fake.close();
    }
  });

  it('emulates the documented list: status filter limits, per_page bound, paging offsets', async () => {
    expect((await raw('/recordings?status=ERRORED')).statusCode).toBe(400);
    expect((await raw('/recordings?per_page=101')).statusCode).toBe(400);
    const res = await raw('/recordings?status=UPLOADED&page_no=2&per_page=5&sort_by=invokedTime&sort_order=ASC');
    const body = (await res.body.json()) as {
      data: Array<CloudflareRecording & { meeting?: { id: string } }>;
      paging: Record<string, number>;
    };
    const uploaded = data.recordings.filter((r) => r.status === 'UPLOADED');
    expect(body.paging).toEqual({ total_count: uploaded.length, start_offset: 5, end_offset: 9 });
    expect(body.data.every((r) => r.status === 'UPLOADED' && r.meeting?.id)).toBe(true);
    const one = (await (await raw(`/recordings/${data.recordings[0].id}`)).body.json()) as { data: Record<string, unknown> };
    expect(one.data).not.toHaveProperty('meeting');
    expect(one.data).not.toHaveProperty('meeting_id');
    expect((await raw('/recordings', 'nope')).statusCode).toBe(401);
  });

  it('validates ids against RealtimeKit patterns before any call', () => {
    expect(() => provider.validateKey('Recording', ['..'])).toThrow(expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT }));
    expect(() => provider.validateKey('Recording', ['not-a-uuid'])).toThrow(expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT }));
    expect(() => provider.validateKey('Session', [MISSING, MISSING])).toThrow(expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT }));
    expect(() => provider.validateKey('Session', [MISSING])).not.toThrow();
    expect(() => provider.validateKey('Recording', [MISSING])).not.toThrow();
    expect(emulator.totalCalls()).toBe(0);
  });
});
