import { bulkhead, type BulkheadPolicy } from 'cockatiel';
import { Pool, errors as undiciErrors } from 'undici';
import type { Dispatcher } from 'undici';
import type { VendorHttpTimeoutsConfig, VendorResilienceConfig } from '../config/config.types';
import { VENDOR_TIMEOUT_DEFAULTS } from '../config/vendor-defaults';
import type { ProviderName } from '../domain/provider-name';
import { PROVIDER_LABELS } from '../domain/provider-name';
import { ErrorCode } from '../errors/error-codes';
import { ProviderError, badResponse } from '../errors/provider-error';
import type { CallContext } from '../domain/call-context';
import type { RateRule } from '../config/rate-limits';
import { buildQuery, type QueryValue } from './encode-path';
import { RateBudget } from './rate-budget';
import type { RateStore } from './rate-store';
import { createVendorPolicy, DEFAULT_RESILIENCE, type VendorPolicy } from './resilience';
import { parseRetryAfter } from './retry-after';

/** vendorCode of an attempt cut at its deadline: an outage for the breaker, not retried. */
const DEADLINE_CODE = 'DEADLINE';

/** What a vendor's error body turned into; `<vendor>.errors.ts` provides one of these. */
export type VendorErrorMapper = (status: number, body: unknown, details: { retryAfterSecs?: number }) => ProviderError;

export interface VendorHttpOptions {
  provider: ProviderName;
  /** Base URL including any path prefix, e.g. https://api.daily.co/v1. */
  baseUrl: string;
  /** Auth (and any other) headers for each call; async so a JWT can be refreshed. */
  headers: () => Record<string, string> | Promise<Record<string, string>>;
  toError: VendorErrorMapper;
  /** VENDOR_TIMEOUT_DEFAULTS (src/config) for any not given. */
  timeouts?: Partial<VendorHttpTimeoutsConfig>;
  /** Most calls in flight at once to this vendor; further calls queue in the pool. */
  maxConcurrency: number;
  /** Largest body read from the vendor; a bigger one is PROVIDER_BAD_RESPONSE. */
  maxBodyBytes?: number;
  /** Retries and circuit breaker; DEFAULT_RESILIENCE where not given. */
  resilience?: Partial<VendorResilienceConfig>;
  /** The account's rate limits (src/config/rate-limits.ts); none: no budget. */
  rateLimits?: readonly RateRule[];
  /** Where the budget's windows live (Redis when replicas share); in process when not given. */
  rateStore?: RateStore;
}

export interface RedirectResponse {
  status: number;
  location: string | null;
}

const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

/** The `status` label of a failed attempt: its HTTP status when the vendor answered. */
function outcomeOf(error: unknown): string {
  if (!(error instanceof ProviderError)) return 'network_error';
  if (error.httpStatus !== undefined) return String(error.httpStatus);
  if (error.vendorCode === 'ABORTED') return 'aborted';
  return error.code === ErrorCode.PROVIDER_BAD_RESPONSE ? 'bad_response' : 'network_error';
}

/**
 * One vendor origin: one undici Pool (bounded connections = bounded concurrency), the
 * vendor's auth headers, its timeouts, and the mapping of its error bodies. Every
 * response body is consumed or dumped, whatever happens.
 */
export class VendorHttp {
  readonly provider: ProviderName;
  private readonly origin: string;
  private readonly basePath: string;
  private readonly pool: Pool;
  private readonly options: VendorHttpOptions;
  private readonly maxBodyBytes: number;
  private readonly policy: VendorPolicy;
  private readonly requestMs: number;
  private readonly rate?: RateBudget;
  /** One slot per pool connection: budget is taken only when a connection is free (see attempts). */
  private readonly slots: BulkheadPolicy;

  constructor(options: VendorHttpOptions) {
    this.options = options;
    this.provider = options.provider;
    const base = new URL(options.baseUrl);
    this.origin = base.origin;
    this.basePath = base.pathname.replace(/\/+$/, '');
    const timeouts: VendorHttpTimeoutsConfig = { ...VENDOR_TIMEOUT_DEFAULTS, ...options.timeouts };
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    this.requestMs = timeouts.requestMs;
    this.pool = new Pool(this.origin, {
      connections: options.maxConcurrency,
      connectTimeout: timeouts.connectMs,
      headersTimeout: timeouts.headersMs,
      bodyTimeout: timeouts.bodyMs,
      keepAliveTimeout: 4_000,
    });
    this.policy = createVendorPolicy(options.provider, { ...DEFAULT_RESILIENCE, ...options.resilience });
    this.slots = bulkhead(options.maxConcurrency, Number.MAX_SAFE_INTEGER);
    if (options.rateLimits?.length) this.rate = new RateBudget(options.provider, options.rateLimits, options.rateStore, this.requestMs);
  }

  /** The vendor's circuit: 'open' means calls currently fail fast. */
  circuitState(): ReturnType<VendorPolicy['circuitState']> {
    return this.policy.circuitState();
  }

