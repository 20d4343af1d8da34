import { ErrorCode } from '../../errors/error-codes';
import { ProviderError, providerErrorFromStatus } from '../../errors/provider-error';
import { ZoomErrorSchema } from './zoom.api-types';

/** Zoom's "Invalid access token." code (a bad or expired API JWT). */
const INVALID_TOKEN = 124;

/** Zoom error body `{code, message}` -> ProviderError; Zoom's message is not passed on. */
export function toZoomError(status: number, body: unknown, details: { retryAfterSecs?: number }): ProviderError {
  const parsed = ZoomErrorSchema.safeParse(body);
  const vendorCode = parsed.success ? parsed.data.code : undefined;
  if (Number(vendorCode) === INVALID_TOKEN) {
    return new ProviderError(
      'zoom',
      ErrorCode.PROVIDER_AUTH_FAILED,
      'Zoom rejected the API JWT signed with the configured key and secret.',
      {
        httpStatus: status,
        vendorCode,
      },
    );
  }
  return providerErrorFromStatus('zoom', status, { ...details, vendorCode });
}
