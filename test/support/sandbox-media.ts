import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProviderName } from '../../src/domain/provider-name';

/** The demo recordings docs/sandbox.md names, one per vendor. */
export const DEMO_RECORDINGS: Record<ProviderName, string> = {
  daily: 'gid://recording-graph/Recording/daily/723d9fd5-a2e0-40c6-b953-a6deccdb0fd7',
  signalwire: 'gid://recording-graph/Recording/signalwire/c5526da3-a95f-4ce9-bade-eda733d2390e',
  zoom: 'gid://recording-graph/Recording/zoom/%2FUg7ckbpR5uHc1lU9Vn8Zg%3D%3D/c43069c4-3a8c-4b7c-b3c2-5632b92409d3',
  bird: 'gid://recording-graph/Recording/bird/36801676-89d0-41cf-9708-20f3ad0f5042',
  cloudflare: 'gid://recording-graph/Recording/cloudflare/32512946-ae5e-47f6-a860-57589f50b02d',
};

/** What each demo recording's access link serves: a committed file and its content type. */
export const DEMO_MEDIA: Record<ProviderName, { file: string; type: string; element: 'video' | 'audio' }> = {
  daily: { file: 'recording.mp4', type: 'video/mp4', element: 'video' },
  signalwire: { file: 'recording.wav', type: 'audio/wav', element: 'audio' },
  zoom: { file: 'recording.mp4', type: 'video/mp4', element: 'video' },
  bird: { file: 'recording.mp3', type: 'audio/mpeg', element: 'audio' },
  cloudflare: { file: 'recording.mp4', type: 'video/mp4', element: 'video' },
};

/** A committed media file's bytes, read directly (not through the sandbox's code). */
export const mediaAsset = (file: string): Buffer => readFileSync(join(__dirname, '../../src/sandbox/media', file));

export const ACCESS_LINK_QUERY = `query($id: ID!, $secs: Int) { recording(id: $id) { accessLink(validForSecs: $secs) { url expiresAt } } }`;
