import fc from 'fast-check';
import type { RunningApp } from '../../../src/app';
import { PROVIDER_NAMES } from '../../../src/domain/provider-name';
import { ErrorCode } from '../../../src/errors/error-codes';
import type { Sandbox } from '../../../src/sandbox/start-sandbox';
import { startSandboxApp, type SandboxApp } from '../../support/sandbox-app';
import { gql } from '../../support/graphql-client';

const CODES = new Set<string>([...Object.values(ErrorCode), 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST']);

/** Arbitrary strings as ids and arguments: always a clean coded answer, never a stray vendor call. */
describe('fuzzing ids and arguments', () => {
  let sandbox: Sandbox;
  let app: RunningApp;
  let running: SandboxApp;

  beforeAll(async () => {
    running = await startSandboxApp();
    ({ sandbox, app } = running);
  });
  afterAll(() => running.close());

  // Strings shaped like ids often enough to get past the prefix check.
  const idLike = fc.oneof(
    fc.string({ maxLength: 120 }),
    fc
      .tuple(fc.constantFrom('Recording', 'Session', 'Other'), fc.constantFrom(...PROVIDER_NAMES, 'x'), fc.array(fc.string({ maxLength: 40, unit: 'binary' }), { minLength: 0, maxLength: 3 }))
      .map(([t, p, segs]) => `gid://recording-graph/${t}/${p}/${segs.join('/')}`),
    fc.array(fc.constantFrom('..', '.', '%2F', '%2E%2E', '%252F', '/', 'a', '%', '?', '#'), { maxLength: 6 }).map((parts) => `gid://recording-graph/Recording/zoom/${parts.join('')}/x`),
  );

  it('answers with known codes only, and every vendor call it makes is on a documented route', async () => {
    await fc.assert(
      fc.asyncProperty(idLike, fc.integer({ min: -1_000_000, max: 2_000_000 }), async (id, validForSecs) => {
        const res = await gql(app.url, `query($id: ID!, $v: Int) { node(id: $id) { id ... on Recording { accessLink(validForSecs: $v) { url } } } }`, { id, v: validForSecs });
        expect([200, 400]).toContain(res.status);
        for (const error of res.body.errors ?? []) expect(CODES).toContain(error.extensions?.code);
      }),
      { numRuns: 150 },
    );
    for (const e of Object.values(sandbox.emulators)) {
      expect(e.counters.get('unmatched') ?? 0).toBe(0);
      for (const entry of e.log) expect(entry.path).not.toMatch(/(^|\/)\.\.?(\/|$)/);
    }
  });
});
