import { CACHE_DEFAULTS } from '../../../src/config/cache-defaults';
import type { CacheConfig } from '../../../src/config/config.types';
import type { AccessLinkData, RecordingData } from '../../../src/domain/model';
import { LocalCacheStore, type CacheStore } from '../../../src/loaders/cache-store';
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

  it("makes one store read for a cold prefetched link: the request's own load takes its prefetch's read, whatever it found", async () => {
    const reads: string[][] = [];
    class CountingStore extends LocalCacheStore {
      override async getMany(keys: readonly string[]): Promise<unknown[]> {
        reads.push([...keys]);
        return super.getMany(keys);
      }
    }
    const cache = new CrossRequestCache(config, new CountingStore(100, 1_000_000), { daily: 'acct-a' }, () => NOW);
    const v = vendor(() => NOW);
    const ctx = { memo: new Map<string, Promise<unknown>>() };
    let loaded!: () => void;
    const recordingLoaded = new Promise<void>((resolve) => {
      loaded = resolve;
    });
    await cache.prefetchAccessLink(
      'daily',
      recording.key,
      600,
      ctx,
      () => undefined,
      async (minted) => {
        await recordingLoaded;
        return (await v.fetch([{ recording, ...minted }]))[0];
      },
    );
    // The prefetched link is still being fetched when the request's own load asks for it.
    const load = cache.getAccessLinks('daily', [{ recording, validForSecs: 600 }], ctx, v.fetch);
    loaded();
    const [link] = await load;
    expect(link).toMatchObject({ url: 'https://v/1', validForSecs: 900 });
    expect(v.asked).toEqual([900]);
    expect(reads).toHaveLength(1);
    // Once that fetch is over, the read it missed no longer serves: the store has the link now.
    const [again] = await cache.getAccessLinks('daily', [{ recording, validForSecs: 600 }], ctx, v.fetch);
    expect(again).toMatchObject({ url: 'https://v/1' });
    expect(v.asked).toEqual([900]);
    expect(reads).toHaveLength(2);
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

describe('claims across replicas in the cross-request cache', () => {
  /** A shared store (as Redis is) that logs what is stored and claimed, with every claim granted. */
  function sharedStore() {
    const events: string[] = [];
    const store: CacheStore = {
      available: () => true,
      getMany: async (keys) => keys.map(() => undefined),
      set: async (_key, value) => {
        events.push(`set ${(value as RecordingData).providerStatus}`);
      },
      delete: async () => undefined,
      claim: async (keys) => {
        events.push('claim');
        return keys.map(() => true);
      },
      release: async () => {
        events.push('release');
      },
      peek: async () => ({ claimed: false }),
    };
    return { events, store };
  }
  const answer = (providerStatus: string) => [{ ...recording, providerStatus }];

  it("releases only the claim its own flight holds: a no-cache request's fetch of the same key releases nothing", async () => {
    const { events, store } = sharedStore();
    const cache = new CrossRequestCache(config, store, { daily: 'acct-a' }, () => NOW);
    let answerOwner!: () => void;
    let fetching!: () => void;
    const ownerFetching = new Promise<void>((resolve) => {
      fetching = resolve;
    });
    const owner = cache.getRecordings('daily', [['rec-1']], { memo: new Map() }, () => {
      fetching();
      return new Promise((resolve) => {
        answerOwner = () => resolve(answer('owner'));
      });
    });
    // The owner claimed the key and is fetching it; a request with Cache-Control: no-cache
    // fetches the same key for itself, claims nothing and stores what it fetched.
    await ownerFetching;
    await cache.getRecordings('daily', [['rec-1']], { cacheRead: false, memo: new Map() }, async () => answer('no-cache'));
    expect(events).toEqual(['claim', 'set no-cache']);
    // The owner's claim is released by the owner, once its value is stored.
    answerOwner();
    await owner;
    expect(events).toEqual(['claim', 'set no-cache', 'set owner', 'release']);
  });
});
