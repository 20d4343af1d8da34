import { PROVIDER_LABELS, type ProviderName } from '../domain/provider-name';
import { CodedError } from './coded-error';
import { ErrorCode } from './error-codes';

export type ProviderErrorCode =
  | typeof ErrorCode.NOT_FOUND
  | typeof ErrorCode.BAD_USER_INPUT
  | typeof ErrorCode.PROVIDER_NOT_CONFIGURED
  | typeof ErrorCode.PROVIDER_AUTH_FAILED
  | typeof ErrorCode.PROVIDER_RATE_LIMITED
  | typeof ErrorCode.PROVIDER_UNAVAILABLE
  | typeof ErrorCode.PROVIDER_BAD_RESPONSE
  | typeof ErrorCode.UNSUPPORTED_BY_PROVIDER;

export interface ProviderErrorDetails {
  /** HTTP status the vendor answered with, when it answered. Never sent to clients. */
  httpStatus?: number;
  /** Seconds the vendor asked us to wait (Retry-After), when it said. */
  retryAfterSecs?: number;
  /** The vendor's own error code (e.g. Zoom 2300, SignalWire 20404), for logs. */
  vendorCode?: string | number;
  cause?: unknown;
}

/**
 * A vendor call failed. The message is written by us, never copied from the vendor's
 * body, so it is safe to send to clients; the raw body is never kept here.
 */
export class ProviderError extends CodedError {
  readonly httpStatus?: number;
  readonly retryAfterSecs?: number;
  readonly vendorCode?: string | number;

  constructor(provider: ProviderName, code: ProviderErrorCode, message: string, details: ProviderErrorDetails = {}) {
    super(code, message, provider);
    this.name = 'ProviderError';
    this.httpStatus = details.httpStatus;
    this.retryAfterSecs = details.retryAfterSecs;
    this.vendorCode = details.vendorCode;
    if (details.cause !== undefined) (this as { cause?: unknown }).cause = details.cause;
  }
}

/**
 * The usual HTTP-status -> code mapping shared by all vendors; each vendor's
 * `<vendor>.errors.ts` refines it with what its error body says.
 */
export function providerErrorFromStatus(provider: ProviderName, status: number, details: ProviderErrorDetails = {}): ProviderError {
  const label = PROVIDER_LABELS[provider];
  const d = { ...details, httpStatus: status };
  if (status === 401 || status === 403) {
    return new ProviderError(provider, ErrorCode.PROVIDER_AUTH_FAILED, `${label} rejected the configured credentials (HTTP ${status}).`, d);
  }
  if (status === 404) {
    return new ProviderError(provider, ErrorCode.NOT_FOUND, `${label} has no such resource.`, d);
  }
  if (status === 429) {
    return new ProviderError(provider, ErrorCode.PROVIDER_RATE_LIMITED, `${label} is rate limiting requests; try again later.`, d);
  }
  if (status >= 500) {
    return new ProviderError(provider, ErrorCode.PROVIDER_UNAVAILABLE, `${label} is unavailable (HTTP ${status}).`, d);
  }
  if (status === 400 || status === 422) {
    return new ProviderError(provider, ErrorCode.BAD_USER_INPUT, `${label} rejected the request as invalid (HTTP ${status}).`, d);
  }
  return new ProviderError(provider, ErrorCode.PROVIDER_BAD_RESPONSE, `${label} answered with unexpected HTTP ${status}.`, d);
}

export function badResponse(provider: ProviderName, what: string, cause?: unknown): ProviderError {
  return new ProviderError(
    provider,
    ErrorCode.PROVIDER_BAD_RESPONSE,
    `${PROVIDER_LABELS[provider]} answered with a body that is not of the documented shape (${what}).`,
    { cause },
  );
}

/**
 * A vendor call's failure as reported next to other vendors' data: coded errors keep their
 * code and message and get the vendor; anything else (an adapter bug) becomes an
 * INTERNAL_SERVER_ERROR with a message of ours that still names the vendor, the original
 * kept only as `cause`.
 */
export function attributeToProvider(provider: ProviderName, error: unknown, doing: string): CodedError {
  if (error instanceof CodedError) {
    if (error.provider === provider) return error;
    const attributed = new CodedError(error.code, error.message, provider);
    (attributed as { cause?: unknown }).cause = error;
    return attributed;
  }
  const internal = new CodedError(
    ErrorCode.INTERNAL_SERVER_ERROR,
    `${PROVIDER_LABELS[provider]} failed while ${doing} (internal error).`,
    provider,
  );
  (internal as { cause?: unknown }).cause = error;
  return internal;
}
