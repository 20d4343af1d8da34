import { defaultRateRules } from '../../../src/config/rate-limits';
import { VENDOR_RESILIENCE_DEFAULTS, VENDOR_TIMEOUT_DEFAULTS } from '../../../src/config/vendor-defaults';
import type { BirdConfig } from '../../../src/providers/bird/bird.config';
import { ErrorCode } from '../../../src/errors/error-codes';
import { bird, createBirdProvider } from '../../../src/providers/bird';
import type { CallContext } from '../../../src/domain/call-context';
import type { RecordingProvider } from '../../../src/providers/recording-provider';
import { startBirdSandbox } from '../../../src/sandbox/bird/bird.emulator';
import type { Emulator } from '../../../src/sandbox/emulator';
import { vendorLifecycle } from '../../support/vendor-lifecycle';

/**
 * Bird's emulator enforces Bird's documented 50 GET/s per workspace (src/sandbox/rate-limit.ts)
 * and the adapter keeps to its budget (src/http/rate-budget.ts): no 429 however hard it is pushed.
 */
describe('the rate budget against an emulator enforcing the vendor limit', () => {
  let emulator: Emulator;
  let config: BirdConfig;
  let provider: RecordingProvider;
  let ids: string[];

  beforeAll(async () => {
    const sandbox = await startBirdSandbox({
      rateLimits: true,
      // No retries: a 429 would surface as an error instead of being hidden by a retry.
      vendorHttp: {
        timeouts: VENDOR_TIMEOUT_DEFAULTS,
        resilience: { ...VENDOR_RESILIENCE_DEFAULTS, maxRetries: 0 },
        rateLimits: { bird: defaultRateRules(bird.rateClasses) },
      },
    });
    emulator = sandbox.emulator;
    config = sandbox.config;
    provider = createBirdProvider(config);
    ids = sandbox.data.recordings.map((r) => r.id);
  });
  vendorLifecycle(() => ({ provider, emulator }));

  const load = (n: number, ctx: CallContext = {}) =>
    provider.getRecordings(
      Array.from({ length: n }, (_, i) => [ids[i % ids.length]]),
      ctx,
    );

  it('spreads a burst of 120 calls over the windows the limit allows: no 429, none refused', async () => {
    const waits: number[] = [];
    const remaining: number[] = [];
    const metrics = {
      vendorCall: () => undefined,
      loaderBatch: () => undefined,
      rateWait: (_: string, s: number) => waits.push(s),
      rateRemaining: (_: string, __: string, n: number) => remaining.push(n),
    };
    const results = await load(120, { metrics });
    expect(results.filter((r) => r instanceof Error)).toEqual([]);
    expect(emulator.rateLimitedCalls()).toBe(0);
    // 50 in the first second, 50 in the next, 20 in the third: the last call arrived after two full windows.
    const arrivals = emulator.log.map((e) => e.receivedAt).sort((a, b) => a - b);
    expect(arrivals).toHaveLength(120);
    expect(arrivals[119] - arrivals[0]).toBeGreaterThanOrEqual(2_000);
    for (let i = 50; i < arrivals.length; i += 1) expect(arrivals[i] - arrivals[i - 50]).toBeGreaterThanOrEqual(1_000);
    // What /metrics shows: when the first window ran dry, every connection's call (16) waited
    // for budget, up to about a window; the others waited for a connection first.
    expect(waits.length).toBeGreaterThanOrEqual(16);
    expect(Math.max(...waits)).toBeGreaterThanOrEqual(0.5);
    expect(Math.min(...remaining)).toBe(0);
  });

  const windowPasses = () => new Promise((r) => setTimeout(r, 1_100));

  it('fails PROVIDER_RATE_LIMITED without calling when no budget comes before the deadline', async () => {
    await windowPasses();
    await load(50);
    const before = emulator.totalCalls();
    const [result] = await provider.getRecordings([[ids[0]]], { deadlineAt: Date.now() + 100 });
    expect(result).toBeInstanceOf(Error);
    expect(result).toMatchObject({ code: ErrorCode.PROVIDER_RATE_LIMITED });
    expect(emulator.totalCalls()).toBe(before);
  });

  it('a 429 with Retry-After pauses the budget: the next call waits it out', async () => {
    await windowPasses();
    emulator.injectFault({ kind: 'status', status: 429, retryAfter: '2' });
    const [first] = await provider.getRecordings([[ids[0]]], {});
    expect(first).toMatchObject({ code: ErrorCode.PROVIDER_RATE_LIMITED });
    const [second] = await provider.getRecordings([[ids[0]]], {});
    expect(second).not.toBeInstanceOf(Error);
    const [a, b] = emulator.log.map((e) => e.receivedAt);
    expect(b - a).toBeGreaterThanOrEqual(1_950);
  });
});
