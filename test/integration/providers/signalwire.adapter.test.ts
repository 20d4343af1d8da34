import type { RecordingData } from '../../../src/domain/model';
import { ErrorCode } from '../../../src/errors/error-codes';
import { createSignalWireProvider } from '../../../src/providers/signalwire';
import type { RecordingProvider } from '../../../src/providers/recording-provider';
import type { Emulator } from '../../../src/sandbox/emulator';
import { SIGNALWIRE_SANDBOX_API_TOKEN, startSignalWireSandbox } from '../../../src/sandbox/signalwire/signalwire.emulator';
import { recordingBody, type SignalWireDataset } from '../../../src/sandbox/signalwire/signalwire.seed';
import { request } from 'undici';
import { vendorLifecycle } from '../../support/vendor-lifecycle';

describe('SignalWire adapter over HTTP against the SignalWire emulator', () => {
  let emulator: Emulator;
  let data: SignalWireDataset;
  let provider: RecordingProvider;
  let config: Awaited<ReturnType<typeof startSignalWireSandbox>>['config'];

  beforeAll(async () => {
    ({ emulator, data, config } = await startSignalWireSandbox({ seed: 4 }));
    provider = createSignalWireProvider(config);
  });
  vendorLifecycle(() => ({ provider, emulator }));

  const completed = () => data.recordings.find((r) => r.status === 'completed' && r.call_sid)!;

  it('gets recordings by sid, one GET each, with NOT_FOUND in its own slot', async () => {
    const a = completed();
    const results = await provider.getRecordings([[a.sid], ['00000000-0000-4000-8000-000000000000']], {});
    expect((results[0] as RecordingData).nativeId).toBe(a.sid);
    expect(results[1]).toMatchObject({ code: ErrorCode.NOT_FOUND, provider: 'signalwire' });
    expect(emulator.counters.get('recordings.get')).toBe(2);
    expect(emulator.log[0].path).toBe(`/api/laml/2010-04-01/Accounts/${config.projectId}/Recordings/${a.sid}.json`);
  });

  it('loads a call session and a conference session with one filtered list each', async () => {
    const call = completed().call_sid!;
    const conference = data.recordings.find((r) => r.conference_sid)!.conference_sid!;
    const [c, f] = await provider.getSessions(
      [
        ['call', call],
        ['conference', conference],
      ],
      {},
    );
    expect(c).toMatchObject({ kind: 'CALL', nativeId: call });
    expect(f).toMatchObject({ kind: 'CONFERENCE', nativeId: conference });
    expect((c as { recordings: unknown[] }).recordings).toHaveLength(data.recordings.filter((r) => r.call_sid === call).length);
    expect(emulator.counters.get('recordings.list')).toBe(2);
    expect(emulator.log.map((e) => e.query)).toEqual(
      expect.arrayContaining([
        { CallSid: [call], PageSize: ['1000'] },
        { ConferenceSid: [conference], PageSize: ['1000'] },
      ]),
    );
  });

  it('follows next_page_uri across pages', async () => {
    const call = '43bb71ee-553f-4074-bb20-8e2747647cce';
    const big = await startSignalWireSandbox({}, { recordings: [] });
    for (let i = 0; i < 2_100; i++) {
      const sid = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      const at = 1_700_000_000_000 - i * 1000;
      big.data.recordings.push(
        recordingBody({
          sid,
          projectId: big.config.projectId,
          sessionSid: call,
          conference: false,
          channels: '1',
          created: at,
          start: at,
          duration: 4,
          status: 'completed',
          ended: true,
          source: 'StartCallRecordingApi',
        }),
      );
    }
    const p = createSignalWireProvider(big.config);
    try {
      const [s] = await p.getSessions([['call', call]], {});
      expect((s as { recordings: unknown[] }).recordings).toHaveLength(2_100);
      expect(big.emulator.log.map((e) => e.query.Page?.[0])).toEqual([undefined, '1', '2']);
      expect(big.emulator.log.every((e) => e.status === 200)).toBe(true);
    } finally {
      await p.close();
      await big.emulator.close();
    }
  });

  it('gives links with no call, no expiry and no credentials, that the media route serves without auth', async () => {
    const [rec] = (await provider.getRecordings([[completed().sid]], {})) as RecordingData[];
    emulator.resetCounters();
    const [link] = await provider.getAccessLinks([{ recording: rec, validForSecs: 60 }], {});
    expect(emulator.totalCalls()).toBe(0);
    expect(link).toMatchObject({ expiresAt: null, validForSecs: null, format: 'WAV' });
    const url = (link as { url: string }).url;
    expect(url).not.toContain(SIGNALWIRE_SANDBOX_API_TOKEN);
    expect(new URL(url).search).toBe('');
    const media = await request(url);
    expect(media.statusCode).toBe(200);
    expect(media.headers['content-type']).toBe('audio/wav');
    await media.body.dump();
  });

  it('gives no link for a recording that is not completed', async () => {
    const queued = data.recordings.find((r) => r.status === 'queued')!;
    const [rec] = (await provider.getRecordings([[queued.sid]], {})) as RecordingData[];
    expect(await provider.getAccessLinks([{ recording: rec, validForSecs: 60 }], {})).toEqual([null]);
  });

  it('maps wrong credentials to PROVIDER_AUTH_FAILED without the vendor message', async () => {
    const wrong = createSignalWireProvider({ ...config, apiToken: 'wrong' });
    try {
      const [r] = await wrong.getRecordings([[completed().sid]], {});
      expect(r).toMatchObject({ code: ErrorCode.PROVIDER_AUTH_FAILED, provider: 'signalwire' });
      expect((r as Error).message).not.toContain('Authentication failed');
    } finally {
      await wrong.close();
    }
  });

  it('maps a truncated body to PROVIDER_BAD_RESPONSE and a lasting 503 to PROVIDER_UNAVAILABLE after retries', async () => {
    emulator.injectFault({ kind: 'malformed', variant: 'truncated', route: 'recordings.get' });
    expect((await provider.getRecordings([[completed().sid]], {}))[0]).toMatchObject({ code: ErrorCode.PROVIDER_BAD_RESPONSE });
    emulator.resetCounters();
    emulator.injectFault({ kind: 'status', status: 503, route: 'recordings.get', times: 3 });
    expect((await provider.getRecordings([[completed().sid]], {}))[0]).toMatchObject({ code: ErrorCode.PROVIDER_UNAVAILABLE });
    expect(emulator.counters.get('recordings.get')).toBe(3);
  });

  it('validates sids and session shapes before any call', () => {
    for (const [type, segments] of [
      ['Recording', ['..']],
      ['Recording', ['not-a-uuid']],
      ['Session', ['meeting', '43bb71ee-553f-4074-bb20-8e2747647cce']],
      ['Session', ['call']],
    ] as const) {
      expect(() => provider.validateKey(type, segments)).toThrow(expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT }));
    }
    expect(() => provider.validateKey('Session', ['conference', '43bb71ee-553f-4074-bb20-8e2747647cce'])).not.toThrow();
    expect(emulator.totalCalls()).toBe(0);
  });
});
