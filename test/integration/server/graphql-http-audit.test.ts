import { serverAudits } from 'graphql-http';
import { startSandboxApp, type SandboxApp } from '../../support/sandbox-app';

/** GraphQL over HTTP: every MUST of the graphql-http audit suite. */
describe('GraphQL over HTTP compliance (graphql-http serverAudits)', () => {
  let running: SandboxApp;

  beforeAll(async () => {
    running = await startSandboxApp();
  });
  afterAll(() => running.close());

  for (const audit of serverAudits({ url: () => `${running.app.url}/graphql`, fetchFn: fetch })) {
    if (!audit.name.startsWith('MUST')) continue;
    it(audit.name, async () => {
      const result = await audit.fn();
      expect({ status: result.status, reason: result.status === 'ok' ? undefined : result.reason }).toEqual({
        status: 'ok',
        reason: undefined,
      });
    });
  }
});
