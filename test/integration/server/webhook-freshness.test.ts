import { request } from 'undici';
import { recordingGlobalId } from '../../../src/ids/global-id';
import { demoRecordings } from '../../../src/demo/demo-data';
import { gql } from '../../support/graphql-client';
import { startSandboxApp, type SandboxApp } from '../../support/sandbox-app';
import { nowSecs, sign5 } from '../../support/webhook-signing';

const SECRET = Buffer.from('daily-secret-for-the-freshness-test').toString('base64');
const ready = demoRecordings().daily.find((r) => r.status === 'READY')!;
const QUERY = `{ recording(id: "${recordingGlobalId(ready)}") { id status } }`;

let app: SandboxApp;

beforeAll(async () => {
  app = await startSandboxApp({ DAILY_WEBHOOK_SECRET: SECRET, CACHE: 'on' });
});
afterAll(() => app.close());

describe('a verified webhook and the cross-request cache', () => {
  it("drops what is kept about the event's recording, so the next query asks the vendor again", async () => {
    expect((await gql<{ recording: { status: string } }>(app.app.url, QUERY)).body.data?.recording.status).toBe('READY');
    app.resetCounters();
    await gql(app.app.url, QUERY);
    // Kept across requests: the second query made no vendor call.
    expect(app.vendorCalls()).toBe(0);

    const body = JSON.stringify({
      version: '1.0.0',
      type: 'recording.ready-to-download',
      id: 'f1',
      payload: { recording_id: ready.nativeId, room_name: 'r', mtgSessionId: ready.sessionKey![1] },
      event_ts: Date.now() / 1000,
    });
    const res = await request(`${app.app.url}/webhooks/daily`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...sign5.daily(SECRET, nowSecs(), body) },
      body,
    });
    expect(res.statusCode).toBe(200);
    await res.body.dump();
    await app.app.live.processor.idle();

    app.resetCounters();
    await gql(app.app.url, QUERY);
    expect(app.vendorCalls()).toBe(1);
  });
});
