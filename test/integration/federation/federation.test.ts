import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import { PROVIDER_NAMES } from '../../../src/domain/provider-name';
import { recordingGlobalId } from '../../../src/ids/global-id';
import { demoRecordings } from '../../../src/demo/demo-data';
import { gql } from '../../support/graphql-client';
import { startSandboxApp, type SandboxApp } from '../../support/sandbox-app';
import { MEETINGS_TYPE_DEFS, startMeetingsSubgraph, type RunningSubgraph } from '../../../examples/federation/meetings.subgraph';
import { composeSupergraph, startGateway, type RunningGateway } from '../../../examples/federation/supergraph';

interface GatewayRecording {
  id: string;
  status: string;
  provider: string;
  session: { name: string | null } | null;
}

/**
 * recording-graph as one subgraph of a supergraph: composed with `@apollo/composition`
 * next to a meetings subgraph written here, served by a real `@apollo/gateway`, queried
 * across both, and entity references resolved through the same per-request loaders as
 * `nodes`.
 */
describe('Apollo Federation 2: recording-graph behind a gateway', () => {
  const demo = demoRecordings();
  // Five recordings with a session, one per vendor, and fifty (ten per vendor).
  const weekly = PROVIDER_NAMES.map((p) => recordingGlobalId(demo[p].find((r) => r.sessionKey)!));
  const fifty = PROVIDER_NAMES.flatMap((p) => demo[p].slice(0, 10).map(recordingGlobalId));

  // A recording id the vendor does not have (deleted since the meeting kept it, say).
  const gone = 'gid://recording-graph/Recording/daily/00000000-0000-4000-8000-000000000000';
  const MEETINGS = [
    { id: 'weekly', title: 'Weekly vendor review', recordingIds: weekly },
    { id: 'archive', title: 'Archive', recordingIds: fifty },
    { id: 'mixed', title: 'One recording gone', recordingIds: [weekly[0], gone, weekly[1]] },
  ];

  let recordings: SandboxApp;
  let meetings: RunningSubgraph;
  let gateway: RunningGateway;

  beforeAll(async () => {
    recordings = await startSandboxApp();
    meetings = await startMeetingsSubgraph(MEETINGS);
    // Our SDL as the running server publishes it to a router (`_service { sdl }`).
    const sdl = await gql<{ _service: { sdl: string } }>(recordings.app.url, '{ _service { sdl } }');
    const supergraphSdl = composeSupergraph([
      { name: 'recordings', url: `${recordings.app.url}/graphql`, typeDefs: parse(sdl.body.data!._service.sdl) },
      { name: 'meetings', url: meetings.url, typeDefs: MEETINGS_TYPE_DEFS },
    ]);
    gateway = await startGateway(supergraphSdl);
  });
  afterAll(async () => {
    await gateway?.close();
    await meetings?.close();
    await recordings?.close();
  });
  beforeEach(() => {
    Object.values(recordings.sandbox.emulators).forEach((e) => e.resetCounters());
    gateway.requestsTo.clear();
  });

  const vendorCalls = () =>
    Object.fromEntries(PROVIDER_NAMES.map((p) => [p, Object.fromEntries(recordings.sandbox.emulators[p].counters)]));

  it('answers a meeting with its recordings, their status, provider and session, from both subgraphs', async () => {
    const res = await gql<{ meeting: { title: string; recordings: GatewayRecording[] } }>(
      gateway.url,
      `{ meeting(id: "weekly") { title recordings { id status provider session { name } } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    const meeting = res.body.data!.meeting;
    expect(meeting.title).toBe('Weekly vendor review');
    expect(meeting.recordings.map((r) => r.id)).toEqual(weekly);
    expect(meeting.recordings.map((r) => r.provider)).toEqual(PROVIDER_NAMES.map((p) => p.toUpperCase()));
    expect(meeting.recordings.map((r) => r.status)).toEqual(PROVIDER_NAMES.map((p) => demo[p].find((r) => r.sessionKey)!.status));
    // The same recordings asked of recording-graph directly: the gateway adds nothing and loses nothing.
    const direct = await gql<{ nodes: GatewayRecording[] }>(
      recordings.app.url,
      `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Recording { status provider session { name } } } }`,
      { ids: weekly },
    );
    expect(meeting.recordings).toEqual(direct.body.data!.nodes);
    expect(meeting.recordings.every((r) => r.session !== null)).toBe(true);
    expect(Object.fromEntries(gateway.requestsTo)).toEqual({ meetings: 1, recordings: 1 });
  });

  it('keeps a meeting and its other recordings when one recording is gone: null in its slot, NOT_FOUND at its path', async () => {
    const res = await gql<{ meeting: { title: string; recordings: Array<{ id: string; status: string } | null> } }>(
      gateway.url,
      `{ meeting(id: "mixed") { title recordings { id status } } }`,
    );
    expect(res.body.data!.meeting.title).toBe('One recording gone');
    expect(res.body.data!.meeting.recordings.map((r) => r?.id ?? null)).toEqual([weekly[0], null, weekly[1]]);
    expect(res.body.errors?.map((e) => ({ code: e.extensions?.code, path: e.path }))).toContainEqual({
      code: 'NOT_FOUND',
      path: ['meeting', 'recordings', 1],
    });
  });

  it('extends Recording from the other subgraph: a recording asked of recording-graph lists its meetings', async () => {
    const res = await gql<{ recording: { provider: string; meetings: Array<{ title: string }> } }>(
      gateway.url,
      `query($id: ID!) { recording(id: $id) { provider meetings { title } } }`,
      { id: weekly[0] },
    );
    expect(res.body.errors).toBeUndefined();
    const holding = MEETINGS.filter((m) => m.recordingIds.includes(weekly[0])).map((m) => ({ title: m.title }));
    expect(holding.length).toBeGreaterThan(0);
    expect(res.body.data!.recording).toEqual({ provider: 'DAILY', meetings: holding });
  });

  it('resolves 50 entity references in one subgraph request, with exactly the vendor calls of nodes(ids:) with those 50 ids', async () => {
    const selection = 'id status provider session { name }';
    const viaGateway = await gql<{ meeting: { recordings: GatewayRecording[] } }>(
      gateway.url,
      `{ meeting(id: "archive") { recordings { ${selection} } } }`,
    );
    expect(viaGateway.body.errors).toBeUndefined();
    expect(viaGateway.body.data!.meeting.recordings.map((r) => r.id)).toEqual(fifty);
    // The gateway sent all 50 representations in one `_entities` request.
    expect(gateway.requestsTo.get('recordings')).toBe(1);
    const gatewayCalls = vendorCalls();

    Object.values(recordings.sandbox.emulators).forEach((e) => e.resetCounters());
    const direct = await gql<{ nodes: GatewayRecording[] }>(
      recordings.app.url,
      `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Recording { ${selection} } } }`,
      {
        ids: fifty,
      },
    );
    expect(direct.body.errors).toBeUndefined();
    expect(viaGateway.body.data!.meeting.recordings).toEqual(direct.body.data!.nodes);
    // Every vendor was called, and exactly as often as for nodes(ids:).
    for (const p of PROVIDER_NAMES) expect(Object.keys(gatewayCalls[p]).length).toBeGreaterThan(0);
    expect(gatewayCalls).toEqual(vendorCalls());
  });

  it('fails composition with a readable message naming the conflicting field', () => {
    const conflicting = parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
      type Query { nothing: Int }
      type Recording @key(fields: "id") { id: ID! status: Int }
    `);
    const ours = readFileSync(join(__dirname, '..', '..', '..', 'schema', 'schema.graphql'), 'utf8');
    expect(() =>
      composeSupergraph([
        { name: 'recordings', url: 'http://127.0.0.1:1/graphql', typeDefs: parse(ours) },
        { name: 'other', url: 'http://127.0.0.1:2/graphql', typeDefs: conflicting },
      ]),
    ).toThrow(/supergraph composition failed:\n {2}- .*"Recording\.status"/);
  });
});
