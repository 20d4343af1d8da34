import { recordingGlobalId, sessionGlobalId } from '../../../src/ids/global-id';
import { demoRecordings } from '../../../src/demo/demo-data';
import { allDocs, readDoc } from '../../support/docs';

const GLOBAL_ID = /gid:\/\/recording-graph\/(?:Recording|Session)\/[a-z]+\/[^\s`"'\\]+/g;

function demoIdsIn(text: string): string[] {
  return [...text.matchAll(GLOBAL_ID)].map((m) => m[0]).filter((id) => !id.includes('…') && !id.includes('<'));
}

describe('the README and docs/', () => {
  it('name only demo ids that the sandbox really serves', () => {
    const demo = Object.values(demoRecordings()).flat();
    const served = new Set([
      ...demo.map(recordingGlobalId),
      ...demo.filter((r) => r.sessionKey).map((r) => sessionGlobalId({ provider: r.provider, key: r.sessionKey! })),
    ]);
    const named = demoIdsIn(allDocs());
    expect(named.length).toBeGreaterThanOrEqual(11);
    for (const id of named) expect(served).toContain(id);
  });

  it('put a recording and a session of every vendor in the README, where a newcomer looks first', () => {
    const inReadme = demoIdsIn(readDoc('README.md'));
    for (const vendor of ['daily', 'signalwire', 'zoom', 'bird', 'cloudflare']) {
      expect(inReadme).toContainEqual(expect.stringMatching(new RegExp(`/Recording/${vendor}/`)));
      expect(inReadme).toContainEqual(expect.stringMatching(new RegExp(`/Session/${vendor}/`)));
    }
  });
});
