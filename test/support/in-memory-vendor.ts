import type { RecordingData, RecordingStatus } from '../../src/domain/model';
import type { ProviderName } from '../../src/domain/provider-name';
import { ErrorCode } from '../../src/errors/error-codes';
import { ProviderError } from '../../src/errors/provider-error';
import type { ListPage, ListQuery, RecordingProvider } from '../../src/providers/recording-provider';
import { compareTimeline } from '../../src/timeline/order';
import { matchesFilter } from '../../src/timeline/filter';

export interface InMemoryVendorSpec {
  name: ProviderName;
  recordings: RecordingData[];
  /** The vendor's own page size: how many recordings one call looks at. */
  pageSize: number;
  /** Whether a call looks at no more than `limit` (a vendor with a `limit` parameter) or always a whole page. */
  honoursLimit: boolean;
  /** Indexes of this vendor's calls (0-based, across the whole walk) that fail. */
  failingCalls?: ReadonlySet<number>;
}

/**
 * An in-memory vendor that keeps the `listRecordings` contract the way an adapter does:
 * it walks its own list newest first in vendor pages, filters locally, and hands out
 * positions that resume after an item (`{ at }`) or after a whole page (`{ page }`). Every
 * call is recorded, so tests can count them and check what the engine asked for.
 */
export function inMemoryVendor(spec: InMemoryVendorSpec) {
  const sorted = [...spec.recordings].sort(compareTimeline);
  const calls: ListQuery[] = [];
  // A position of another shape than this vendor makes would be a bug in the engine or the cursor.
  const issue = (p: Record<string, number>) => p;
  const startOf = (after: ListQuery['after']): number => {
    if (after === null) return 0;
    const keys = Object.keys(after).join();
    const n = keys === 'at' ? after.at : keys === 'page' ? after.page : undefined;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > sorted.length) {
      throw new Error(`${spec.name} got a position it cannot have issued: ${JSON.stringify(after)}`);
    }
    return keys === 'at' ? n + 1 : n;
  };
  const provider: RecordingProvider = {
    name: spec.name,
    validateKey: () => undefined,
    getRecordings: () => Promise.reject(new Error('not used')),
    getSessions: () => Promise.reject(new Error('not used')),
    getAccessLinks: () => Promise.reject(new Error('not used')),
    sessionRef: () => null,
    async listRecordings(query): Promise<ListPage> {
      const index = calls.length;
      calls.push(query);
      if (spec.failingCalls?.has(index)) {
        throw new ProviderError(spec.name, ErrorCode.PROVIDER_UNAVAILABLE, `${spec.name} is unavailable (HTTP 503).`, { httpStatus: 503 });
      }
      const start = startOf(query.after);
      const size = spec.honoursLimit ? Math.min(spec.pageSize, query.limit) : spec.pageSize;
      const end = Math.min(start + size, sorted.length);
      const items = [];
      for (let i = start; i < end; i++) {
        if (matchesFilter(sorted[i], query.filter)) items.push({ recording: sorted[i], position: issue({ at: i }) });
      }
      return { items, next: end < sorted.length ? issue({ page: end }) : null };
    },
    parseListPosition(position) {
      startOf(position);
      return position;
    },
    circuitState: () => 'closed',
    close: async () => undefined,
  };
  return { provider, calls };
}

export interface RecordingShape {
  startedAt: Date | null;
  createdAt: Date | null;
  status: RecordingStatus;
  session: string;
}

/** A recording of `provider` with the given id, times, status and session; the rest is fixed. */
export function recordingOf(provider: ProviderName, id: string, shape: RecordingShape): RecordingData {
  return {
    provider,
    key: [id],
    nativeId: id,
    status: shape.status,
    providerStatus: shape.status.toLowerCase(),
    format: null,
    durationSecs: null,
    sizeBytes: null,
    channels: null,
    startedAt: shape.startedAt,
    endedAt: null,
    createdAt: shape.createdAt,
    sessionKey: [shape.session],
    storage: null,
  };
}
