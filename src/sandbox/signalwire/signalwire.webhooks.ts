import { createHmac, randomUUID } from 'node:crypto';
import type { PostWebhook, WebhookDelivery } from '../webhook-sender';
import { sleep } from '../webhook-sender';
import { recordingBody, SIGNALWIRE_SANDBOX_PROJECT_ID, type SignalWireDataset } from './signalwire.seed';

/**
 * The Twilio-compatible RecordingStatusCallback (docs/vendors/signalwire.md, "Webhooks"): a
 * form post, X-SignalWire-Signature = base64(HMAC-SHA1(signing key, URL + each parameter's
 * name and value in sorted name order)).
 */
export function signalWireDelivery(signingKey: string, url: string, params: Record<string, string>): WebhookDelivery {
  const signed = Object.keys(params)
    .sort()
    .reduce((text, name) => text + name + params[name], url);
  return {
    body: new URLSearchParams(params).toString(),
    contentType: 'application/x-www-form-urlencoded',
    headers: { 'X-SignalWire-Signature': createHmac('sha1', signingKey).update(signed, 'utf8').digest('base64') },
  };
}

/** A call recording: `in-progress`, then (the callback sends no processing step) `completed`. */
export function playSignalWireRecording(data: SignalWireDataset, signingKey: string, url: string, post: PostWebhook) {
  return async (stepMs: number): Promise<void> => {
    const facts = {
      sid: randomUUID(),
      projectId: SIGNALWIRE_SANDBOX_PROJECT_ID,
      sessionSid: randomUUID(),
      conference: false,
      channels: '1' as const,
      created: Date.now(),
      start: Date.now(),
      duration: 0,
      status: 'in-progress',
      ended: false,
      source: 'StartCallRecordingApi' as const,
    };
    const rec = recordingBody(facts);
    data.recordings.unshift(rec);
    const params = (status: string, duration: string) => ({
      AccountSid: SIGNALWIRE_SANDBOX_PROJECT_ID,
      CallSid: facts.sessionSid,
      RecordingSid: facts.sid,
      RecordingUrl: `${url.replace(/\/webhooks\/signalwire$/, '')}${rec.uri.replace(/\.json$/, '')}`,
      RecordingStatus: status,
      RecordingDuration: duration,
      RecordingChannels: '1',
      RecordingSource: facts.source,
    });
    await post('signalwire', signalWireDelivery(signingKey, url, params('in-progress', '0')));
    await sleep(stepMs);
    rec.status = 'processing';
    await sleep(stepMs);
    const duration = Math.max(1, Math.round((Date.now() - facts.start) / 1000));
    Object.assign(rec, recordingBody({ ...facts, status: 'completed', duration, ended: true }));
    await post('signalwire', signalWireDelivery(signingKey, url, params('completed', String(duration))));
  };
}
