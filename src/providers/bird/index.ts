import { BIRD_DEFAULTS, BIRD_RATE_CLASSES, type BirdConfig } from './bird.config';
import { defineVendor, webhookSecret } from '../vendor-module';
import { birdWebhook } from './bird.webhook';
import { expectSegments, UUID, uuidRule } from '../../ids/segment-rules';
import type { RecordingProvider } from '../recording-provider';
import type { CallContext } from '../../domain/call-context';
import { byGroup, eachKey } from '../shared/batch';
import { collectPages } from '../shared/collect-pages';
import { memoCall } from '../shared/memo';
import type { ProviderDeps } from '../shared/provider-deps';
import type { BirdRecording } from './bird.api-types';
import { BirdClient } from './bird.client';
import { createBirdListing } from './bird.listing';
import { birdSessionRef, mapBirdAccessLink, mapBirdRecording, mapBirdSession } from './bird.mapper';

/** Recording, call and conference ids are all UUIDs (docs/vendors/bird.md#ids). */
const RECORDING_ID = uuidRule('recording id');
const SOURCE = { name: 'source (call or conference)', pattern: /^(call|conference)$/, literal: true };
const SOURCE_ID = uuidRule('call or conference id');

/**
 * Bird (workspace Voice API): no batch endpoint by id, so recordings and links are one GET
 * each (concurrent, bounded by the pool). A session is a call or a conference: one paged
 * list by `sourceId` per id serves both session kinds asked for with that id, memoized per
 * request (docs/vendors/bird.md#endpoints).
 */
export function createBirdProvider(config: BirdConfig, deps: ProviderDeps = {}): RecordingProvider {
  const client = new BirdClient(config, deps.rateStoreFor?.('bird'));
  const now = deps.now ?? Date.now;

  const listSource = (sourceId: string, ctx: CallContext): Promise<BirdRecording[]> =>
    collectPages('bird', client.recordingPages({ sourceId }, ctx), ctx, { idOf: (r) => r.id });

  /** The media redirect needs only the recording's id: memoized per request, so a prefetch and the later load share one call. */
  function mediaRedirect(id: string, ctx: CallContext) {
    return memoCall(ctx, `bird:media:${id}`, () => client.getMediaRedirect(id, ctx));
  }

  return {
    name: 'bird',

    validateKey(type, segments, issued) {
      if (type === 'Recording') expectSegments('bird', type, segments, [[RECORDING_ID]], issued);
      else expectSegments('bird', type, segments, [[SOURCE, SOURCE_ID]], issued);
    },

    getRecordings(keys, ctx) {
      return eachKey(keys, async ([id]) => mapBirdRecording(await client.getRecording(id, ctx)));
    },

    getSessions(keys, ctx) {
      return byGroup(
        keys,
        ([, sourceId]) => sourceId,
        (sourceId) => sourceId,
        (sourceId) => memoCall(ctx, `bird:source:${sourceId}`, () => listSource(sourceId, ctx)),
        (recordings, [source, sourceId]) => mapBirdSession(source, sourceId, recordings),
      );
    },

    getAccessLinks(requests, ctx) {
      // validForSecs cannot be passed on: Bird's presigned lifetime is fixed (~600 s), so
      // the link reports the expiry Bird actually granted.
      return eachKey(requests, async ({ recording }) => mapBirdAccessLink(await mediaRedirect(recording.nativeId, ctx), now()));
    },

    prefetchAccessLinks(requests, ctx) {
      // A recording's nativeId is its one key segment (mapBirdRecording); the validity is Bird's own.
      for (const { key } of requests) mediaRedirect(key[0], ctx).catch(() => undefined);
    },

    sessionRef: birdSessionRef,

    ...createBirdListing({ client }),

    circuitState: () => client.circuitState(),

    close: () => client.close(),
  };
}

/** Bird: its variables, secrets, defaults and webhook receiver, and its adapter. */
export const bird = defineVendor({
  name: 'bird',
  defaults: BIRD_DEFAULTS,
  rateClasses: BIRD_RATE_CLASSES,
  credentials: [
    { field: 'accessKey', variable: 'BIRD_ACCESS_KEY', description: 'Bird access key (enables Bird with the workspace id)', secret: true },
    {
      field: 'workspaceId',
      variable: 'BIRD_WORKSPACE_ID',
      description: 'Bird workspace id (a UUID)',
      valid: UUID,
      invalid: 'must be the workspace id, a UUID.',
    },
  ],
  url: { variable: 'BIRD_API_URL', description: 'Bird base URL' },
  toConfig: ({ common, values: { accessKey, workspaceId } }): BirdConfig => ({ ...common, accessKey, workspaceId }),
  webhook: webhookSecret(
    {
      field: 'signingKey',
      variable: 'BIRD_WEBHOOK_SIGNING_KEY',
      description: 'The `signingKey` of the Bird webhook subscription; enables POST /webhooks/bird',
    },
    birdWebhook,
  ),
  accountMaterial: (config) => [config.accessKey, config.workspaceId],
  create: createBirdProvider,
});
