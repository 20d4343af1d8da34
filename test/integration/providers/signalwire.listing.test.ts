import { request } from 'undici';
import { ErrorCode } from '../../../src/errors/error-codes';
import { recordingGlobalId } from '../../../src/ids/global-id';
import type { ListFilter, ListPosition } from '../../../src/providers/recording-provider';
import { createSignalWireProvider } from '../../../src/providers/signalwire';
import { SignalWireClient } from '../../../src/providers/signalwire/signalwire.client';
import { mapSignalWireRecording } from '../../../src/providers/signalwire/signalwire.mapper';
import { startEmulator } from '../../../src/sandbox/emulator';
import { startSignalWireSandbox } from '../../../src/sandbox/signalwire/signalwire.emulator';
import { sandboxCommon } from '../../../src/sandbox/vendor-sandbox';
import {
  busiestSession,
  expectBulkWalk,
  expectedIds,
  expectExactWalks,
  expectPageSizeBounded,
  expectPositionRefused,
  listingFixture,
  walkListing,
} from '../../support/walk-listing';

type Sandbox = Awaited<ReturnType<typeof startSignalWireSandbox>>;
const API = '/api/laml/2010-04-01';
const create = (s: Sandbox) => createSignalWireProvider(s.config);
const map = (s: Sandbox) => s.data.recordings.map((r) => mapSignalWireRecording(r, s.config.spaceUrl));

