import { request } from 'undici';
import type { ProviderName } from '../domain/provider-name';

/**
 * Where the sandbox's vendors send their webhooks, and with which secrets: the same values
 * the server's receivers verify with (src/app.ts makes them up in sandbox mode when none is
 * configured). The emulators sign on their own, from the vendors' documents
 * (docs/vendors/<v>.md, "Webhooks"): nothing here comes from src/providers.
 */
export interface SandboxWebhookSecrets {
  daily: string;
  signalwire: string;
  zoom: string;
  bird: string;
  /** PEM of RealtimeKit's signing key (a key pair made at start; the server gets the public half). */
  cloudflarePrivateKeyPem: string;
}

export interface WebhookDelivery {
  body: string;
  headers: Record<string, string>;
  contentType: string;
}

/** Posts one delivery to the server and gives its status (the sandbox neither retries nor stores). */
export type PostWebhook = (vendor: ProviderName, delivery: WebhookDelivery) => Promise<number>;

export interface WebhookTarget {
  /** Where to POST: the server's own URL. */
  baseUrl: string;
  /** The URL a vendor signs (SignalWire, Bird): PUBLIC_URL when set, else `baseUrl`. */
  signedBaseUrl: string;
}

export function webhookPoster(target: WebhookTarget): PostWebhook {
  return async (vendor, delivery) => {
    const res = await request(`${target.baseUrl}/webhooks/${vendor}`, {
      method: 'POST',
      headers: { 'content-type': delivery.contentType, ...delivery.headers },
      body: delivery.body,
    });
    await res.body.dump();
    return res.statusCode;
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

/** One sandbox recording's life at one vendor: starts, processes, becomes ready, with a webhook at each step the vendor sends one. */
export interface LiveRecordingPlay {
  (stepMs: number): Promise<void>;
}
