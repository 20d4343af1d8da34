import type { RecordingData } from '../../../src/domain/model';
import { ErrorCode } from '../../../src/errors/error-codes';
import { birdListParams } from '../../../src/providers/bird/bird.listing';
import type { ListPosition } from '../../../src/providers/recording-provider';
import { pageOfRecordings, pageSizeFor, readPosition } from '../../../src/providers/shared/listing';
import { toRfc2822, utcDayCeil, utcDayFloor } from '../../../src/providers/shared/times';
import { signalWireListParams } from '../../../src/providers/signalwire/signalwire.listing';
import { z } from 'zod';

function rec(id: string, startedAt: string | null, status: RecordingData['status'] = 'READY'): RecordingData {
  return {
    provider: 'bird',
    key: [id],
    nativeId: id,
    status,
    providerStatus: null,
    format: null,
    durationSecs: null,
    sizeBytes: null,
    channels: null,
    startedAt: startedAt ? new Date(startedAt) : null,
    endedAt: null,
    createdAt: null,
    sessionKey: null,
    storage: null,
  };
}

describe('RFC 2822 and UTC days', () => {
  it('writes times as SignalWire does', () => {
    expect(toRfc2822(Date.UTC(2018, 8, 25, 23, 0, 0))).toBe('Tue, 25 Sep 2018 23:00:00 +0000');
    expect(toRfc2822(Date.UTC(2026, 0, 5, 7, 8, 9, 999))).toBe('Mon, 05 Jan 2026 07:08:09 +0000');
    expect(Date.parse(toRfc2822(Date.UTC(2026, 0, 5, 7, 8, 9)))).toBe(Date.UTC(2026, 0, 5, 7, 8, 9));
  });

  it('rounds to UTC midnights, leaving a midnight as it is', () => {
    const midnight = Date.UTC(2026, 2, 10);
    expect(utcDayFloor(midnight + 36_000_000)).toBe(midnight);
    expect(utcDayCeil(midnight + 1)).toBe(midnight + 86_400_000);
    expect(utcDayFloor(midnight)).toBe(midnight);
    expect(utcDayCeil(midnight)).toBe(midnight);
  });
});

describe('listing push-down', () => {
  it('widens SignalWire date bounds to be safe whether it compares dates or times, strictly or not', () => {
    expect(
      signalWireListParams({ startedAfter: new Date('2018-09-26T10:00:00Z'), startedBefore: new Date('2018-09-26T14:00:00Z') }, 20),
    ).toEqual({
      CallSid: undefined,
      ConferenceSid: undefined,
      'DateCreated>': 'Mon, 24 Sep 2018 00:00:00 +0000',
      'DateCreated<': 'Thu, 27 Sep 2018 00:00:00 +0000',
      PageSize: 20,
    });
    expect(signalWireListParams({ startedBefore: new Date('2018-09-26T00:00:00Z') }, 20)['DateCreated<']).toBe(
      'Wed, 26 Sep 2018 00:00:00 +0000',
    );
  });

  it('maps SignalWire sessions to CallSid or ConferenceSid and bounds PageSize', () => {
    expect(signalWireListParams({ sessionKey: ['call', 'c'] }, 5000)).toMatchObject({
      CallSid: 'c',
      ConferenceSid: undefined,
      PageSize: 1000,
    });
    expect(signalWireListParams({ sessionKey: ['conference', 'f'] }, 0)).toMatchObject({
      CallSid: undefined,
      ConferenceSid: 'f',
      PageSize: 1,
    });
  });

  it('sends Bird the source id, startAt a day early, endAt as asked, and a limit within 1..99', () => {
    expect(
      birdListParams(
        { sessionKey: ['call', 's'], startedAfter: new Date('2026-03-10T10:00:00Z'), startedBefore: new Date('2026-03-11T00:00:00Z') },
        150,
      ),
    ).toEqual({
      sourceId: 's',
      startAt: '2026-03-09T10:00:00.000Z',
      endAt: '2026-03-11T00:00:00.000Z',
      limit: 99,
    });
  });

  it('keeps page sizes within the vendor bounds', () => {
    expect([pageSizeFor(0, 99), pageSizeFor(-3, 99), pageSizeFor(2.7, 99), pageSizeFor(500, 99), pageSizeFor(Number.NaN, 99)]).toEqual([
      1, 1, 2, 99, 99,
    ]);
  });
});

describe('listing positions', () => {
  const schema = z.strictObject({ n: z.number().int() });

  it('reads null and a valid position, and refuses anything else as BAD_USER_INPUT', () => {
    expect(readPosition('bird', null, schema)).toBeNull();
    expect(readPosition('bird', { n: 3 }, schema)).toEqual({ n: 3 });
    for (const bad of [{ n: 'x' }, { n: 1, end: true }, { end: true }, {}] as ListPosition[]) {
      expect(() => readPosition('bird', bad, schema)).toThrow(
        expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT, provider: 'bird' }),
      );
    }
  });

  it('sorts a page by the timeline, skips what was taken, filters, and positions each item after itself', () => {
    const page = [
      rec('b', '2026-01-01T00:00:00Z'),
      rec('c', '2026-01-03T00:00:00Z', 'FAILED'),
      rec('a', '2026-01-01T00:00:00Z'),
      rec('d', '2026-01-02T00:00:00Z'),
    ];
    const at = (taken: number) => ({ page: 'p', taken });
    const all = pageOfRecordings(page, { skip: 0, filter: {}, at, next: { page: 'q', taken: 0 } });
    expect(all.items.map((i) => [i.recording.nativeId, i.position])).toEqual([
      ['c', { page: 'p', taken: 1 }],
      ['d', { page: 'p', taken: 2 }],
      ['a', { page: 'p', taken: 3 }],
      // The last item of a page resumes at the next page, with no re-fetch.
      ['b', { page: 'q', taken: 0 }],
    ]);
    const rest = pageOfRecordings(page, { skip: 2, filter: { statuses: ['READY'] }, at, next: null });
    expect(rest.items.map((i) => [i.recording.nativeId, i.position])).toEqual([
      ['a', { page: 'p', taken: 3 }],
      // On the last page, the last item resumes by a re-fetch that skips the whole page.
      ['b', { page: 'p', taken: 4 }],
    ]);
    expect(rest.next).toBeNull();
  });
});
