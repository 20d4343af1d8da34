import { bulkInstants, bulkSessionSizes, bulkStream } from '../bulk-seed';
import { newestFirst } from '../list-order';
import { SANDBOX_EPOCH, SeedRandom } from '../seed-random';
import type { SandboxStartOptions } from '../vendor-sandbox';
import type {
  CloudflareStatus,
  CloudflareWireMeeting,
  CloudflareWireRecording,
  CloudflareWireSession,
  CloudflareWireStorageConfig,
} from './cloudflare.wire';

/**
 * The write-only fields of `storage_config` (SDK: "only writeable by clients, not
 * readable"). The emulator stores them, as Cloudflare would, and never sends them.
 */
export interface CloudflareWriteOnlySecrets {
  access_key?: string;
  secret?: string;
  password?: string;
  private_key?: string;
}

/** A recording as the emulator keeps it: the wire body plus its meeting and stored secrets. */
export interface CloudflareStoredRecording extends Omit<CloudflareWireRecording, 'storage_config'> {
  meeting_id: string;
  storage_config: (CloudflareWireStorageConfig & CloudflareWriteOnlySecrets) | null;
  /** Emulator-only: send the write-only secrets back, as a vendor that echoes them would (see ECHOED_SECRET_PREFIX). */
  echoes_write_only?: true;
}

/**
 * Defensive: the SDK documents the storage_config secrets as write-only, so Cloudflare
 * should never send them. One demo recording has its emulator echo them anyway, with
 * values starting with this prefix, so the tests prove such a vendor leaks nothing.
 */
export const ECHOED_SECRET_PREFIX = 'SANDBOX-ECHOED-';

/** The write-only secrets a stored recording holds (for tests that scan for them). */
export function writeOnlySecrets(rec: CloudflareStoredRecording): string[] {
  const s = rec.storage_config;
  return s ? [s.access_key, s.secret, s.password, s.private_key].filter((v): v is string => !!v) : [];
}

export interface CloudflareDataset {
  meetings: CloudflareWireMeeting[];
  sessions: CloudflareWireSession[];
  /** Newest first, as the list's default order is assumed to be. */
  recordings: CloudflareStoredRecording[];
}

const TITLES = ['Weekly sync', 'Customer onboarding', 'Board review', 'Design crit'];

/** Where a recording went: a storage_config (or none: R2 only) and whether R2 got a copy. */
interface Destination {
  storage: CloudflareStoredRecording['storage_config'];
  r2: boolean;
}

function destinations(rng: SeedRandom): Destination[] {
  const secret = () => `SANDBOX-SECRET-${rng.token(16)}`;
  return [
    { storage: null, r2: true },
    {
      storage: {
        type: 'aws',
        bucket: 'rg-demo-recordings',
        region: 'us-east-1',
        path: 'realtimekit/',
        access_key: secret(),
        secret: secret(),
      },
      r2: true,
    },
    { storage: { type: 'azure', bucket: 'rgdemocontainer', path: 'meetings/' }, r2: false },
    { storage: { type: 'gcs', bucket: 'rg-demo-gcs', path: 'rtk', secret: secret() }, r2: true },
    { storage: { type: 'digitalocean', bucket: 'rg-demo-spaces', region: 'fra1', access_key: secret(), secret: secret() }, r2: false },
    {
      storage: {
        type: 'sftp',
        host: 'sftp.example.com',
        port: 22,
        username: 'recorder',
        path: '/upload',
        auth_method: 'KEY',
        private_key: secret(),
        password: secret(),
      },
      r2: false,
    },
    {
      storage: {
        type: 'sftp',
        host: 'files.example.org',
        port: 2222,
        username: 'rtk',
        path: '/in',
        auth_method: 'PASSWORD',
        password: secret(),
      },
      r2: true,
    },
  ];
}

const iso = (ms: number): string => new Date(ms).toISOString();
const SEVEN_DAYS_MS = 7 * 86_400_000;

/**
 * Deterministic demo data: 4 meetings, 9 sessions (one LIVE, one without recordings), 26
 * recordings with every status of the SDK's enum (none invented), storage
 * of every kind (sftp by KEY and by PASSWORD, some holding write-only secrets), recordings
 * without `download_url` (RealtimeKit bucket disabled) and links expiring 7 days after
 * `stopped_time`, some already past at SANDBOX_EPOCH, one recording without a session, and
 * one whose emulator echoes its write-only storage secrets (echoingRecording).
 * `recordingsPerVendor` adds that many bulk recordings (bulkRecordings below).
 */
