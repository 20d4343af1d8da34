import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { PostWebhook, WebhookDelivery } from '../webhook-sender';
import { sleep } from '../webhook-sender';
import type { ZoomDataset } from './zoom.seed';
import type { ZoomWireRecordingFile, ZoomWireSession } from './zoom.wire';

/**
 * Zoom's signing (docs/vendors/zoom.md, "Webhooks"): x-zm-signature = "v0=" +
 * hex(HMAC-SHA256(secret token, "v0:" + x-zm-request-timestamp + ":" + body)).
 */
export function zoomDelivery(secretToken: string, event: Record<string, unknown>): WebhookDelivery {
  const body = JSON.stringify(event);
  const ts = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', secretToken).update(`v0:${ts}:${body}`).digest('hex')}`;
  return { body, contentType: 'application/json', headers: { 'x-zm-signature': signature, 'x-zm-request-timestamp': ts } };
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * A session recording: `session.recording_started`, `_stopped`, then `_completed` with its
 * file once processed (files appear in the API only then, docs/vendors/zoom.md).
 */
export function playZoomRecording(data: ZoomDataset, secretToken: string, post: PostWebhook) {
  return async (stepMs: number): Promise<void> => {
    const startMs = Date.now();
    const session: ZoomWireSession = {
      session_id: randomBytes(16).toString('base64'),
      session_name: 'Live demo',
      start_time: iso(startMs),
      duration: 0,
      total_size: 0,
      recording_count: 0,
      session_key: 'live-demo',
      recording_files: [],
      participant_audio_files: [],
      participant_video_files: [],
    };
    data.sessions.push(session);
    const object = (extra: Record<string, unknown> = {}) => ({
      session_id: session.session_id,
      session_name: session.session_name,
      session_key: session.session_key,
      start_time: session.start_time,
      timezone: 'UTC',
      ...extra,
    });
    const event = (name: string, extra: Record<string, unknown> = {}, top: Record<string, unknown> = {}) =>
      zoomDelivery(secretToken, {
        event: name,
        event_ts: Date.now(),
        payload: { account_id: 'sandbox-account', object: object(extra) },
        ...top,
      });
    await post('zoom', event('session.recording_started', { recording_file: { recording_start: iso(startMs), recording_end: '' } }));
    await sleep(stepMs);
    const endMs = Date.now();
    await post(
      'zoom',
      event('session.recording_stopped', { recording_file: { recording_start: iso(startMs), recording_end: iso(endMs) } }),
    );
    await sleep(stepMs);
    const file: ZoomWireRecordingFile = {
      id: randomUUID(),
      session_id: session.session_id,
      recording_start: iso(startMs),
      recording_end: iso(endMs),
      file_type: 'MP4',
      file_extension: 'MP4',
      file_size: 1_048_576,
      download_url: `/rec/download/${randomBytes(12).toString('hex')}`,
      status: 'completed',
      recording_type: 'shared_screen_with_speaker_view',
    };
    Object.assign(session, { recording_files: [file], recording_count: 1, total_size: file.file_size, duration: 1 });
    await post(
      'zoom',
      event('session.recording_completed', { recording_files: [file] }, { download_token: randomBytes(24).toString('hex') }),
    );
  };
}
