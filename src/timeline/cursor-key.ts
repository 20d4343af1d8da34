import { hkdfSync } from 'node:crypto';
import type { ProvidersConfig } from '../config/config.types';
import { PROVIDER_NAMES } from '../domain/provider-name';

/** HKDF salt and info: a key derived here is only ever a cursor key. */
const SALT = 'recording-graph/cursor-key';
const INFO = 'Query.recordings cursor AES-256-GCM v1';

/** The configured vendors' credentials, in a fixed order: what the derived key depends on. */
export function credentialsOf(providers: ProvidersConfig): Array<[string, string[]]> {
  const { daily, signalwire, zoom, bird, cloudflare } = providers;
  const creds: Record<string, string[] | undefined> = {
    daily: daily && [daily.apiKey],
    signalwire: signalwire && [signalwire.projectId, signalwire.apiToken],
    zoom: zoom && [zoom.apiKey, zoom.apiSecret],
    bird: bird && [bird.accessKey, bird.workspaceId],
    cloudflare: cloudflare && [cloudflare.apiToken, cloudflare.accountId, cloudflare.appId],
  };
  return PROVIDER_NAMES.flatMap((name) => (creds[name] ? [[name, creds[name]] as [string, string[]]] : []));
}

/**
 * The key that seals cursors (AES-256-GCM, src/timeline/cursor.ts): from CURSOR_SECRET when set, otherwise derived (HKDF-SHA256)
 * from the configured vendors' credentials. Either way it is the same after a restart and on
 * every replica with the same configuration, so cursors keep working; rotating a credential
 * (without CURSOR_SECRET) invalidates outstanding cursors, which is the safe direction.
 * Base URLs are left out on purpose: the sandbox's emulators get new ports on every start,
 * and its credentials are fixed constants, so its cursors survive restarts too.
 */
export function deriveCursorKey(secret: string | undefined, providers: ProvidersConfig): Buffer {
  const material = secret !== undefined ? `secret:${secret}` : `vendors:${JSON.stringify(credentialsOf(providers))}`;
  return Buffer.from(hkdfSync('sha256', material, SALT, INFO, 32));
}
