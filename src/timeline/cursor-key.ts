import { hkdfSync } from 'node:crypto';
import type { VendorCommonConfig, VendorConfigs } from '../config/config.types';
import type { ProviderName } from '../domain/provider-name';

/** HKDF salt and info: a key derived here is only ever a cursor key. */
const SALT = 'recording-graph/cursor-key';
const INFO = 'Query.recordings cursor AES-256-GCM v1';

/** What identifying an account needs of a vendor's module (src/providers/vendor-module.ts). */
export interface AccountSource {
  readonly name: ProviderName;
  accountMaterial(config: never): string[];
}

/** The configured vendors' credentials, in the vendors' order: what the derived key depends on. */
export function credentialsOf(providers: VendorConfigs, vendors: readonly AccountSource[]): Array<[string, string[]]> {
  return vendors.flatMap((vendor) => {
    const config = providers[vendor.name];
    // Each module reads the config its own readConfig produced under its name.
    return config ? [[vendor.name, (vendor.accountMaterial as (c: VendorCommonConfig) => string[])(config)] as [string, string[]]] : [];
  });
}

/**
 * The key that seals cursors (AES-256-GCM, src/timeline/cursor.ts): from CURSOR_SECRET when set, otherwise derived (HKDF-SHA256)
 * from the configured vendors' credentials. Either way it is the same after a restart and on
 * every replica with the same configuration, so cursors keep working; rotating a credential
 * (without CURSOR_SECRET) invalidates outstanding cursors, which is the safe direction.
 * Base URLs are left out on purpose: the sandbox's emulators get new ports on every start,
 * and its credentials are fixed constants, so its cursors survive restarts too.
 */
export function deriveCursorKey(secret: string | undefined, providers: VendorConfigs, vendors: readonly AccountSource[]): Buffer {
  const material = secret !== undefined ? `secret:${secret}` : `vendors:${JSON.stringify(credentialsOf(providers, vendors))}`;
  return Buffer.from(hkdfSync('sha256', material, SALT, INFO, 32));
}
