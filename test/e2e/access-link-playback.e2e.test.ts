import type { Page } from 'playwright-core';
import type { ProviderName } from '../../src/domain/provider-name';
import { launchHeadlessChromium, type HeadlessChromium } from '../support/chromium';
import { gql } from '../support/graphql-client';
import { startSandboxApp, type SandboxApp } from '../support/sandbox-app';
import { ACCESS_LINK_QUERY, DEMO_MEDIA, DEMO_RECORDINGS } from '../support/sandbox-media';

interface Loaded {
  duration?: number;
  width?: number;
  height?: number;
  /** `canplaythrough` fired: the element decoded enough to play to the end without stopping. */
  canPlayThrough?: boolean;
  error?: string;
}

/**
 * Runs in the page (so a string: the test's TypeScript has no DOM types): gives `src` to a new
 * <video> or <audio> element, as a frontend does, and reports its metadata once it can play
 * through, or its error. `canplaythrough` always follows `loadedmetadata` (HTML, "ready states").
 */
const LOAD_IN_PAGE = `([src, tag]) => new Promise((resolve) => {
  const media = document.createElement(tag);
  media.preload = 'auto';
  let loaded = {};
  media.onloadedmetadata = () => { loaded = { duration: media.duration, width: media.videoWidth, height: media.videoHeight }; };
  media.oncanplaythrough = () => resolve({ ...loaded, canPlayThrough: true });
  media.onerror = () => resolve({ error: media.error.code + ': ' + media.error.message });
  media.src = src;
  document.body.append(media);
})`;

const load = (page: Page, url: string, element: 'video' | 'audio'): Promise<Loaded> =>
  page.evaluate(`(${LOAD_IN_PAGE})(${JSON.stringify([url, element])})`);

/**
 * The demo recordings' access links played in a real browser: headless Chromium gets each
 * vendor's `accessLink.url` from GraphQL and loads it into a <video> or <audio> element, which
 * must read the file's metadata (a three-second demo file; docs/sandbox.md, "Access links") and
 * get far enough to play it through.
 */
describe('sandbox access links in headless Chromium', () => {
  let app: SandboxApp;
  let browser: HeadlessChromium | undefined;
  let page: Page;

  beforeAll(async () => {
    app = await startSandboxApp();
    browser = await launchHeadlessChromium('access-link-chromium-');
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    // A page of the server's own origin, as a frontend on another port than the links' is.
    await page.goto(`${app.app.url}/healthz`);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it.each(Object.keys(DEMO_RECORDINGS) as ProviderName[])('loads the %s demo recording until it can play through', async (vendor) => {
    const res = await gql<{ recording: { accessLink: { url: string } } }>(app.app.url, ACCESS_LINK_QUERY, { id: DEMO_RECORDINGS[vendor] });
    const { url } = res.body.data!.recording.accessLink;
    const { element } = DEMO_MEDIA[vendor];
    const loaded = await load(page, url, element);
    expect(loaded.error).toBeUndefined();
    expect(loaded.canPlayThrough).toBe(true);
    expect(loaded.duration).toBeGreaterThan(2.9);
    expect(loaded.duration).toBeLessThan(3.2);
    if (element === 'video') expect(loaded).toMatchObject({ width: 160, height: 90 });
  });
});
