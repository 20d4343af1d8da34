import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startApp } from '../src/app';
import { loadConfig } from '../src/config';

/**
 * `npm run docs:screenshot`: docs/playground.png, fresh. Starts the server in sandbox mode,
 * opens the playground in headless Chromium (Debian's /usr/bin/chromium, the flags of
 * test/e2e/playground.e2e.test.ts), runs the first example tab and photographs the answer.
 */
const CHROMIUM = '/usr/bin/chromium';
const OUT = join(__dirname, '..', 'docs', 'playground.png');

async function main(): Promise<void> {
  const app = await startApp(loadConfig({ NODE_ENV: 'development', PORT: '0', LOG_LEVEL: 'silent', LOG_FORMAT: 'json' }));
  const profile = mkdtempSync(join(tmpdir(), 'playground-screenshot-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 800 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${app.url}/graphql`);
    await page.waitForSelector('.graphiql-container .graphiql-execute-button', { timeout: 30_000 });
    await page.click('.graphiql-execute-button');
    await page.locator('.graphiql-response').getByText('"data"').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: OUT });
    console.log(`wrote ${OUT}`);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
