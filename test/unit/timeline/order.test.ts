import fc from 'fast-check';
import type { RecordingData } from '../../../src/domain/model';
import { PROVIDER_NAMES } from '../../../src/domain/provider-name';
import { encodeGlobalId } from '../../../src/ids/global-id';
import { compareTimeline, timelineTime } from '../../../src/timeline/order';
import { matchesFilter } from '../../../src/timeline/filter';

/** Literal cases for the timeline's order and filter bounds, written out rather than computed. */
const at = (iso: string | null) => (iso === null ? null : new Date(iso));
const rec = (
  id: string,
  started: string | null,
  created: string | null = null,
  provider: RecordingData['provider'] = 'daily',
): RecordingData => ({
  provider,
  key: [id],
  nativeId: id,
  status: 'READY',
  providerStatus: null,
  format: null,
  durationSecs: null,
  sizeBytes: null,
  channels: null,
  startedAt: at(started),
  endedAt: null,
  createdAt: at(created),
  sessionKey: null,
  storage: null,
});

describe('the timeline order and filter', () => {
  it('orders newest first, an unstarted recording by its creation, ties by global id, timeless ones last', () => {
    const list = [
      rec('c', '2026-01-01T10:00:00Z'),
      rec('none', null),
      rec('b', '2026-01-01T10:00:00Z'),
      rec('created', null, '2026-01-01T11:00:00Z'),
      rec('a', '2026-01-01T10:00:00Z', null, 'zoom'),
      rec('old', '2025-12-31T00:00:00Z'),
    ];
    // daily's ids sort before zoom's: gid://…/Recording/daily/… < gid://…/Recording/zoom/…
    expect([...list].sort(compareTimeline).map((r) => r.nativeId)).toEqual(['created', 'b', 'c', 'a', 'old', 'none']);
    expect(timelineTime(rec('x', '2026-01-01T10:00:00Z', '2026-01-01T09:00:00Z'))).toBe(Date.parse('2026-01-01T10:00:00Z'));
  });

  it('breaks a tie exactly as the global ids compare as strings', () => {
    // Segments from characters encodeURIComponent keeps, escapes, or that sort around '/' and '%'.
    const segment = fc.string({
      unit: fc.constantFrom('a', 'b', 'A', '0', '-', '.', '~', '(', '*', '%', '/', ' ', '+', '=', 'é', '😀'),
      minLength: 1,
      maxLength: 4,
    });
    const recording = fc.record({ provider: fc.constantFrom(...PROVIDER_NAMES), key: fc.array(segment, { minLength: 1, maxLength: 3 }) });
    fc.assert(
      fc.property(recording, recording, (x, y) => {
        const [a, b] = [x, y].map(({ provider, key }) => ({ ...rec('tie', '2026-01-01T10:00:00Z', null, provider), key }));
        const [ia, ib] = [a, b].map((r) => encodeGlobalId('Recording', r.provider, r.key));
        expect(Math.sign(compareTimeline(a, b))).toBe(ia < ib ? -1 : ia > ib ? 1 : 0);
      }),
      { numRuns: 5_000 },
    );
  });

  it('takes startedAfter inclusive and startedBefore exclusive, and drops timeless recordings under a date bound', () => {
    const filter = { startedAfter: new Date('2026-01-01T10:00:00Z'), startedBefore: new Date('2026-01-01T11:00:00Z') };
    expect(matchesFilter(rec('lower', '2026-01-01T10:00:00Z'), filter)).toBe(true);
    expect(matchesFilter(rec('upper', '2026-01-01T11:00:00Z'), filter)).toBe(false);
    expect(matchesFilter(rec('before', '2026-01-01T09:59:59.999Z'), filter)).toBe(false);
    expect(matchesFilter(rec('by creation', null, '2026-01-01T10:30:00Z'), filter)).toBe(true);
    expect(matchesFilter(rec('timeless', null), filter)).toBe(false);
    expect(matchesFilter(rec('timeless', null), {})).toBe(true);
  });

  it('matches statuses and a session key exactly', () => {
    const r = { ...rec('s', '2026-01-01T10:00:00Z'), status: 'FAILED' as const, sessionKey: ['room', 'mtg-1'] };
    expect(matchesFilter(r, { statuses: ['FAILED', 'READY'] })).toBe(true);
    expect(matchesFilter(r, { statuses: ['READY'] })).toBe(false);
    expect(matchesFilter(r, { sessionKey: ['room', 'mtg-1'] })).toBe(true);
    expect(matchesFilter(r, { sessionKey: ['room'] })).toBe(false);
    expect(matchesFilter(r, { sessionKey: ['room', 'mtg-2'] })).toBe(false);
  });
});
