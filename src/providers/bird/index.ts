import { z } from 'zod';
import type { BirdConfig } from '../../config/config.types';
import { badResponse } from '../../errors/provider-error';
import { expectSegments, uuidRule } from '../../ids/segment-rules';
import type { ListPage, ListPosition, ListQuery, RecordingProvider } from '../recording-provider';
import type { CallContext } from '../../domain/call-context';
import { byGroup, eachKey } from '../shared/batch';
import { collectPages } from '../shared/collect-pages';
import { pageOfRecordings, parsePosition, readPosition } from '../shared/listing';
import { memoCall } from '../shared/memo';
import type { ProviderDeps } from '../shared/provider-deps';
import type { BirdRecording } from './bird.api-types';
import { BIRD_LIST_LIMIT, BirdClient } from './bird.client';
import { birdListParams } from './bird.listing';
import { birdSessionRef, mapBirdAccessLink, mapBirdRecording, mapBirdSession } from './bird.mapper';

/** Recording, call and conference ids are all UUIDs (docs/vendors/bird.md#ids). */
const RECORDING_ID = uuidRule('recording id');
const SOURCE = { name: 'source (call or conference)', pattern: /^(call|conference)$/ };
const SOURCE_ID = uuidRule('call or conference id');

/** pageToken is at most 8000 characters (list-recordings OpenAPI). */
const MAX_PAGE_TOKEN = 8_000;

/**
 * A listing position: the token of a page (null for the first page of the filter), the
 * `limit` it was fetched with, and how much of it was consumed. A page is re-fetched with
 * its own limit; a fresh page (nothing consumed) takes the current one.
 */
const PositionSchema = z
  .strictObject({
    pageToken: z.string().min(1).max(MAX_PAGE_TOKEN).nullable(),
    limit: z.number().int().min(1).max(BIRD_LIST_LIMIT).optional(),
    taken: z.number().int().min(0).max(BIRD_LIST_LIMIT),
  })
  .refine((p) => p.taken === 0 || (p.limit !== undefined && p.taken <= p.limit));

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


  /**
   * One step of the timeline: one page of the recordings list, by the position's page
   * token (a re-fetch of the page an item came from, with the same limit) or the first
   * page of the filter. Bird documents no order (docs/vendors/bird.md#assumptions-where-the-docs-are-silent): we assume newest first,
   * by the same time its startAt/endAt filter on (start, or creation before the start),
   * which is our timeline; each page is sorted exactly. Statuses and the session's source
   * are checked locally. The `{results, nextPageToken}` envelope is inferred (api-types).
   */
  async function listTimeline({ filter, limit, after }: ListQuery, ctx: CallContext): Promise<ListPage> {
    const from = readPosition('bird', after, PositionSchema);
    const params = birdListParams(filter, from && from.taken > 0 ? from.limit! : limit);
    const pageToken = from?.pageToken ?? undefined;
    const page = await client.listRecordings({ ...params, pageToken }, ctx);
    const nextToken = page.nextPageToken || null;
    if (nextToken !== null && (nextToken === pageToken || nextToken.length > MAX_PAGE_TOKEN)) throw badResponse('bird', 'recording list repeats its page token or sends an oversized one');
    return pageOfRecordings<ListPosition>((page.results ?? []).map(mapBirdRecording), {
      skip: from?.taken ?? 0,
      filter,
      at: (taken) => ({ pageToken: pageToken ?? null, limit: params.limit!, taken }),
      next: nextToken === null ? null : { pageToken: nextToken, taken: 0 },
    });
  }

  /** The media redirect needs only the recording's id: memoized per request, so a prefetch and the later load share one call. */
  function mediaRedirect(id: string, ctx: CallContext) {
    return memoCall(ctx, `bird:media:${id}`, () => client.getMediaRedirect(id, ctx));
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
      return eachKey(requests, async ({ recording }) => mapBirdAccessLink(await mediaRedirect(recording.nativeId, ctx), now()));
    },

    prefetchAccessLinks(requests, ctx) {
      // A recording's nativeId is its one key segment (mapBirdRecording); the validity is Bird's own.
      for (const { key } of requests) mediaRedirect(key[0], ctx).catch(() => undefined);
    },

    sessionRef: birdSessionRef,

    listRecordings: listTimeline,

    parseListPosition: (position) => parsePosition('bird', position, PositionSchema),

    circuitState: () => client.circuitState(),

    close: () => client.close(),
  };
}
