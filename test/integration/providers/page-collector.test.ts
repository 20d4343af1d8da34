import { randomUUID } from 'node:crypto';
import { ErrorCode } from '../../../src/errors/error-codes';
import { RequestBudget } from '../../../src/domain/request-budget';
import { createBirdProvider } from '../../../src/providers/bird';
import { createDailyProvider, DAILY_ROOM_MAX_PAGES } from '../../../src/providers/daily';
import { createSignalWireProvider } from '../../../src/providers/signalwire';
import { MAX_PAGES_PER_LIST } from '../../../src/providers/shared/collect-pages';
import { startEmulator, type Emulator, type Route } from '../../../src/sandbox/emulator';
import { recordingBody } from '../../../src/sandbox/signalwire/signalwire.seed';
import { sandboxCommon } from '../../../src/sandbox/vendor-sandbox';

/**
 * Session listings against vendors whose lists never end or loop: every loop over vendor
 * pages ends, within the page cap, the recordings-and-sessions budget and the request's
 * deadline, with a coded error naming the vendor. Hand-written vendors speaking each
 * vendor's documented list format, over real HTTP.
 */
describe('reading a vendor list that never ends or loops', () => {
  const emulators: Emulator[] = [];
  afterAll(() => Promise.all(emulators.map((e) => e.close())));

  async function vendor(vendorName: 'daily' | 'signalwire' | 'bird', route: Route): Promise<Emulator> {
    const emulator = await startEmulator({
      vendor: vendorName,
      authorize: () => null,
      notFound: () => ({ status: 404, body: {} }),
      routes: [route],
    });
    emulators.push(emulator);
    return emulator;
  }

  const budget = (over: Partial<ConstructorParameters<typeof RequestBudget>[0]> = {}) =>
    new RequestBudget({ vendorCalls: 100_000, links: 200, objects: 1_000, deadlineMs: 60_000, ...over });

  describe('Daily room listing', () => {
    const SESSION = randomUUID();
    const recording = (id: string) => ({
      id,
      room_name: 'room',
      start_ts: 1_700_000_000,
      status: 'finished',
      max_participants: 2,
      duration: 60,
      mtgSessionId: SESSION,
      tracks: [],
    });
    const page = (ids: string[]) => ({ status: 200, body: { total_count: 1_000_000, data: ids.map(recording) } });
    const daily = (emulator: Emulator) => createDailyProvider({ ...sandboxCommon('daily', `${emulator.url}/v1`), apiKey: 'k' });

    it('stops an endless list of full pages at the recordings-and-sessions budget: BUDGET_EXCEEDED, a bounded number of pages held', async () => {
      const emulator = await vendor('daily', {
        name: 'recordings.list',
        method: 'GET',
        pattern: /^\/v1\/recordings$/,
        handle: () => page(Array.from({ length: 100 }, () => randomUUID())),
      });
      const provider = daily(emulator);
      try {
        const heapBefore = process.memoryUsage().heapUsed;
        const [session] = await provider.getSessions([['room', SESSION]], { budget: budget({ objects: 250 }) });
        expect(session).toMatchObject({ code: ErrorCode.BUDGET_EXCEEDED, provider: 'daily' });
        // 250 objects at 100 a page: the 3rd page is the first over.
        expect(emulator.totalCalls()).toBe(3);
        // What was held is a few pages' worth, nothing like an endless list's.
        expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
      } finally {
        await provider.close();
      }
    });

    it(`stops an endless list at Daily's own room cap of ${DAILY_ROOM_MAX_PAGES} pages, within the budget`, async () => {
      const emulator = await vendor('daily', {
        name: 'recordings.list',
        method: 'GET',
        pattern: /^\/v1\/recordings$/,
        handle: () => page(Array.from({ length: 100 }, () => randomUUID())),
      });
      const provider = daily(emulator);
      try {
        const [session] = await provider.getSessions([['room', SESSION]], { budget: budget({ objects: 100_000 }) });
        expect(session).toMatchObject({ code: ErrorCode.UNSUPPORTED_BY_PROVIDER, provider: 'daily' });
        expect(emulator.totalCalls()).toBe(DAILY_ROOM_MAX_PAGES);
      } finally {
        await provider.close();
      }
    });

    it('refuses a list that answers the same page again as PROVIDER_BAD_RESPONSE naming Daily, on the second page', async () => {
      const ids = Array.from({ length: 100 }, () => randomUUID());
      const emulator = await vendor('daily', {
        name: 'recordings.list',
        method: 'GET',
        pattern: /^\/v1\/recordings$/,
        handle: () => page(ids),
      });
      const provider = daily(emulator);
      try {
        const [session] = await provider.getSessions([['room', SESSION]], { budget: budget() });
        expect(session).toMatchObject({ code: ErrorCode.PROVIDER_BAD_RESPONSE, provider: 'daily' });
        expect((session as Error).message).toMatch(/Daily/);
        expect(emulator.totalCalls()).toBe(2);
      } finally {
        await provider.close();
      }
    });
  });

  describe('SignalWire call listing', () => {
    const PROJECT = '720796a0-8ee9-4350-83bd-2d07a3121f1e';
    const CALL = randomUUID();
    const LIST = `/api/laml/2010-04-01/Accounts/${PROJECT}/Recordings`;
    const body = (sid: string) =>
      recordingBody({
        sid,
        projectId: PROJECT,
        sessionSid: CALL,
        conference: false,
        channels: '1',
        created: 1_700_000_000_000,
        start: 1_700_000_000_000,
        duration: 60,
        status: 'completed',
        ended: true,
        source: 'StartCallRecordingApi',
      });
    const signalwire = (emulator: Emulator) =>
      createSignalWireProvider({
        ...sandboxCommon('signalwire', `${emulator.url}/api/laml/2010-04-01`),
        spaceUrl: emulator.url,
        projectId: PROJECT,
        apiToken: 't',
      });

    it('refuses next_page_uri going round in a circle (A, B, A) as PROVIDER_BAD_RESPONSE: no recording handed out twice', async () => {
      const a = randomUUID();
      const b = randomUUID();
      const emulator = await vendor('signalwire', {
        name: 'recordings.list',
        method: 'GET',
        pattern: /Recordings$/,
        handle: (req) =>
          req.query.get('Page') === '1'
            ? { status: 200, body: { recordings: [body(b)], next_page_uri: `${LIST}?Page=0&PageToken=A` } }
            : { status: 200, body: { recordings: [body(a)], next_page_uri: `${LIST}?Page=1&PageToken=B` } },
      });
      const provider = signalwire(emulator);
      try {
        const [session] = await provider.getSessions([['call', CALL]], { budget: budget() });
        expect(session).toMatchObject({ code: ErrorCode.PROVIDER_BAD_RESPONSE, provider: 'signalwire' });
        expect(emulator.totalCalls()).toBe(3);
      } finally {
        await provider.close();
      }
    });

    it("stops an endless list at the request's deadline: BUDGET_EXCEEDED, well before the page cap", async () => {
      let n = 0;
      const emulator = await vendor('signalwire', {
        name: 'recordings.list',
        method: 'GET',
        pattern: /Recordings$/,
        handle: () => ({ status: 200, body: { recordings: [body(randomUUID())], next_page_uri: `${LIST}?Page=${++n}&PageToken=T${n}` } }),
      });
      emulator.latencyMs = 40;
      const provider = signalwire(emulator);
      const requestBudget = budget({ deadlineMs: 400 });
      try {
        const [session] = await provider.getSessions([['call', CALL]], { budget: requestBudget });
        expect(session).toMatchObject({ code: ErrorCode.BUDGET_EXCEEDED, provider: 'signalwire' });
        expect((session as Error).message).toMatch(/deadline of 400 ms/);
        expect(emulator.totalCalls()).toBeLessThan(MAX_PAGES_PER_LIST);
      } finally {
        await provider.close();
      }
    });
  });

  describe('SignalWire call listing without a budget', () => {
    it(`stops an endless list of one-recording pages at ${MAX_PAGES_PER_LIST} pages: BUDGET_EXCEEDED`, async () => {
      const PROJECT = '720796a0-8ee9-4350-83bd-2d07a3121f1e';
      const call = randomUUID();
      const list = `/api/laml/2010-04-01/Accounts/${PROJECT}/Recordings`;
      let n = 0;
      const emulator = await vendor('signalwire', {
        name: 'recordings.list',
        method: 'GET',
        pattern: /Recordings$/,
        handle: () => ({
          status: 200,
          body: {
            recordings: [
              recordingBody({
                sid: randomUUID(),
                projectId: PROJECT,
                sessionSid: call,
                conference: false,
                channels: '1',
                created: 0,
                start: 0,
                duration: 60,
                status: 'completed',
                ended: true,
                source: 'StartCallRecordingApi',
              }),
            ],
            next_page_uri: `${list}?Page=${++n}&PageToken=T${n}`,
          },
        }),
      });
      const provider = createSignalWireProvider({
        ...sandboxCommon('signalwire', `${emulator.url}/api/laml/2010-04-01`),
        spaceUrl: emulator.url,
        projectId: PROJECT,
        apiToken: 't',
      });
      try {
        const [session] = await provider.getSessions([['call', call]], {});
        expect(session).toMatchObject({ code: ErrorCode.BUDGET_EXCEEDED, provider: 'signalwire' });
        expect(emulator.totalCalls()).toBe(MAX_PAGES_PER_LIST);
      } finally {
        await provider.close();
      }
    });
  });

  describe('Bird source listing', () => {
    it(`stops a list of empty pages that always names a new next token at ${MAX_PAGES_PER_LIST} pages`, async () => {
      let n = 0;
      const emulator = await vendor('bird', {
        name: 'recordings.list',
        method: 'GET',
        pattern: /\/recordings$/,
        handle: () => ({ status: 200, body: { results: [], nextPageToken: `token-${++n}` } }),
      });
      const provider = createBirdProvider({
        ...sandboxCommon('bird', emulator.url),
        accessKey: 'k',
        workspaceId: '8bc02f53-87ac-48d2-b4fd-c2cf856a305f',
      });
      try {
        const [session] = await provider.getSessions([['call', randomUUID()]], { budget: budget() });
        expect(session).toMatchObject({ code: ErrorCode.BUDGET_EXCEEDED, provider: 'bird' });
        expect(emulator.totalCalls()).toBe(MAX_PAGES_PER_LIST);
      } finally {
        await provider.close();
      }
    });
  });
});
