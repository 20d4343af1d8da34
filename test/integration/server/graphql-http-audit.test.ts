import { serverAudits } from 'graphql-http';
import { startApp, type RunningApp } from '../../../src/app';
import { loadConfig } from '../../../src/config';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';

/** GraphQL over HTTP: every MUST of the graphql-http audit suite. */
describe('GraphQL over HTTP compliance (graphql-http serverAudits)', () => {
  let sandbox: Sandbox;
  let app: RunningApp;

  beforeAll(async () => {
    sandbox = await startSandbox();
    app = await startApp({ ...loadConfig({ NODE_ENV: 'test', PORT: '0' }), sandbox: false, providers: sandbox.providers });
  });
  afterAll(async () => {
    await app.close();
    await sandbox.close();
  });

  for (const audit of serverAudits({ url: () => `${app.url}/graphql`, fetchFn: fetch })) {
    if (!audit.name.startsWith('MUST')) continue;
    it(audit.name, async () => {
      const result = await audit.fn();
      expect({ status: result.status, reason: result.status === 'ok' ? undefined : result.reason }).toEqual({ status: 'ok', reason: undefined });
    });
  }
});
