/** The vendors, as they appear in global ids (`gid://recording-graph/Recording/<provider>/...`). */
export const PROVIDER_NAMES = ['daily', 'signalwire', 'zoom', 'bird', 'cloudflare'] as const;

export type ProviderName = (typeof PROVIDER_NAMES)[number];

export function isProviderName(value: string): value is ProviderName {
  return (PROVIDER_NAMES as readonly string[]).includes(value);
}

/** Human names, for messages and logs. */
export const PROVIDER_LABELS: Record<ProviderName, string> = {
  daily: 'Daily',
  signalwire: 'SignalWire',
  zoom: 'Zoom Video SDK',
  bird: 'Bird',
  cloudflare: 'Cloudflare RealtimeKit',
};
