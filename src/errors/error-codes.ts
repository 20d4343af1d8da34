/**
 * The error codes of the contract (docs/api.md#errors). Every GraphQL error the
 * server sends carries one of these in `extensions.code`; programs branch on the code,
 * people read the message.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  PROVIDER_NOT_CONFIGURED: 'PROVIDER_NOT_CONFIGURED',
  PROVIDER_AUTH_FAILED: 'PROVIDER_AUTH_FAILED',
  PROVIDER_RATE_LIMITED: 'PROVIDER_RATE_LIMITED',
  PROVIDER_UNAVAILABLE: 'PROVIDER_UNAVAILABLE',
  PROVIDER_BAD_RESPONSE: 'PROVIDER_BAD_RESPONSE',
  UNSUPPORTED_BY_PROVIDER: 'UNSUPPORTED_BY_PROVIDER',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** A field that would need more than the request's run-time budget has left (docs/limits.md). */
  BUDGET_EXCEEDED: 'BUDGET_EXCEEDED',
  /** A subscriber fell SUBSCRIPTION_BUFFER events behind: its subscription ended (docs/subscriptions.md). */
  SUBSCRIBER_TOO_SLOW: 'SUBSCRIBER_TOO_SLOW',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
