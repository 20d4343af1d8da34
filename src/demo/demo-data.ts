import type { RecordingData } from '../domain/model';
import type { ProviderName } from '../domain/provider-name';
import { mapBirdRecording } from '../providers/bird/bird.mapper';
import type { CloudflareRecording } from '../providers/cloudflare/cloudflare.api-types';
import { mapCloudflareRecording } from '../providers/cloudflare/cloudflare.mapper';
import { mapDailyRecording } from '../providers/daily/daily.mapper';
import { mapSignalWireRecording } from '../providers/signalwire/signalwire.mapper';
import { mapZoomSession } from '../providers/zoom/zoom.mapper';
import { seedBird } from '../sandbox/bird/bird.seed';
import { seedCloudflare } from '../sandbox/cloudflare/cloudflare.seed';
import { seedDaily } from '../sandbox/daily/daily.seed';
import { seedSignalWire } from '../sandbox/signalwire/signalwire.seed';
import { seedZoom } from '../sandbox/zoom/zoom.seed';

/**
 * The sandbox's demo recordings as the API presents them, computed from the same seeds
 * the emulators serve, through the real mappers. Outside src/sandbox on purpose: the
 * emulators are written from the vendors' documents and import nothing from the adapters
 * (src/providers); this file is where the two meet. It is what the docs, the end-to-end tests
 * and the benchmark use to name demo ids without a listing call. `recordingsPerVendor`
 * adds the bulk recordings an emulator started with that option serves.
 */
export function demoRecordings(seed = 1, recordingsPerVendor = 0): Record<ProviderName, RecordingData[]> {
  return {
    daily: seedDaily(seed, { recordingsPerVendor }).recordings.map(mapDailyRecording),
    // The space URL only shapes the links, which are not part of the ids.
    signalwire: seedSignalWire(seed, { recordingsPerVendor }).recordings.map((r) => mapSignalWireRecording(r, 'http://127.0.0.1')),
    // A trashed Zoom file is listed only with trash=true, not by its session.
    zoom: seedZoom(seed, { recordingsPerVendor }).sessions.flatMap(
      (s) => mapZoomSession({ ...s, recording_files: s.recording_files?.filter((f) => !f.deleted_time) }).recordings,
    ),
    bird: seedBird(seed, { recordingsPerVendor }).recordings.map(mapBirdRecording),
    cloudflare: seedCloudflare(seed, { recordingsPerVendor }).recordings.map((r) => mapCloudflareRecording(r as CloudflareRecording)),
  };
}
