import { randomBytes } from 'node:crypto';
import type { RunningApp } from '../../../src/app';
import { PROVIDER_NAMES } from '../../../src/domain/provider-name';
import { CursorCodec, CURSOR_VERSION, fingerprint, sealCursor } from '../../../src/timeline/cursor';
import { VENDORS } from '../../../src/providers/vendors';
import { deriveCursorKey } from '../../../src/timeline/cursor-key';
import { DONE } from '../../../src/timeline/timeline-state';
import { demoRecordings } from '../../../src/demo/demo-data';
import { gql } from '../../support/graphql-client';
import { startSandboxApp, type SandboxApp } from '../../support/sandbox-app';

/**
 * `Query.recordings` refuses bad arguments with BAD_USER_INPUT (and over-budget queries
 * with QUERY_TOO_COMPLEX) before any vendor is called: the emulators' counters stay at zero.
 */
describe('Query.recordings: arguments are checked before any vendor call', () => {
  let running: SandboxApp;
  let app: RunningApp;

  beforeAll(async () => {
    running = await startSandboxApp();
    ({ app } = running);
  });
  afterAll(() => running.close());
  beforeEach(() => running.resetCounters());

  const LIST = `query($filter: RecordingFilter, $first: Int, $after: String) {
    recordings(filter: $filter, first: $first, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } }
  }`;
  const dailySession = demoRecordings().daily[0].sessionKey!.map(encodeURIComponent).join('/');

  async function refused(variables: Record<string, unknown>, message: RegExp) {
    const res = await gql(app.url, LIST, variables);
    expect(res.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(res.body.errors?.[0]?.message).toMatch(message);
    expect(res.body.data ?? null).toBeNull();
    expect(running.vendorCalls()).toBe(0);
  }

  it.each([0, -1, 101])('refuses first: %p', (first) => refused({ first }, /first must be between 1 and 100/));

  it.each([
    [
      'dates in the wrong order',
      { startedAfter: '2026-02-01T00:00:00Z', startedBefore: '2026-01-01T00:00:00Z' },
      /startedAfter must be earlier/,
    ],
    ['equal dates', { startedAfter: '2026-02-01T00:00:00Z', startedBefore: '2026-02-01T00:00:00Z' }, /startedAfter must be earlier/],
    ['an empty providers list', { providers: [] }, /providers is empty/],
    ['an empty statuses list', { statuses: [] }, /statuses is empty/],
    ['a malformed session id', { sessionId: 'session-1' }, /Malformed id/],
    ['a recording id as the session id', { sessionId: 'gid://recording-graph/Recording/daily/abc' }, /Expected a Session id/],
    ['a session id breaking the vendor id rules', { sessionId: 'gid://recording-graph/Session/daily/..%2Fadmin/x' }, /./],
    [
      'a session of a vendor the providers leave out',
      { sessionId: `gid://recording-graph/Session/daily/${dailySession}`, providers: ['ZOOM'] },
      /leaves out/,
    ],
  ])('refuses %s', (_name, filter, message) => refused({ filter }, message));

  it.each([
    ['a date that is not a date-time', { filter: { startedAfter: 'yesterday' } }],
    ['a first that is not an Int', { first: 'ten' }],
  ])('refuses %s as the schema types say (a variable, not a server error)', async (_name, variables) => {
    const res = await gql(app.url, LIST, variables);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(running.vendorCalls()).toBe(0);
  });

  describe('cursors', () => {
    let cursor: string;
    beforeAll(async () => {
      const res = await gql<{ recordings: { pageInfo: { endCursor: string | null } } }>(app.url, LIST, {
        first: 1,
        filter: { statuses: ['READY'] },
      });
      cursor = res.body.data!.recordings.pageInfo.endCursor!;
    });

    it('issues an opaque cursor that shows nothing of the vendors behind it', () => {
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      // SignalWire's resume point is a page URI under /Accounts/<project id>: sealed, not readable.
      const bytes = Buffer.from(cursor, 'base64url').toString('latin1');
      for (const hidden of [running.sandbox.providers.signalwire.projectId, 'Accounts', 'pageToken', 'READY'])
        expect(bytes).not.toContain(hidden);
    });

    it.each([
      ['garbage', () => 'not-a-cursor'],
      ['a flipped character', () => cursor.slice(0, 10) + (cursor[10] === 'A' ? 'B' : 'A') + cursor.slice(11)],
      [
        'attacker-chosen positions sealed with another key',
        () =>
          sealCursor(randomBytes(32), {
            v: CURSOR_VERSION,
            f: 'x',
            s: Object.fromEntries(PROVIDER_NAMES.map((k) => [k, { page: 'https://attacker.example/' }])),
          }),
      ],
      ['a truncated cursor', () => cursor.slice(0, -4)],
    ])('refuses %s', (_name, make) => refused({ first: 1, filter: { statuses: ['READY'] }, after: make() }, /Invalid cursor/));

    it.each([
      ['Cloudflare', 'cloudflare', { offset: -1, meeting: null }],
      // A position of Zoom's session listing, in a cursor of the account-wide walk.
      ['Zoom', 'zoom', { skip: 0 }],
    ])('refuses a cursor of this server whose %s position is malformed, before any vendor call', (label, vendor, position) => {
      // Sealed with the server's own key (derived from the sandbox's credentials) for this
      // filter: only the adapter's own check of its position can refuse it. The other
      // vendors keep the states the server issued (none done), so each would be called.
      const codec = new CursorCodec(deriveCursorKey(undefined, running.sandbox.providers, VENDORS));
      const filterPrint = fingerprint({ providers: null, statuses: ['READY'], startedAfter: null, startedBefore: null, sessionId: null });
      const state = codec.decode(cursor, filterPrint, PROVIDER_NAMES);
      expect(Object.values(state)).not.toContain(DONE);
      const crafted = codec.encode(filterPrint, { ...state, [vendor]: position });
      return refused({ first: 1, filter: { statuses: ['READY'] }, after: crafted }, new RegExp(`Malformed ${label}[^.]* listing position`));
    });

    it('refuses a cursor with another filter than it was made for', () =>
      refused({ first: 1, filter: { statuses: ['FAILED'] }, after: cursor }, /different filter/));

    it('refuses a cursor with another providers list than it was made for', () =>
      refused({ first: 1, filter: { statuses: ['READY'], providers: ['DAILY'] }, after: cursor }, /different filter/));
  });
});
