import { request } from 'undici';
import type { RunningApp } from '../../../src/app';
import { PROVIDER_NAMES } from '../../../src/domain/provider-name';
import { recordingGlobalId } from '../../../src/ids/global-id';
import { demoRecordings } from '../../../src/demo/demo-data';
import type { Sandbox } from '../../../src/sandbox/start-sandbox';
import { startSandboxApp, type SandboxApp } from '../../support/sandbox-app';
import { waitUntil } from '../../support/wait-until';
import { gql } from '../../support/graphql-client';

/** Vendors fail per field, not per request; a client that goes away takes its vendor calls with it. */
describe('degradation and cancellation through the API', () => {
  let sandbox: Sandbox;
  let app: RunningApp;
  const demo = demoRecordings();

  let running: SandboxApp;

  beforeAll(async () => {
    running = await startSandboxApp({ VENDOR_MAX_RETRIES: '0' });
    ({ sandbox, app } = running);
  });
  afterAll(() => running.close());
  beforeEach(() => {
    for (const e of Object.values(sandbox.emulators)) {
      e.resetCounters();
      e.clearFaults();
    }
  });

  it('answers four vendors while the fifth is down, with an error naming it at its path', async () => {
    sandbox.emulators.bird.injectFault({ kind: 'status', status: 503, times: 100 });
    const ids = PROVIDER_NAMES.map((p) => recordingGlobalId(demo[p][0]));
    const res = await gql(app.url, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
    const nodes = res.body.data?.nodes as Array<{ id: string } | null>;
    expect(nodes.map((n) => n?.id ?? null)).toEqual(ids.map((id, i) => (PROVIDER_NAMES[i] === 'bird' ? null : id)));
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        path: ['nodes', PROVIDER_NAMES.indexOf('bird')],
        extensions: { code: 'PROVIDER_UNAVAILABLE', provider: 'bird' },
      }),
    ]);
  });

  it('a malformed vendor body costs only its field: PROVIDER_BAD_RESPONSE, never a half-mapped object', async () => {
    sandbox.emulators.cloudflare.injectFault({ kind: 'malformed', variant: 'wrong-shape' });
    const id = recordingGlobalId(demo.cloudflare[0]);
    const res = await gql(app.url, `query($id: ID!) { recording(id: $id) { id status } }`, { id });
    expect(res.body.data).toEqual({ recording: null });
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'PROVIDER_BAD_RESPONSE', provider: 'cloudflare' });
  });

  it('aborts the vendor calls of a request whose client went away', async () => {
    sandbox.emulators.daily.injectFault({ kind: 'stall', ms: 3_000 });
    const controller = new AbortController();
    const body = JSON.stringify({
      query: `query($id: ID!) { recording(id: $id) { id } }`,
      variables: { id: recordingGlobalId(demo.daily[0]) },
    });
    const pending = request(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: controller.signal,
    });
    const log = sandbox.emulators.daily.log;
    await waitUntil(() => log.length === 1, 'the vendor call reached the emulator');
    controller.abort();
    await expect(pending).rejects.toThrow();
    // Abandoned: the server cut the call while the vendor was still stalling (3 s).
    await waitUntil(() => log[0].abandoned, 'the server abandoned the vendor call');
    expect(log).toHaveLength(1);
    expect(log[0].answeredAt).toBe(0);
  });
});
