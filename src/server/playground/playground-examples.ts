import { PROVIDER_NAMES } from '../../domain/provider-name';
import { recordingGlobalId } from '../../ids/global-id';
import { demoRecordings } from '../../demo/demo-data';
import type { PlaygroundTab } from './playground';

const RECORDING = `# A recording with its session, and a download link minted only because it is selected.
# Run it with the ▶ button or Ctrl-Enter.
query Recording($id: ID!) {
  recording(id: $id) {
    id
    provider
    status
    durationSecs
    startedAt
    session {
      id
      kind
      recordings { id status }
    }
    accessLink(validForSecs: 600) { url expiresAt validForSecs }
  }
}
`;

const NODES = `# One recording from each vendor in one request; a vendor that fails costs only its slot.
query FiveVendors($ids: [ID!]!) {
  nodes(ids: $ids) {
    id
    ... on Recording { provider nativeId status format durationSecs }
  }
}
`;

const TIMELINE = `# Every vendor's recordings, newest first, one page at a time.
# For the next page, set "after" to pageInfo.endCursor.
query Timeline($filter: RecordingFilter, $first: Int, $after: String) {
  recordings(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id provider status startedAt session { name } } }
    pageInfo { hasNextPage endCursor }
  }
}
`;

const LIVE = `# Recording events as the vendors push them (docs/subscriptions.md), over WebSocket.
# In the sandbox, a recording starts, processes and becomes ready at each vendor within
# seconds of subscribing. Press ▶ to subscribe, ■ to stop.
subscription LiveRecordings {
  recordingEvents {
    type
    provider
    providerEvent
    occurredAt
    recordingId
    recording { status accessLink(validForSecs: 600) { url } }
  }
}
`;

const variables = (value: Record<string, unknown>): string => JSON.stringify(value, null, 2);

/**
 * The playground's example tabs. In sandbox mode they name demo recordings the emulators
 * serve, so they answer as they are; otherwise they show the id shape to fill in.
 */
export function playgroundExamples(sandbox: boolean): PlaygroundTab[] {
  if (!sandbox) {
    return [
      { query: RECORDING, variables: variables({ id: 'gid://recording-graph/Recording/daily/<recording id>' }) },
      { query: NODES, variables: variables({ ids: ['gid://recording-graph/Recording/<provider>/<vendor id>'] }) },
      { query: TIMELINE, variables: variables({ first: 20, filter: { statuses: ['READY'] } }) },
      { query: LIVE },
    ];
  }
  const demo = demoRecordings();
  const ready = PROVIDER_NAMES.map((p) => demo[p].find((r) => r.status === 'READY' && r.sessionKey) ?? demo[p][0]);
  return [
    { query: RECORDING, variables: variables({ id: recordingGlobalId(ready[0]) }) },
    { query: NODES, variables: variables({ ids: ready.map(recordingGlobalId) }) },
    { query: TIMELINE, variables: variables({ first: 20, filter: { statuses: ['READY'] } }) },
    { query: LIVE },
  ];
}

/**
 * One line to try first, what `npm start` prints beside the playground's URL: in sandbox
 * mode a demo recording that answers as it is, otherwise the id shape to fill in.
 */
export function tryItQuery(sandbox: boolean): string {
  const id = sandbox
    ? recordingGlobalId(demoRecordings().daily.find((r) => r.status === 'READY' && r.sessionKey)!)
    : 'gid://recording-graph/Recording/<provider>/<vendor id>';
  return `{ recording(id: "${id}") { provider status durationSecs session { name } accessLink(validForSecs: 600) { url expiresAt } } }`;
}
