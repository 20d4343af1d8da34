import { createPublicKey } from 'node:crypto';
import type { SubscriptionsConfig, WebhooksConfig } from './config.types';
import { ConfigError } from './config-error';

/** The readers load-config.ts uses, handed over so the rules (trimming, ranges, messages) stay one. */
export interface EnvReaders {
  str(name: string): string | undefined;
  int(name: string, fallback: number, min: number, max: number): number;
  httpUrl(name: string, fallback: string | null): string;
}

/** Five minutes either way, the usual window for signed timestamps (docs/subscriptions.md). */
export const WEBHOOK_TOLERANCE_DEFAULT_SECS = 300;
/** Webhook bodies are small JSON or form posts; Zoom's recording_completed with many files is the largest, a few kB. */
export const WEBHOOK_MAX_BODY_DEFAULT_BYTES = 64 * 1024;
/** Events one subscriber may have waiting before it is dropped (docs/subscriptions.md). */
export const SUBSCRIPTION_BUFFER_DEFAULT = 100;
/** RealtimeKit's published webhook key (docs/vendors/cloudflare.md, "Webhooks"). */
export const CLOUDFLARE_WEBHOOK_KEY_URL_DEFAULT = 'https://api.realtime.cloudflare.com/.well-known/webhooks.json';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The receivers' secrets and settings. A vendor's receiver exists only when its secret is
 * set (its route answers 404 otherwise, never an unverified receiver). Every secret is
 * marked secret in variables.ts and never logged.
 */
export function webhooksFrom(read: EnvReaders): WebhooksConfig {
  const out: WebhooksConfig = {
    toleranceSecs: read.int('WEBHOOK_TOLERANCE_SECS', WEBHOOK_TOLERANCE_DEFAULT_SECS, 1, 86_400),
    maxBodyBytes: read.int('WEBHOOK_MAX_BODY_BYTES', WEBHOOK_MAX_BODY_DEFAULT_BYTES, 1_024, 10 * 1024 * 1024),
  };
  if (read.str('PUBLIC_URL') !== undefined) out.publicUrl = read.httpUrl('PUBLIC_URL', null);
  const daily = read.str('DAILY_WEBHOOK_SECRET');
  if (daily !== undefined) {
    if (!BASE64.test(daily) || Buffer.from(daily, 'base64').length < 16) {
      throw new ConfigError('DAILY_WEBHOOK_SECRET', "must be the webhook's base64 `hmac` secret (at least 16 bytes once decoded).");
    }
    out.daily = { secret: daily };
  }
  const signalwire = read.str('SIGNALWIRE_SIGNING_KEY');
  if (signalwire !== undefined) out.signalwire = { signingKey: signalwire };
  const zoom = read.str('ZOOM_WEBHOOK_SECRET_TOKEN');
  if (zoom !== undefined) out.zoom = { secretToken: zoom };
  const bird = read.str('BIRD_WEBHOOK_SIGNING_KEY');
  if (bird !== undefined) out.bird = { signingKey: bird };
  const pem = read.str('CLOUDFLARE_WEBHOOK_PUBLIC_KEY');
  const keyUrlSet = read.str('CLOUDFLARE_WEBHOOK_KEY_URL') !== undefined;
  if (pem !== undefined) {
    try {
      createPublicKey(pem.replace(/\\n/g, '\n'));
    } catch {
      throw new ConfigError('CLOUDFLARE_WEBHOOK_PUBLIC_KEY', "must be a PEM public key (RealtimeKit's, from .well-known/webhooks.json).");
    }
    out.cloudflare = { publicKeyPem: pem.replace(/\\n/g, '\n') };
  } else if (keyUrlSet) {
    out.cloudflare = { keyUrl: read.httpUrl('CLOUDFLARE_WEBHOOK_KEY_URL', CLOUDFLARE_WEBHOOK_KEY_URL_DEFAULT) };
  }
  return out;
}

export function subscriptionsFrom(read: EnvReaders): SubscriptionsConfig {
  return {
    bufferSize: read.int('SUBSCRIPTION_BUFFER', SUBSCRIPTION_BUFFER_DEFAULT, 1, 100_000),
  };
}
