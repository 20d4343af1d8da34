import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordingGlobalId, sessionGlobalId } from '../../src/loaders/create-loaders';
import { demoRecordings } from '../../src/demo/demo-data';

describe('the README', () => {
  it('names only demo ids that the sandbox really serves', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const named = [...readme.matchAll(/gid:\/\/recording-graph\/(?:Recording|Session)\/[a-z]+\/[^\s`"\\]+/g)].map((m) => m[0]);
    const demo = Object.values(demoRecordings()).flat();
    const served = new Set([...demo.map(recordingGlobalId), ...demo.filter((r) => r.sessionKey).map((r) => sessionGlobalId({ provider: r.provider, key: r.sessionKey! }))]);
    const demoIds = named.filter((id) => !id.includes('…') && !id.includes('<'));
    expect(demoIds.length).toBeGreaterThanOrEqual(11);
    for (const id of demoIds) expect(served).toContain(id);
  });
});