  /**
   * GET a JSON body. `path` must already be encoded (see encodePath). `route` is the
   * endpoint's template as the vendor documents it (`/recordings/{id}`): the bounded label
   * this call is counted under in /metrics, never the path with its ids.
   */
  getJson(path: string, query: Record<string, QueryValue> | undefined, ctx: CallContext, route: string): Promise<unknown> {
    return this.call(
      route,
      ctx,
      (signal) => this.getJsonOnce(path, query, ctx, signal, route),
      () => '200',
    );
  }

  /**
   * GET without following a redirect (Bird's 307 to a presigned URL): returns the status
   * and Location. Error statuses throw like getJson.
   */
  getRedirect(path: string, query: Record<string, QueryValue> | undefined, ctx: CallContext, route: string): Promise<RedirectResponse> {
    return this.call(
      route,
      ctx,
      (signal) => this.getRedirectOnce(path, query, ctx, signal, route),
      (r) => String(r.status),
    );
  }

  /**
   * One call: its attempts (retries, by the vendor's policy) under one deadline, the call's
   * VENDOR_REQUEST_TIMEOUT_MS or what is left of the request's deadline (REQUEST_DEADLINE_MS)
   * if that comes first, counted from the first attempt over all of them and the waits
   * between them. Each attempt first spends one vendor call from the request's budget
   * (ctx.budget), so nothing is sent past it. Cut at the call's deadline, the call is
   * PROVIDER_UNAVAILABLE (an outage for the breaker, not retried); at the request's, it is
   * BUDGET_EXCEEDED; cancelled by the caller, it stays ABORTED.
   */
  private async call<T>(
    route: string,
    ctx: CallContext,
    once: (signal: AbortSignal) => Promise<T>,
    statusOf: (result: T) => string,
  ): Promise<T> {
    const budget = ctx.budget;
    const requestLeft = budget?.remainingMs() ?? Infinity;
    if (requestLeft <= 0) throw budget!.deadlineExceeded(this.provider);
    const byRequest = requestLeft < this.requestMs;
    const ms = Math.min(this.requestMs, requestLeft);
    const deadlineError = (cause?: unknown): Error =>
      byRequest
        ? budget!.deadlineExceeded(this.provider)
        : new ProviderError(
            this.provider,
            ErrorCode.PROVIDER_UNAVAILABLE,
            `${this.label} is unavailable: it did not finish answering within ${this.requestMs} ms.`,
            {
              cause,
              vendorCode: DEADLINE_CODE,
            },
          );
    // One controller for the whole call, aborted by its deadline or by the caller. Not
    // AbortSignal.any: on Node 20 it costs about four times as much per call (a WeakRef
    // and a finalization registry per signal), and a request can make hundreds of calls.
    const controller = new AbortController();
    let timedOut = false;
    let inFlight = false;
    let cutAtDeadline: (error: Error) => void = () => undefined;
    // Settles only when the deadline passes between two attempts (cockatiel's backoff sleeps
    // are not cancellable): the caller gets its answer at the deadline, and the retry loop,
    // seeing the aborted signal, makes no further attempt. An attempt in flight at the
    // deadline is aborted and fails through the policy, so the breaker counts it.
    const deadline = new Promise<never>((_resolve, reject) => {
      cutAtDeadline = reject;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
      if (!inFlight) cutAtDeadline(deadlineError());
    }, ms);
    const caller = ctx.signal;
    const onCallerAbort = () => controller.abort(caller?.reason);
    if (caller?.aborted) onCallerAbort();
    else caller?.addEventListener('abort', onCallerAbort, { once: true });
    const send = async (): Promise<T> => {
      if (controller.signal.aborted)
        throw timedOut ? deadlineError() : this.transportError(Object.assign(new Error('aborted'), { name: 'AbortError' }));
      budget?.spendVendorCall(this.provider);
      inFlight = true;
      try {
        return await this.timed(route, ctx, () => once(controller.signal), statusOf);
      } catch (error) {
        // Cut by the deadline: so the breaker counts it as an outage, and it is not retried.
        if (timedOut && !caller?.aborted) throw deadlineError(error);
        throw error;
      } finally {
        inFlight = false;
      }
    };
    // Every attempt (each retry too) waits for a free connection, then takes the account's
    // rate budget, waiting for it up to the request's deadline (src/http/rate-budget.ts), then
    // is sent. In that order: budget taken while the call then queued in the pool would be
    // spent at one time and used at another, and calls that waited in the pool would reach
    // the vendor closer together than the budget allowed. Both waits count in the call's
    // deadline; the request's budget is spent only when the attempt is really sent.
    const attempt = (): Promise<T> =>
      this.slots.execute(() => (this.rate ? this.rate.run(route, ctx, send, controller.signal) : send()), controller.signal);
    const attempts = this.policy.execute(attempt, controller.signal);
    try {
      return await Promise.race([attempts, deadline]);
    } finally {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onCallerAbort);
      // Settled by the deadline, the attempts end later on their own: nothing waits for them.
      attempts.catch(() => undefined);
    }
  }

  /** One attempt, counted in ctx.metrics with its outcome and duration. */
  private async timed<T>(route: string, ctx: CallContext, attempt: () => Promise<T>, statusOf: (result: T) => string): Promise<T> {
    const started = process.hrtime.bigint();
    const seconds = (): number => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const result = await attempt();
      ctx.metrics?.vendorCall(this.provider, route, statusOf(result), seconds());
      return result;
    } catch (error) {
      ctx.metrics?.vendorCall(this.provider, route, outcomeOf(error), seconds());
      throw error;
    }
  }

  private async getJsonOnce(
    path: string,
    query: Record<string, QueryValue> | undefined,
    ctx: CallContext,
    signal: AbortSignal,
    route: string,
  ): Promise<unknown> {
    const res = await this.send(path, query, ctx, signal, route);
    const text = await this.readBody(res);
    if (res.statusCode >= 400) throw this.errorFor(res, text);
    if (res.statusCode !== 200) {
      throw new ProviderError(
        this.provider,
        ErrorCode.PROVIDER_BAD_RESPONSE,
        `${this.label} answered with unexpected HTTP ${res.statusCode}.`,
        { httpStatus: res.statusCode },
      );
    }
    try {
      return JSON.parse(text);
    } catch (cause) {
      throw badResponse(this.provider, 'not JSON', cause);
    }
  }

  private async getRedirectOnce(
    path: string,
    query: Record<string, QueryValue> | undefined,
    ctx: CallContext,
    signal: AbortSignal,
    route: string,
  ): Promise<RedirectResponse> {
    const res = await this.send(path, query, ctx, signal, route, '*/*');
    if (res.statusCode >= 400) {
      const text = await this.readBody(res);
      throw this.errorFor(res, text);
    }
    await res.body.dump();
    const location = res.headers.location;
    return { status: res.statusCode, location: typeof location === 'string' ? location : null };
  }

  /** The absolute URL of a path on this vendor, e.g. for links built without a call. */
  urlFor(path: string): string {
    return `${this.origin}${this.basePath}${path}`;
  }

  async close(): Promise<void> {
    await this.pool.close();
  }

  private get label(): string {
    return PROVIDER_LABELS[this.provider];
  }

  /** `signal` is the caller's combined with the call's deadline (see call). */
  private async send(
    path: string,
    query: Record<string, QueryValue> | undefined,
    ctx: CallContext,
    signal: AbortSignal,
    route: string,
    accept = 'application/json',
  ): Promise<Dispatcher.ResponseData> {
    const headers: Record<string, string> = { accept, ...(await this.options.headers()) };
    // None of the five vendors documents a request-id header (docs/vendors/README.md#request-ids); X-Request-Id is
    // the common convention, harmless where ignored, and lets a vendor's support or a proxy
    // log tie a call to our log lines. Sent to every vendor.
    if (ctx.requestId) headers['x-request-id'] = ctx.requestId;
    let res: Dispatcher.ResponseData;
    try {
      res = await this.pool.request({
        origin: this.origin,
        path: `${this.basePath}${path}${buildQuery(query)}`,
        method: 'GET',
        headers,
        signal,
      });
    } catch (cause) {
      throw this.transportError(cause);
    }
    // A store that fails (Redis gone mid-call) costs the adaptation, never the answer.
    await this.rate?.observe(route, res.statusCode, res.headers).catch(() => undefined);
    return res;
  }

  private async readBody(res: Dispatcher.ResponseData): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of res.body) {
        size += (chunk as Buffer).length;
        if (size > this.maxBodyBytes) {
          res.body.destroy();
          throw badResponse(this.provider, `body larger than ${this.maxBodyBytes} bytes`);
        }
        chunks.push(chunk as Buffer);
      }
    } catch (cause) {
      if (cause instanceof ProviderError) throw cause;
      throw this.transportError(cause);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  private errorFor(res: Dispatcher.ResponseData, text: string): ProviderError {
    let body: unknown = undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    const retryAfterSecs = parseRetryAfter(res.headers['retry-after']);
    return this.options.toError(res.statusCode, body, { retryAfterSecs });
  }

  private transportError(cause: unknown): ProviderError {
    if (cause instanceof ProviderError) return cause;
    const name = (cause as { name?: string })?.name;
    const code = (cause as { code?: string })?.code;
    let what = 'the connection failed';
    if (cause instanceof undiciErrors.ConnectTimeoutError) what = 'connecting timed out';
    else if (cause instanceof undiciErrors.HeadersTimeoutError || cause instanceof undiciErrors.BodyTimeoutError)
      what = 'it did not answer in time';
    const aborted = name === 'AbortError' || cause instanceof undiciErrors.RequestAbortedError;
    if (aborted) what = 'the request was cancelled';
    return new ProviderError(this.provider, ErrorCode.PROVIDER_UNAVAILABLE, `${this.label} is unavailable: ${what}.`, {
      cause,
      vendorCode: aborted ? 'ABORTED' : code,
    });
  }
}