export function seedCloudflare(seed = 1, options: Pick<SandboxStartOptions, 'recordingsPerVendor'> = {}): CloudflareDataset {
  const rng = new SeedRandom(seed);
  const meetings: CloudflareWireMeeting[] = TITLES.map((title, i) => ({
    id: rng.uuid(),
    title,
    status: i === 3 ? 'INACTIVE' : 'ACTIVE',
    created_at: iso(SANDBOX_EPOCH - (30 + i) * 86_400_000),
    updated_at: iso(SANDBOX_EPOCH - i * 86_400_000),
    record_on_start: i % 2 === 0,
  }));
  const organization = rng.token(32, '0123456789abcdef');
  const sessions: CloudflareWireSession[] = [];
  const sessionStarts: number[] = [];
  for (let s = 0; s < 9; s++) {
    const meeting = meetings[s % meetings.length];
    const start = SANDBOX_EPOCH - 1_800_000 - s * 20 * 3_600_000 - rng.int(0, 600) * 1000;
    const live = s === 0;
    sessionStarts.push(start);
    sessions.push({
      id: rng.uuid(),
      associated_id: meeting.id,
      meeting_display_name: meeting.title,
      created_at: iso(start - 60_000),
      started_at: iso(start - 60_000),
      ...(live ? {} : { ended_at: iso(start + 4_500_000) }),
      updated_at: iso(live ? SANDBOX_EPOCH : start + 4_500_000),
      status: live ? 'LIVE' : 'ENDED',
      type: 'meeting',
      live_participants: live ? rng.int(2, 8) : 0,
      max_concurrent_participants: rng.int(2, 12),
      minutes_consumed: rng.int(10, 400),
      organization_id: organization,
    });
  }
  const dests = destinations(rng);
  const recordings: CloudflareStoredRecording[] = [];
  // Sessions 0..7 get three recordings each; session 8 has none.
  const STATUSES_OF: Record<number, CloudflareStatus[]> = {
    0: ['INVOKED', 'RECORDING', 'PAUSED'],
    1: ['UPLOADING', 'ERRORED', 'UPLOADING'],
  };
  for (let s = 0; s < 8; s++) {
    const session = sessions[s];
    for (let j = 0; j < 3; j++) {
      const i = s * 3 + j;
      const status = STATUSES_OF[s]?.[j] ?? 'UPLOADED';
      recordings.push(
        recording(rng, i, status, session.associated_id, session.id, sessionStarts[s] + j * 600_000, dests[i % dests.length]),
      );
    }
  }
  // A recording invoked before any session began: RealtimeKit gives it no session_id.
  recordings.push(recording(rng, 24, 'ERRORED', meetings[0].id, null, SANDBOX_EPOCH - 10 * 86_400_000, dests[0]));
  // Drawn after every other demo value, so the ids above (docs/sandbox.md's) stay as they were.
  recordings.push(echoingRecording(rng, sessions[7], sessionStarts[7] + 3 * 600_000));
  addBulk(seed, options.recordingsPerVendor ?? 0, { meetings, sessions, recordings }, organization);
  // The emulator's own order (newest invoked first, ties by id). No two seeded recordings
  // share an invoked time (the demo's are minutes apart and younger than 11 days, the bulk's
  // strictly older and apart), so the id never decides here.
  newestFirst(
    recordings,
    (r) => Date.parse(r.invoked_time ?? ''),
    (r) => r.id,
  );
  return { meetings, sessions, recordings };
}

/** A finished SFTP recording whose storage_config carries every write-only field, echoed on the wire. */
function echoingRecording(rng: SeedRandom, session: CloudflareWireSession, invoked: number): CloudflareStoredRecording {
  const value = (field: string) => `${ECHOED_SECRET_PREFIX}${field}-${rng.token(16)}`;
  const storage: CloudflareWireStorageConfig & CloudflareWriteOnlySecrets = {
    type: 'sftp',
    host: 'echo.example.net',
    port: 22,
    username: 'echo',
    path: '/echoed',
    auth_method: 'KEY',
    access_key: value('ACCESS-KEY'),
    secret: value('SECRET'),
    password: value('PASSWORD'),
    private_key: value('PRIVATE-KEY'),
  };
  return { ...recording(rng, 25, 'UPLOADED', session.associated_id, session.id, invoked, { storage, r2: true }), echoes_write_only: true };
}

/** Mostly finished recordings, a few failed or still uploading: enough for status filters to matter. */
const BULK_STATUSES: CloudflareStatus[] = [
  'UPLOADED',
  'UPLOADED',
  'UPLOADED',
  'UPLOADED',
  'UPLOADED',
  'UPLOADED',
  'UPLOADED',
  'ERRORED',
  'UPLOADING',
  'PAUSED',
];
const BULK_MEETINGS = 12;

