import { canHaveLink } from '../../../src/domain/link-rule';
import type { RecordingData } from '../../../src/domain/model';
import { PROVIDER_NAMES, type ProviderName } from '../../../src/domain/provider-name';
import { recordingGlobalId } from '../../../src/ids/global-id';
import { demoRecordings } from '../../../src/demo/demo-data';
import { gql } from '../../support/graphql-client';
import { startSandboxApp, type SandboxApp } from '../../support/sandbox-app';

/** The emulator route a vendor mints a link on (SignalWire and Cloudflare links are in the body; Zoom has no file without one). */
const LINK_ROUTE: Partial<Record<ProviderName, string>> = { daily: 'recordings.access-link', bird: 'recordings.media' };

const QUERY = `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Recording { status accessLink(validForSecs: 900) { url } } } }`;

/**
 * The link rule (docs/api.md, "Access links") over GraphQL against the five emulators: a
 * recording whose status cannot have a file gets no link and an UNSUPPORTED_BY_PROVIDER error
 * on its accessLink, whichever vendor it is from, and costs no link call. The one exception
 * (docs/performance.md, "Prefetched links"): the first time this server meets a Daily or Bird
 * recording asked for by id, its link call starts with the recording's own call, before its
 * status is known; that one call is made and its answer dropped.
 */
describe('access links only for recordings that can have a file, for every vendor', () => {
  let running: SandboxApp;
  const demo = demoRecordings();

  beforeAll(async () => {
    running = await startSandboxApp();
  });
  afterAll(() => running.close());
  beforeEach(() => running.resetCounters());

  const linkCalls = (p: ProviderName) => (LINK_ROUTE[p] ? (running.sandbox.emulators[p].counters.get(LINK_ROUTE[p]!) ?? 0) : 0);

  it.each(PROVIDER_NAMES.filter((p) => demo[p].some((r) => !canHaveLink(r.status))))(
    '%s: every recording without a file answers a coded error on accessLink, and costs no link call',
    async (provider) => {
      const refused = demo[provider].filter((r) => !canHaveLink(r.status));
      // First sight: a speculative link call each at Daily and Bird, its answer dropped (the same response).
      const first = await gql(running.app.url, QUERY, { ids: refused.map(recordingGlobalId) });
      expect(linkCalls(provider)).toBe(LINK_ROUTE[provider] ? refused.length : 0);
      running.resetCounters();

      const res = await gql(running.app.url, QUERY, { ids: refused.map(recordingGlobalId) });
      expect(res.body).toEqual(first.body);
      const nodes = res.body.data?.nodes as Array<{ status: string; accessLink: unknown }>;
      expect(nodes.map((n) => n.status)).toEqual(refused.map((r) => r.status));
      expect(nodes.every((n) => n.accessLink === null)).toBe(true);
      expect(res.body.errors).toHaveLength(refused.length);
      for (const [i, r] of refused.entries()) {
        expect(res.body.errors).toContainEqual(
          expect.objectContaining({
            path: ['nodes', i, 'accessLink'],
            extensions: { code: 'UNSUPPORTED_BY_PROVIDER', provider },
            message: expect.stringContaining(r.status),
          }),
        );
      }
      expect(linkCalls(provider)).toBe(0);
    },
  );

  it.each(PROVIDER_NAMES)('%s: a READY recording still gets its link', async (provider) => {
    const ready = demo[provider].filter((r: RecordingData) => r.status === 'READY' && r.knownLink !== null).slice(0, 2);
    const res = await gql(running.app.url, QUERY, { ids: ready.map(recordingGlobalId) });
    expect(res.body.errors).toBeUndefined();
    const nodes = res.body.data?.nodes as Array<{ accessLink: { url: string } | null }>;
    expect(nodes.every((n) => n.accessLink?.url.startsWith('http'))).toBe(true);
  });
});
