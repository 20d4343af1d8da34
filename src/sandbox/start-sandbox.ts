import type { ProviderName } from '../domain/provider-name';
import { startBirdSandbox } from './bird/bird.emulator';
import { startCloudflareSandbox } from './cloudflare/cloudflare.emulator';
import { startDailySandbox } from './daily/daily.emulator';
import type { Emulator } from './emulator';
import { startSignalWireSandbox } from './signalwire/signalwire.emulator';
import type { SandboxStartOptions } from './vendor-sandbox';
import { liveRecordings, type LiveRecordings } from './live-recordings';
import type { SandboxWebhookSecrets, WebhookTarget } from './webhook-sender';
import { startZoomSandbox } from './zoom/zoom.emulator';

/** The adapter config an emulator's start function hands out. */
type Started<F extends (...args: never[]) => Promise<{ config: object }>> = Awaited<ReturnType<F>>['config'];

export interface Sandbox {
  emulators: Record<ProviderName, Emulator>;
  /** Adapter configs pointing at the emulators, with the emulators' demo credentials. */
  providers: {
    daily: Started<typeof startDailySandbox>;
    signalwire: Started<typeof startSignalWireSandbox>;
    zoom: Started<typeof startZoomSandbox>;
    bird: Started<typeof startBirdSandbox>;
    cloudflare: Started<typeof startCloudflareSandbox>;
  };
  /**
   * Each emulator's URL as its vendor's base-URL variable takes it (DAILY_API_URL with
   * Daily's `/v1`, SIGNALWIRE_SPACE_URL the space root without the API path, …): what the
   * sandbox's log lists, so a URL copied from it into the variable reaches the emulator.
   */
  baseUrls: Record<ProviderName, string>;
  /** New recordings that go from started to ready, each step a signed webhook to `target` (docs/sandbox.md). */
  liveRecordings(secrets: Partial<SandboxWebhookSecrets>, target: WebhookTarget): LiveRecordings;
  close(): Promise<void>;
}

/**
 * Starts all five vendor emulators on loopback, seeded with the demo data: what
 * `npm start` runs when no vendor is configured, and what tests and benchmarks start.
 */
export async function startSandbox(options: SandboxStartOptions = {}): Promise<Sandbox> {
  const opts = { host: '127.0.0.1', ...options, port: 0 };
  const [daily, signalwire, zoom, bird, cloudflare] = await Promise.all([
    startDailySandbox(opts),
    startSignalWireSandbox(opts),
    startZoomSandbox(opts),
    startBirdSandbox(opts),
    startCloudflareSandbox(opts),
  ]);
  const emulators = {
    daily: daily.emulator,
    signalwire: signalwire.emulator,
    zoom: zoom.emulator,
    bird: bird.emulator,
    cloudflare: cloudflare.emulator,
  };
  return {
    emulators,
    providers: { daily: daily.config, signalwire: signalwire.config, zoom: zoom.config, bird: bird.config, cloudflare: cloudflare.config },
    baseUrls: {
      daily: daily.config.baseUrl,
      signalwire: signalwire.config.spaceUrl,
      zoom: zoom.config.baseUrl,
      bird: bird.config.baseUrl,
      cloudflare: cloudflare.config.baseUrl,
    },
    liveRecordings: (secrets, target) =>
      liveRecordings(
        { daily: daily.data, signalwire: signalwire.data, zoom: zoom.data, bird: bird.data, cloudflare: cloudflare.data },
        secrets,
        target,
      ),
    close: async () => {
      await Promise.all(Object.values(emulators).map((e) => e.close()));
    },
  };
}
