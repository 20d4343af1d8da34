import type { RecordingData } from '../../../src/domain/model';
import { ErrorCode } from '../../../src/errors/error-codes';
import { recordingGlobalId } from '../../../src/loaders/create-loaders';
import type { ListFilter, ListPosition, RecordingProvider } from '../../../src/providers/recording-provider';
import { compareTimeline, timelineTime } from '../../../src/providers/shared/timeline';
import { createSignalWireProvider } from '../../../src/providers/signalwire';
import { mapSignalWireRecording } from '../../../src/providers/signalwire/signalwire.mapper';
import { startEmulator } from '../../../src/sandbox/emulator';
import { startSignalWireSandbox } from '../../../src/sandbox/signalwire/signalwire.emulator';
import { sandboxCommon } from '../../../src/sandbox/vendor-sandbox';
import { expectedIds, walkListing } from '../../support/walk-listing';

type Sandbox = Awaited<ReturnType<typeof startSignalWireSandbox>>;
const API = '/api/laml/2010-04-01';

describe('SignalWire listRecordings over HTTP against the SignalWire emulator', () => {
  let sandbox: Sandbox;
  let provider: RecordingProvider;
  let all: RecordingData[];
  let sorted: RecordingData[];

  beforeAll(async () => {
    sandbox = await startSignalWireSandbox({ seed: 5, recordingsPerVendor: 300 });
    provider = createSignalWireProvider(sandbox.config);
    all = sandbox.data.recordings.map((r) => mapSignalWireRecording(r, sandbox.config.spaceUrl));
    sorted = [...all].sort(compareTimeline);
  });
  afterAll(async () => {
    await provider.close();
    await sandbox.emulator.close();
  });
  beforeEach(() => sandbox.emulator.resetCounters());

  const at = (i: number) => new Date(timelineTime(sorted[i])!);
  const sessionOf = (kind: string) => {
    const counts = new Map<string, { key: readonly string[]; n: number }>();
    for (const r of all) if (r.sessionKey?.[0] === kind) counts.set(r.sessionKey[1], { key: r.sessionKey, n: (counts.get(r.sessionKey[1])?.n ?? 0) + 1 });
    return [...counts.values()].sort((a, b) => b.n - a.n)[0].key;
  };
  /** A recording that started after it was created, and the bound that falls between the two. */
  const lagging = () => all.find((r) => r.startedAt!.getTime() > r.createdAt!.getTime())!;

  const filters: Array<[string, () => ListFilter]> = [
    ['no filter', () => ({})],
    ['a date window with bounds on recordings', () => ({ startedAfter: at(200), startedBefore: at(60) })],
    ['a lower bound between a creation and its start', () => ({ startedAfter: lagging().startedAt! })],
    ['a call', () => ({ sessionKey: sessionOf('call') })],
    ['a conference and statuses', () => ({ sessionKey: sessionOf('conference'), statuses: ['READY'] })],
    ['a status', () => ({ statuses: ['FAILED', 'PENDING'] })],
  ];

  it.each(filters)('yields exactly the matching recordings in timeline order, whatever the page size or resume point (%s)', async (_name, filter) => {
    const f = filter();
    const expected = expectedIds(all, f);
    expect(expected.length).toBeGreaterThan(0);
    for (const opts of [{ limit: 3, take: 2 }, { limit: 7 }, { limit: 50, take: 20 }, { limit: 5000 }]) {
      const { ids } = await walkListing(provider, f, opts);
      expect(ids).toEqual(expected);
    }
  });

  it('keeps a recording created before startedAfter but started after it', async () => {
    const rec = lagging();
    const { ids } = await walkListing(provider, { startedAfter: rec.startedAt! }, { limit: 1000 });
    expect(rec.createdAt!.getTime()).toBeLessThan(rec.startedAt!.getTime());
    expect(ids).toContain(recordingGlobalId(rec));
  });

  it('pushes the session, the widened dates (RFC 2822) and the page size down, and follows next_page_uri', async () => {
    const call = sessionOf('call');
    await walkListing(provider, { sessionKey: call, startedAfter: new Date('2026-03-10T10:00:00Z'), startedBefore: new Date('2026-09-26T14:00:00Z') }, { limit: 2 });
    const log = sandbox.emulator.log;
    expect(log[0].path).toBe(`${API}/Accounts/${sandbox.config.projectId}/Recordings`);
    expect(log[0].query).toEqual({
      CallSid: [call[1]],
      'DateCreated>': ['Sun, 08 Mar 2026 00:00:00 +0000'],
      'DateCreated<': ['Sun, 27 Sep 2026 00:00:00 +0000'],
      PageSize: ['2'],
    });
    const conference = sessionOf('conference');
    sandbox.emulator.resetCounters();
    await provider.listRecordings({ filter: { sessionKey: conference }, limit: 10, after: null }, {});
    expect(sandbox.emulator.log[0].query).toEqual({ ConferenceSid: [conference[1]], PageSize: ['10'] });
  });

  it('resumes mid-page by re-fetching that one page, and after a page by its next_page_uri', async () => {
    const first = await provider.listRecordings({ filter: {}, limit: 10, after: null }, {});
    const mid = await provider.listRecordings({ filter: {}, limit: 10, after: first.items[3].position }, {});
    expect(mid.items.map((i) => i.recording)).toEqual(first.items.slice(4).map((i) => i.recording));
    const second = await provider.listRecordings({ filter: {}, limit: 10, after: first.items[9].position }, {});
    expect(second.items.map((i) => recordingGlobalId(i.recording))).toEqual(expectedIds(all, {}).slice(10, 20));
    const log = sandbox.emulator.log;
    expect(log[1].query).toEqual(log[0].query);
    expect(log[2].query).toMatchObject({ Page: ['1'], PageSize: ['10'], PageToken: [expect.any(String)] });
  });

  it('keeps PageSize within 1..1000 whatever the limit asked', async () => {
    await provider.listRecordings({ filter: {}, limit: 0, after: null }, {});
    await provider.listRecordings({ filter: {}, limit: 10_000, after: null }, {});
    expect(sandbox.emulator.log.map((e) => [e.query.PageSize?.[0], e.status])).toEqual([
      ['1', 200],
      ['1000', 200],
    ]);
  });

  it.each<[string, ListPosition]>([
    ['another host', { page: `https://evil.example${API}/Accounts/x/Recordings`, taken: 0 }],
    ['a protocol-relative URI', { page: `//evil.example${API}/Accounts/x/Recordings`, taken: 0 }],
    ['a dot segment', { page: `${API}/Accounts/x/../../../admin`, taken: 0 }],
    ['an encoded dot segment', { page: `${API}/Accounts/x/%2e%2e/y`, taken: 0 }],
    ['a path outside the API', { page: '/admin', taken: 0 }],
    ['a negative count', { page: `${API}/Accounts/x/Recordings`, taken: -1 }],
    ['a fractional count', { page: `${API}/Accounts/x/Recordings`, taken: 1.5 }],
    ['another adapter\'s shape', { startingAfter: 'abc' }],
  ])('refuses a malformed position (%s) before any call', async (_name, after) => {
    await expect(provider.listRecordings({ filter: {}, limit: 5, after }, {})).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT, provider: 'signalwire' });
    expect(sandbox.emulator.totalCalls()).toBe(0);
  });
});

