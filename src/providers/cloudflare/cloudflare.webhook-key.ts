import { createPublicKey, type KeyObject } from 'node:crypto';

/** How long a fetched key is used before it is fetched again (a rotated key is picked up within this). */
const KEY_TTL_MS = 60 * 60 * 1000;
const FETCH_TIMEOUT_MS = 5_000;

export interface CloudflareKeySource {
  /** A PEM that overrides fetching (CLOUDFLARE_WEBHOOK_PUBLIC_KEY): air-gapped deployments and tests. */
  publicKeyPem?: string;
  /** RealtimeKit's `.well-known/webhooks.json` (CLOUDFLARE_WEBHOOK_KEY_URL); the key is at `data.publicKey`. */
  keyUrl?: string;
}

/**
 * RealtimeKit's webhook public key: the configured PEM, or the one published at the key
 * URL, fetched on first use and again after an hour. A failed fetch is not cached, so the
 * next delivery tries again (and is refused meanwhile: the vendor retries on 5xx only,
 * docs/vendors/cloudflare.md, so the receiver answers 503 when it has no key).
 */
export function cloudflareKeySource(source: CloudflareKeySource, fetchImpl: typeof fetch = fetch): () => Promise<KeyObject> {
  if (source.publicKeyPem) {
    const key = createPublicKey(source.publicKeyPem);
    return () => Promise.resolve(key);
  }
  const url = source.keyUrl;
  if (!url) throw new Error('cloudflareKeySource needs a PEM or a key URL');
  let cached: { key: KeyObject; at: number } | undefined;
  let inFlight: Promise<KeyObject> | undefined;
  const load = async (): Promise<KeyObject> => {
    const response = await fetchImpl(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'error' });
    if (!response.ok) throw new Error(`RealtimeKit webhook key: HTTP ${response.status}`);
    const body = (await response.json()) as { data?: { publicKey?: unknown } };
    const pem = body?.data?.publicKey;
    if (typeof pem !== 'string') throw new Error('RealtimeKit webhook key: no data.publicKey');
    const key = createPublicKey(pem);
    cached = { key, at: Date.now() };
    return key;
  };
  return () => {
    if (cached && Date.now() - cached.at < KEY_TTL_MS) return Promise.resolve(cached.key);
    inFlight ??= load().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
}
