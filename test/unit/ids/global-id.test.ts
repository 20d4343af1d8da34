import fc from 'fast-check';
import { PROVIDER_NAMES } from '../../../src/domain/provider-name';
import { ErrorCode } from '../../../src/errors/error-codes';
import { canonicalGlobalId, decodeGlobalId, encodeGlobalId, GLOBAL_ID_PREFIX, NODE_TYPES } from '../../../src/ids/global-id';

const provider = fc.constantFrom(...PROVIDER_NAMES);
const type = fc.constantFrom(...NODE_TYPES);
// Any vendor key: full unicode, slashes, percent signs, dots, spaces.
const segment = fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' });
const segments = fc.array(segment, { minLength: 1, maxLength: 3 });

describe('global id codec', () => {
  it('round-trips any vendor key, for every type and provider', () => {
    fc.assert(
      fc.property(type, provider, segments, (t, p, s) => {
        const id = encodeGlobalId(t, p, s);
        fc.pre(id.length <= 1024);
        expect(decodeGlobalId(id)).toEqual({ type: t, provider: p, segments: s });
      }),
    );
  });

  it('never decodes one vendor key into another vendor, type or number of segments', () => {
    fc.assert(
      fc.property(type, provider, segments, (t, p, s) => {
        const id = encodeGlobalId(t, p, s);
        fc.pre(id.length <= 1024);
        const decoded = decodeGlobalId(id);
        expect(decoded.provider).toBe(p);
        expect(decoded.type).toBe(t);
        expect(decoded.segments).toHaveLength(s.length);
      }),
    );
  });

  it('keeps slashes, dots and percent signs inside their segment', () => {
    const id = encodeGlobalId('Recording', 'zoom', ['/ab//c==', '..']);
    expect(id).toBe('gid://recording-graph/Recording/zoom/%2Fab%2F%2Fc%3D%3D/..');
    expect(decodeGlobalId(id).segments).toEqual(['/ab//c==', '..']);
  });

  it('gives one canonical spelling whatever percent-encoding the client used', () => {
    const canonical = encodeGlobalId('Recording', 'zoom', ['a=b', 'c']);
    const loose = `${GLOBAL_ID_PREFIX}Recording/zoom/a=b/c`;
    expect(canonicalGlobalId(decodeGlobalId(loose))).toBe(canonical);
  });

  it.each([
    [''],
    ['gid://recording-graph/Recording/daily'],
    ['gid://recording-graph/Recording/daily/'],
    ['gid://recording-graph/Video/daily/abc'],
    ['gid://recording-graph/Recording/teams/abc'],
    ['gid://shopify/Recording/daily/abc'],
    ['Recording/daily/abc'],
    ['gid://recording-graph/Recording/daily/%E0%A4%A'],
    ['gid://recording-graph/Recording/daily/a//b'],
  ])('refuses %p with BAD_USER_INPUT', (id) => {
    expect(() => decodeGlobalId(id)).toThrow(expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT }));
  });

  it('refuses an id over 1024 characters before parsing it', () => {
    const id = `gid://recording-graph/Recording/daily/${'a'.repeat(2000)}`;
    expect(() => decodeGlobalId(id)).toThrow(expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT }));
  });

  it('refuses arbitrary strings with a coded error, never anything else', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        try {
          decodeGlobalId(s);
        } catch (error) {
          expect(error).toMatchObject({ code: ErrorCode.BAD_USER_INPUT });
        }
      }),
    );
  });
});
