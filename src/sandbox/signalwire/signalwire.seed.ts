import { bulkSlots } from '../bulk-seed';
import { newestFirst } from '../list-order';
import { SANDBOX_EPOCH, SeedRandom } from '../seed-random';
import type { SeedOptions } from '../vendor-sandbox';
import {
  SIGNALWIRE_SDK_ONLY_STATUSES,
  SIGNALWIRE_SOURCES,
  SIGNALWIRE_SPEC_STATUSES,
  type SignalWireWireRecording,
} from './signalwire.wire';

/**
 * RFC 2822 in UTC as SignalWire writes times (`Tue, 25 Sep 2018 23:00:00 +0000`, core.tsp):
 * toUTCString has the same fields with `GMT`.
 */
export function rfc2822(ms: number): string {
  return new Date(ms).toUTCString().replace(/GMT$/, '+0000');
}

export const SIGNALWIRE_SANDBOX_PROJECT_ID = '720796a0-8ee9-4350-83bd-2d07a3121f1e';

export interface SignalWireDataset {
  /** Newest first, as SignalWire lists them (core/paging.mdx). */
  recordings: SignalWireWireRecording[];
}

/** Every status of the REST spec and the SDK enum but `completed` (most of the rest), plus one neither documents. */
const STATUSES: ReadonlyArray<(typeof SIGNALWIRE_SPEC_STATUSES)[number] | (typeof SIGNALWIRE_SDK_ONLY_STATUSES)[number] | 'transcoding'> = [
  'queued',
  'in-progress',
  'paused',
  'resumed',
  'stopped',
  'processing',
  'absent',
  'deleted',
  'transcoding',
];

/** What a recording's body is made of, in the seed. */
export interface RecordingFacts {
  sid: string;
  projectId: string;
  /** The call's or the conference's sid. */
  sessionSid: string;
  conference: boolean;
  channels: '1' | '2';
  created: number;
  start: number;
  duration: number;
  status: string;
  /** Whether it has an end time yet. */
  ended: boolean;
  source: (typeof SIGNALWIRE_SOURCES)[number];
}

/** A recording `.json` body as the spec shapes it (recordings/models/core.tsp). */
export function recordingBody(r: RecordingFacts): SignalWireWireRecording {
  const base = `/api/laml/2010-04-01/Accounts/${r.projectId}/Recordings/${r.sid}`;
  return {
    sid: r.sid,
    account_sid: r.projectId,
    api_version: '2010-04-01',
    call_sid: r.conference ? null : r.sessionSid,
    conference_sid: r.conference ? r.sessionSid : null,
    channel: r.channels,
    channels: r.channels,
    date_created: rfc2822(r.created),
    date_updated: rfc2822(r.start + (r.duration + 4) * 1000),
    // Nullable (core.tsp): a queued recording has not started.
    start_time: r.status === 'queued' ? null : rfc2822(r.start),
    end_time: r.ended ? rfc2822(r.start + r.duration * 1000) : null,
    duration: r.duration,
    price: r.status === 'completed' ? '-0.0025' : null,
    price_unit: 'USD',
    source: r.source,
    status: r.status,
    error_code: r.status === 'absent' ? '13617' : null,
    uri: `${base}.json`,
    subresource_uris: { transcriptions: `${base}/Transcriptions.json` },
    encryption_details: null,
    trim: 'do-not-trim',
  };
}

/** SignalWire's documented list order: creation date, newest first (core/paging.mdx); ties by sid. */
export function signalWireListOrder(recordings: SignalWireWireRecording[]): SignalWireWireRecording[] {
  return newestFirst(
    recordings,
    (r) => Date.parse(r.date_created),
    (r) => r.sid,
  );
}

/**
 * `count` bulk recordings (SandboxStartOptions.recordingsPerVendor) over calls and
 * conferences of the past ~6 months (src/sandbox/bulk-seed.ts). Each starts 0 to 15 s
 * after it was created, the same lag for the same creation time, so that creation order
 * (SignalWire's) and start order (the timeline's) agree while a lower date bound on
 * creation, pushed down as it is, would drop some recordings.
 */
function bulkSignalWire(seed: number, count: number, projectId: string): SignalWireWireRecording[] {
  const { rng, slots } = bulkSlots(seed, count, 0x5161);
  const recordings: SignalWireWireRecording[] = [];
  let conference = false;
  let sessionSid = '';
  for (const slot of slots) {
    if (slot.opensSession) {
      conference = rng.int(1, 3) === 1;
      sessionSid = rng.uuid();
    }
    const sid = rng.uuid();
    const created = slot.startMs;
    const start = created + ((created / 30_000) % 4) * 5_000;
    const status = rng.int(1, 25) === 1 ? 'absent' : 'completed';
    const duration = status === 'absent' ? 0 : rng.int(4, 1_800);
    recordings.push(
      recordingBody({
        sid,
        projectId,
        sessionSid,
        conference,
        channels: '1',
        created,
        start,
        duration,
        status,
        ended: true,
        source: conference ? 'StartConferenceRecording' : 'StartCallRecordingApi',
      }),
    );
  }
  return recordings;
}

/**
 * Deterministic demo data: 24 recordings over 5 calls and 3 conferences, every status
 * value from the spec and the SDK plus an undocumented one, mostly `completed`; plus
 * `recordingsPerVendor` bulk recordings.
 */
export function seedSignalWire(
  seed = 1,
  options: SeedOptions = {},
  count = 24,
  projectId = SIGNALWIRE_SANDBOX_PROJECT_ID,
): SignalWireDataset {
  const rng = new SeedRandom(seed);
  const sessions = Array.from({ length: 8 }, (_, i) => ({
    conference: i >= 5,
    sid: rng.uuid(),
    start: SANDBOX_EPOCH - (i + 1) * 7_200_000 - rng.int(0, 600) * 1000,
  }));
  const recordings: SignalWireWireRecording[] = [];
  for (let i = 0; i < count; i++) {
    const session = sessions[i % sessions.length];
    const sid = rng.uuid();
    const start = session.start + Math.floor(i / sessions.length) * 90_000;
    const status = i < STATUSES.length ? STATUSES[i] : 'completed';
    const duration = status === 'queued' ? 0 : rng.int(4, 1_800);
    const channels = rng.int(1, 2) === 1 ? '1' : '2';
    const source = session.conference ? 'StartConferenceRecording' : rng.pick(SIGNALWIRE_SOURCES);
    const ended = status !== 'queued' && status !== 'in-progress';
    recordings.push(
      recordingBody({
        sid,
        projectId,
        sessionSid: session.sid,
        conference: session.conference,
        channels,
        created: start,
        start,
        duration,
        status,
        ended,
        source,
      }),
    );
  }
  recordings.push(...bulkSignalWire(seed, options.recordingsPerVendor ?? 0, projectId));
  return { recordings: signalWireListOrder(recordings) };
}
