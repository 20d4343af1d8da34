import type { DailyConfig } from '../../config/config.types';
import type { DailyRecording } from './daily.api-types';
import { expectSegments, OPAQUE_TOKEN, uuidRule } from '../../ids/segment-rules';
import type { ProviderDeps } from '../shared/provider-deps';
import type { RecordingProvider } from '../recording-provider';
import { byGroup, eachKey } from '../shared/batch';
import { memoCall } from '../shared/memo';
import { DAILY_LIST_LIMIT, DailyClient } from './daily.client';
import { mapDailyAccessLink, mapDailyRecording, mapDailySession } from './daily.mapper';
import type { CallContext } from '../recording-provider';

/** Daily's ids are opaque (UUIDs in every example); room names are letters, digits, - and _. */
const RECORDING_ID = { name: 'recording id', pattern: OPAQUE_TOKEN };
const ROOM_NAME = { name: 'room name', pattern: OPAQUE_TOKEN };

/**
 * Daily: no batch endpoint by id, so recordings and links are one GET each (concurrent,
 * bounded by the pool). A session is a meeting session within a room: one paged list by
 * `room_name` per room serves every session asked for in that room (providers.md §1).
 */
export function createDailyProvider(config: DailyConfig, deps: ProviderDeps = {}): RecordingProvider {
  const client = new DailyClient(config);
  const now = deps.now ?? Date.now;

  async function listRoom(room: string, ctx: CallContext): Promise<DailyRecording[]> {
    const all: DailyRecording[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await client.listRecordings({ room_name: room, limit: DAILY_LIST_LIMIT, starting_after: after }, ctx);
      all.push(...page.data);
      if (page.data.length < DAILY_LIST_LIMIT) return all;
      after = page.data[page.data.length - 1].id;
    }
  }

  return {
    name: 'daily',

    validateKey(type, segments) {
      if (type === 'Recording') expectSegments('daily', type, segments, [[RECORDING_ID]]);
      else expectSegments('daily', type, segments, [[ROOM_NAME, uuidRule('mtgSessionId')]]);
    },

    getRecordings(keys, ctx) {
      return eachKey(keys, async ([id]) => mapDailyRecording(await client.getRecording(id, ctx)));
    },

    getSessions(keys, ctx) {
      return byGroup(
        keys,
        ([room]) => room,
        (room) => room,
        (room) => memoCall(ctx, `daily:room:${room}`, () => listRoom(room, ctx)),
        (recordings, [room, mtgSessionId]) => mapDailySession(room, mtgSessionId, recordings),
      );
    },

    getAccessLinks(requests, ctx) {
      return eachKey(requests, async ({ recording, validForSecs }) =>
        mapDailyAccessLink(await client.getAccessLink(recording.nativeId, validForSecs, ctx), now()),
      );
    },

    // PLACEHOLDER (issue 5, in progress on a branch): replaced by the vendor's listing.
    listRecordings: () => Promise.reject(new Error('listing is not built yet')),

    circuitState: () => client.circuitState(),

    close: () => client.close(),
  };
}
