import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { PROVIDER_NAMES } from '../../domain/provider-name';
import type { CircuitStateName } from '../../http/resilience';
import type { ProviderRegistry } from '../../providers/provider-registry';
import type { CallMetrics } from '../../domain/call-context';
import type { BudgetLimit } from '../../domain/request-budget';
import type { RequestHooks } from '../plugins/request-hooks-plugin';

/** The gauge's value per circuit state: 0 closed, 1 half-open, 2 open, 3 isolated (worse is higher). */
export const CIRCUIT_STATE_VALUES: Record<CircuitStateName, number> = { closed: 0, 'half-open': 1, open: 2, isolated: 3 };

/**
 * Operation names are chosen by clients: only names that look like GraphQL names are kept,
 * and only the first MAX_OPERATION_NAMES of them, so a client cannot grow the label set
 * without bound; the rest count as `other`.
 */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Seconds; a vendor round trip is tens to hundreds of ms, a stalled one up to the timeouts. */
const VENDOR_LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Keys per batch; the nodes(ids:) cap is 250. */
const BATCH_SIZE_BUCKETS = [1, 2, 5, 10, 25, 50, 100, 250];

export interface ServerMetrics {
  /** Its own registry, not prom-client's global one, so servers in one process do not clash. */
  registry: Registry;
  /** Handed to every request's CallContext. */
  calls: CallMetrics;
  /** Counts each GraphQL operation by name and outcome (src/server/plugins/request-hooks-plugin.ts). */
  requestHooks: RequestHooks;
  /** Counts a request that ran out of one of its run-time budgets (once per request and limit). */
  budgetExceeded(limit: BudgetLimit): void;
}

/** One label set's count since the last scrape (countedOnScrape). */
interface PendingCount {
  labels: Record<string, string>;
  n: number;
}

/**
 * A prom-client Counter whose increments are kept as plain numbers per label set and added
 * to it when it is read (its `collect`, which every scrape runs before reading the values).
 * prom-client validates and hashes the label object on every `inc`, even through a bound
 * `labels(...)` child, and these counters are bumped on every request and vendor call; a
 * scrape adds each label set once. /metrics shows the same values, series in the order first
 * counted. The label sets must be bounded (they are: names, routes, statuses).
 */
function countedOnScrape(
  counter: Omit<ConstructorParameters<typeof Counter>[0], 'collect'>,
): (key: string, labels: () => Record<string, string>) => PendingCount {
  const pending = new Map<string, PendingCount>();
  new Counter({
    ...counter,
    collect() {
      for (const series of pending.values()) {
        if (series.n === 0) continue;
        this.inc(series.labels, series.n);
        series.n = 0;
      }
    },
  });
  return (key, labels) => {
    let series = pending.get(key);
    if (!series) {
      series = { labels: labels(), n: 0 };
      pending.set(key, series);
    }
    return series;
  };
}

/**
 * The /metrics families. Labels carry only operation names, vendor names, endpoint
 * templates, status codes and loader names: never an id, a link or a key.
 */
