import { ProviderError, providerErrorFromStatus } from '../../errors/provider-error';
import { BirdErrorSchema } from './bird.api-types';

/**
 * Bird error body -> ProviderError. The workspace API documents 404 ("not found") and 422
 * (validation) with a JSON body whose shape is not documented (docs/vendors/bird.md#errors), so the
 * status decides the code (401/403 auth, 404 NOT_FOUND, 422 BAD_USER_INPUT, 429 rate
 * limit, 5xx unavailable) and the body only lends a vendor code for the logs, read from
 * `code` or `errors[0].code` when either is there. Bird's message text is never passed on.
 */
export function toBirdError(status: number, body: unknown, details: { retryAfterSecs?: number }): ProviderError {
  const parsed = BirdErrorSchema.safeParse(body);
  const vendorCode = parsed.success ? (parsed.data.code ?? parsed.data.errors?.[0]?.code ?? undefined) : undefined;
  return providerErrorFromStatus('bird', status, { ...details, vendorCode });
}