describe('SignalWire listRecordings over HTTP against the SignalWire emulator', () => {
  const f = listingFixture(() => startSignalWireSandbox({ seed: 5, recordingsPerVendor: 300 }), create, map);
  /** A recording that started after it was created. */
  const lagging = () => f.all.find((r) => r.startedAt && r.startedAt.getTime() > r.createdAt!.getTime())!;

  it.each<[string, () => ListFilter]>([
    ['no filter', () => ({})],
    ['a date window with bounds on recordings', () => ({ startedAfter: f.at(200), startedBefore: f.at(60) })],
    ['a lower bound between a creation and its start', () => ({ startedAfter: lagging().startedAt! })],
    ['a call', () => ({ sessionKey: busiestSession(f.all, 'call') })],
    ['a conference and statuses', () => ({ sessionKey: busiestSession(f.all, 'conference'), statuses: ['READY'] })],
    ['statuses', () => ({ statuses: ['FAILED', 'PENDING'] })],
  ])('yields exactly the matching recordings in timeline order, whatever the page size or resume point (%s)', (_name, filter) =>
    expectExactWalks(f.provider, f.all, filter()),
  );

  it('pushes the session, the widened dates (RFC 2822) and the page size down', async () => {
    const call = busiestSession(f.all, 'call');
    await walkListing(
      f.provider,
      { sessionKey: call, startedAfter: new Date('2026-03-10T10:00:00Z'), startedBefore: new Date('2026-09-26T14:00:00Z') },
      { limit: 2 },
    );
    const log = f.sandbox.emulator.log;
    expect(log[0].path).toBe(`${API}/Accounts/${f.sandbox.config.projectId}/Recordings`);
    expect(log[0].query).toEqual({
      CallSid: [call[1]],
      'DateCreated>': ['Sun, 08 Mar 2026 00:00:00 +0000'],
      'DateCreated<': ['Sun, 27 Sep 2026 00:00:00 +0000'],
      PageSize: ['2'],
    });
    const conference = busiestSession(f.all, 'conference');
    f.sandbox.emulator.resetCounters();
    await f.provider.listRecordings({ filter: { sessionKey: conference }, limit: 10, after: null }, {});
    expect(f.sandbox.emulator.log[0].query).toEqual({ ConferenceSid: [conference[1]], PageSize: ['10'] });
  });

  it('resumes mid-page by re-fetching that one page, and after a page by its next_page_uri', async () => {
    const first = await f.provider.listRecordings({ filter: {}, limit: 10, after: null }, {});
    const mid = await f.provider.listRecordings({ filter: {}, limit: 10, after: first.items[3].position }, {});
    expect(mid.items.map((i) => i.recording)).toEqual(first.items.slice(4).map((i) => i.recording));
    const second = await f.provider.listRecordings({ filter: {}, limit: 10, after: first.items[9].position }, {});
    expect(second.items.map((i) => recordingGlobalId(i.recording))).toEqual(expectedIds(f.all, {}).slice(10, 20));
    const log = f.sandbox.emulator.log;
    expect(log[1].query).toEqual(log[0].query);
    expect(log[2].query).toMatchObject({ Page: ['1'], PageSize: ['10'], PageToken: [expect.any(String)] });
  });

  it('keeps PageSize within 1..1000 whatever the limit asked', () => expectPageSizeBounded(f, 'PageSize', 1000));

  it.each<[string, ListPosition]>([
    ['another host', { page: `https://evil.example${API}/Accounts/x/Recordings`, taken: 0 }],
    ['a protocol-relative URI', { page: `//evil.example${API}/Accounts/x/Recordings`, taken: 0 }],
    ['a dot segment', { page: `${API}/Accounts/x/../../../admin`, taken: 0 }],
    ['an encoded dot segment', { page: `${API}/Accounts/x/%2e%2e/y`, taken: 0 }],
    ['a path outside the API', { page: '/admin', taken: 0 }],
    ['a negative count', { page: `${API}/Accounts/x/Recordings`, taken: -1 }],
    ['a fractional count', { page: `${API}/Accounts/x/Recordings`, taken: 1.5 }],
    ["another adapter's shape", { startingAfter: 'abc' }],
  ])('refuses a malformed position (%s) before any call', (_name, after) => expectPositionRefused(f, after));

  /** Spellings a server could resolve outside the account, each starting with the account's own path. */
  const escapes = (account: string): string[] => [
    `${account}/..%2F..%2FOtherAccount/Recordings`,
    `${account}/..%2f/Recordings`,
    `${account}/..\\..\\admin`,
    `${account}/..;/..;/admin`,
    `${account}/Recordings/..#/x`,
    `${account}/%2e%2e%5c/admin`,
    `${account}/Recordings%3F/x`,
  ];
  const ownAccount = () => `${API}/Accounts/${f.sandbox.config.projectId}`;

  it.each([0, 1, 2, 3, 4, 5, 6])('refuses a position whose page URI escapes the account by spelling %i, before any call', (i) =>
    expectPositionRefused(f, { page: escapes(ownAccount())[i], taken: 0 }),
  );

  it('never requests a page URI outside its API path, whoever asks for it', async () => {
    const client = new SignalWireClient(f.sandbox.config);
    f.sandbox.emulator.resetCounters();
    try {
      expect(client.isOwnPageUri(`${ownAccount()}/Recordings?PageSize=10&Page=1&PageToken=PA1`)).toBe(true);
      for (const uri of [
        'https://evil.example/x',
        `${API}/../../admin`,
        `${API}/%2e%2e/x`,
        '/other/Recordings',
        `${API}/Accounts/other/Recordings`,
        ...escapes(ownAccount()),
      ]) {
        await expect(client.getPage(uri, {})).rejects.toThrow(/outside the API path/);
      }
      expect(f.sandbox.emulator.totalCalls()).toBe(0);
    } finally {
      await client.close();
    }
  });
});

describe('SignalWire listRecordings against a vendor whose next_page_uri leaves the space', () => {
  it('answers PROVIDER_BAD_RESPONSE and hands out no position holding the foreign URI, nor follows it for a session', async () => {
    const emulator = await startEmulator({
      vendor: 'signalwire',
      authorize: () => null,
      notFound: () => ({ status: 404, body: {} }),
      routes: [
        {
          name: 'recordings.list',
          method: 'GET',
          pattern: /Recordings$/,
          handle: () => ({
            status: 200,
            body: { recordings: [], next_page_uri: `https://evil.example${API}/Accounts/x/Recordings?Page=1` },
          }),
        },
      ],
    });
    const provider = createSignalWireProvider({
      ...sandboxCommon('signalwire', `${emulator.url}${API}`),
      spaceUrl: emulator.url,
      projectId: '720796a0-8ee9-4350-83bd-2d07a3121f1e',
      apiToken: 't',
    });
    try {
      await expect(provider.listRecordings({ filter: {}, limit: 5, after: null }, {})).rejects.toMatchObject({
        code: ErrorCode.PROVIDER_BAD_RESPONSE,
      });
      expect(emulator.totalCalls()).toBe(1);
      const [session] = await provider.getSessions([['call', '5d8a0ee2-7c4f-4f5e-9b1e-3f0c1d2e4a6b']], {});
      expect(session).toMatchObject({ code: ErrorCode.PROVIDER_BAD_RESPONSE });
      expect(emulator.totalCalls()).toBe(2);
    } finally {
      await provider.close();
      await emulator.close();
    }
  });
});