export function createMetrics(providers: ProviderRegistry): ServerMetrics {
  const registry = new Registry();
  const operations = countedOnScrape({
    name: 'graphql_operations_total',
    help: 'GraphQL operations by operation name and outcome (success, partial: data with errors, error: no data).',
    labelNames: ['operation', 'outcome'] as const,
    registers: [registry],
  });
  const vendorRequests = countedOnScrape({
    name: 'vendor_requests_total',
    help: 'HTTP attempts to vendor APIs (each retry counts) by vendor, endpoint template and status.',
    labelNames: ['vendor', 'route', 'status'] as const,
    registers: [registry],
  });
  const vendorDuration = new Histogram({
    name: 'vendor_request_duration_seconds',
    help: 'Duration of one HTTP attempt to a vendor API, body read included.',
    labelNames: ['vendor', 'route', 'status'] as const,
    buckets: VENDOR_LATENCY_BUCKETS,
    registers: [registry],
  });
  const batchSize = new Histogram({
    name: 'dataloader_batch_size',
    help: 'Keys per DataLoader batch, by loader.',
    labelNames: ['loader'] as const,
    buckets: BATCH_SIZE_BUCKETS,
    registers: [registry],
  });
  const budgetsExceeded = new Counter({
    name: 'request_budget_exceeded_total',
    help: 'Requests that ran out of a run-time budget, by limit (vendor_calls, links, objects, pages, deadline); each request counts once per limit.',
    labelNames: ['limit'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'vendor_circuit_state',
    help: `State of each enabled vendor's circuit breaker: ${Object.entries(CIRCUIT_STATE_VALUES)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}.`,
    labelNames: ['vendor'] as const,
    registers: [registry],
    collect() {
      for (const name of PROVIDER_NAMES) {
        const provider = providers[name];
        if (provider) this.set({ vendor: name }, CIRCUIT_STATE_VALUES[provider.circuitState()]);
      }
    },
  });

  const rateWait = new Histogram({
    name: 'vendor_rate_budget_wait_seconds',
    help: "How long vendor calls waited for their account's rate budget (calls that did not wait are not counted).",
    labelNames: ['vendor'] as const,
    buckets: VENDOR_LATENCY_BUCKETS,
    registers: [registry],
  });
  const rateRemaining = new Gauge({
    name: 'vendor_rate_budget_remaining',
    help: "Calls left in each of a vendor account's rate windows (rule as in <VENDOR>_RATE_<RULE>), as of the last call.",
    labelNames: ['vendor', 'rule'] as const,
    registers: [registry],
  });
  const rateRefused = new Counter({
    name: 'vendor_rate_budget_refused_total',
    help: 'Vendor calls refused with PROVIDER_RATE_LIMITED, without calling, because no budget came before the request deadline.',
    labelNames: ['vendor'] as const,
    registers: [registry],
  });
  // Counted on every key a request reads from the cache: added at scrape time, like the operations.
  const cacheLookups = countedOnScrape({
    name: 'cache_lookups_total',
    help: 'Reads of the cross-request cache by kind (recording, session, accessLink) and outcome (hit, miss, shared: joined a fetch in flight).',
    labelNames: ['kind', 'outcome'] as const,
    registers: [registry],
  });

  const vendorSeries = new Map<string, { count: PendingCount; duration: { observe(value: number): void } }>();
  const batchSeries = new Map<string, { observe(value: number): void }>();
  const seenNames = new Set<string>();
  const operationLabel = (name: string | null | undefined): string => {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (seenNames.has(name)) return name;
    if (seenNames.size >= MAX_OPERATION_NAMES) return 'other';
    seenNames.add(name);
    return name;
  };

  return {
    registry,
    calls: {
      vendorCall(vendor, route, status, seconds) {
        // The label set is small and fixed (vendors, route templates, statuses): each one's
        // series are looked up once, not built from an object on every call.
        const key = `${vendor} ${route} ${status}`;
        let bound = vendorSeries.get(key);
        if (!bound) {
          bound = {
            count: vendorRequests(key, () => ({ vendor, route, status })),
            duration: vendorDuration.labels({ vendor, route, status }),
          };
          vendorSeries.set(key, bound);
        }
        bound.count.n++;
        bound.duration.observe(seconds);
      },
      loaderBatch(loader, size) {
        // Bound once per loader name: no label hashing per batch.
        let bound = batchSeries.get(loader);
        if (!bound) batchSeries.set(loader, (bound = batchSize.labels({ loader })));
        bound.observe(size);
      },
      rateWait(vendor, seconds) {
        rateWait.observe({ vendor }, seconds);
      },
      rateRemaining(vendor, rule, remaining) {
        rateRemaining.set({ vendor, rule }, remaining);
      },
      rateRefused(vendor) {
        rateRefused.inc({ vendor });
      },
      cacheLookup(kind, outcome) {
        cacheLookups(`${kind} ${outcome}`, () => ({ kind, outcome })).n++;
      },
    },
    budgetExceeded(limit) {
      budgetsExceeded.inc({ limit });
    },
    requestHooks: {
      async willSendResponse({ response, operationName }) {
        if (response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        const outcome = !errors?.length ? 'success' : data ? 'partial' : 'error';
        const operation = operationLabel(operationName);
        operations(`${operation} ${outcome}`, () => ({ operation, outcome })).n++;
      },
    },
  };
}
