import { createPublicKey } from 'node:crypto';
import { httpUrl, problem, str } from '../../config/env-readers';
import { CLOUDFLARE_DEFAULTS, CLOUDFLARE_RATE_CLASSES, type CloudflareConfig, type CloudflareWebhookConfig } from './cloudflare.config';
import { defineVendor } from '../vendor-module';
import { cloudflareWebhook } from './cloudflare.webhook';
import { cloudflareKeySource } from './cloudflare.webhook-key';
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

// account_id and app_id are at most 32 characters (docs/vendors/cloudflare.md#base-url-and-authentication); allow a margin, no dots or slashes.
const CLOUDFLARE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Whether `pem` is a public key (PEM). */
function isPublicKey(pem: string): boolean {
  try {
    createPublicKey(pem);
    return true;
  } catch {
    return false;
  }
}

/** Cloudflare RealtimeKit: its variables, secrets, defaults and webhook receiver, and its adapter. */
export const cloudflare = defineVendor({
  name: 'cloudflare',
  defaults: CLOUDFLARE_DEFAULTS,
  rateClasses: CLOUDFLARE_RATE_CLASSES,
  credentials: [
    {
      field: 'apiToken',
      variable: 'CLOUDFLARE_API_TOKEN',
      description: 'Cloudflare API token with Realtime permission (enables Cloudflare with the ids)',
      secret: true,
    },
    {
      field: 'accountId',
      variable: 'CLOUDFLARE_ACCOUNT_ID',
      description: 'Cloudflare account id',
      valid: CLOUDFLARE_ID,
      invalid: 'must be a Cloudflare account id.',
    },
    {
      field: 'appId',
      variable: 'CLOUDFLARE_APP_ID',
      description: 'RealtimeKit app id',
      valid: CLOUDFLARE_ID,
      invalid: 'must be a RealtimeKit app id.',
    },
  ],
  url: { variable: 'CLOUDFLARE_API_URL', description: 'Cloudflare base URL' },
  toConfig: ({ common, values: { apiToken, accountId, appId } }): CloudflareConfig => ({ ...common, apiToken, accountId, appId }),
  // A public key is no secret; either variable turns the receiver on, the PEM winning.
  webhook: {
    variables: [
      {
        field: 'publicKeyPem',
        variable: 'CLOUDFLARE_WEBHOOK_PUBLIC_KEY',
        description: 'RealtimeKit webhook public key (PEM); enables POST /webhooks/cloudflare without fetching the key',
      },
      {
        field: 'keyUrl',
        variable: 'CLOUDFLARE_WEBHOOK_KEY_URL',
        description:
          'Where to fetch the RealtimeKit webhook key (`data.publicKey`); setting it enables POST /webhooks/cloudflare. Typically `https://api.realtime.cloudflare.com/.well-known/webhooks.json`',
      },
    ],
    read: (env): CloudflareWebhookConfig | undefined => {
      const pem = str(env, 'CLOUDFLARE_WEBHOOK_PUBLIC_KEY')?.replace(/\\n/g, '\n');
      if (pem !== undefined) {
        if (!isPublicKey(pem)) {
          problem(env, 'CLOUDFLARE_WEBHOOK_PUBLIC_KEY', "must be a PEM public key (RealtimeKit's, from .well-known/webhooks.json).");
        }
        return { publicKeyPem: pem };
      }
      if (str(env, 'CLOUDFLARE_WEBHOOK_KEY_URL') === undefined) return undefined;
      return { keyUrl: httpUrl(env, 'CLOUDFLARE_WEBHOOK_KEY_URL', null) };
    },
    receiver: (settings) => cloudflareWebhook(cloudflareKeySource(settings)),
  },
  accountMaterial: (config) => [config.apiToken, config.accountId, config.appId],
  create: createCloudflareProvider,
});
