import { ProviderError, providerErrorFromStatus } from '../../errors/provider-error';
import { CloudflareErrorSchema } from './cloudflare.api-types';

/**
 * Cloudflare error body -> ProviderError. The status decides the code (401/403 auth, 404
 * not found, 429 rate limited with `retry-after` seconds, 5xx unavailable); the body only
 * lends its code for logs. Its `message` is Cloudflare's text and is never passed on.
 */
export function toCloudflareError(status: number, body: unknown, details: { retryAfterSecs?: number }): ProviderError {
  const parsed = CloudflareErrorSchema.safeParse(body);
  const item = parsed.success ? (parsed.data.error ?? parsed.data.errors?.[0]) : undefined;
  return providerErrorFromStatus('cloudflare', status, { ...details, vendorCode: item?.code ?? undefined });
}
