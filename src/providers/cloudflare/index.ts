import type { CloudflareConfig } from '../../config/config.types';
import type { SessionData } from '../../domain/model';
import { expectSegments, uuidRule } from '../../ids/segment-rules';
import type { BatchResult, RecordingProvider } from '../recording-provider';
import type { CallContext } from '../../domain/call-context';
import { byGroup, eachKey } from '../shared/batch';
import { collectPages } from '../shared/collect-pages';
import { memoCall } from '../shared/memo';
import type { ProviderDeps } from '../shared/provider-deps';
import type { CloudflareRecording, CloudflareSession } from './cloudflare.api-types';
import { CLOUDFLARE_PER_PAGE, CloudflareClient } from './cloudflare.client';
import { createCloudflareListing } from './cloudflare.listing';
import { cloudflareSessionRef, mapCloudflareAccessLink, mapCloudflareRecording, mapCloudflareSession } from './cloudflare.mapper';

/** Recording and session ids are UUIDs (the API reference for get_one_recording). */
const RECORDING_ID = uuidRule('recording id');
const SESSION_ID = uuidRule('session id');

/**
 * Cloudflare RealtimeKit (docs/vendors/cloudflare.md#endpoints). No batch endpoint by id: one GET per recording.
 * A session is a meeting session; its key is the `session_id` every recording body carries.
 * Loading one takes two dependent calls: GET …/sessions/{id} gives the meeting
 * (`associated_id`) — its SDK type has no recordings despite the endpoint's description —
 * then the meeting's paged recording list (no `session_id` filter exists), kept to the
 * items of that session. One list per meeting serves all its sessions asked for.
 * Access links need no call: the recording body carries `download_url` and its expiry.
 */
export function createCloudflareProvider(config: CloudflareConfig, deps: ProviderDeps = {}): RecordingProvider {
  const client = new CloudflareClient(config, deps.rateStoreFor?.('cloudflare'));
  const now = deps.now ?? Date.now;

  const listMeeting = (meetingId: string, ctx: CallContext): Promise<CloudflareRecording[]> =>
    collectPages('cloudflare', client.recordingPages({ meeting_id: meetingId, per_page: CLOUDFLARE_PER_PAGE }, ctx), ctx, {
      idOf: (r) => r.id,
    });

  const sessionDetails = (id: string, ctx: CallContext): Promise<CloudflareSession> =>
    memoCall(ctx, `cloudflare:session:${id}`, () => client.getSession(id, ctx));

  const meetingRecordings = (meetingId: string, ctx: CallContext): Promise<CloudflareRecording[]> =>
    memoCall(ctx, `cloudflare:meeting:${meetingId}`, () => listMeeting(meetingId, ctx));

  return {
    name: 'cloudflare',

    validateKey(type, segments, issued) {
      expectSegments('cloudflare', type, segments, [[type === 'Recording' ? RECORDING_ID : SESSION_ID]], issued);
    },

    getRecordings(keys, ctx) {
      return eachKey(keys, async ([id]) => mapCloudflareRecording(await client.getRecording(id, ctx)));
    },

    async getSessions(keys, ctx) {
      const details = await eachKey(keys, ([id]) => sessionDetails(id, ctx));
      const found = details.flatMap((d, i) => (d && !(d instanceof Error) ? [{ i, session: d }] : []));
      const mapped = await byGroup(
        found,
        ({ session }) => session.associated_id,
        (meetingId) => meetingId,
        (meetingId) => meetingRecordings(meetingId, ctx),
        (recordings, { session }) => mapCloudflareSession(session, recordings),
      );
      const out: BatchResult<SessionData> = details.map((d) => (d instanceof Error ? d : null));
      found.forEach(({ i }, j) => {
        out[i] = mapped[j];
      });
      return out;
    },

    sessionRef: cloudflareSessionRef,

    getAccessLinks(requests) {
      // Zero calls: the link came with the recording (with an expiry, see knownLinkOf). A
      // link the mapper refuses fails only its own slot.
      return eachKey(requests, async ({ recording }) => (recording.knownLink ? mapCloudflareAccessLink(recording.knownLink, now()) : null));
    },

    ...createCloudflareListing({ client, sessionDetails }),

    circuitState: () => client.circuitState(),

    close: () => client.close(),
  };
}
