import { request } from 'undici';
import type { ProviderName } from '../../../src/domain/provider-name';
import { cloudflareEmulatorSpec, startCloudflareSandbox } from '../../../src/sandbox/cloudflare/cloudflare.emulator';
import { startEmulator } from '../../../src/sandbox/emulator';
import { seedCloudflare } from '../../../src/sandbox/cloudflare/cloudflare.seed';
import { gql } from '../../support/graphql-client';
import { startSandboxApp, type SandboxApp } from '../../support/sandbox-app';
import { ACCESS_LINK_QUERY, DEMO_MEDIA, DEMO_RECORDINGS, mediaAsset } from '../../support/sandbox-media';

async function linkOf(app: SandboxApp, id: string, validForSecs = 3600): Promise<{ url: string; expiresAt: string | null }> {
  const res = await gql<{ recording: { accessLink: { url: string; expiresAt: string | null } | null } }>(app.app.url, ACCESS_LINK_QUERY, {
    id,
    secs: validForSecs,
  });
  expect(res.body.errors).toBeUndefined();
  const link = res.body.data?.recording.accessLink;
  if (!link) throw new Error(`no access link for ${id}`);
  return link;
}

/** A GET of a link as a browser sends it: no credentials, redirects followed. */
const get = (url: string, headers: Record<string, string> = {}) => fetch(url, { headers, redirect: 'follow' });
const bytesOf = async (res: Response) => Buffer.from(await res.arrayBuffer());

/** The link with one character of its signature (or, unsigned, of its id) changed. */
function tampered(url: string): string {
  for (const name of ['X-Amz-Signature', 'Signature', 'access_token']) {
    const at = url.indexOf(`${name}=`);
    // Past Daily's `SANDBOX~sig_` prefix: inside the signature itself.
    if (at !== -1) return flip(url, at + name.length + 1 + 14);
  }
  return flip(url, url.lastIndexOf('.wav') - 1);
}
const flip = (text: string, at: number) => `${text.slice(0, at)}${text[at] === 'a' ? 'b' : 'a'}${text.slice(at + 1)}`;

/**
 * The sandbox's access links, as a frontend uses them: each demo recording's `accessLink.url`
 * from GraphQL, fetched over real HTTP without credentials, answers the demo media file with
 * its content type, byte ranges as players ask for them, and the vendor's refusal once the
 * link is changed or expired (docs/sandbox.md, "Access links").
 */
