import type { SignalWireRecording } from '../../providers/signalwire/signalwire.api-types';
import { SANDBOX_EPOCH, SeedRandom } from '../seed-random';

export const SIGNALWIRE_SANDBOX_PROJECT_ID = '720796a0-8ee9-4350-83bd-2d07a3121f1e';

export interface SignalWireDataset {
  /** Newest first, as SignalWire lists them (core/paging.mdx). */
  recordings: SignalWireRecording[];
}

/** Every status of the REST spec and the SDK enum, plus one neither documents. */
const STATUSES = ['queued', 'in-progress', 'paused', 'resumed', 'stopped', 'processing', 'absent', 'deleted', 'transcoding'];

/** RFC 2822, as SignalWire sends times: `Tue, 25 Sep 2018 23:00:00 +0000`. */
export function rfc2822(ms: number): string {
  return new Date(ms).toUTCString().replace('GMT', '+0000');
}

const SOURCES = ['DialVerb', 'Conference', 'OutBoundApi', 'Trunking', 'RecordVerb', 'StartCallRecordingApi', 'StartConferenceRecording'];

/**
 * Deterministic demo data: 24 recordings over 5 calls and 3 conferences, every status
 * value from the spec and the SDK plus an undocumented one, mostly `completed`.
 */
export function seedSignalWire(seed = 1, count = 24, projectId = SIGNALWIRE_SANDBOX_PROJECT_ID): SignalWireDataset {
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
      date_created: rfc2822(start),
      date_updated: rfc2822(start + (duration + 4) * 1000),
      start_time: rfc2822(start),
      end_time: status === 'queued' || status === 'in-progress' ? null : rfc2822(start + duration * 1000),
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
  recordings.sort((a, b) => Date.parse(b.date_created!) - Date.parse(a.date_created!));
  return { recordings };
}
