import { SIGNALWIRE_API_PATH, SIGNALWIRE_DEFAULTS, SIGNALWIRE_RATE_CLASSES, type SignalWireConfig } from './signalwire.config';
import { defineVendor, webhookSecret } from '../vendor-module';
import { signalWireWebhook } from './signalwire.webhook';
import { expectSegments, UUID, uuidRule } from '../../ids/segment-rules';
import type { RecordingProvider } from '../recording-provider';
import type { CallContext } from '../../domain/call-context';
import { byGroup, eachKey } from '../shared/batch';
import { collectPages } from '../shared/collect-pages';
import { memoCall } from '../shared/memo';
import type { ProviderDeps } from '../shared/provider-deps';
import type { SignalWireRecording } from './signalwire.api-types';
import { SignalWireClient } from './signalwire.client';
import { createSignalWireListing } from './signalwire.listing';
import { mapSignalWireAccessLink, mapSignalWireRecording, mapSignalWireSession, signalWireSessionRef } from './signalwire.mapper';

const SID = uuidRule('recording sid');
const CALL = { name: '"call"', pattern: /^call$/, literal: true };
const CONFERENCE = { name: '"conference"', pattern: /^conference$/, literal: true };

/**
 * SignalWire: no batch endpoint by sid, so one GET per recording. A session is a call or a
 * conference: one paged list filtered by `CallSid` or `ConferenceSid` per session. Both
 * filters live on the account list, which takes one date format (RFC 2822) for both; the
 * conference sub-list documents `YYYY-MM-DD`, so the one endpoint keeps things uniform.
 * Links need no call: the media URL is public (docs/vendors/signalwire.md#access-links).
 */
export function createSignalWireProvider(config: SignalWireConfig, deps: ProviderDeps = {}): RecordingProvider {
  const client = new SignalWireClient(config, deps.rateStoreFor?.('signalwire'));

  const listSession = (kind: string, sid: string, ctx: CallContext): Promise<SignalWireRecording[]> =>
    collectPages('signalwire', client.recordingPages(kind === 'conference' ? { ConferenceSid: sid } : { CallSid: sid }, ctx), ctx, {
      idOf: (r) => r.sid,
    });

  return {
    name: 'signalwire',

    validateKey(type, segments, issued) {
      if (type === 'Recording') expectSegments('signalwire', type, segments, [[SID]], issued);
      else
        expectSegments(
          'signalwire',
          type,
          segments,
          [
            [CALL, uuidRule('CallSid')],
            [CONFERENCE, uuidRule('ConferenceSid')],
          ],
          issued,
        );
    },

    getRecordings(keys, ctx) {
      return eachKey(keys, async ([sid]) => mapSignalWireRecording(await client.getRecording(sid, ctx), config.spaceUrl));
    },

    getSessions(keys, ctx) {
      return byGroup(
        keys,
        ([kind, sid]) => [kind, sid] as const,
        ([kind, sid]) => `${kind}/${sid}`,
        ([kind, sid]) => memoCall(ctx, `signalwire:${kind}:${sid}`, () => listSession(kind, sid, ctx)),
        (recordings, [kind, sid]) => mapSignalWireSession(kind, sid, recordings, config.spaceUrl),
      );
    },

    sessionRef: signalWireSessionRef,

    async getAccessLinks(requests) {
      return requests.map(({ recording }) => (recording.knownLink ? mapSignalWireAccessLink(recording.knownLink) : null));
    },

    ...createSignalWireListing({ client, spaceUrl: config.spaceUrl }),

    circuitState: () => client.circuitState(),

    close: () => client.close(),
  };
}

/** SignalWire: its variables, secrets, defaults and webhook receiver, and its adapter. */
export const signalwire = defineVendor({
  name: 'signalwire',
  defaults: SIGNALWIRE_DEFAULTS,
  rateClasses: SIGNALWIRE_RATE_CLASSES,
  credentials: [
    {
      field: 'projectId',
      variable: 'SIGNALWIRE_PROJECT_ID',
      description: 'SignalWire project id (enables SignalWire with the token)',
      valid: UUID,
      invalid: 'must be the project id, a UUID.',
    },
    { field: 'apiToken', variable: 'SIGNALWIRE_API_TOKEN', description: 'SignalWire API token with the Voice scope', secret: true },
  ],
  url: {
    variable: 'SIGNALWIRE_SPACE_URL',
    description: 'SignalWire space URL, e.g. https://example.signalwire.com (required with SignalWire)',
  },
  // The variable names the space; the Compatibility API lives under a path of it.
  toConfig: ({ common, values: { projectId, apiToken } }): SignalWireConfig => ({
    ...common,
    baseUrl: `${common.baseUrl}${SIGNALWIRE_API_PATH}`,
    spaceUrl: common.baseUrl,
    projectId,
    apiToken,
  }),
  webhook: webhookSecret(
    {
      field: 'signingKey',
      variable: 'SIGNALWIRE_SIGNING_KEY',
      description: 'SignalWire project Signing Key; enables POST /webhooks/signalwire',
    },
    signalWireWebhook,
  ),
  accountMaterial: (config) => [config.projectId, config.apiToken],
  create: createSignalWireProvider,
});
