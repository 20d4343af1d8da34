import { PROVIDER_NAMES } from '../../../src/domain/provider-name';
import { recordingGlobalId } from '../../../src/ids/global-id';
import { timelineTime } from '../../../src/timeline/order';
import { demoRecordings } from '../../../src/demo/demo-data';

const BULK_VENDORS = PROVIDER_NAMES;

describe('the bulk seed (recordingsPerVendor)', () => {
  const plain = demoRecordings(1);
  const bulk = demoRecordings(1, 2_000);

  it.each(BULK_VENDORS)('adds exactly that many %s recordings and keeps every demo id', (vendor) => {
    expect(bulk[vendor]).toHaveLength(plain[vendor].length + 2_000);
    const ids = new Set(bulk[vendor].map(recordingGlobalId));
    expect(ids.size).toBe(bulk[vendor].length);
    for (const r of plain[vendor]) expect(ids).toContain(recordingGlobalId(r));
  });

  it.each(BULK_VENDORS)('spreads %s recordings over many sessions and about six months', (vendor) => {
    const sessions = new Set(bulk[vendor].map((r) => r.sessionKey?.join('/')));
    expect(sessions.size).toBeGreaterThan(500);
    const times = bulk[vendor].map((r) => timelineTime(r)!);
    const days = (Math.max(...times) - Math.min(...times)) / 86_400_000;
    expect(days).toBeGreaterThan(150);
    expect(days).toBeLessThan(200);
  });

  it('is deterministic per seed and differs between seeds', () => {
    const again = demoRecordings(1, 2_000);
    const otherSeed = demoRecordings(2, 2_000);
    for (const vendor of BULK_VENDORS) {
      expect(again[vendor].map(recordingGlobalId)).toEqual(bulk[vendor].map(recordingGlobalId));
      expect(otherSeed[vendor].map(recordingGlobalId)).not.toEqual(bulk[vendor].map(recordingGlobalId));
    }
  });
});
