import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { PostWebhook, WebhookDelivery } from '../webhook-sender';
import { sleep } from '../webhook-sender';
import type { BirdDataset } from './bird.seed';
import type { BirdWireRecording } from './bird.wire';

/**
 * Bird's signing, from "Verifying a webhook subscription" (docs/vendors/bird.md,
 * "Webhooks"): messagebird-signature = base64(HMAC-SHA256(signing key, timestamp + "\n" +
 * URL + "\n" + the body's raw SHA-256 digest)).
 */
export function birdDelivery(signingKey: string, url: string, event: Record<string, unknown>): WebhookDelivery {
  const body = JSON.stringify(event);
  const ts = String(Math.floor(Date.now() / 1000));
  const digest = createHash('sha256').update(body).digest();
  const signature = createHmac('sha256', signingKey)
    .update(Buffer.concat([Buffer.from(`${ts}\n${url}\n`), digest]))
    .digest('base64');
  return {
    body,
    contentType: 'application/json',
    headers: { 'messagebird-signature': signature, 'messagebird-request-timestamp': ts, 'messagebird-request-id': randomUUID() },
  };
}

/**
 * A call recording. Bird sends call lifecycle events only: `ongoing` while it records, then
 * `completed`, after which the recording is `available` (the server lists the call's
 * recordings on `completed`).
 */
export function playBirdRecording(data: BirdDataset, signingKey: string, url: string, post: PostWebhook) {
  return async (stepMs: number): Promise<void> => {
    const template = data.recordings.find((r) => r.source === 'call' && r.status === 'available');
    if (!template) return;
    const now = new Date().toISOString();
    const callId = randomUUID();
    const rec: BirdWireRecording = {
      ...structuredClone(template),
      id: randomUUID(),
      sourceId: callId,
      status: 'ongoing',
      createdAt: now,
      updatedAt: now,
      startedAt: now,
      duration: undefined,
    };
    data.recordings.push(rec);
    data.extras.set(rec.id, { omitLocation: false });
    const call = (status: string) =>
      birdDelivery(signingKey, url, {
        service: 'channels',
        event: 'voice.outbound',
        payload: { id: callId, status, updatedAt: new Date().toISOString() },
      });
    await post('bird', call('ongoing'));
    await sleep(stepMs);
    rec.status = 'completed';
    await sleep(stepMs);
    const ended = new Date().toISOString();
    Object.assign(rec, {
      status: 'available',
      endedAt: ended,
      updatedAt: ended,
      duration: Math.max(1, Math.round((Date.parse(ended) - Date.parse(now)) / 1000)),
    });
    await post('bird', call('completed'));
  };
}
