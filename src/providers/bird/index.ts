import type { BirdConfig } from '../../config/config.types';
import { badResponse } from '../../errors/provider-error';
import { expectSegments, uuidRule } from '../../ids/segment-rules';
import type { CallContext, RecordingProvider } from '../recording-provider';
import { byGroup, eachKey } from '../shared/batch';
import { memoCall } from '../shared/memo';
import type { ProviderDeps } from '../shared/provider-deps';
import type { BirdRecording } from './bird.api-types';
import { BIRD_LIST_LIMIT, BirdClient } from './bird.client';
import { mapBirdAccessLink, mapBirdRecording, mapBirdSession } from './bird.mapper';

/** Recording, call and conference ids are all UUIDs (providers.md §4, "IDs"). */
const RECORDING_ID = uuidRule('recording id');
const SOURCE = { name: 'source (call or conference)', pattern: /^(call|conference)$/ };
const SOURCE_ID = uuidRule('call or conference id');

/**
 * Bird (workspace Voice API): no batch endpoint by id, so recordings and links are one GET
 * each (concurrent, bounded by the pool). A session is a call or a conference: one paged
 * list by `sourceId` per id serves both session kinds asked for with that id, memoized per
 * request (providers.md §4, §6.1).
 */
export function createBirdProvider(config: BirdConfig, deps: ProviderDeps = {}): RecordingProvider {
  const client = new BirdClient(config);
  const now = deps.now ?? Date.now;

  async function listSource(sourceId: string, ctx: CallContext): Promise<BirdRecording[]> {
    const all: BirdRecording[] = [];
    const seen = new Set<string>();
    let pageToken: string | undefined;
    for (;;) {
      const page = await client.listRecordings({ sourceId, limit: BIRD_LIST_LIMIT, pageToken }, ctx);
      all.push(...(page.results ?? []));
      // Envelope inferred (see BirdRecordingListSchema): no token or '' is the last page.
      const next = page.nextPageToken;
      if (!next) return all;
      // A token seen before would loop for ever: the vendor's paging is broken.
      if (seen.has(next)) throw badResponse('bird', 'recording list repeats a nextPageToken');
      seen.add(next);
      pageToken = next;
    }
  }

  return {
    name: 'bird',

    validateKey(type, segments) {
      if (type === 'Recording') expectSegments('bird', type, segments, [[RECORDING_ID]]);
      else expectSegments('bird', type, segments, [[SOURCE, SOURCE_ID]]);
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
      return eachKey(requests, async ({ recording }) => mapBirdAccessLink(await client.getMediaRedirect(recording.nativeId, ctx), now()));
    },

    // PLACEHOLDER (issue 5, in progress on a branch): replaced by the vendor's listing.
    listRecordings: () => Promise.reject(new Error('listing is not built yet')),

    circuitState: () => client.circuitState(),

    close: () => client.close(),
  };
}
