import { startApp, type RunningApp } from '../../../src/app';
import { loadConfig } from '../../../src/app-config';
import { recordingGlobalId } from '../../../src/ids/global-id';
import { demoRecordings } from '../../../src/demo/demo-data';
import { gql } from '../../support/graphql-client';

/** `npm start` with no vendor configured: the VENDOR_* settings reach the adapters aimed at the emulators. */
describe('sandbox mode honours the VENDOR_* settings', () => {
  const id = recordingGlobalId(demoRecordings().daily[1]);
  let app: RunningApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function callsForOneOutage(env: Record<string, string>): Promise<{ calls: number; code: unknown }> {
    app = await startApp(loadConfig({ NODE_ENV: 'test', PORT: '0', ...env }));
    const daily = app.sandbox!.emulators.daily;
    daily.injectFault({ kind: 'status', status: 503, times: 10 });
    const res = await gql(app.url, `query($id: ID!) { recording(id: $id) { id } }`, { id });
    return { calls: daily.totalCalls(), code: res.body.errors?.[0]?.extensions?.code };
  }

  it('VENDOR_MAX_RETRIES=0: one call to a vendor that is down, then PROVIDER_UNAVAILABLE', async () => {
    expect(await callsForOneOutage({ VENDOR_MAX_RETRIES: '0' })).toEqual({ calls: 1, code: 'PROVIDER_UNAVAILABLE' });
  });

  it('VENDOR_MAX_RETRIES=1: two calls', async () => {
    expect(await callsForOneOutage({ VENDOR_MAX_RETRIES: '1' })).toEqual({ calls: 2, code: 'PROVIDER_UNAVAILABLE' });
  });
});
