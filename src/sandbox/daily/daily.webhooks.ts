import { createHmac, randomUUID } from 'node:crypto';
import type { PostWebhook, WebhookDelivery } from '../webhook-sender';
import { sleep } from '../webhook-sender';
import type { DailyDataset } from './daily.seed';
import type { DailyWireRecording } from './daily.wire';

/**
 * Daily's signing as third-party code does it (docs/vendors/daily.md, "Webhooks"):
 * X-Webhook-Signature = base64(HMAC-SHA256(base64-decoded secret, timestamp + "." + body)).
 */
export function dailyDelivery(secretBase64: string, event: Record<string, unknown>): WebhookDelivery {
  const body = JSON.stringify(event);
  const ts = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', Buffer.from(secretBase64, 'base64')).update(`${ts}.${body}`).digest('base64');
  return { body, contentType: 'application/json', headers: { 'X-Webhook-Signature': signature, 'X-Webhook-Timestamp': ts } };
}

/**
 * A cloud recording in room `live-demo`: `recording.started`, then (Daily has no processing
 * event) `recording.ready-to-download` once finished. The emulator serves it throughout.
 */
export function playDailyRecording(data: DailyDataset, secret: string, post: PostWebhook) {
  return async (stepMs: number): Promise<void> => {
    const start = Math.floor(Date.now() / 1000);
    const rec: DailyWireRecording = {
      id: randomUUID(),
      room_name: 'live-demo',
      start_ts: start,
      status: 'in-progress',
      max_participants: 2,
      mtgSessionId: randomUUID(),
    };
    data.recordings.push(rec);
    const envelope = (type: string, payload: Record<string, unknown>) => ({
      version: '1.0.0',
      type,
      id: `${type}-${rec.id}`,
      payload,
      event_ts: Date.now() / 1000,
    });
    await post(
      'daily',
      dailyDelivery(
        secret,
        envelope('recording.started', {
          action: 'start-cloud-recording',
          recording_id: rec.id,
          room_name: rec.room_name,
          start_ts: start,
          layout: { preset: 'default' },
        }),
      ),
    );
    await sleep(2 * stepMs);
    rec.status = 'finished';
    rec.duration = Math.max(1, Math.round(Date.now() / 1000 - start));
    rec.s3key = `sandbox/live-demo/${rec.id}`;
    await post(
      'daily',
      dailyDelivery(
        secret,
        envelope('recording.ready-to-download', {
          type: 'cloud',
          recording_id: rec.id,
          room_name: rec.room_name,
          start_ts: start,
          status: 'finished',
          max_participants: 2,
          duration: rec.duration,
          s3_key: rec.s3key,
        }),
      ),
    );
  };
}