describe('SignalWire listRecordings against a space that refuses RFC 2822 in its date filters', () => {
  it('answers a coded error naming the filter SignalWire refused, and lists by session without dates as before', async () => {
    const sandbox = await startSignalWireSandbox({ seed: 5 }, undefined, { accountListDates: 'day' });
    const provider = create(sandbox);
    try {
      const all = map(sandbox);
      const refused = provider.listRecordings({ filter: { startedAfter: new Date('2026-03-10T10:00:00Z') }, limit: 5, after: null }, {});
      await expect(refused).rejects.toMatchObject({ code: ErrorCode.UNSUPPORTED_BY_PROVIDER, provider: 'signalwire' });
      await expect(refused).rejects.toThrow(/`DateCreated>` \(from startedAfter\).*RFC 2822/);
      const both = provider.listRecordings(
        {
          filter: { startedAfter: new Date('2026-03-10T10:00:00Z'), startedBefore: new Date('2026-09-26T14:00:00Z') },
          limit: 5,
          after: null,
        },
        {},
      );
      await expect(both).rejects.toThrow(/`DateCreated>` \(from startedAfter\) and `DateCreated<` \(from startedBefore\)/);
      expect(sandbox.emulator.log.map((e) => e.status)).toEqual([400, 400]);

      const call = busiestSession(all, 'call');
      const page = await provider.listRecordings({ filter: { sessionKey: call }, limit: 50, after: null }, {});
      expect(page.items.map((i) => recordingGlobalId(i.recording))).toEqual(expectedIds(all, { sessionKey: call }));
    } finally {
      await provider.close();
      await sandbox.emulator.close();
    }
  });
});

describe('SignalWire list path', () => {
  it('requests the account list without `.json`, as the reference routes it; the emulator answers `.json` the same', async () => {
    const sandbox = await startSignalWireSandbox({ seed: 5 });
    const provider = create(sandbox);
    try {
      await provider.listRecordings({ filter: {}, limit: 3, after: null }, {});
      expect(sandbox.emulator.log[0].path).toBe(`${API}/Accounts/${sandbox.config.projectId}/Recordings`);
      const auth = `Basic ${Buffer.from(`${sandbox.config.projectId}:${sandbox.config.apiToken}`).toString('base64')}`;
      const get = async (path: string) =>
        (await request(`${sandbox.emulator.url}${path}?PageSize=3`, { headers: { authorization: auth } })).body.json();
      const base = `${API}/Accounts/${sandbox.config.projectId}/Recordings`;
      expect(await get(`${base}.json`)).toEqual(await get(base));
    } finally {
      await provider.close();
      await sandbox.emulator.close();
    }
  });
});

describe('SignalWire listRecordings over a bulk-seeded emulator', () => {
  it('pages through 10,000 generated recordings plus the demo ones, each once, in timeline order, one vendor call per full page', async () => {
    const walk = await expectBulkWalk(() => startSignalWireSandbox({ seed: 2, recordingsPerVendor: 10_000 }), create, map, {
      limit: 1000,
      total: 10_024,
      maxVendorCallsPerStep: 1,
    });
    // Counted at the vendor, not in the walker.
    expect([walk.calls, walk.vendorCalls]).toEqual([Math.ceil(10_024 / 1000), Math.ceil(10_024 / 1000)]);
  });
});
