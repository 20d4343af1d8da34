import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EmulatorRequest } from '../../../src/sandbox/emulator';
import { createLinkSigner } from '../../../src/sandbox/link-signer';
import { mediaFile } from '../../../src/sandbox/media-files';
import { checkS3Presigned, presignS3Url } from '../../../src/sandbox/s3-presigned';
import { serveMedia } from '../../../src/sandbox/serve-media';

const requestFor = (url: string, headers: Record<string, string> = {}): EmulatorRequest => {
  const u = new URL(url);
  return { method: 'GET', path: u.pathname, query: u.searchParams, rawQuery: u.search.slice(1), headers };
};

/** The top-level boxes of an MP4 file (ISO/IEC 14496-12: 32-bit size, 4-character type). */
function boxes(bytes: Buffer): string[] {
  const out: string[] = [];
  for (let at = 0; at + 8 <= bytes.length;) {
    const size = bytes.readUInt32BE(at);
    out.push(bytes.toString('latin1', at + 4, at + 8));
    if (size < 8) break;
    at += size;
  }
  return out;
}

describe('the sandbox media files', () => {
  it('are an MP4 with its index first, so a player starts before the whole file is in', () => {
    for (const kind of ['mp4', 'm4a'] as const) {
      const names = boxes(mediaFile(kind).bytes);
      expect(names[0]).toBe('ftyp');
      expect(names.indexOf('moov')).toBeGreaterThan(0);
      expect(names.indexOf('moov')).toBeLessThan(names.indexOf('mdat'));
    }
  });

  it('are a PCM WAV whose chunks add up to the file', () => {
    const wav = mediaFile('wav').bytes;
    expect(wav.toString('latin1', 0, 4)).toBe('RIFF');
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
    expect(wav.toString('latin1', 8, 16)).toBe('WAVEfmt ');
    expect(wav.readUInt16LE(20)).toBe(1); // PCM
    const dataAt = wav.indexOf('data', 12, 'latin1');
    expect(wav.readUInt32LE(dataAt + 4)).toBe(wav.length - dataAt - 8);
    // Three seconds: bytes per second (offset 28) times three.
    expect(wav.readUInt32LE(dataAt + 4)).toBe(3 * wav.readUInt32LE(28));
  });

  it('are an MP3 that starts on an MPEG audio frame', () => {
    const mp3 = mediaFile('mp3').bytes;
    expect(mp3[0]).toBe(0xff);
    expect(mp3[1] & 0xe0).toBe(0xe0);
  });

  it('include a tar that tar lists and extracts to the MP4', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-tar-'));
    try {
      writeFileSync(join(dir, 'r.tar'), mediaFile('tar').bytes);
      expect(execFileSync('tar', ['-tf', 'r.tar'], { cwd: dir }).toString()).toBe('recording.mp4\n');
      execFileSync('tar', ['-xf', 'r.tar'], { cwd: dir });
      expect(execFileSync('cmp', [join(dir, 'recording.mp4'), join(__dirname, '../../../src/sandbox/media/recording.mp4')]).length).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('serveMedia', () => {
  const file = mediaFile('mp3');
  const size = file.bytes.length;
  const serve = (range?: string) => serveMedia(requestFor('http://x/f.mp3', range === undefined ? {} : { range }), file);

  it.each(['bytes=0-1,5-6', 'bytes=0-99,100-199', 'bytes=0-99,50-199', `bytes=0-99,${size}-`, 'items=0-1', 'bytes=abc', 'bytes'])(
    'ignores a Range it does not serve (%s): the whole file, 200',
    (range) => {
      const out = serve(range);
      expect(out.status).toBe(200);
      expect(out.headers?.['content-length']).toBe(String(size));
    },
  );

  it('takes a suffix longer than the file as the whole file (RFC 9110 §14.1.2)', () => {
    const out = serve(`bytes=-${size + 100}`);
    expect(out.status).toBe(206);
    expect(out.headers?.['content-range']).toBe(`bytes 0-${size - 1}/${size}`);
  });

  it('answers an empty suffix 416', () => {
    expect(serve('bytes=-0')).toMatchObject({ status: 416, headers: { 'content-range': `bytes */${size}` } });
  });

  it('sends the extra headers on every answer', () => {
    const out = serveMedia(requestFor('http://x/f', { range: 'bytes=0-0' }), file, { 'content-disposition': 'attachment' });
    expect(out.headers).toMatchObject({ 'content-disposition': 'attachment', 'accept-ranges': 'bytes', etag: file.etag });
  });
});

describe('S3-style presigned URLs', () => {
  const signer = createLinkSigner();
  const signedAtMs = Date.UTC(2026, 5, 1, 9, 0, 0);
  const url = presignS3Url(signer, {
    origin: 'http://127.0.0.1:1',
    path: '/bucket/a%3Ab/c.mp3',
    signedAtMs,
    expiresSecs: 600,
    region: 'eu-west-1',
  });

  it('carries the SigV4 query parameters', () => {
    const q = new URL(url).searchParams;
    expect(q.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
    expect(q.get('X-Amz-Credential')).toMatch(/^AKIA\w{16}\/20260601\/eu-west-1\/s3\/aws4_request$/);
    expect(q.get('X-Amz-Date')).toBe('20260601T090000Z');
    expect(q.get('X-Amz-Expires')).toBe('600');
    expect(q.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is accepted until X-Amz-Date + X-Amz-Expires, then refused as S3 refuses it', () => {
    expect(checkS3Presigned(signer, requestFor(url), signedAtMs + 599_999)).toBeNull();
    const late = checkS3Presigned(signer, requestFor(url), signedAtMs + 600_000);
    expect(late?.status).toBe(403);
    expect(late?.rawBody).toContain('<Message>Request has expired</Message>');
    expect(late?.rawBody).toContain('<Expires>2026-06-01T09:10:00Z</Expires>');
  });

  it('is refused with another expiry, path or key', () => {
    const longer = url.replace('X-Amz-Expires=600', 'X-Amz-Expires=6000');
    expect(checkS3Presigned(signer, requestFor(longer), signedAtMs)?.rawBody).toContain('SignatureDoesNotMatch');
    expect(checkS3Presigned(signer, requestFor(url.replace('c.mp3', 'd.mp3')), signedAtMs)?.status).toBe(403);
    expect(checkS3Presigned(createLinkSigner(), requestFor(url), signedAtMs)?.status).toBe(403);
    expect(checkS3Presigned(signer, requestFor('http://127.0.0.1:1/bucket/a%3Ab/c.mp3'), signedAtMs)?.rawBody).toContain('AccessDenied');
  });
});
