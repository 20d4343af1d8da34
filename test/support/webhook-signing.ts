import { createHash, createHmac, sign, type KeyObject } from 'node:crypto';

/**
 * The five vendors' signing, written out from their documents (docs/vendors/<v>.md,
 * "Webhooks") independently of src/: what the tests use to play the vendor.
 */
export const sign5 = {
  daily: (secretBase64: string, ts: string, body: string) => ({
    'x-webhook-timestamp': ts,
    'x-webhook-signature': createHmac('sha256', Buffer.from(secretBase64, 'base64')).update(`${ts}.${body}`).digest('base64'),
  }),
  signalwireForm: (key: string, url: string, params: Record<string, string>) => ({
    'x-signalwire-signature': createHmac('sha1', key)
      .update(
        Object.keys(params)
          .sort()
          .reduce((text, name) => text + name + params[name], url),
      )
      .digest('base64'),
  }),
  zoom: (token: string, ts: string, body: string) => ({
    'x-zm-request-timestamp': ts,
    'x-zm-signature': `v0=${createHmac('sha256', token).update(`v0:${ts}:${body}`).digest('hex')}`,
  }),
  bird: (key: string, ts: string, url: string, body: string, requestId?: string) => ({
    'messagebird-request-timestamp': ts,
    'messagebird-signature': createHmac('sha256', key)
      .update(Buffer.concat([Buffer.from(`${ts}\n${url}\n`), createHash('sha256').update(body).digest()]))
      .digest('base64'),
    ...(requestId ? { 'messagebird-request-id': requestId } : {}),
  }),
  cloudflare: (privateKey: KeyObject, body: string, uuid: string) => ({
    'rtk-signature': sign('sha256', Buffer.from(body), privateKey).toString('base64'),
    'rtk-uuid': uuid,
  }),
};

export const nowSecs = (): string => String(Math.floor(Date.now() / 1000));
