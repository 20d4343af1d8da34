import { CACHE_DEFAULTS } from '../../../src/config/cache-defaults';
import type { CacheConfig } from '../../../src/config/config.types';
import type { AccessLinkData, RecordingData } from '../../../src/domain/model';
import { LocalCacheStore } from '../../../src/loaders/cache-store';
import { CrossRequestCache } from '../../../src/loaders/cross-request-cache';
import type { AccessLinkRequest } from '../../../src/providers/recording-provider';

const NOW = Date.UTC(2026, 0, 1);
const config: CacheConfig = {
  enabled: true,
  ttlSecs: 300,
  changingTtlSecs: 2,
  maxEntries: 100,
  maxBytes: 1_000_000,
  linkSlack: 1 + CACHE_DEFAULTS.linkSlackPercent / 100,
};
const recording = { provider: 'daily', key: ['rec-1'], nativeId: 'rec-1', status: 'READY' } as unknown as RecordingData;

/** A vendor that mints a link of exactly the validity it is asked for, and counts its calls. */
function vendor(now: () => number) {
  const asked: number[] = [];
  return {
    asked,
    fetch: async (requests: readonly AccessLinkRequest[]) => {
      asked.push(...requests.map((r) => r.validForSecs));
      return requests.map((r): AccessLinkData => ({
        url: `https://v/${asked.length}`,
        expiresAt: new Date(now() + r.validForSecs * 1000),
        validForSecs: r.validForSecs,
        format: null,
        disposition: 'ATTACHMENT',
      }));
    },
  };
}

describe('access links in the cross-request cache', () => {
  it('reuses a link only while what remains of it is between the validity asked and the slack above it', async () => {
    let now = NOW;
    const cache = new CrossRequestCache(config, new LocalCacheStore(100, 1_000_000), { daily: 'acct-a' }, () => now);
    const v = vendor(() => now);
    // Asked 600 s: minted for 900 s (1.5 times), so later requests can reuse it.
    const [first] = await cache.getAccessLinks('daily', [{ recording, validForSecs: 600 }], {}, v.fetch);
    expect(v.asked).toEqual([900]);
    expect(first).toMatchObject({ validForSecs: 900 });
    // 200 s later 700 s remain: reused for 600, with its real remaining validity and expiry.
    now += 200_000;
    const [again] = await cache.getAccessLinks('daily', [{ recording, validForSecs: 600 }], {}, v.fetch);
    expect(v.asked).toEqual([900]);
    expect(again).toMatchObject({ url: 'https://v/1', validForSecs: 700, expiresAt: new Date(NOW + 900_000) });
    // Asked 60 s: 700 s is far more than asked, so a new, short link.
    const [short] = await cache.getAccessLinks('daily', [{ recording, validForSecs: 60 }], {}, v.fetch);
    expect(v.asked).toEqual([900, 90]);
    expect(short).toMatchObject({ validForSecs: 90 });
  });

  it('does not reuse a cached link with 3,000 s left for a request asking 600 s', async () => {
    const now = NOW;
    const cache = new CrossRequestCache(config, new LocalCacheStore(100, 1_000_000), { daily: 'acct-a' }, () => now);
    const v = vendor(() => now);
    await cache.getAccessLinks('daily', [{ recording, validForSecs: 2_000 }], {}, v.fetch); // minted for 3,000 s
    await cache.getAccessLinks('daily', [{ recording, validForSecs: 600 }], {}, v.fetch);
    expect(v.asked).toEqual([3_000, 900]);
  });

  it('keeps vendor accounts apart: another account never sees an entry', async () => {
    const store = new LocalCacheStore(100, 1_000_000);
    const a = new CrossRequestCache(config, store, { daily: 'acct-a' }, () => NOW);
    const b = new CrossRequestCache(config, store, { daily: 'acct-b' }, () => NOW);
    let calls = 0;
    const fetch = async () => {
      calls += 1;
      return [recording];
    };
    await a.getRecordings('daily', [['rec-1']], {}, fetch);
    await a.getRecordings('daily', [['rec-1']], {}, fetch);
    expect(calls).toBe(1);
    await b.getRecordings('daily', [['rec-1']], {}, fetch);
    expect(calls).toBe(2);
  });

  it('forgets a recording on invalidateRecording', async () => {
    const cache = new CrossRequestCache(config, new LocalCacheStore(100, 1_000_000), { daily: 'acct-a' }, () => NOW);
    let calls = 0;
    const fetch = async () => {
      calls += 1;
      return [recording];
    };
    await cache.getRecordings('daily', [['rec-1']], {}, fetch);
    await cache.invalidateRecording('daily', ['rec-1']);
    await cache.getRecordings('daily', [['rec-1']], {}, fetch);
    expect(calls).toBe(2);
  });
});
