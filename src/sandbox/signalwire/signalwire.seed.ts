import type { SignalWireRecording } from '../../providers/signalwire/signalwire.api-types';
import { parseDate, toRfc2822 } from '../../providers/shared/times';
import { bulkSlots } from '../bulk-seed';
import { newestFirst } from '../list-order';
import { SANDBOX_EPOCH, SeedRandom } from '../seed-random';
import type { SeedOptions } from '../vendor-sandbox';

export const SIGNALWIRE_SANDBOX_PROJECT_ID = '720796a0-8ee9-4350-83bd-2d07a3121f1e';

export interface SignalWireDataset {
  /** Newest first, as SignalWire lists them (core/paging.mdx). */
  recordings: SignalWireRecording[];
}

/** Every status of the REST spec and the SDK enum, plus one neither documents. */
const STATUSES = ['queued', 'in-progress', 'paused', 'resumed', 'stopped', 'processing', 'absent', 'deleted', 'transcoding'];


const SOURCES = ['DialVerb', 'Conference', 'OutBoundApi', 'Trunking', 'RecordVerb', 'StartCallRecordingApi', 'StartConferenceRecording'];

/** SignalWire's documented list order: creation date, newest first (core/paging.mdx); ties by sid. */
export function signalWireListOrder(recordings: SignalWireRecording[]): SignalWireRecording[] {
  return newestFirst(recordings, (r) => parseDate(r.date_created)?.getTime() ?? null, (r) => r.sid);
}

/**
 * `count` bulk recordings (SandboxStartOptions.recordingsPerVendor) over calls and
 * conferences of the past ~6 months (src/sandbox/bulk-seed.ts). Each starts 0 to 15 s
 * after it was created, the same lag for the same creation time, so that creation order
 * (SignalWire's) and start order (the timeline's) agree while a lower date bound on
 * creation, pushed down as it is, would drop some recordings.
 */
function bulkSignalWire(seed: number, count: number, projectId: string): SignalWireRecording[] {
  const { rng, slots } = bulkSlots(seed, count, 0x5161);
  const recordings: SignalWireRecording[] = [];
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
    const base = `/api/laml/2010-04-01/Accounts/${projectId}/Recordings/${sid}`;
    recordings.push({
      sid,
      account_sid: projectId,
      api_version: '2010-04-01',
      call_sid: conference ? null : sessionSid,
      conference_sid: conference ? sessionSid : null,
      channel: '1',
      channels: '1',
      date_created: toRfc2822(created),
      date_updated: toRfc2822(start + (duration + 4) * 1000),
      start_time: toRfc2822(start),
      end_time: toRfc2822(start + duration * 1000),
      duration,
      price: status === 'completed' ? '-0.0025' : null,
      price_unit: 'USD',
      source: conference ? 'StartConferenceRecording' : 'StartCallRecordingApi',
      status,
      error_code: status === 'absent' ? '13617' : null,
      uri: `${base}.json`,
      subresource_uris: { transcriptions: `${base}/Transcriptions.json` },
      encryption_details: null,
      trim: 'do-not-trim',
    });
  }
  return recordings;
}

/**
 * Deterministic demo data: 24 recordings over 5 calls and 3 conferences, every status
 * value from the spec and the SDK plus an undocumented one, mostly `completed`; plus
 * `recordingsPerVendor` bulk recordings.
 */
export function seedSignalWire(seed = 1, options: SeedOptions = {}, count = 24, projectId = SIGNALWIRE_SANDBOX_PROJECT_ID): SignalWireDataset {
  const rng = new SeedRandom(seed);
  const sessions = Array.from({ length: 8 }, (_, i) => ({ conference: i >= 5, sid: rng.uuid(), start: SANDBOX_EPOCH - (i + 1) * 7_200_000 - rng.int(0, 600) * 1000 }));
  const recordings: SignalWireRecording[] = [];
  for (let i = 0; i < count; i++) {
    const session = sessions[i % sessions.length];
    const sid = rng.uuid();
    const start = session.start + Math.floor(i / sessions.length) * 90_000;
    const status = i < STATUSES.length ? STATUSES[i] : 'completed';
    const duration = status === 'queued' ? 0 : rng.int(4, 1_800);
    const channels = String(rng.int(1, 2));
    const base = `/api/laml/2010-04-01/Accounts/${projectId}/Recordings/${sid}`;
    recordings.push({
      sid,
      account_sid: projectId,
      api_version: '2010-04-01',
      call_sid: session.conference ? null : session.sid,
      conference_sid: session.conference ? session.sid : null,
      channel: channels,
      channels,
      date_created: toRfc2822(start),
      date_updated: toRfc2822(start + (duration + 4) * 1000),
      start_time: toRfc2822(start),
      end_time: status === 'queued' || status === 'in-progress' ? null : toRfc2822(start + duration * 1000),
      duration,
      price: status === 'completed' ? '-0.0025' : null,
      price_unit: 'USD',
      source: session.conference ? 'StartConferenceRecording' : rng.pick(SOURCES),
      status,
      error_code: status === 'absent' ? '13617' : null,
      uri: `${base}.json`,
      subresource_uris: { transcriptions: `${base}/Transcriptions.json` },
      encryption_details: null,
      trim: 'do-not-trim',
    });
  }
  recordings.push(...bulkSignalWire(seed, options.recordingsPerVendor ?? 0, projectId));
  return { recordings: signalWireListOrder(recordings) };
}