describe('SignalWire listRecordings against a vendor whose next_page_uri leaves the space', () => {
  it('answers PROVIDER_BAD_RESPONSE and hands out no position holding the foreign URI', async () => {
    const emulator = await startEmulator({
      vendor: 'signalwire',
      authorize: () => null,
      notFound: () => ({ status: 404, body: {} }),
      routes: [
        {
          name: 'recordings.list',
          method: 'GET',
          pattern: /Recordings$/,
          handle: () => ({ status: 200, body: { recordings: [], next_page_uri: `https://evil.example${API}/Accounts/x/Recordings?Page=1` } }),
        },
      ],
    });
    const provider = createSignalWireProvider({ ...sandboxCommon('signalwire', `${emulator.url}${API}`), spaceUrl: emulator.url, projectId: '720796a0-8ee9-4350-83bd-2d07a3121f1e', apiToken: 't' });
    try {
      await expect(provider.listRecordings({ filter: {}, limit: 5, after: null }, {})).rejects.toMatchObject({ code: ErrorCode.PROVIDER_BAD_RESPONSE });
      expect(emulator.totalCalls()).toBe(1);
    } finally {
      await provider.close();
      await emulator.close();
    }
  });
});

describe('SignalWire listRecordings over a bulk-seeded emulator', () => {
  it('pages through 10,000 generated recordings plus the demo ones, each once, in timeline order', async () => {
    const sandbox = await startSignalWireSandbox({ seed: 2, recordingsPerVendor: 10_000 });
    const provider = createSignalWireProvider(sandbox.config);
    try {
      const all = sandbox.data.recordings.map((r) => mapSignalWireRecording(r, sandbox.config.spaceUrl));
      expect(all).toHaveLength(10_024);
      const { ids, calls } = await walkListing(provider, {}, { limit: 1000 });
      expect(ids).toEqual(expectedIds(all, {}));
      expect(calls).toBe(11);
    } finally {
      await provider.close();
      await sandbox.emulator.close();
    }
  });
});
