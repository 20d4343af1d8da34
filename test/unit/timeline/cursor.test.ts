import { randomBytes } from 'node:crypto';
import { ErrorCode } from '../../../src/errors/error-codes';
import { CursorCodec, CURSOR_VERSION, fingerprint, MAX_CURSOR_LENGTH, sealCursor } from '../../../src/timeline/cursor';
import { DONE, type TimelineState } from '../../../src/timeline/timeline-state';

const key = randomBytes(32);
const codec = new CursorCodec(key);
const filter = fingerprint({ statuses: ['READY'] });
const vendors = ['daily', 'zoom', 'bird'] as const;
const state: TimelineState = { daily: { cursor: 'rec_9', skip: 2, more: true }, zoom: null, bird: DONE };

/** Seals any payload with the server's key: what an insider, or an older server, could make. */
const signed = (payload: unknown): string => sealCursor(key, payload);

function rejection(cursor: string, fp = filter, vs: readonly string[] = vendors): { code?: string; message: string } {
  try {
    codec.decode(cursor, fp, vs as never);
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error('the cursor was accepted');
}

describe('cursor codec', () => {
  it('round-trips every vendor state: a position, not started, done', () => {
    const cursor = codec.encode(filter, state);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(codec.decode(cursor, filter, [...vendors])).toEqual(state);
  });

  it('reveals nothing of what it carries: no position, filter or version can be read from it', () => {
    const cursor = codec.encode(filter, state);
    const bytes = Buffer.from(cursor, 'base64url').toString('latin1');
    for (const visible of ['rec_9', 'cursor', 'skip', filter, '"v"']) expect(bytes).not.toContain(visible);
    // The same state sealed twice looks different (a fresh nonce each time).
    expect(codec.encode(filter, state)).not.toBe(cursor);
  });

  it("round-trips the largest position a vendor hands out (Bird's 8000-character page token) beside the others", () => {
    const large: TimelineState = { ...state, zoom: { token: 'z'.repeat(500), skip: 3 }, bird: { pageToken: 'b'.repeat(8000), skip: 98 } };
    expect(codec.decode(codec.encode(filter, large), filter, [...vendors])).toEqual(large);
  });

  it('is accepted by another codec with the same key (a restart, another replica)', () => {
    expect(new CursorCodec(Buffer.from(key)).decode(codec.encode(filter, state), filter, [...vendors])).toEqual(state);
  });

  it('refuses every byte flipped anywhere in the cursor', () => {
    const cursor = codec.encode(filter, state);
    for (let i = 0; i < cursor.length; i++) {
      const flipped = cursor.slice(0, i) + (cursor[i] === 'A' ? 'B' : 'A') + cursor.slice(i + 1);
      expect(rejection(flipped).code).toBe(ErrorCode.BAD_USER_INPUT);
    }
  });

  it('refuses attacker-chosen positions sealed without the server key', () => {
    const forged = sealCursor(randomBytes(32), {
      v: CURSOR_VERSION,
      f: filter,
      s: { ...state, daily: { cursor: '../../admin', skip: 0, more: true } },
    });
    expect(rejection(forged)).toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      message: expect.stringMatching(/not issued by this server or it was altered/),
    });
  });

  it.each([
    ['truncated', (c: string) => c.slice(0, c.length - 5)],
    ['cut to its nonce and tag', (c: string) => c.slice(0, 38)],
    ['with an extra part', (c: string) => `${c}.x`],
    ['empty', () => ''],
    ['not base64url', () => 'a+b/c.d'],
    ['too long', () => 'a'.repeat(MAX_CURSOR_LENGTH + 1)],
  ])('refuses a cursor %s', (_name, mangle) => {
    expect(rejection(mangle(codec.encode(filter, state))).code).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('refuses a cursor signed with another key', () => {
    const other = new CursorCodec(randomBytes(32)).encode(filter, state);
    expect(rejection(other).code).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('refuses a correctly signed cursor of another version', () => {
    const cursor = signed({ v: CURSOR_VERSION + 1, f: filter, s: state });
    expect(rejection(cursor)).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, message: expect.stringMatching(/another version/) });
  });

  it('refuses a cursor used with another filter', () => {
    const cursor = codec.encode(filter, state);
    expect(rejection(cursor, fingerprint({ statuses: ['FAILED'] }))).toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      message: expect.stringMatching(/different filter/),
    });
  });

  it('refuses a cursor made for another set of vendors', () => {
    const cursor = codec.encode(filter, state);
    expect(rejection(cursor, filter, ['daily', 'zoom'])).toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      message: expect.stringMatching(/set of vendors/),
    });
  });

  it('refuses signed payloads whose vendor states are not positions', () => {
    for (const bad of [
      { ...state, zoom: 'later' },
      { ...state, zoom: [1] },
      { ...state, zoom: { nested: { a: 1 } } },
      { ...state, zoom: 7 },
    ]) {
      expect(rejection(signed({ v: CURSOR_VERSION, f: filter, s: bad })).code).toBe(ErrorCode.BAD_USER_INPUT);
    }
    expect(rejection(signed('just a string')).code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(rejection(signed(null)).code).toBe(ErrorCode.BAD_USER_INPUT);
  });
});
