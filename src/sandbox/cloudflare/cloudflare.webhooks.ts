import { createPrivateKey, randomUUID, sign } from 'node:crypto';
import type { PostWebhook, WebhookDelivery } from '../webhook-sender';
import { sleep } from '../webhook-sender';
import type { CloudflareDataset, CloudflareStoredRecording } from './cloudflare.seed';

/**
 * RealtimeKit's signing (docs/vendors/cloudflare.md, "Webhooks"): rtk-signature = base64
 * RSA-SHA256 (PKCS#1 v1.5) over the body; rtk-uuid names the delivery.
 */
export function cloudflareDelivery(privateKeyPem: string, event: Record<string, unknown>): WebhookDelivery {
  const body = JSON.stringify(event);
  const signature = sign('sha256', Buffer.from(body), createPrivateKey(privateKeyPem)).toString('base64');
  return {
    body,
    contentType: 'application/json',
    headers: { 'rtk-signature': signature, 'rtk-uuid': randomUUID(), 'rtk-webhook-id': 'sandbox-webhook' },
  };
}

/** A meeting recording: `recording.statusUpdate` RECORDING, UPLOADING, then UPLOADED (camelCase payload). */
export function playCloudflareRecording(data: CloudflareDataset, privateKeyPem: string, post: PostWebhook) {
  return async (stepMs: number): Promise<void> => {
    const session = data.sessions.find((s) => data.meetings.some((m) => m.id === s.associated_id));
    const template = data.recordings.find((r) => r.status === 'UPLOADED' && r.storage_config === null) ?? data.recordings[0];
    if (!session || !template) return;
    const started = new Date().toISOString();
    const rec: CloudflareStoredRecording = {
      ...structuredClone(template),
      id: randomUUID(),
      meeting_id: session.associated_id,
      session_id: session.id,
      status: 'RECORDING',
      invoked_time: started,
      started_time: started,
      stopped_time: null,
      download_url: null,
      audio_download_url: null,
      download_url_expiry: null,
      file_size: null,
      output_file_name: 'live-demo.mp4',
      storage_config: null,
    };
    data.recordings.unshift(rec);
    const update = () =>
      cloudflareDelivery(privateKeyPem, {
        event: 'recording.statusUpdate',
        recording: {
          id: rec.id,
          recordingId: rec.id,
          status: rec.status,
          downloadUrl: rec.download_url,
          downloadUrlExpiry: rec.download_url_expiry,
          startedTime: rec.started_time,
          stoppedTime: rec.stopped_time,
          fileSize: rec.file_size === null ? null : String(rec.file_size),
          outputFileName: rec.output_file_name,
          meetingId: rec.meeting_id,
          recordingDuration: rec.recording_duration ?? null,
        },
        meeting: { id: rec.meeting_id, sessionId: session.id },
      });
    await post('cloudflare', update());
    await sleep(stepMs);
    Object.assign(rec, { status: 'UPLOADING', stopped_time: new Date().toISOString() });
    await post('cloudflare', update());
    await sleep(stepMs);
    const expiry = new Date(Date.now() + 7 * 86_400_000).toISOString();
    Object.assign(rec, {
      status: 'UPLOADED',
      download_url: `https://example.r2.cloudflarestorage.com/recordings/${rec.id}.mp4?X-Amz-Expires=604800&X-Amz-Signature=SANDBOX`,
      download_url_expiry: expiry,
      file_size: 1_048_576,
      recording_duration: Math.max(1, Math.round((Date.now() - Date.parse(started)) / 1000)),
    });
    await post('cloudflare', update());
  };
}
