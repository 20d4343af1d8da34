import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ProviderName } from '../domain/provider-name';
import { createEmulatorRateLimiter } from './rate-limit';

/**
 * A tiny HTTP server framework for the vendor emulators. Each vendor's emulator
 * (src/sandbox/<vendor>/) declares routes over the vendor's documented wire format; this
 * file adds what every emulator needs: auth check, per-route call counters and a request
 * log, per-call latency, and injected faults (429 with Retry-After, 5xx, stalls,
 * malformed bodies, bodies dripped a few bytes at a time). Tests, the benchmark and `npm start` all use the same servers.
 */

export interface EmulatorRequest {
  method: string;
  /** Raw (still percent-encoded) path, e.g. /v1/recordings/abc. */
  path: string;
  query: URLSearchParams;
  /** Raw (still percent-encoded) query string without `?`: what a signed link's signature covers. */
  rawQuery: string;
  headers: IncomingMessage['headers'];
}

export interface EmulatorResponse {
  status: number;
  headers?: Record<string, string>;
  /** A JSON value (serialized here) or a raw body (a string is sent as UTF-8). */
  body?: unknown;
  rawBody?: string | Buffer;
}

export interface Route {
  /**
   * Stable name for counters, e.g. "recordings.get". A name starting `media.` is a file an
   * access link points at: the link is its own authorization (the route checks it), so
   * `authorize` is not asked (isMediaRoute), and no rate limit counts it (src/sandbox/rate-limit.ts).
   */
  name: string;
  /** A GET route answers HEAD too (RFC 9110 §9.3.2): same status and headers, no body. */
  method: string;
  /** Matched against the raw path; capture groups are handed over still encoded. */
  pattern: RegExp;
  handle(req: EmulatorRequest, params: string[]): EmulatorResponse | Promise<EmulatorResponse>;
}

export interface EmulatorSpec {
  vendor: ProviderName;
  routes: Route[];
  /** Returns an error response when the request is not authorized, null when it is. Not asked for media routes. */
  authorize(req: EmulatorRequest, route: Route): EmulatorResponse | null;
  /** The vendor's answer for a path it does not know. */
  notFound(req: EmulatorRequest): EmulatorResponse;
  /** The vendor's 429 body, for injected rate limiting. */
  rateLimited?(): unknown;
  /** The vendor's 5xx body, for injected outages. */
  serverError?(status: number): unknown;
}

export type Fault =
  | { kind: 'status'; status: 429 | 500 | 502 | 503 | 504; retryAfter?: string; times?: number; route?: string }
  | { kind: 'stall'; ms: number; times?: number; route?: string }
  | { kind: 'malformed'; variant: 'html' | 'truncated' | 'wrong-shape'; times?: number; route?: string }
  /**
   * The real answer, but its body sent `bytes` at a time with `everyMs` between chunks: a
   * vendor that keeps the connection alive without ever finishing (idle timeouts never fire).
   */
  | { kind: 'drip'; bytes: number; everyMs: number; times?: number; route?: string };

export interface RequestLogEntry {
  route: string;
  method: string;
  path: string;
  query: Record<string, string[]>;
  status: number;
  /** performance.now() when the request arrived and when it was answered: shows overlap. */
  receivedAt: number;
  answeredAt: number;
  /** The caller closed the connection before the answer: its call was aborted. */
  abandoned: boolean;
  /** The `x-request-id` the caller sent, if any. */
  requestId?: string;
}

export interface Emulator {
  readonly vendor: ProviderName;
  /** http://127.0.0.1:<port> */
  readonly url: string;
  /** Added before every answer, in ms. */
  latencyMs: number;
  /** Calls per route name (route "unmatched" for unknown paths), including failed ones. */
  readonly counters: Map<string, number>;
  readonly log: RequestLogEntry[];
  totalCalls(): number;
  /** Calls answered 429 because they went past the vendor's documented limit (rateLimits on). */
  rateLimitedCalls(): number;
  injectFault(fault: Fault): void;
  clearFaults(): void;
  resetCounters(): void;
  close(): Promise<void>;
}

