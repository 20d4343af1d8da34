import type { SignalWireConfig } from '../../config/config.types';
import { expectSegments, uuidRule } from '../../ids/segment-rules';
import type { CallContext, RecordingProvider } from '../recording-provider';
import { byGroup, eachKey } from '../shared/batch';
import { memoCall } from '../shared/memo';
import type { ProviderDeps } from '../shared/provider-deps';
import type { SignalWireRecording } from './signalwire.api-types';
import { SignalWireClient } from './signalwire.client';
import { mapSignalWireAccessLink, mapSignalWireRecording, mapSignalWireSession } from './signalwire.mapper';

const SID = uuidRule('recording sid');
const CALL = { name: '"call"', pattern: /^call$/ };
const CONFERENCE = { name: '"conference"', pattern: /^conference$/ };

/**
 * SignalWire: no batch endpoint by sid, so one GET per recording. A session is a call or a
 * conference: one paged list filtered by `CallSid` or `ConferenceSid` per session. Both
 * filters live on the account list, which takes one date format (RFC 2822) for both; the
 * conference sub-list documents `YYYY-MM-DD`, so the one endpoint keeps things uniform.
 * Links need no call: the media URL is public (providers.md §2).
 */
export function createSignalWireProvider(config: SignalWireConfig, _deps: ProviderDeps = {}): RecordingProvider {
  const client = new SignalWireClient(config);

  async function listSession(kind: string, sid: string, ctx: CallContext): Promise<SignalWireRecording[]> {
    const all: SignalWireRecording[] = [];
    let page = await client.listRecordings(kind === 'conference' ? { ConferenceSid: sid } : { CallSid: sid }, ctx);
    const seen = new Set<string>();
    for (;;) {
      all.push(...page.recordings);
      const next = page.next_page_uri;
      if (!next) return all;
      if (seen.has(next)) return all;
      seen.add(next);
      page = await client.nextPage(next, ctx);
    }
  }

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

    async getAccessLinks(requests) {
      return requests.map(({ recording }) => (recording.knownLink ? mapSignalWireAccessLink(recording.knownLink) : null));
    },

    // PLACEHOLDER (issue 5, in progress on a branch): replaced by the vendor's listing.
    listRecordings: () => Promise.reject(new Error('listing is not built yet')),

    circuitState: () => client.circuitState(),

    close: () => client.close(),
  };
}
