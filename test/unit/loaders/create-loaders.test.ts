import type { AccessLinkData, RecordingData, SessionData } from '../../../src/domain/model';
import type { ProviderName } from '../../../src/domain/provider-name';
import { ErrorCode } from '../../../src/errors/error-codes';
import { ProviderError } from '../../../src/errors/provider-error';
import { encodeGlobalId } from '../../../src/ids/global-id';
import { createLoaders } from '../../../src/loaders/create-loaders';
import type { AccessLinkRequest, RecordingProvider } from '../../../src/providers/recording-provider';

/**
 * An in-memory adapter that records every batch call it receives (DataLoader's own
 * `[loader, calls]` pattern), so the tests assert exactly how keys were grouped.
 */
function recordingAdapter(name: ProviderName) {
  const calls = { recordings: [] as string[][], sessions: [] as string[][], links: [] as string[][] };
  const rec = (id: string, session = 's1'): RecordingData => ({
    provider: name,
    key: [id],
    nativeId: id,
    status: 'READY',
    providerStatus: 'done',
    format: null,
    durationSecs: null,
    sizeBytes: null,
    channels: null,
    startedAt: null,
    endedAt: null,
    createdAt: null,
    sessionKey: [session],
    storage: null,
  });
  const provider: RecordingProvider = {
    name,
    validateKey: () => undefined,
    async getRecordings(keys) {
      calls.recordings.push(keys.map((k) => k.join('/')));
      return keys.map(([id]) =>
        id === 'missing' ? null : id === 'broken' ? new ProviderError(name, ErrorCode.PROVIDER_UNAVAILABLE, 'down') : rec(id),
      );
    },
    async getSessions(keys) {
      calls.sessions.push(keys.map((k) => k.join('/')));
      return keys.map(([id]): SessionData => ({
        provider: name,
        key: [id],
        nativeId: id,
        kind: 'CALL',
        name: null,
        startedAt: null,
        durationSecs: null,
        recordings: [rec(`${id}-a`, id), rec(`${id}-b`, id)],
      }));
    },
    async getAccessLinks(requests: readonly AccessLinkRequest[]) {
      calls.links.push(requests.map((r) => `${r.recording.nativeId}@${r.validForSecs}`));
      return requests.map((r): AccessLinkData => ({
        url: `https://x/${r.recording.nativeId}`,
        expiresAt: null,
        validForSecs: null,
        format: null,
        disposition: 'UNKNOWN',
      }));
    },
    sessionRef: () => null,
    // The loaders never list; a call here would be a bug the test should see.
    listRecordings: () => Promise.reject(new Error('the loaders must not list')),
    parseListPosition: () => {
      throw new Error('the loaders must not list');
    },
    circuitState: () => 'closed',
    close: async () => undefined,
  };
  return { provider, calls, rec };
}

const rid = (p: ProviderName, id: string) => encodeGlobalId('Recording', p, [id]);
const sid = (p: ProviderName, id: string) => encodeGlobalId('Session', p, [id]);

describe('createLoaders', () => {
  it('batches keys per vendor into one call each and de-duplicates repeated ids', async () => {
    const daily = recordingAdapter('daily');
    const bird = recordingAdapter('bird');
    const loaders = createLoaders({ daily: daily.provider, bird: bird.provider }, {}, { batching: true });
    const results = await Promise.all([
      loaders.recording.load(rid('daily', 'a')),
      loaders.recording.load(rid('bird', 'x')),
      loaders.recording.load(rid('daily', 'b')),
      loaders.recording.load(rid('daily', 'a')),
    ]);
    expect(results.map((r) => r.nativeId)).toEqual(['a', 'x', 'b', 'a']);
    expect(daily.calls.recordings).toEqual([['a', 'b']]);
    expect(bird.calls.recordings).toEqual([['x']]);
  });

  it('turns a vendor null into NOT_FOUND and keeps per-key errors in their slot', async () => {
    const daily = recordingAdapter('daily');
    const loaders = createLoaders({ daily: daily.provider }, {}, { batching: true });
    const settled = await loaders.recording.loadMany([rid('daily', 'ok'), rid('daily', 'missing'), rid('daily', 'broken')]);
    expect((settled[0] as RecordingData).nativeId).toBe('ok');
    expect(settled[1]).toMatchObject({ code: ErrorCode.NOT_FOUND, provider: 'daily' });
    expect(settled[2]).toMatchObject({ code: ErrorCode.PROVIDER_UNAVAILABLE, provider: 'daily' });
    expect(daily.calls.recordings).toEqual([['ok', 'missing', 'broken']]);
  });

  it('primes recordings loaded through a session so they are not fetched again', async () => {
    const zoom = recordingAdapter('zoom');
    const loaders = createLoaders({ zoom: zoom.provider }, {}, { batching: true });
    await loaders.session.load(sid('zoom', 's9'));
    const rec = await loaders.recording.load(rid('zoom', 's9-a'));
    expect(rec.nativeId).toBe('s9-a');
    expect(zoom.calls.sessions).toEqual([['s9']]);
    expect(zoom.calls.recordings).toEqual([]);
  });

  it('batches links by recording and validity, once per distinct pair', async () => {
    const daily = recordingAdapter('daily');
    const loaders = createLoaders({ daily: daily.provider }, {}, { batching: true });
    const r1 = daily.rec('r1');
    const r2 = daily.rec('r2');
    await Promise.all([
      loaders.accessLink.load({ recording: r1, validForSecs: 60 }),
      loaders.accessLink.load({ recording: r1, validForSecs: 60 }),
      loaders.accessLink.load({ recording: r1, validForSecs: 120 }),
      loaders.accessLink.load({ recording: r2, validForSecs: 60 }),
    ]);
    expect(daily.calls.links).toEqual([['r1@60', 'r1@120', 'r2@60']]);
  });

  it('with batching off, makes one call per load (the benchmark baseline)', async () => {
    const daily = recordingAdapter('daily');
    const loaders = createLoaders({ daily: daily.provider }, {}, { batching: false });
    await Promise.all([
      loaders.recording.load(rid('daily', 'a')),
      loaders.recording.load(rid('daily', 'a')),
      loaders.recording.load(rid('daily', 'b')),
    ]);
    expect(daily.calls.recordings).toEqual([['a'], ['a'], ['b']]);
  });

  it('gives each request its own loaders: nothing is cached across requests', async () => {
    const daily = recordingAdapter('daily');
    const first = createLoaders({ daily: daily.provider }, {}, { batching: true });
    const second = createLoaders({ daily: daily.provider }, {}, { batching: true });
    await first.recording.load(rid('daily', 'a'));
    await second.recording.load(rid('daily', 'a'));
    expect(daily.calls.recordings).toEqual([['a'], ['a']]);
  });
});
