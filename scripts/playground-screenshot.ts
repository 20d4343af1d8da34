import { join } from 'node:path';
import { startApp } from '../src/app';
import { loadConfig } from '../src/app-config';
import { launchHeadlessChromium } from '../test/support/chromium';

/**
 * `npm run docs:screenshot`: docs/playground.png, fresh. Starts the server in sandbox mode,
 * opens the playground in headless Chromium (test/support/chromium.ts, as the
 * playground's browser test), runs the first example tab and photographs the answer.
 */
const OUT = join(__dirname, '..', 'docs', 'playground.png');

async function main(): Promise<void> {
  const app = await startApp(loadConfig({ NODE_ENV: 'development', PORT: '0', LOG_LEVEL: 'silent', LOG_FORMAT: 'json' }));
  const browser = await launchHeadlessChromium('playground-screenshot-');
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(`${app.url}/graphql`);
    await page.waitForSelector('.graphiql-container .graphiql-execute-button', { timeout: 30_000 });
    await page.click('.graphiql-execute-button');
    await page.locator('.graphiql-response').getByText('"data"').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: OUT });
    console.log(`wrote ${OUT}`);
  } finally {
    await browser.close();
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
