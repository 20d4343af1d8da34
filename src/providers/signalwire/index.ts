import { z } from 'zod';
import type { SignalWireConfig } from '../../config/config.types';
import { expectSegments, uuidRule } from '../../ids/segment-rules';
import type { ListPage, ListQuery, RecordingProvider } from '../recording-provider';
import type { CallContext } from '../../domain/call-context';
import { byGroup, eachKey } from '../shared/batch';
import { collectPages } from '../shared/collect-pages';
import { pageOfRecordings, parsePosition, readPosition } from '../shared/listing';
import { memoCall } from '../shared/memo';
import type { ProviderDeps } from '../shared/provider-deps';
import type { SignalWireRecording } from './signalwire.api-types';
import { SIGNALWIRE_PAGE_SIZE, SignalWireClient } from './signalwire.client';
import { dateFilterRefusal, signalWireListParams } from './signalwire.listing';
import { mapSignalWireAccessLink, mapSignalWireRecording, mapSignalWireSession, signalWireSessionRef } from './signalwire.mapper';

const SID = uuidRule('recording sid');
const CALL = { name: '"call"', pattern: /^call$/ };
const CONFERENCE = { name: '"conference"', pattern: /^conference$/ };

/**
 * SignalWire: no batch endpoint by sid, so one GET per recording. A session is a call or a
 * conference: one paged list filtered by `CallSid` or `ConferenceSid` per session. Both
 * filters live on the account list, which takes one date format (RFC 2822) for both; the
 * conference sub-list documents `YYYY-MM-DD`, so the one endpoint keeps things uniform.
 * Links need no call: the media URL is public (docs/vendors/signalwire.md#access-links).
 */
export function createSignalWireProvider(config: SignalWireConfig, deps: ProviderDeps = {}): RecordingProvider {
  const client = new SignalWireClient(config, deps.rateStoreFor?.('signalwire'));

  /** A listing position: the URI of a page (ours, on the space) and how much of it was consumed. */
  const PositionSchema = z.strictObject({
    page: z.string().max(8_192).refine((uri) => client.isOwnPageUri(uri)),
    taken: z.number().int().min(0).max(SIGNALWIRE_PAGE_SIZE),
  });

  /**
   * One step of the timeline: one page of the account list, by the page URI of the
   * position (a re-fetch of the page an item came from; PageTokens make SignalWire's page
   * URIs stable) or the first page of the filter. SignalWire documents its order as
   * creation date, newest first (core/paging.mdx), which is our timeline's order as long as
   * recordings start in the order they were created (they start when created in every
   * example); each page is sorted exactly. Statuses are checked locally only.
   */
  async function listTimeline({ filter, limit, after }: ListQuery, ctx: CallContext): Promise<ListPage> {
    const from = readPosition('signalwire', after, PositionSchema);
    const uri = from?.page ?? client.recordingsPageUri(signalWireListParams(filter, limit));
    // getPage has checked next_page_uri: no position ever holds another host's URI or loops on one page.
    const page = await client.getPage(uri, ctx).catch((error: unknown) => {
      throw dateFilterRefusal(uri, error);
    });
    const nextUri = page.next_page_uri;
    return pageOfRecordings(
      page.recordings.map((r) => mapSignalWireRecording(r, config.spaceUrl)),
      { skip: from?.taken ?? 0, filter, at: (taken) => ({ page: uri, taken }), next: nextUri ? { page: nextUri, taken: 0 } : null },
    );
  }

  const listSession = (kind: string, sid: string, ctx: CallContext): Promise<SignalWireRecording[]> =>
    collectPages('signalwire', client.recordingPages(kind === 'conference' ? { ConferenceSid: sid } : { CallSid: sid }, ctx), ctx, { idOf: (r) => r.sid });


  return {
    name: 'signalwire',

    validateKey(type, segments) {
      if (type === 'Recording') expectSegments('signalwire', type, segments, [[SID]]);
      else expectSegments('signalwire', type, segments, [[CALL, uuidRule('CallSid')], [CONFERENCE, uuidRule('ConferenceSid')]]);
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

    listRecordings: listTimeline,

    parseListPosition: (position) => parsePosition('signalwire', position, PositionSchema),

    circuitState: () => client.circuitState(),

    close: () => client.close(),
  };
}
