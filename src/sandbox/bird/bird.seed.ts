import { bulkSlots } from '../bulk-seed';
import { newestFirst } from '../list-order';
import { SANDBOX_EPOCH, SeedRandom } from '../seed-random';
import type { SeedOptions } from '../vendor-sandbox';
import { BIRD_STATUSES, BIRD_ZERO_TIME, birdTimeMs, type BirdSource, type BirdWireNumber, type BirdWireRecording } from './bird.wire';

/** Emulator-side facts about a recording that Bird does not put in its body. */
export interface BirdRecordingExtras {
  /** The .mp3 route answers 307 without a Location (a broken redirect, for tests). */
  omitLocation: boolean;
}

export interface BirdDataset {
  recordings: BirdWireRecording[];
  extras: Map<string, BirdRecordingExtras>;
}

/** The statuses that have not ended: no duration, and the zero time for `endedAt`. */
const UNFINISHED: readonly string[] = ['accepted', 'ongoing', 'paused'];

/** The demo recording whose media redirect comes without a Location (an `available` one). */
const NO_LOCATION_INDEX = 7;

function phone(rng: SeedRandom, country: string, prefix: string): BirdWireNumber {
  const number = `${prefix}${rng.token(9, '0123456789')}`;
  return { type: 'pstn', number, identity: `+${number}`, countryIsoCode: country };
}

/**
 * The time Bird's list filters (startAt/endAt) and, by our assumption, orders on: the
 * start, or the creation for a recording not started (zero-time `startedAt`).
 */
export function birdListTime(r: BirdWireRecording): number | null {
  return birdTimeMs(r.startedAt) ?? birdTimeMs(r.createdAt);
}

/** Bird's list order as the emulator keeps it (undocumented, assumed): newest first, ties by id. */
export function birdListOrder(recordings: BirdWireRecording[]): BirdWireRecording[] {
  return newestFirst(recordings, birdListTime, (r) => r.id);
}

/**
 * `count` bulk recordings (SandboxStartOptions.recordingsPerVendor): available recordings
 * of calls and conferences over the past ~6 months (src/sandbox/bulk-seed.ts), created a
 * second before they start.
 */
function bulkBird(seed: number, count: number): BirdWireRecording[] {
  const { rng, slots } = bulkSlots(seed, count, 0xb12d);
  const recordings: BirdWireRecording[] = [];
  let source: BirdSource = 'call';
  let sourceId = '';
  let channelId = '';
  for (const slot of slots) {
    if (slot.opensSession) {
      source = rng.int(1, 3) === 1 ? 'conference' : 'call';
      sourceId = rng.uuid();
      channelId = rng.uuid();
    }
    const start = slot.startMs;
    const duration = rng.int(20, 1_800);
    const iso = (ms: number) => new Date(ms).toISOString();
    recordings.push({
      id: rng.uuid(),
      source,
      sourceId,
      status: rng.int(1, 25) === 1 ? 'completed' : 'available',
      origin: 'create-call',
      ...(source === 'call' ? { channelId, direction: rng.pick(['incoming', 'outgoing']) } : { conferenceId: sourceId }),
      duration,
      format: 'mp3',
      stereo: rng.int(0, 1) === 1,
      transcription: false,
      createdAt: iso(start - 1_000),
      updatedAt: iso(start + duration * 1000 + 1_000),
      startedAt: iso(start),
      endedAt: iso(start + duration * 1000),
    });
  }
  return recordings;
}

/**
 * Deterministic demo data: 24 recordings over 8 sessions (5 calls, 3 conferences), each of
 * the seven documented statuses, unfinished recordings with the zero-time `endedAt` and
 * no `duration`, conference recordings without the call-only optional fields (channelId,
 * direction, originator, receiver), mono and stereo, both origins, and one available
 * recording whose media redirect comes without a Location; plus `recordingsPerVendor` bulk
 * recordings. Listed newest first.
 */
export function seedBird(seed = 1, options: SeedOptions = {}, count = 24): BirdDataset {
  const rng = new SeedRandom(seed);
  const sessions = Array.from({ length: Math.max(1, Math.ceil(count / 3)) }, (_, i) => ({
    source: (i % 8 < 5 ? 'call' : 'conference') as BirdSource,
    sourceId: rng.uuid(),
    channelId: rng.uuid(),
    start: SANDBOX_EPOCH - (i + 1) * 86_400_000 - rng.int(0, 3_600) * 1000,
  }));
  const recordings: BirdWireRecording[] = [];
  const extras = new Map<string, BirdRecordingExtras>();
  for (let i = 0; i < count; i++) {
    const session = sessions[i % sessions.length];
    const status = i < BIRD_STATUSES.length ? BIRD_STATUSES[i] : 'available';
    const unfinished = UNFINISHED.includes(status);
    const id = rng.uuid();
    const start = session.start + Math.floor(i / sessions.length) * 600_000;
    const duration = rng.int(20, 1_800);
    const iso = (ms: number) => new Date(ms).toISOString();
    const isCall = session.source === 'call';
    recordings.push({
      id,
      source: session.source,
      sourceId: session.sourceId,
      status,
      origin: i % 4 === 3 ? 'call-command-record' : 'create-call',
      ...(isCall
        ? {
            channelId: session.channelId,
            direction: i % 2 === 0 ? ('outgoing' as const) : ('incoming' as const),
            originator: { number: phone(rng, 'NL', '3197') },
            receiver: {
              contact: { id: rng.uuid(), identifierKey: 'phonenumber', identifierValue: `+351${rng.token(9, '0123456789')}` },
              number: phone(rng, 'PT', '351'),
            },
          }
        : { conferenceId: session.sourceId }),
      ...(unfinished ? {} : { duration }),
      format: 'mp3',
      stereo: i % 3 === 0,
      transcription: i % 5 === 0,
      createdAt: iso(start - 1_000),
      updatedAt: iso(unfinished ? start : start + duration * 1000 + 1_000),
      startedAt: status === 'accepted' ? BIRD_ZERO_TIME : iso(start),
      endedAt: unfinished ? BIRD_ZERO_TIME : iso(start + duration * 1000),
    });
    extras.set(id, { omitLocation: i === NO_LOCATION_INDEX });
  }
  recordings.push(...bulkBird(seed, options.recordingsPerVendor ?? 0));
  return { recordings: birdListOrder(recordings), extras };
}
