import type { WebhooksConfig } from '../providers/vendors';
import type { ProviderName } from '../domain/provider-name';
import { birdWebhook } from '../providers/bird/bird.webhook';
import { cloudflareWebhook } from '../providers/cloudflare/cloudflare.webhook';
import { cloudflareKeySource } from '../providers/cloudflare/cloudflare.webhook-key';
import { dailyWebhook } from '../providers/daily/daily.webhook';
import type { VendorWebhook } from '../providers/shared/webhook';
import { signalWireWebhook } from '../providers/signalwire/signalwire.webhook';
import { zoomWebhook } from '../providers/zoom/zoom.webhook';

export type VendorWebhooks = Partial<Record<ProviderName, VendorWebhook>>;

/** One receiver per vendor whose secret is configured; the others have none (their route is 404). */
export function vendorWebhooks(config: WebhooksConfig): VendorWebhooks {
  const out: VendorWebhooks = {};
  if (config.daily) out.daily = dailyWebhook(config.daily.secret);
  if (config.signalwire) out.signalwire = signalWireWebhook(config.signalwire.signingKey);
  if (config.zoom) out.zoom = zoomWebhook(config.zoom.secretToken);
  if (config.bird) out.bird = birdWebhook(config.bird.signingKey);
  if (config.cloudflare) out.cloudflare = cloudflareWebhook(cloudflareKeySource(config.cloudflare));
  return out;
}
