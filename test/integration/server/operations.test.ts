import { request } from 'undici';
import { PROVIDER_NAMES } from '../../../src/domain/provider-name';
import { recordingGlobalId } from '../../../src/ids/global-id';
import { demoRecordings } from '../../../src/demo/demo-data';
import { gql } from '../../support/graphql-client';
import { startSandboxApp, type SandboxApp } from '../../support/sandbox-app';

const KEY = 'operations-test-key-0123456789';
const auth = { authorization: `Bearer ${KEY}` };

async function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const res = await request(url, { headers });
  return { status: res.statusCode, headers: res.headers, body: await res.body.text() };
}

/** The value of one Prometheus sample, e.g. `vendor_requests_total{vendor="daily",...}`; 0 when absent. */
function sample(metrics: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of metrics.split('\n')) {
    const m = /^([a-z_]+)\{(.*)\} (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = m[2].split(',');
    if (wanted.every((w) => have.includes(w))) return Number(m[3]);
  }
  return 0;
}

describe('operations endpoints: /healthz, /readyz, /metrics, request ids', () => {
  let running: SandboxApp;
  const demo = demoRecordings();
  const daily = demo.daily.find((r) => r.status === 'READY')!;

  beforeAll(async () => {
    // Two consecutive outages open a circuit; the long cool-down keeps it open for the test.
    running = await startSandboxApp({
      API_KEYS: KEY,
      VENDOR_MAX_RETRIES: '0',
      VENDOR_BREAKER_THRESHOLD: '2',
      VENDOR_BREAKER_COOLDOWN_MS: '600000',
    });
  });
  afterAll(() => running.close());
  beforeEach(() => {
    for (const e of Object.values(running.sandbox.emulators)) {
      e.resetCounters();
      e.clearFaults();
    }
  });
  const scrape = async (): Promise<string> => {
    const res = await get(`${running.app.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.body;
  };

  it('answers /healthz without an API key', async () => {
    const res = await get(`${running.app.url}/healthz`);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ status: 'ok' });
  });

  it('counts operations by name and outcome, vendor calls by endpoint template and status, and batch sizes', async () => {
    const before = await scrape();
    const ids = demo.daily.slice(0, 3).map(recordingGlobalId);
    const ok = await gql(running.app.url, 'query ThreeDaily($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids }, auth);
    expect(ok.body.errors).toBeUndefined();
    running.sandbox.emulators.zoom.injectFault({ kind: 'status', status: 500, times: 1 });
    const zoomId = recordingGlobalId(demo.zoom[0]);
    const partial = await gql(running.app.url, 'query Mixed($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [ids[0], zoomId] }, auth);
    expect(partial.body.errors).toHaveLength(1);
    const after = await scrape();

    const delta = (name: string, labels: Record<string, string>): number => sample(after, name, labels) - sample(before, name, labels);
    expect(delta('graphql_operations_total', { operation: 'ThreeDaily', outcome: 'success' })).toBe(1);
    expect(delta('graphql_operations_total', { operation: 'Mixed', outcome: 'partial' })).toBe(1);
    // Daily has no batch endpoint: one GET per recording, each counted under the template.
    const dailyCalls = running.sandbox.emulators.daily.log.length;
    expect(dailyCalls).toBeGreaterThanOrEqual(3);
    expect(delta('vendor_requests_total', { vendor: 'daily', route: '/recordings/{recording_id}', status: '200' })).toBe(dailyCalls);
    expect(delta('vendor_request_duration_seconds_count', { vendor: 'daily', route: '/recordings/{recording_id}', status: '200' })).toBe(
      dailyCalls,
    );
    expect(delta('vendor_requests_total', { vendor: 'zoom', route: '/videosdk/sessions/{sessionId}/recordings', status: '500' })).toBe(1);
    // Three ids in one nodes() field are one batch of three for the recording loader.
    expect(delta('dataloader_batch_size_count', { loader: 'recording' })).toBe(2);
    expect(delta('dataloader_batch_size_sum', { loader: 'recording' })).toBe(5);
    expect(delta('dataloader_batch_size_bucket', { loader: 'recording', le: '2' })).toBe(1);

    // No id, link or key ever becomes a label.
    expect(after).not.toMatch(/gid:\/\/|723d9fd5|Bearer|operations-test-key/);
    expect(after).not.toContain(daily.nativeId);
  });

  it('keeps a sane incoming x-request-id, returns it, and passes it to the vendor; replaces anything else', async () => {
    const id = recordingGlobalId(daily);
    const kept = await gql(
      running.app.url,
      'query($id: ID!) { recording(id: $id) { id } }',
      { id },
      { ...auth, 'x-request-id': 'edge-7f3a.42' },
    );
    expect(kept.headers['x-request-id']).toBe('edge-7f3a.42');
    expect(running.sandbox.emulators.daily.log.map((e) => e.requestId)).toEqual(['edge-7f3a.42']);

    const replaced = await gql(
      running.app.url,
      'query($id: ID!) { recording(id: $id) { id } }',
      { id },
      { ...auth, 'x-request-id': 'two words\tand a tab' },
    );
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(running.sandbox.emulators.daily.log[1].requestId).toBe(replaced.headers['x-request-id']);
    expect((await get(`${running.app.url}/healthz`)).headers['x-request-id']).toEqual(expect.any(String));
  });

  it('tells caches to store nothing: answers with data, with errors, refused ones and probes', async () => {
    const id = recordingGlobalId(daily);
    const answers = [
      await gql(running.app.url, 'query($id: ID!) { recording(id: $id) { id accessLink { url } } }', { id }, auth),
      await gql(running.app.url, '{ recording(id: "gid://recording-graph/Recording/daily/nope") { id } }', undefined, auth),
      await gql(running.app.url, '{ __typename }'),
      await get(`${running.app.url}/healthz`),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 401, 200]);
    expect((answers[0].body as { data?: { recording?: { accessLink?: { url?: string } } } }).data?.recording?.accessLink?.url).toEqual(
      expect.any(String),
    );
    expect(answers.map((a) => a.headers['cache-control'])).toEqual(['no-store', 'no-store', 'no-store', 'no-store']);
  });

  // Last: the circuit it opens stays open for the rest of this server's life.
  it('is ready while every circuit is closed, and names the vendor whose circuit is open', async () => {
    const ready = await get(`${running.app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toEqual({ status: 'ready', vendors: Object.fromEntries(PROVIDER_NAMES.map((p) => [p, 'closed'])) });

    running.sandbox.emulators.bird.injectFault({ kind: 'status', status: 503, times: 100 });
    const ids = demo.bird.slice(0, 2).map(recordingGlobalId);
    await gql(running.app.url, 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids }, auth);

    const notReady = await get(`${running.app.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(JSON.parse(notReady.body)).toEqual({
      status: 'not ready',
      vendors: { ...Object.fromEntries(PROVIDER_NAMES.map((p) => [p, 'closed'])), bird: 'open' },
      open: ['bird'],
    });
    const metrics = await scrape();
    expect(sample(metrics, 'vendor_circuit_state', { vendor: 'bird' })).toBe(2);
    expect(sample(metrics, 'vendor_circuit_state', { vendor: 'daily' })).toBe(0);
  });
});
