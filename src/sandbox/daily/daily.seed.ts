import { bulkSlots } from '../bulk-seed';
import { newestFirst } from '../list-order';
import { SANDBOX_EPOCH, SeedRandom } from '../seed-random';
import type { SeedOptions } from '../vendor-sandbox';
import type { DailyWireRecording } from './daily.wire';

/** Emulator-side facts about a recording that Daily keeps but does not put in its body. */
export interface DailyRecordingExtras {
  /** In a customer's bucket: access links must be 900..43200 s (get-recording-link). */
  customerBucket: boolean;
  /** The domain blocks recording access: `download_link` holds an error string. */
  accessBlocked: boolean;
}

export interface DailyDataset {
  recordings: DailyWireRecording[];
  extras: Map<string, DailyRecordingExtras>;
}

const ROOMS = ['standup', 'sales-demo', 'board-review', 'support-escalation', 'all-hands', 'design-crit'];

/** Daily's list order as the emulator keeps it: newest first by start_ts, ties by id. */
export function dailyListOrder(recordings: DailyWireRecording[]): DailyWireRecording[] {
  return newestFirst(
    recordings,
    (r) => (typeof r.start_ts === 'number' ? r.start_ts * 1000 : null),
    (r) => r.id,
  );
}

/**
 * `count` bulk recordings (SandboxStartOptions.recordingsPerVendor): finished meetings (one
 * in 20 canceled) in rooms of their own, over the past ~6 months (src/sandbox/bulk-seed.ts).
 */
function bulkDaily(seed: number, count: number): DailyWireRecording[] {
  const { rng, slots } = bulkSlots(seed, count, 0xda11);
  const recordings: DailyWireRecording[] = [];
  let room = '';
  let mtgSessionId = '';
  for (const slot of slots) {
    if (slot.opensSession) {
      room = `team-room-${rng.int(1, 60)}`;
      mtgSessionId = rng.uuid();
    }
    const start = Math.floor(slot.startMs / 1000);
    const canceled = rng.int(1, 20) === 1;
    recordings.push({
      id: rng.uuid(),
      room_name: room,
      start_ts: start,
      status: canceled ? 'canceled' : 'finished',
      max_participants: rng.int(1, 12),
      duration: rng.int(30, 3_600),
      s3key: `recording-graph-demo/${room}/${start}${rng.int(100, 999)}`,
      mtgSessionId,
      tracks: [],
    });
  }
  return recordings;
}

/**
 * Deterministic demo data: 24 recordings in 8 meeting sessions over 6 rooms, every Daily
 * status, some raw-tracks recordings, one in a customer bucket and one whose domain
 * blocks access; plus `recordingsPerVendor` bulk recordings. Listed newest first, as
 * Daily's list is assumed to be.
 */
export function seedDaily(seed = 1, options: SeedOptions = {}, count = 24): DailyDataset {
  const rng = new SeedRandom(seed);
  const sessions = Array.from({ length: Math.max(1, Math.ceil(count / 3)) }, (_, i) => ({
    room: ROOMS[i % ROOMS.length],
    mtgSessionId: rng.uuid(),
    start: Math.floor(SANDBOX_EPOCH / 1000) - (i + 1) * 86_400 - rng.int(0, 3_600),
  }));
  const recordings: DailyWireRecording[] = [];
  const extras = new Map<string, DailyRecordingExtras>();
  for (let i = 0; i < count; i++) {
    const session = sessions[i % sessions.length];
    const status = i === 0 ? 'in-progress' : i === 5 ? 'canceled' : 'finished';
    const id = rng.uuid();
    const start = session.start + Math.floor(i / sessions.length) * 600;
    const rawTracks = i % 7 === 3;
    recordings.push({
      id,
      room_name: session.room,
      start_ts: start,
      status,
      max_participants: rng.int(1, 12),
      ...(status === 'in-progress' ? {} : { duration: rng.int(30, 3_600) }),
      share_token: rng.token(12),
      s3key: `recording-graph-demo/${session.room}/${start}${rng.int(100, 999)}`,
      mtgSessionId: session.mtgSessionId,
      // `tracks` may be null "if role permissions have been removed" (get-recording): one is.
      tracks:
        i === 8
          ? null
          : rawTracks
            ? [
                { size: rng.int(100_000, 5_000_000), type: 'audio', s3Key: `recording-graph-demo/${session.room}/${id}-audio.webm` },
                { size: rng.int(1_000_000, 50_000_000), type: 'video', s3Key: `recording-graph-demo/${session.room}/${id}-video.webm` },
              ]
            : [],
    });
    extras.set(id, { customerBucket: i === 2, accessBlocked: i === 4 });
  }
  recordings.push(...bulkDaily(seed, options.recordingsPerVendor ?? 0));
  return { recordings: dailyListOrder(recordings), extras };
}
