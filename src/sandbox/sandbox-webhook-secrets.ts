import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { WebhookSettings } from '../config/config.types';
import type { SandboxWebhookSecrets } from './webhook-sender';

/** The receivers' settings as the vendors' modules read them (src/providers/<vendor>/index.ts), with the secrets the emulators sign with. */
export interface SandboxWebhooks extends WebhookSettings {
  daily?: { secret: string };
  signalwire?: { signingKey: string };
  zoom?: { secretToken: string };
  bird?: { signingKey: string };
  cloudflare?: { publicKeyPem?: string; keyUrl?: string };
}

/**
 * In sandbox mode every receiver is on, so the emulators' webhooks reach subscribers with
 * no vendor account: a secret configured for a vendor is used as is, the others are made
 * up at start (never logged, gone with the process). RealtimeKit signs with a private key,
 * so a key pair is made and the server verifies with its public half; a configured
 * Cloudflare key has no private half here, and that vendor then sends nothing.
 */
export function sandboxWebhookSecrets(configured: SandboxWebhooks): { webhooks: SandboxWebhooks; signing: Partial<SandboxWebhookSecrets> } {
  const made = (bytes = 24) => randomBytes(bytes).toString('hex');
  const daily = configured.daily?.secret ?? randomBytes(32).toString('base64');
  const signalwire = configured.signalwire?.signingKey ?? made();
  const zoom = configured.zoom?.secretToken ?? made();
  const bird = configured.bird?.signingKey ?? made();
  const webhooks: SandboxWebhooks = {
    ...configured,
    daily: { secret: daily },
    signalwire: { signingKey: signalwire },
    zoom: { secretToken: zoom },
    bird: { signingKey: bird },
  };
  const signing: Partial<SandboxWebhookSecrets> = { daily, signalwire, zoom, bird };
  if (!configured.cloudflare) {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    webhooks.cloudflare = { publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
    signing.cloudflarePrivateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  }
  return { webhooks, signing };
}
