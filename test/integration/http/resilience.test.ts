import { getEventListeners } from 'node:events';
import type { DailyConfig } from '../../../src/providers/daily/daily.config';
import { waitUntil } from '../../support/wait-until';
import { ErrorCode } from '../../../src/errors/error-codes';
import { RequestBudget } from '../../../src/domain/request-budget';
import { RequestCancel } from '../../../src/domain/request-cancel';
import { createDailyProvider } from '../../../src/providers/daily';
import { startDailySandbox } from '../../../src/sandbox/daily/daily.emulator';
import type { DailyDataset } from '../../../src/sandbox/daily/daily.seed';
import type { Emulator } from '../../../src/sandbox/emulator';

/**
 * Retries, Retry-After, the circuit breaker, timeouts and cancellation, through the real
 * HTTP stack against the Daily emulator's fault knobs (any vendor shares this code).
 */
describe('vendor call resilience', () => {
  let emulator: Emulator;
  let data: DailyDataset;
  let base: DailyConfig;
  const fast = { maxRetries: 2, retryBaseDelayMs: 5, retryAfterCapMs: 2_000, breakerThreshold: 3, breakerCooldownMs: 300 };

  beforeAll(async () => {
    ({ emulator, data, config: base } = await startDailySandbox({ seed: 11 }));
  });
  afterAll(() => emulator.close());
  beforeEach(() => {
    emulator.resetCounters();
    emulator.clearFaults();
  });

  async function withProvider<T>(
    overrides: Partial<DailyConfig>,
    run: (p: ReturnType<typeof createDailyProvider>) => Promise<T>,
  ): Promise<T> {
    const provider = createDailyProvider({ ...base, resilience: fast, ...overrides });
    try {
      return await run(provider);
    } finally {
      await provider.close();
    }
  }
  const id = () => [data.recordings[0].id];

  it('retries a 429 after its Retry-After and succeeds', async () => {
    emulator.injectFault({ kind: 'status', status: 429, retryAfter: '0', route: 'recordings.get' });
    const [rec] = await withProvider({}, (p) => p.getRecordings([id()], {}));
    expect(rec).toMatchObject({ nativeId: data.recordings[0].id });
    expect(emulator.counters.get('recordings.get')).toBe(2);
  });

  it('does not wait for a Retry-After beyond the cap: PROVIDER_RATE_LIMITED after one call', async () => {
    emulator.injectFault({ kind: 'status', status: 429, retryAfter: '120', route: 'recordings.get' });
    const [rec] = await withProvider({}, (p) => p.getRecordings([id()], {}));
    expect(rec).toMatchObject({ code: ErrorCode.PROVIDER_RATE_LIMITED, provider: 'daily' });
    expect(emulator.counters.get('recordings.get')).toBe(1);
  });

  it('reads a Retry-After given as an HTTP date', async () => {
    emulator.injectFault({ kind: 'status', status: 503, retryAfter: new Date(Date.now() + 500).toUTCString(), route: 'recordings.get' });
    const [rec] = await withProvider({}, (p) => p.getRecordings([id()], {}));
    expect(rec).toMatchObject({ nativeId: data.recordings[0].id });
    expect(emulator.counters.get('recordings.get')).toBe(2);
  });

  it('does not retry a 4xx other than 429', async () => {
    const [rec] = await withProvider({ apiKey: 'wrong' }, (p) => p.getRecordings([id()], {}));
    expect(rec).toMatchObject({ code: ErrorCode.PROVIDER_AUTH_FAILED });
    expect(emulator.counters.get('recordings.get')).toBe(1);
  });

  it('opens the circuit after a storm of 503s, fails fast without calling, then half-opens', async () => {
    await withProvider({ resilience: { ...fast, maxRetries: 0 } }, async (p) => {
      emulator.injectFault({ kind: 'status', status: 503, route: 'recordings.get', times: 3 });
      for (let i = 0; i < 3; i++) expect((await p.getRecordings([id()], {}))[0]).toMatchObject({ code: ErrorCode.PROVIDER_UNAVAILABLE });
      expect(emulator.counters.get('recordings.get')).toBe(3);
      expect(p.circuitState()).toBe('open');
      const [fastFail] = await p.getRecordings([id()], {});
      expect(fastFail).toMatchObject({ code: ErrorCode.PROVIDER_UNAVAILABLE, provider: 'daily' });
      expect((fastFail as Error).message).toMatch(/paused/);
      expect(emulator.counters.get('recordings.get')).toBe(3);
      await new Promise((r) => setTimeout(r, fast.breakerCooldownMs + 50));
      // Past the cool-down, before any call: the next call is the trial (what /readyz reports).
      expect(p.circuitState()).toBe('half-open');
      const [recovered] = await p.getRecordings([id()], {});
      expect(recovered).toMatchObject({ nativeId: data.recordings[0].id });
      expect(emulator.counters.get('recordings.get')).toBe(4);
      expect(p.circuitState()).toBe('closed');
    });
  });

  it('gives up on a stalled vendor at its timeout with PROVIDER_UNAVAILABLE', async () => {
    emulator.injectFault({ kind: 'stall', ms: 5_000, route: 'recordings.get' });
    const [rec] = await withProvider(
      { timeouts: { connectMs: 1_000, headersMs: 200, bodyMs: 200, requestMs: 5_000 }, resilience: { ...fast, maxRetries: 0 } },
      (p) => p.getRecordings([id()], {}),
    );
    expect(rec).toMatchObject({ code: ErrorCode.PROVIDER_UNAVAILABLE, provider: 'daily' });
    expect((rec as Error).message).toMatch(/did not answer in time/);
  });

  // Every chunk comes well within the idle timeouts (bodyMs 2 s, a chunk every 20 ms), so
  // only the request deadline can end the call before the whole body has dripped in.
  const dripping = { connectMs: 1_000, headersMs: 2_000, bodyMs: 2_000, requestMs: 300 };
  const drip = { kind: 'drip', bytes: 1, everyMs: 20, route: 'recordings.get' } as const;

  async function cut(): Promise<void> {
    // The emulator notices the closed connection on its next chunk.
    await waitUntil(() => emulator.log.every((e) => e.answeredAt > 0), 'the emulator saw every cut call end');
  }

  it('cuts a vendor that drips its body at the request deadline with PROVIDER_UNAVAILABLE, without retrying', async () => {
    emulator.injectFault({ ...drip, times: 3 });
    const [rec] = await withProvider({ timeouts: dripping }, (p) => p.getRecordings([id()], {}));
    expect(rec).toMatchObject({ code: ErrorCode.PROVIDER_UNAVAILABLE, provider: 'daily' });
    expect((rec as Error).message).toMatch(/within 300 ms/);
    expect(emulator.counters.get('recordings.get')).toBe(1);
    await cut();
    expect(emulator.log[0]).toMatchObject({ status: 200, abandoned: true });
  });

  it('counts dripping calls cut at the deadline as outages: the circuit opens', async () => {
    await withProvider({ timeouts: dripping, resilience: { ...fast, maxRetries: 0 } }, async (p) => {
      emulator.injectFault({ ...drip, times: fast.breakerThreshold });
      for (let i = 0; i < fast.breakerThreshold; i++) {
        expect((await p.getRecordings([id()], {}))[0]).toMatchObject({ code: ErrorCode.PROVIDER_UNAVAILABLE, vendorCode: 'DEADLINE' });
      }
      expect(p.circuitState()).toBe('open');
    });
    await cut();
  });

  it('spends one deadline on a call in all, retries and the waits between them included', async () => {
    // Each attempt stalls 400 ms, then 503: retried, three attempts would take 1.2 s; the
    // call's deadline of 600 ms ends it during the second, and no third is made.
    emulator.latencyMs = 400;
    emulator.injectFault({ kind: 'status', status: 503, route: 'recordings.get', times: 3 });
    try {
      const [rec] = await withProvider({ timeouts: { connectMs: 1_000, headersMs: 2_000, bodyMs: 2_000, requestMs: 600 } }, (p) =>
        p.getRecordings([id()], {}),
      );
      expect(rec).toMatchObject({ code: ErrorCode.PROVIDER_UNAVAILABLE, provider: 'daily', vendorCode: 'DEADLINE' });
      expect((rec as Error).message).toMatch(/within 600 ms/);
      expect(emulator.counters.get('recordings.get')).toBeLessThanOrEqual(2);
    } finally {
      emulator.latencyMs = 0;
    }
  });

  it('ends a call at the request deadline when that comes first: BUDGET_EXCEEDED, and no call past it', async () => {
    emulator.injectFault({ kind: 'stall', ms: 2_000, route: 'recordings.get' });
    const budget = new RequestBudget({ vendorCalls: 10, links: 10, objects: 10, deadlineMs: 300 });
    await withProvider({}, async (p) => {
      const [rec] = await p.getRecordings([id()], { budget });
      expect(rec).toMatchObject({ code: ErrorCode.BUDGET_EXCEEDED, provider: 'daily' });
      expect((rec as Error).message).toMatch(/deadline of 300 ms/);
      await waitUntil(() => budget.remainingMs() <= 0, 'the deadline passed');
      const [late] = await p.getRecordings([id()], { budget });
      expect(late).toMatchObject({ code: ErrorCode.BUDGET_EXCEEDED });
    });
    expect(emulator.counters.get('recordings.get')).toBe(1);
  });

  it("makes no vendor call past the request's vendor-call budget", async () => {
    const budget = new RequestBudget({ vendorCalls: 2, links: 10, objects: 10, deadlineMs: 10_000 });
    const ids = data.recordings.slice(0, 4).map((r) => [r.id]);
    const results = await withProvider({}, (p) => p.getRecordings(ids, { budget }));
    expect(results.filter((r) => r instanceof Error)).toEqual([
      expect.objectContaining({ code: ErrorCode.BUDGET_EXCEEDED }),
      expect.objectContaining({ code: ErrorCode.BUDGET_EXCEEDED }),
    ]);
    expect(emulator.counters.get('recordings.get')).toBe(2);
  });

  it('answers a dripping vendor that finishes within the deadline', async () => {
    emulator.injectFault({ kind: 'drip', bytes: 64, everyMs: 5, route: 'recordings.get' });
    const [rec] = await withProvider({}, (p) => p.getRecordings([id()], {}));
    expect(rec).toMatchObject({ nativeId: data.recordings[0].id });
  });

  // The HTTP route cancels through a RequestCancel (src/server/create-server.ts), in-process callers through an AbortSignal.
  it.each([
    ['an AbortSignal', () => new AbortController()],
    ['a RequestCancel', () => new RequestCancel()],
  ])('aborts in-flight calls when the request is cancelled (%s)', async (_name, make) => {
    emulator.injectFault({ kind: 'stall', ms: 5_000, route: 'recordings.get' });
    const made = make();
    const controller = { signal: 'signal' in made ? made.signal : made, abort: () => made.abort() };
    const pending = withProvider({}, (p) => p.getRecordings([id()], { signal: controller.signal }));
    await waitUntil(() => emulator.log.length === 1, 'the call reached the emulator');
    controller.abort();
    const [rec] = await pending;
    expect(rec).toMatchObject({ code: ErrorCode.PROVIDER_UNAVAILABLE });
    expect((rec as Error).message).toMatch(/cancelled/);
    expect(emulator.counters.get('recordings.get')).toBe(1);
  });

  it("leaves no listener on the request's signal once its calls are done, whatever their outcome", async () => {
    const controller = new AbortController();
    emulator.injectFault({ kind: 'status', status: 500, route: 'recordings.get', times: 1 });
    const ids = data.recordings.slice(0, 5).map((r) => [r.id]);
    await withProvider({ resilience: { ...fast, maxRetries: 0 } }, async (p) => {
      const results = await p.getRecordings(ids, { signal: controller.signal });
      expect(results.filter((r) => r instanceof Error)).toHaveLength(1);
    });
    expect(getEventListeners(controller.signal, 'abort')).toEqual([]);
  });
});
