import { PROVIDER_NAMES } from '../../src/domain/provider-name';
import { recordingGlobalId } from '../../src/ids/global-id';
import { ECHOED_SECRET_PREFIX, seedCloudflare, writeOnlySecrets } from '../../src/sandbox/cloudflare/cloudflare.seed';
import { demoRecordings } from '../../src/demo/demo-data';
import { startSandbox, type Sandbox } from '../../src/sandbox/start-sandbox';
import { decodedViews } from '../support/decoded-views';
import { gql } from '../support/graphql-client';
import { sendRaw } from '../support/raw-http';
import { sandboxVendorEnv } from '../support/sandbox-env';
import { spawnServer, type SpawnedServer } from '../support/spawn-server';

/**
 * Every configured secret (vendor credentials, client API keys, storage secrets) is
 * scanned for in everything the server said: responses and logs at the most verbose level,
 * across successes, vendor failures and bad input.
 */
describe('no secret in any response or log line', () => {
  let sandbox: Sandbox;
  let server: SpawnedServer;
  const API_KEY = 'client-api-key-that-must-stay-secret-42';
  const responses: string[] = [];
  /** What the server answered to requests Node's HTTP parser refuses, each carrying the API key. */
  const refused: Record<'oversized' | 'requestLine' | 'pipelined', string> = { oversized: '', requestLine: '', pipelined: '' };
  const STORAGE = 'storage { kind bucket region path host port username authMethod streamingAllowed }';
  // The sandbox's Cloudflare data (same default seed): one recording's emulator echoes the
  // write-only storage secrets, as a vendor ignoring "write-only" would.
  const cloudflare = seedCloudflare().recordings;
  const echoing = cloudflare.find((r) => r.echoes_write_only)!;

  beforeAll(async () => {
    sandbox = await startSandbox();
    server = await spawnServer({
      LOG_LEVEL: 'trace',
      API_KEYS: API_KEY,
      ...sandboxVendorEnv(sandbox),
    });
    const demo = demoRecordings();
    const ids = PROVIDER_NAMES.flatMap((v) => demo[v].slice(0, 6).map(recordingGlobalId));
    const auth = { authorization: `Bearer ${API_KEY}` };
    const query = `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Recording { storage { kind bucket path host username authMethod } session { id } accessLink { url } } } }`;
    responses.push((await gql(server.url, query, { ids }, auth)).raw);
    // The echoing recording by id, and on its timeline pages (all Cloudflare, and its session's).
    const echoingId = `gid://recording-graph/Recording/cloudflare/${echoing.id}`;
    const echoingSession = `gid://recording-graph/Session/cloudflare/${echoing.session_id}`;
    responses.push(
      (
        await gql(
          server.url,
          `query($id: ID!) { recording(id: $id) { id ${STORAGE} session { recordings { id ${STORAGE} } } } }`,
          { id: echoingId },
          auth,
        )
      ).raw,
    );
    const page = `query($filter: RecordingFilter) { recordings(first: 100, filter: $filter) { edges { cursor node { id ${STORAGE} } } pageInfo { endCursor } } }`;
    responses.push((await gql(server.url, page, { filter: { providers: ['CLOUDFLARE'] } }, auth)).raw);
    responses.push((await gql(server.url, page, { filter: { sessionId: echoingSession } }, auth)).raw);
    // Vendor failures: a 401 from every vendor's point of view is not possible with good
    // credentials, so inject outages and rate limits instead.
    for (const e of Object.values(sandbox.emulators)) e.injectFault({ kind: 'status', status: 503, times: 10 });
    responses.push((await gql(server.url, query, { ids }, auth)).raw);
    for (const e of Object.values(sandbox.emulators)) e.clearFaults();
    responses.push((await gql(server.url, '{ recording(id: "gid://recording-graph/Recording/daily/..") { id } }', undefined, auth)).raw);
    responses.push((await gql(server.url, '{ __typename }', undefined, { authorization: 'Bearer wrong-key-wrong-key-wrong' })).raw);
    // Requests the HTTP parser refuses before fastify routes them, each with the key in a header.
    const host = `Host: ${new URL(server.url).host}`;
    refused.oversized = await sendRaw(
      server.url,
      `GET /graphql?query=%7B__typename%7D HTTP/1.1\r\n${host}\r\nAuthorization: Bearer ${API_KEY}\r\nX-Pad: ${'p'.repeat(20_000)}\r\n\r\n`,
    );
    refused.requestLine = await sendRaw(server.url, `GET /graphql HTTP/1.1 extra\r\n${host}\r\nAuthorization: Bearer ${API_KEY}\r\n\r\n`);
    const body = JSON.stringify({ query: '{ __typename }' });
    refused.pipelined = await sendRaw(
      server.url,
      `POST /graphql HTTP/1.1\r\n${host}\r\nAuthorization: Bearer ${API_KEY}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}` +
        `GET /graphql HTTP/1.1\r\n${host}\r\nAuthorization: Bearer ${API_KEY}\r\nBroken header line\r\n\r\n`,
    );
    responses.push(...Object.values(refused));
  });
  afterAll(async () => {
    await server.stop();
    await sandbox.close();
  });

  it('keeps every credential out of responses and logs, however a log line encodes bytes', () => {
    const p = sandbox.providers;
    const secrets = [API_KEY, p.daily.apiKey, p.signalwire.apiToken, p.zoom.apiSecret, p.bird.accessKey, p.cloudflare.apiToken];
    const basic = Buffer.from(`${p.signalwire.projectId}:${p.signalwire.apiToken}`).toString('base64');
    expect(server.output.length).toBeGreaterThan(5);
    for (const text of [...responses, ...server.output]) {
      for (const view of decodedViews(text)) for (const secret of [...secrets, basic]) expect(view).not.toContain(secret);
    }
  });

  it('answers what the HTTP parser refuses in the GraphQL error shape (a 431, a malformed request line, the bad half of a pipelined pair)', () => {
    expect(refused.oversized).toMatch(/^HTTP\/1\.1 431 /);
    expect(refused.requestLine).toMatch(/^HTTP\/1\.1 400 /);
    // The malformed second of the pair gets a 400 (the connection closes, whether or not the first was answered by then).
    expect(refused.pipelined).toMatch(/HTTP\/1\.1 400 /);
    for (const answer of Object.values(refused)) expect(answer).toContain('"extensions":{"code":"BAD_REQUEST"}');
  });

  it('keeps storage secrets out of responses and logs, even those a vendor echoes', () => {
    const echoed = writeOnlySecrets(echoing);
    expect(echoed).toHaveLength(4);
    const stored = cloudflare.flatMap(writeOnlySecrets);
    expect(stored.length).toBeGreaterThan(echoed.length);
    // The echoing recording was really answered, by id and on both timeline pages, with its storage.
    const echoingId = `gid://recording-graph/Recording/cloudflare/${echoing.id}`;
    for (const res of responses.slice(1, 4)) {
      expect(res).toContain(echoingId);
      expect(res).toContain('"host":"echo.example.net"');
    }
    const everything = [...responses, ...server.output].join('\n');
    for (const secret of stored) expect(everything).not.toContain(secret);
    // Not even a part of one: every echoed value starts with the prefix.
    expect(echoed.every((v) => v.startsWith(ECHOED_SECRET_PREFIX))).toBe(true);
    expect(everything).not.toContain(ECHOED_SECRET_PREFIX);
  });

  it('never logs an access link in full', () => {
    const links = [...responses[0].matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(5);
    const logs = server.output.join('\n');
    for (const link of links) expect(logs).not.toContain(link);
  });
});
