import type { SubscriptionsConfig, WebhookSettings } from './config.types';
import { httpUrl, int, str, type Env } from './env-readers';

/** Five minutes either way, the usual window for signed timestamps (docs/subscriptions.md). */
export const WEBHOOK_TOLERANCE_DEFAULT_SECS = 300;
/** Webhook bodies are small JSON or form posts; Zoom's recording_completed with many files is the largest, a few kB. */
export const WEBHOOK_MAX_BODY_DEFAULT_BYTES = 64 * 1024;
/** Events one subscriber may have waiting before it is dropped (docs/subscriptions.md). */
export const SUBSCRIPTION_BUFFER_DEFAULT = 100;

/**
 * The receivers' shared settings. Each vendor's own (its secret) is read by its module
 * (src/providers/<vendor>/index.ts): a vendor's receiver exists only when its secret is set
 * (its route answers 404 otherwise, never an unverified receiver).
 */
export function webhookSettingsFrom(env: Env): WebhookSettings {
  const out: WebhookSettings = {
    toleranceSecs: int(env, 'WEBHOOK_TOLERANCE_SECS', WEBHOOK_TOLERANCE_DEFAULT_SECS, 1, 86_400),
    maxBodyBytes: int(env, 'WEBHOOK_MAX_BODY_BYTES', WEBHOOK_MAX_BODY_DEFAULT_BYTES, 1_024, 10 * 1024 * 1024),
  };
  if (str(env, 'PUBLIC_URL') !== undefined) out.publicUrl = httpUrl(env, 'PUBLIC_URL', null);
  return out;
}

export function subscriptionsFrom(env: Env): SubscriptionsConfig {
  return {
    bufferSize: int(env, 'SUBSCRIPTION_BUFFER', SUBSCRIPTION_BUFFER_DEFAULT, 1, 100_000),
  };
}
