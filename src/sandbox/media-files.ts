import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The files the sandbox serves at its access links (docs/sandbox.md, "Access links"): three
 * seconds of a test pattern and a 440 Hz tone, made once by scripts/make-sandbox-media.sh and
 * committed in src/sandbox/media/ (`npm run build` copies them into dist). Small text bodies stand
 * in for Zoom's transcript, chat, caption and timeline files, and a tar holding the MP4 for
 * RealtimeKit's interactive recordings (`.tar`, recording-guide).
 */
export type MediaKind = 'mp4' | 'm4a' | 'mp3' | 'wav' | 'tar' | 'vtt' | 'txt' | 'json';

export interface MediaFile {
  contentType: string;
  bytes: Buffer;
  /** Quoted MD5 of the bytes, as S3 and R2 send `ETag` for a single-part object. */
  etag: string;
}

const CONTENT_TYPES: Record<MediaKind, string> = {
  mp4: 'video/mp4',
  m4a: 'audio/mp4',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  tar: 'application/x-tar',
  vtt: 'text/vtt; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

const TEXT: Partial<Record<MediaKind, string>> = {
  vtt: 'WEBVTT\n\n1\n00:00:00.000 --> 00:00:03.000\nSandbox speaker: this is the sandbox recording.\n',
  txt: '00:00:01\t Sandbox speaker : this is the sandbox recording.\n',
  json: '{"timeline":[{"ts":"00:00:00.000","users":[{"username":"Sandbox speaker"}]}]}\n',
};

const BLOCK = 512;

/** A one-file POSIX ustar archive (POSIX.1-2001 pax, "ustar Interchange Format"). */
function ustar(name: string, content: Buffer): Buffer {
  const header = Buffer.alloc(BLOCK);
  const put = (text: string, at: number) => header.write(text, at, 'ascii');
  const octal = (n: number, width: number) => `${n.toString(8).padStart(width - 1, '0')}\0`;
  put(name, 0);
  put(octal(0o644, 8), 100); // mode
  put(octal(0, 8), 108); // uid
  put(octal(0, 8), 116); // gid
  put(octal(content.length, 12), 124);
  put(octal(0, 12), 136); // mtime
  put('        ', 148); // checksum, counted as spaces
  put('0', 156); // a regular file
  put('ustar\0' + '00', 257);
  let sum = 0;
  for (const byte of header) sum += byte;
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  const padding = (BLOCK - (content.length % BLOCK)) % BLOCK;
  return Buffer.concat([header, content, Buffer.alloc(padding), Buffer.alloc(2 * BLOCK)]);
}

const read = (name: string) => readFileSync(join(__dirname, 'media', name));

const cache = new Map<MediaKind, MediaFile>();

/** The file of one kind, read from src/sandbox/media/ (or dist/sandbox/media/) once. */
export function mediaFile(kind: MediaKind): MediaFile {
  let file = cache.get(kind);
  if (!file) {
    const text = TEXT[kind];
    const bytes =
      text !== undefined
        ? Buffer.from(text, 'utf8')
        : kind === 'tar'
          ? ustar('recording.mp4', read('recording.mp4'))
          : read(`recording.${kind}`);
    file = { contentType: CONTENT_TYPES[kind], bytes, etag: `"${createHash('md5').update(bytes).digest('hex')}"` };
    cache.set(kind, file);
  }
  return file;
}
