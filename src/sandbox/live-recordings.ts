import type { ProviderName } from '../domain/provider-name';
import { playBirdRecording } from './bird/bird.webhooks';
import type { BirdDataset } from './bird/bird.seed';
import { playCloudflareRecording } from './cloudflare/cloudflare.webhooks';
import type { CloudflareDataset } from './cloudflare/cloudflare.seed';
import { playDailyRecording } from './daily/daily.webhooks';
import type { DailyDataset } from './daily/daily.seed';
import { playSignalWireRecording } from './signalwire/signalwire.webhooks';
import type { SignalWireDataset } from './signalwire/signalwire.seed';
import { sleep, webhookPoster, type LiveRecordingPlay, type SandboxWebhookSecrets, type WebhookTarget } from './webhook-sender';
import { playZoomRecording } from './zoom/zoom.webhooks';
import type { ZoomDataset } from './zoom/zoom.seed';

/** The emulators' data, which the live recordings are added to (the emulators serve them as they change). */
export interface SandboxDatasets {
  daily: DailyDataset;
  signalwire: SignalWireDataset;
  zoom: ZoomDataset;
  bird: BirdDataset;
  cloudflare: CloudflareDataset;
}

/** Time between a live recording's steps (started, processing, ready): a few seconds for the whole life. */
export const LIVE_STEP_MS = 1_500;

export interface LiveRecordings {
  /** One new recording at each vendor, from start to ready, each step sent as that vendor's signed webhook. */
  play(stepMs?: number): Promise<void>;
}

/**
 * The vendors' part in the live demo: each emulator records something new and tells the
 * server, as the vendor would, with a webhook signed its own way. Which secrets and where
 * to send them come from the server (src/app.ts).
 */
export function liveRecordings(data: SandboxDatasets, secrets: Partial<SandboxWebhookSecrets>, target: WebhookTarget): LiveRecordings {
  const post = webhookPoster(target);
  const url = (vendor: ProviderName) => `${target.signedBaseUrl}/webhooks/${vendor}`;
  const plays: LiveRecordingPlay[] = [];
  if (secrets.daily) plays.push(playDailyRecording(data.daily, secrets.daily, post));
  if (secrets.signalwire) plays.push(playSignalWireRecording(data.signalwire, secrets.signalwire, url('signalwire'), post));
  if (secrets.zoom) plays.push(playZoomRecording(data.zoom, secrets.zoom, post));
  if (secrets.bird) plays.push(playBirdRecording(data.bird, secrets.bird, url('bird'), post));
  if (secrets.cloudflarePrivateKeyPem) plays.push(playCloudflareRecording(data.cloudflare, secrets.cloudflarePrivateKeyPem, post));
  return {
    play: async (stepMs = LIVE_STEP_MS) => {
      await Promise.all(plays.map((play) => play(stepMs)));
    },
  };
}

/** While anyone is subscribed, a new live recording at each vendor this often. */
export const LIVE_REPEAT_MS = 15_000;

/**
 * Plays the live recordings when the first subscriber arrives, and again every
 * LIVE_REPEAT_MS while there are subscribers; nothing while nobody listens, so the demo
 * data stays as seeded for everything else. Returns the stop (shutdown).
 */
export function playWhileSubscribed(
  recordings: LiveRecordings,
  subscribers: { count(): number; onSubscribe(hook: () => void): void },
  log: { warn(msg: string): void },
): () => void {
  let running = false;
  let stopped = false;
  const loop = async (): Promise<void> => {
    running = true;
    try {
      while (!stopped && subscribers.count() > 0) {
        await recordings.play().catch(() => log.warn('sandbox: a live recording could not send its webhook'));
        const until = Date.now() + LIVE_REPEAT_MS;
        while (!stopped && Date.now() < until && subscribers.count() > 0) await sleep(200);
      }
    } finally {
      running = false;
    }
  };
  subscribers.onSubscribe(() => {
    // After the subscription is registered, so its own first events reach it.
    if (!running && !stopped) setImmediate(() => void loop());
  });
  return () => {
    stopped = true;
  };
}