/**
 * `count` more recordings (the benchmark's bulk timeline) in 12 more meetings, 1 to 5 per
 * ended session, invoked over the past six months (bulk-seed.ts). Their own random stream,
 * so the demo data is the same whatever the count.
 */
function addBulk(seed: number, count: number, data: CloudflareDataset, organization: string): void {
  if (count <= 0) return;
  const rng = bulkStream(seed, 15_485_863);
  const meetings = Array.from({ length: BULK_MEETINGS }, (_, i): CloudflareWireMeeting => ({
    id: rng.uuid(),
    title: `${TITLES[i % TITLES.length]} (archive ${i + 1})`,
    status: 'ACTIVE',
    created_at: iso(SANDBOX_EPOCH - 200 * 86_400_000),
    updated_at: iso(SANDBOX_EPOCH - 11 * 86_400_000),
    record_on_start: i % 2 === 0,
  }));
  data.meetings.push(...meetings);
  const dests = destinations(rng);
  const perSession = bulkSessionSizes(rng, count, 5);
  const invoked = bulkInstants(rng, count);
  let n = 0;
  perSession.forEach((size, s) => {
    const meeting = meetings[s % meetings.length];
    // The session's recordings are the next `size` instants, oldest first inside it.
    const first = invoked[n + size - 1];
    const session: CloudflareWireSession = {
      id: rng.uuid(),
      associated_id: meeting.id,
      meeting_display_name: meeting.title,
      created_at: iso(first - 60_000),
      started_at: iso(first - 60_000),
      ended_at: iso(invoked[n] + 3_600_000),
      updated_at: iso(invoked[n] + 3_600_000),
      status: 'ENDED',
      type: 'meeting',
      live_participants: 0,
      max_concurrent_participants: rng.int(2, 12),
      minutes_consumed: rng.int(10, 400),
      organization_id: organization,
    };
    data.sessions.push(session);
    for (let j = 0; j < size; j++, n++) {
      // Indexes from 1000 on: the demo's special file names (9: .tar, 12: none) stay the demo's.
      data.recordings.push(recording(rng, 1_000 + n, rng.pick(BULK_STATUSES), meeting.id, session.id, invoked[n], dests[n % dests.length]));
    }
  });
}

function recording(
  rng: SeedRandom,
  i: number,
  status: CloudflareStatus,
  meetingId: string,
  sessionId: string | null,
  invoked: number,
  dest: Destination,
): CloudflareStoredRecording {
  const id = rng.uuid();
  const started = status === 'INVOKED' ? null : invoked + rng.int(2, 8) * 1000;
  const ran = status !== 'INVOKED' && status !== 'RECORDING' && status !== 'PAUSED';
  const duration = ran && started !== null && status !== 'ERRORED' ? rng.int(60, 1_800) : null;
  const stopped = ran && started !== null ? started + (duration ?? rng.int(5, 60)) * 1000 : null;
  const uploaded = status === 'UPLOADED';
  // Interactive recordings are .tar (recording-guide); one file name without an extension.
  const ext = i === 9 ? '.tar' : i === 12 ? '' : '.mp4';
  const name = `rtk-${id.slice(0, 8)}${ext}`;
  const withLink = uploaded && dest.r2;
  const audio = withLink && i % 4 === 1;
  return {
    id,
    meeting_id: meetingId,
    audio_download_url: audio
      ? `https://rtk-sandbox.r2.cloudflarestorage.com/recordings/${id}.mp3?X-Amz-Expires=604800&X-Amz-Signature=SANDBOX${i}`
      : null,
    download_url: withLink
      ? `https://rtk-sandbox.r2.cloudflarestorage.com/recordings/${name}?X-Amz-Expires=604800&X-Amz-Signature=SANDBOX${i}`
      : null,
    download_url_expiry: withLink && stopped !== null ? iso(stopped + SEVEN_DAYS_MS) : null,
    file_size: uploaded ? rng.int(500_000, 400_000_000) : null,
    invoked_time: iso(invoked),
    output_file_name: name,
    session_id: sessionId,
    started_time: started === null ? null : iso(started),
    status,
    stopped_time: stopped === null ? null : iso(stopped),
    ...(duration === null ? {} : { recording_duration: duration }),
    start_reason: i % 2 === 0 ? { reason: 'RECORD_ON_START' } : { reason: 'API_CALL', caller: { type: 'ORGANIZATION' } },
    ...(stopped === null ? {} : { stop_reason: { reason: status === 'ERRORED' ? 'INTERNAL_ERROR' : 'ALL_PEERS_LEFT' } }),
    storage_config: dest.storage,
  };
}