describe('sandbox access links serve real media', () => {
  let app: SandboxApp;

  beforeAll(async () => {
    app = await startSandboxApp();
  });
  afterAll(async () => {
    await app.close();
  });

  describe.each(Object.keys(DEMO_RECORDINGS) as ProviderName[])('%s', (vendor) => {
    const { file, type } = DEMO_MEDIA[vendor];
    const body = mediaAsset(file);

    it('points at the loopback emulator and serves the whole file with its type and length', async () => {
      const { url } = await linkOf(app, DEMO_RECORDINGS[vendor]);
      expect(new URL(url).origin).toBe(app.sandbox.emulators[vendor].url);
      const res = await get(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('accept-ranges')).toBe('bytes');
      expect(res.headers.get('content-length')).toBe(String(body.length));
      expect((await bytesOf(res)).equals(body)).toBe(true);
    });

    it('answers HEAD with the headers and no body', async () => {
      const { url } = await linkOf(app, DEMO_RECORDINGS[vendor]);
      const res = await request(url, { method: 'HEAD' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(type);
      expect(res.headers['content-length']).toBe(String(body.length));
      expect((await res.body.arrayBuffer()).byteLength).toBe(0);
    });

    it('answers a byte range 206, open-ended and suffix ranges too', async () => {
      const { url } = await linkOf(app, DEMO_RECORDINGS[vendor]);
      const size = body.length;
      const cases: Array<[string, number, number]> = [
        ['bytes=100-1099', 100, 1099],
        [`bytes=${size - 300}-`, size - 300, size - 1],
        ['bytes=-500', size - 500, size - 1],
        // A last byte past the end is cut to the end (RFC 9110 §14.1.2).
        [`bytes=${size - 10}-${size + 1000}`, size - 10, size - 1],
      ];
      for (const [range, start, end] of cases) {
        const res = await get(url, { range });
        expect({ range, status: res.status }).toEqual({ range, status: 206 });
        expect(res.headers.get('content-range')).toBe(`bytes ${start}-${end}/${size}`);
        expect(res.headers.get('content-length')).toBe(String(end - start + 1));
        expect(res.headers.get('content-type')).toBe(type);
        expect((await bytesOf(res)).equals(body.subarray(start, end + 1))).toBe(true);
      }
    });

    it('answers a range past the end 416 with the size', async () => {
      const { url } = await linkOf(app, DEMO_RECORDINGS[vendor]);
      const res = await get(url, { range: `bytes=${body.length}-` });
      expect(res.status).toBe(416);
      expect(res.headers.get('content-range')).toBe(`bytes */${body.length}`);
      await res.arrayBuffer();
    });

    it('refuses a changed link the way the vendor does', async () => {
      const { url } = await linkOf(app, DEMO_RECORDINGS[vendor]);
      const changed = tampered(url);
      expect(changed).not.toBe(url);
      const res = await get(changed);
      const text = await res.text();
      if (vendor === 'zoom') {
        // Zoom's download URL refuses a bad access_token as its API does (code 124).
        expect(res.status).toBe(401);
        expect(JSON.parse(text)).toMatchObject({ code: 124 });
      } else if (vendor === 'signalwire') {
        // SignalWire's media URL is unsigned (the sid is the secret): another sid is not found.
        expect(res.status).toBe(404);
      } else {
        expect(res.status).toBe(403);
        expect(res.headers.get('content-type')).toBe('application/xml');
        expect(text).toMatch(vendor === 'daily' ? /<Code>AccessDenied<\/Code>/ : /<Code>SignatureDoesNotMatch<\/Code>/);
      }
    });
  });

  it('refuses a Daily link that was re-encoded, as its CDN does', async () => {
    const { url } = await linkOf(app, DEMO_RECORDINGS.daily);
    const res = await get(url.replace('%2B%3D', '+='));
    expect(res.status).toBe(403);
    await res.arrayBuffer();
  });

  it.each(['daily', 'zoom'] as const)('refuses a %s link once it has expired', async (vendor) => {
    const { url, expiresAt } = await linkOf(app, DEMO_RECORDINGS[vendor], 1);
    // Waits for the vendor's expiry to pass (a second at most); the answer, not the wait, is checked.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(expiresAt!) - Date.now()) + 1_100));
    const res = await get(url);
    expect(res.status).toBe(vendor === 'daily' ? 403 : 401);
    await res.arrayBuffer();
  });

  it('refuses a RealtimeKit link past its download_url_expiry with S3\u2019s "Request has expired"', async () => {
    // A dataset whose first link expired a minute ago (the demo's are all within their 7 days).
    const data = seedCloudflare();
    const rec = data.recordings.find((r) => r.download_url)!;
    rec.download_url_expiry = new Date(Date.now() - 60_000).toISOString();
    const vendor = await startCloudflareSandbox({}, data);
    try {
      const { baseUrl, accountId, appId, apiToken } = vendor.config;
      const api = await request(`${baseUrl}/accounts/${accountId}/realtime/kit/${appId}/recordings/${rec.id}`, {
        headers: { authorization: `Bearer ${apiToken}` },
      });
      const { data: body } = (await api.body.json()) as { data: { download_url: string } };
      const res = await get(body.download_url);
      expect(res.status).toBe(403);
      const text = await res.text();
      expect(text).toContain('<Code>AccessDenied</Code>');
      expect(text).toContain('<Message>Request has expired</Message>');
    } finally {
      await vendor.emulator.close();
    }
  });

  it('expires a RealtimeKit link and lists it as expired by the same clock', async () => {
    const data = seedCloudflare();
    const rec = data.recordings.find((r) => r.download_url && r.download_url_expiry)!;
    let clock = Date.parse(rec.download_url_expiry!) - 1;
    const emulator = await startEmulator(cloudflareEmulatorSpec(data, { apiToken: 't', accountId: 'a', appId: 'p' }, () => clock));
    try {
      const base = `${emulator.url}/client/v4/accounts/a/realtime/kit/p/recordings`;
      const api = async <T>(path: string): Promise<{ data: T }> =>
        (await get(`${base}${path}`, { authorization: 'Bearer t' })).json() as Promise<{ data: T }>;
      const expiredIds = async () => (await api<Array<{ id: string }>>('?expired=true&per_page=100')).data.map((r) => r.id);
      const { download_url: url } = (await api<{ download_url: string }>(`/${rec.id}`)).data;
      expect(await expiredIds()).not.toContain(rec.id);
      const fresh = await get(url);
      expect(fresh.status).toBe(200);
      await fresh.arrayBuffer();
      clock += 1;
      expect(await expiredIds()).toContain(rec.id);
      const late = await get(url);
      expect(late.status).toBe(403);
      expect(await late.text()).toContain('<Message>Request has expired</Message>');
    } finally {
      await emulator.close();
    }
  });

  it('answers a path outside the R2 bucket with the Cloudflare API\u2019s 404, counted as unmatched', async () => {
    // An adapter call that missed `/client/v4` must show as a stray call, not as a refused link.
    const emulator = app.sandbox.emulators.cloudflare;
    const before = emulator.counters.get('unmatched') ?? 0;
    const res = await get(`${emulator.url}/accounts/x/realtime/kit/y/recordings`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ success: false, errors: [{ code: 7000 }] });
    expect(emulator.counters.get('unmatched')).toBe(before + 1);
  });

  it('follows Bird\u2019s 307 from the recording\u2019s .mp3 route to the file, as a browser would', async () => {
    const emulator = app.sandbox.emulators.bird;
    const { workspaceId, accessKey } = app.sandbox.providers.bird;
    const id = DEMO_RECORDINGS.bird.split('/').at(-1)!;
    const res = await get(`${emulator.url}/workspaces/${workspaceId}/recordings/${id}.mp3`, { authorization: `AccessKey ${accessKey}` });
    expect(res.redirected).toBe(true);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/mpeg');
    expect((await bytesOf(res)).equals(mediaAsset('recording.mp3'))).toBe(true);
  });
});