export interface StartEmulatorOptions {
  host?: string;
  port?: number;
  latencyMs?: number;
  /** Answer 429, with the vendor's headers, past the vendor's documented limits (src/sandbox/rate-limit.ts). */
  rateLimits?: boolean;
}

interface ActiveFault {
  fault: Fault;
  remaining: number;
}

const MALFORMED: Record<'html' | 'truncated' | 'wrong-shape', { type: string; body: string }> = {
  html: { type: 'text/html', body: '<html><body><h1>502 Bad Gateway</h1></body></html>' },
  truncated: { type: 'application/json', body: '{"id": "0cb313e1-211f-4be0-833d-8c73' },
  'wrong-shape': { type: 'application/json', body: '{"unexpected": [1, 2, 3]}' },
};

/** Entries kept in an emulator's request log (the counters keep counting past it). */
const MAX_LOG_ENTRIES = 10_000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

export async function startEmulator(spec: EmulatorSpec, options: StartEmulatorOptions = {}): Promise<Emulator> {
  const counters = new Map<string, number>();
  const log: RequestLogEntry[] = [];
  let faults: ActiveFault[] = [];
  const limiter = options.rateLimits ? createEmulatorRateLimiter(spec.vendor) : undefined;
  let rateLimited = 0;

  const takeFault = (routeName: string): Fault | undefined => {
    const active = faults.find((f) => !f.fault.route || f.fault.route === routeName);
    if (!active) return undefined;
    active.remaining -= 1;
    if (active.remaining <= 0) faults = faults.filter((f) => f !== active);
    return active.fault;
  };

  const serialize = (out: EmulatorResponse): { headers: Record<string, string>; payload: Buffer } => {
    const headers: Record<string, string> = { ...out.headers };
    let payload: string | Buffer = '';
    if (out.rawBody !== undefined) payload = out.rawBody;
    else if (out.body !== undefined) {
      payload = JSON.stringify(out.body);
      headers['content-type'] ??= 'application/json; charset=utf-8';
    }
    return { headers, payload: typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload };
  };

  const send = (res: ServerResponse, out: EmulatorResponse): void => {
    if (res.destroyed) return;
    const { headers, payload } = serialize(out);
    res.writeHead(out.status, headers);
    res.end(payload);
  };

  /** Headers at once, then the body in small chunks until it is sent or the caller hangs up. */
  const drip = async (res: ServerResponse, out: EmulatorResponse, fault: { bytes: number; everyMs: number }): Promise<void> => {
    if (res.destroyed) return;
    const { headers, payload } = serialize(out);
    res.writeHead(out.status, { ...headers, 'content-length': String(payload.length) });
    const step = Math.max(1, fault.bytes);
    for (let at = 0; at < payload.length; at += step) {
      if (res.destroyed) return;
      res.write(payload.subarray(at, at + step));
      await sleep(fault.everyMs);
    }
    if (!res.destroyed) res.end();
  };

  const emulator: Emulator = {
    vendor: spec.vendor,
    url: '',
    latencyMs: options.latencyMs ?? 0,
    counters,
    log,
    totalCalls: () => [...counters.values()].reduce((a, b) => a + b, 0),
    rateLimitedCalls: () => rateLimited,
    injectFault: (fault) => {
      faults.push({ fault, remaining: fault.times ?? 1 });
    },
    clearFaults: () => {
      faults = [];
    },
    resetCounters: () => {
      counters.clear();
      rateLimited = 0;
      log.length = 0;
    },
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const path = q === -1 ? rawUrl : rawUrl.slice(0, q);
    const rawQuery = q === -1 ? '' : rawUrl.slice(q + 1);
    const query = new URLSearchParams(rawQuery);
    const request: EmulatorRequest = { method: req.method ?? 'GET', path, query, rawQuery, headers: req.headers };
    let matched: { route: Route; params: string[] } | undefined;
    for (const route of spec.routes) {
      // Node's server sends no body for a HEAD, whatever the handler gives (the headers stay).
      if (route.method !== request.method && !(request.method === 'HEAD' && route.method === 'GET')) continue;
      const m = route.pattern.exec(path);
      if (m) {
        matched = { route, params: m.slice(1) };
        break;
      }
    }
    const routeName = matched?.route.name ?? 'unmatched';
    counters.set(routeName, (counters.get(routeName) ?? 0) + 1);
    const entry: RequestLogEntry = {
      route: routeName,
      method: request.method,
      path,
      query: {},
      status: 0,
      receivedAt: performance.now(),
      answeredAt: 0,
      abandoned: false,
    };
    res.once('close', () => {
      if (!res.writableFinished) entry.abandoned = true;
    });
    for (const key of new Set(query.keys())) entry.query[key] = query.getAll(key);
    if (typeof req.headers['x-request-id'] === 'string') entry.requestId = req.headers['x-request-id'];
    log.push(entry);
    // Bounded, so a long soak or benchmark does not grow the heap through the log.
    if (log.length > MAX_LOG_ENTRIES) log.splice(0, log.length - MAX_LOG_ENTRIES);
    // Counted on arrival, as a vendor's gateway does, before any latency.
    const verdict = matched ? limiter?.admit(routeName) : undefined;

    if (emulator.latencyMs > 0) await sleep(emulator.latencyMs);

    let out: EmulatorResponse;
    const fault = takeFault(routeName);
    if (fault?.kind === 'stall') {
      await sleep(fault.ms);
      if (res.destroyed) return;
    }
    if (fault?.kind === 'status') {
      const body = fault.status === 429 ? spec.rateLimited?.() : spec.serverError?.(fault.status);
      out = {
        status: fault.status,
        body: body ?? { error: 'injected' },
        headers: fault.retryAfter ? { 'retry-after': fault.retryAfter } : {},
      };
    } else if (fault?.kind === 'malformed') {
      const m = MALFORMED[fault.variant];
      out = { status: 200, rawBody: m.body, headers: { 'content-type': m.type } };
    } else if (!matched) {
      out = spec.notFound(request);
    } else if (verdict && !verdict.allowed) {
      rateLimited += 1;
      out = { status: 429, body: spec.rateLimited?.() ?? { error: 'rate limited' } };
    } else {
      const denied = isMediaRoute(matched.route.name) ? null : spec.authorize(request, matched.route);
      out = denied ?? (await matched.route.handle(request, matched.params));
    }
    if (verdict) out = { ...out, headers: { ...out.headers, ...verdict.headers } };
    entry.status = out.status;
    if (fault?.kind === 'drip') await drip(res, out, fault);
    entry.answeredAt = performance.now();
    if (fault?.kind !== 'drip') send(res, out);
  };

  const server: Server = createServer((req, res) => {
    // Drain the request body (the emulated APIs are read-only) before answering.
    req.resume();
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, { status: 500, body: { error: 'emulator failure' } });
    });
  });
  // Keep-alive like a real API's. It must stay above undici's keepAliveTimeoutThreshold
  // (2 s): undici subtracts it from the server's `Keep-Alive: timeout=` hint and, at zero or
  // less, closes the socket after every response, so a 1 s keep-alive made every call to an
  // emulator open a new connection. close() ends every connection, so suites still exit.
  server.keepAliveTimeout = 10_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  (emulator as { url: string }).url = `http://${address.address}:${address.port}`;
  return emulator;
}

/**
 * The origin a request reached, from its Host header: where the links an emulator hands out
 * point, so they work on whatever port it listens on.
 */
export const originOf = (req: EmulatorRequest): string => `http://${req.headers.host ?? '127.0.0.1'}`;

/** Whether a route serves the files access links point at (Route.name). */
export const isMediaRoute = (routeName: string): boolean => routeName.startsWith('media.');

/** Decodes one raw path parameter; undefined when it is not valid percent-encoding. */
export function decodeParam(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}
