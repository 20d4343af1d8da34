import { startApp, type RunningApp } from '../../../src/app';
import { loadConfig } from '../../../src/app-config';
import { PROVIDER_NAMES } from '../../../src/domain/provider-name';
import { demoRecordings } from '../../../src/demo/demo-data';
import { gql } from '../../support/graphql-client';

interface Page {
  recordings: { nodes: Array<{ id: string }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const LIST = `query($first: Int, $after: String) { recordings(first: $first, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`;
const PER_VENDOR = 40;

/**
 * `npm start` with no vendor configured: the built-in sandbox, seeded with
 * SANDBOX_RECORDINGS_PER_VENDOR more recordings per vendor, and cursors that still work
 * after a restart (the key comes from the sandbox's fixed credentials).
 */
describe('Query.recordings in sandbox mode', () => {
  const config = () => loadConfig({ NODE_ENV: 'test', PORT: '0', SANDBOX_RECORDINGS_PER_VENDOR: String(PER_VENDOR) });
  let app: RunningApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function walkFrom(url: string, after: string | null, first: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < 500; i++) {
      const res = await gql<Page>(url, LIST, { first, after });
      expect(res.body.errors).toBeUndefined();
      const page = res.body.data!.recordings;
      ids.push(...page.nodes.map((n) => n.id));
      if (!page.pageInfo.hasNextPage) return ids;
      after = page.pageInfo.endCursor;
    }
    throw new Error('the walk does not end');
  }

  it('lists the demo data plus SANDBOX_RECORDINGS_PER_VENDOR per vendor, and resumes a cursor after a restart', async () => {
    const demoCount = PROVIDER_NAMES.reduce((n, p) => n + demoRecordings()[p].length, 0);
    app = await startApp(config());
    const all = await walkFrom(app.url, null, 50);
    expect(all).toHaveLength(demoCount + PROVIDER_NAMES.length * PER_VENDOR);
    expect(new Set(all).size).toBe(all.length);

    const firstPage = await gql<Page>(app.url, LIST, { first: 30 });
    const cursor = firstPage.body.data!.recordings.pageInfo.endCursor;
    await app.close();

    app = await startApp(config());
    expect(await walkFrom(app.url, cursor, 25)).toEqual(all.slice(30));
  });
});
