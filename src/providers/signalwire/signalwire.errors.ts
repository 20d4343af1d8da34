import { providerErrorFromStatus, type ProviderError } from '../../errors/provider-error';
import { SignalWireErrorSchema } from './signalwire.api-types';

/**
 * SignalWire error body -> ProviderError. The HTTP status decides the code (401 covers a
 * token without the Voice scope, core/authorization.mdx); the numeric code is kept for
 * logs only, the message is never passed on.
 */
export function toSignalWireError(status: number, body: unknown, details: { retryAfterSecs?: number }): ProviderError {
  const parsed = SignalWireErrorSchema.safeParse(body);
  let vendorCode: string | number | undefined;
  if (parsed.success) {
    if ('code' in parsed.data) vendorCode = parsed.data.code;
    else {
      const first = parsed.data.errors[0];
      vendorCode = typeof first === 'object' && first && first.code != null ? (first.code as string | number) : undefined;
    }
  }
  return providerErrorFromStatus('signalwire', status, { ...details, vendorCode });
}
