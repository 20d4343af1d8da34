import { PROVIDER_LABELS, type ProviderName } from './provider-name';
import { CodedError } from '../errors/coded-error';
import { ErrorCode } from '../errors/error-codes';

/** The run-time limits of one request (docs/limits.md, "Run-time budgets"). */
export interface RequestBudgetLimits {
  /** HTTP attempts to vendors, retries included (QUERY_MAX_VENDOR_CALLS). */
  vendorCalls: number;
  /** Access links minted (QUERY_MAX_LINKS). */
  links: number;
  /** Recordings and sessions materialised from vendor answers (QUERY_MAX_OBJECTS). */
  objects: number;
  /** Milliseconds from the request's arrival to its deadline (REQUEST_DEADLINE_MS). */
  deadlineMs: number;
}

/** What ran out; the label of the `request_budget_exceeded_total` metric. */
export type BudgetLimit = 'vendor_calls' | 'links' | 'objects' | 'deadline' | 'pages';

/**
 * A field that would need more than the request's run-time budget has left: it is null with
 * this error (BUDGET_EXCEEDED), and the rest of the answer stands.
 */
export class BudgetExceededError extends CodedError {
  readonly limit: BudgetLimit;

  constructor(limit: BudgetLimit, message: string, provider?: ProviderName) {
    super(ErrorCode.BUDGET_EXCEEDED, message, provider);
    this.name = 'BudgetExceededError';
    this.limit = limit;
  }
}

/**
 * One request's run-time budget, made with its context and consulted wherever the cost is
 * incurred: VendorHttp before every attempt and for every timer (vendor calls, the deadline),
 * the loaders before they mint links or fetch recordings and sessions, the page collector
 * before every page. Whatever starts a vendor call on the request's behalf (a loader, a
 * listing, a prefetch) passes the request's CallContext and so spends from the same budget.
 * Independent of the static estimate (src/server/query-cost.ts), which stays the cheap
 * first gate.
 */
export class RequestBudget {
  private vendorCalls = 0;
  private links = 0;
  private objects = 0;
  private readonly deadline: number;
  private readonly reported = new Set<BudgetLimit>();

  constructor(
    readonly limits: RequestBudgetLimits,
    /** Called once per request and limit when it first runs out (the metric). */
    private readonly onExceeded: (limit: BudgetLimit) => void = () => undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.deadline = now() + limits.deadlineMs;
  }

  /** When the request must be answered, in ms since the epoch (CallContext.deadlineAt). */
  get deadlineAt(): number {
    return this.deadline;
  }

  /** Milliseconds left until the request's deadline (0 or less: passed). */
  remainingMs(): number {
    return this.deadline - this.now();
  }

  /** Recordings and sessions that may still be materialised. */
  objectsLeft(): number {
    return this.limits.objects - this.objects;
  }

  /** One HTTP attempt to `provider`; throws when the request has made all it may. */
  spendVendorCall(provider: ProviderName): void {
    this.checkDeadline(provider);
    if (this.vendorCalls >= this.limits.vendorCalls) {
      throw this.exceeded(
        'vendor_calls',
        `This request reached its limit of ${this.limits.vendorCalls} vendor calls; ${PROVIDER_LABELS[provider]} was not called for this field.`,
        provider,
      );
    }
    this.vendorCalls += 1;
  }

  /** One link to mint; throws when the request has minted all it may. */
  spendLink(provider: ProviderName): void {
    if (this.links >= this.limits.links) {
      throw this.exceeded('links', `This request reached its limit of ${this.limits.links} access links; no more are minted.`, provider);
    }
    this.links += 1;
  }

  /** `count` recordings or sessions; throws (spending nothing) when fewer are left. */
  spendObjects(count: number, provider: ProviderName): void {
    if (this.objects + count > this.limits.objects) throw this.objectsExceeded(provider);
    this.objects += count;
  }

  /** The error for a field that would materialise more recordings and sessions than are left. */
  objectsExceeded(provider?: ProviderName): BudgetExceededError {
    return this.exceeded(
      'objects',
      `This request reached its limit of ${this.limits.objects} recordings and sessions; this field would need more.`,
      provider,
    );
  }

  /** Throws once the request's deadline has passed. */
  checkDeadline(provider?: ProviderName): void {
    if (this.remainingMs() <= 0) throw this.deadlineExceeded(provider);
  }

  deadlineExceeded(provider?: ProviderName): BudgetExceededError {
    const who = provider ? `; ${PROVIDER_LABELS[provider]} was not waited for` : '';
    return this.exceeded('deadline', `This request reached its deadline of ${this.limits.deadlineMs} ms${who}.`, provider);
  }

  /** A listing of `provider` that has more pages than one request may read. */
  pagesExceeded(provider: ProviderName, maxPages: number): BudgetExceededError {
    return this.exceeded(
      'pages',
      `${PROVIDER_LABELS[provider]} has more than ${maxPages} pages to read for this field, more than one request may read.`,
      provider,
    );
  }

  private exceeded(limit: BudgetLimit, message: string, provider?: ProviderName): BudgetExceededError {
    if (!this.reported.has(limit)) {
      this.reported.add(limit);
      this.onExceeded(limit);
    }
    return new BudgetExceededError(limit, message, provider);
  }
}
