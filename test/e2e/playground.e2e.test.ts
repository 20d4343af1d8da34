import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { recordingGlobalId } from '../../src/ids/global-id';
import { demoRecordings } from '../../src/demo/demo-data';
import { launchHeadlessChromium, type HeadlessChromium } from '../support/chromium';
import { spawnServer, type SpawnedServer } from '../support/spawn-server';

/** Where the screenshot goes; `docs/playground.png` is made the same way by `npm run docs:screenshot`. */
const SCREENSHOT = join(tmpdir(), 'recording-graph-playground.png');

/**
 * The playground in a real browser: headless Chromium opens GET /graphql of the server
 * started like `npm start` in sandbox mode, runs the first example and reads the answer
 * from the result panel. Everything it loads comes from the server itself.
 */
describe('GraphiQL playground in headless Chromium', () => {
  let server: SpawnedServer;
  let browser: HeadlessChromium | undefined;
  let page: Page;
  const requested: string[] = [];
  const sockets: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    server = await spawnServer({ NODE_ENV: 'development' });
    browser = await launchHeadlessChromium('playground-chromium-');
    const context = browser.context;
    page = context.pages()[0] ?? (await context.newPage());
    page.on('request', (request) => requested.push(request.url()));
    page.on('websocket', (socket) => sockets.push(socket.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (server) expect(await server.stop()).toBe(0);
  });

  it('serves GraphiQL under a strict Content-Security-Policy', async () => {
    const response = await page.goto(`${server.url}/graphql`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toMatch(/^text\/html/);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)|https?:|\*/);
    await page.waitForSelector('.graphiql-container .graphiql-execute-button', { timeout: 30_000 });
  }, 60_000);

  it('runs the example query and shows real data in the result panel', async () => {
    const daily = demoRecordings().daily.find((r) => r.status === 'READY' && r.sessionKey)!;
    await page.click('.graphiql-execute-button');
    const panel = page.locator('.graphiql-response');
    await panel.getByText('"data"').waitFor({ timeout: 30_000 });
    const result = await panel.innerText();
    expect(result).toContain(recordingGlobalId(daily));
    expect(result).toContain('"status": "READY"');
    expect(result).not.toContain('"errors"');
    await page.screenshot({ path: SCREENSHOT });
  }, 60_000);

  it("runs a subscription over WebSocket: the sandbox's live recordings arrive as READY in the result panel", async () => {
    await page.locator('.graphiql-tab', { hasText: 'LiveRecordings' }).click();
    // The tab's editor holds the subscription before it runs.
    await page.locator('.graphiql-query-editor').getByText('LiveRecordings').waitFor({ timeout: 10_000 });
    await page.click('.graphiql-execute-button');
    const panel = page.locator('.graphiql-response');
    // GraphiQL shows the latest event; each vendor's recording ends READY within seconds.
    const deadline = Date.now() + 30_000;
    while (!(await panel.innerText()).includes('"READY"')) {
      if (Date.now() > deadline) throw new Error('no READY event in the result panel within 30 s');
      await page.waitForTimeout(200);
    }
    const result = await panel.innerText();
    expect(result).toContain('"recordingEvents"');
    expect(result).toMatch(/"url": "https?:\/\//);
    expect(result).not.toContain('"errors"');
    expect(sockets).toEqual([`${server.url.replace(/^http/, 'ws')}/graphql`]);
    // The same button stops it.
    await page.click('.graphiql-execute-button');
  }, 60_000);

  it('loaded nothing from anywhere but the server, and met no CSP violation or script error', () => {
    const origin = new URL(server.url).origin;
    expect(requested.length).toBeGreaterThan(5);
    expect(requested.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'))).toEqual([]);
    expect(sockets.filter((url) => !url.startsWith(`${origin.replace(/^http/, 'ws')}/`))).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
