import { ErrorCode } from '../../errors/error-codes';
import { ProviderError, providerErrorFromStatus } from '../../errors/provider-error';
import { DailyErrorSchema } from './daily.api-types';

/**
 * Daily error body -> ProviderError. Daily answers a missing Authorization header with
 * 400 `authorization-header-error` and a bad key with 401 `authentication-error`
 * (docs.daily.co/reference/rest-api). The `info` text is not passed on: it is the vendor's.
 */
export function toDailyError(status: number, body: unknown, details: { retryAfterSecs?: number }): ProviderError {
  const parsed = DailyErrorSchema.safeParse(body);
  const kind = parsed.success ? parsed.data.error : undefined;
  if (kind === 'authorization-header-error' || kind === 'authentication-error') {
    return new ProviderError('daily', ErrorCode.PROVIDER_AUTH_FAILED, 'Daily rejected the configured API key.', {
      httpStatus: status,
      vendorCode: kind,
    });
  }
  return providerErrorFromStatus('daily', status, { ...details, vendorCode: kind });
}
