import type { WebhooksConfig } from '../config/config.types';
import type { ProviderName } from '../domain/provider-name';
import type { VendorWebhook } from '../providers/shared/webhook';

export type VendorWebhooks = Partial<Record<ProviderName, VendorWebhook>>;

/** What building the receivers needs of a vendor's module (src/providers/vendor-module.ts). */
export interface WebhookReceiverSource {
  readonly name: ProviderName;
  webhookReceiver?(settings: never): VendorWebhook;
}

/**
 * One receiver per vendor whose secret is configured (`config.<vendor>`, as its module read
 * it), built by its module; the others have none (their route is 404).
 */
export function vendorWebhooks(config: WebhooksConfig, vendors: readonly WebhookReceiverSource[]): VendorWebhooks {
  const out: VendorWebhooks = {};
  for (const vendor of vendors) {
    const settings = config[vendor.name];
    // Each module builds its receiver from the settings its own readWebhook produced under its name.
    if (settings && vendor.webhookReceiver) out[vendor.name] = (vendor.webhookReceiver as (s: object) => VendorWebhook)(settings);
  }
  return out;
}
