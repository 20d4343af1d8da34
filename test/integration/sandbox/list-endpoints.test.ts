import { request } from 'undici';
import { BIRD_SANDBOX_ACCESS_KEY, BIRD_SANDBOX_WORKSPACE_ID, startBirdSandbox } from '../../../src/sandbox/bird/bird.emulator';
import { birdListTime } from '../../../src/sandbox/bird/bird.seed';
import { DAILY_SANDBOX_API_KEY, startDailySandbox } from '../../../src/sandbox/daily/daily.emulator';
import {
  SIGNALWIRE_SANDBOX_API_TOKEN,
  SIGNALWIRE_SANDBOX_PROJECT_ID,
  startSignalWireSandbox,
} from '../../../src/sandbox/signalwire/signalwire.emulator';

/** GET as JSON over real HTTP; the body's type is what the test expects to read. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- vendor bodies, read field by field
async function get(url: string, authorization: string): Promise<{ status: number; body: any }> {
  const res = await request(url, { headers: { authorization } });
  return { status: res.statusCode, body: await res.body.json() };
}

/** Newest first by `time`, ties by `id` ascending: the emulators' total list order. */
function inListOrder<T>(items: T[], time: (t: T) => number, id: (t: T) => string): boolean {
  return items.every((b, i) => i === 0 || time(items[i - 1]) > time(b) || (time(items[i - 1]) === time(b) && id(items[i - 1]) < id(b)));
}

describe('the Daily emulator list endpoint', () => {
  let daily: Awaited<ReturnType<typeof startDailySandbox>>;
  const auth = `Bearer ${DAILY_SANDBOX_API_KEY}`;
  beforeAll(async () => {
    daily = await startDailySandbox({ seed: 9, recordingsPerVendor: 500 });
  });
  afterAll(() => daily.emulator.close());

  it('pages newest first by start_ts then id, by starting_after, with every recording once', async () => {
    const seen: Array<{ id: string; start_ts: number }> = [];
    let after = '';
    for (;;) {
      const { status, body } = await get(`${daily.emulator.url}/v1/recordings?limit=100${after ? `&starting_after=${after}` : ''}`, auth);
      expect(status).toBe(200);
      seen.push(...body.data);
      if (body.data.length < 100) break;
      after = body.data.at(-1).id;
    }
    expect(seen).toHaveLength(524);
    expect(new Set(seen.map((r) => r.id)).size).toBe(524);
    expect(
      inListOrder(
        seen,
        (r) => r.start_ts,
        (r) => r.id,
      ),
    ).toBe(true);
  });

  it("refuses a limit outside 1..100 with Daily's error body", async () => {
    for (const limit of ['0', '101', 'x']) {
      const { status, body } = await get(`${daily.emulator.url}/v1/recordings?limit=${limit}`, auth);
      expect(status).toBe(400);
      expect(body.error).toBe('invalid-request-error');
    }
  });
});

describe('the SignalWire emulator list endpoint', () => {
  let sw: Awaited<ReturnType<typeof startSignalWireSandbox>>;
  const auth = `Basic ${Buffer.from(`${SIGNALWIRE_SANDBOX_PROJECT_ID}:${SIGNALWIRE_SANDBOX_API_TOKEN}`).toString('base64')}`;
  const list = () => `${sw.emulator.url}/api/laml/2010-04-01/Accounts/${SIGNALWIRE_SANDBOX_PROJECT_ID}/Recordings`;
  beforeAll(async () => {
    sw = await startSignalWireSandbox({ seed: 9, recordingsPerVendor: 500 });
  });
  afterAll(() => sw.emulator.close());

  it('pages by 50 by default, newest first by date_created then sid, following next_page_uri', async () => {
    const seen: Array<{ sid: string; date_created: string }> = [];
    let uri: string | null = list().slice(sw.emulator.url.length);
    let first = true;
    while (uri) {
      const { status, body } = await get(`${sw.emulator.url}${uri}`, auth);
      expect(status).toBe(200);
      if (first) expect(body.page_size).toBe(50);
      first = false;
      seen.push(...body.recordings);
      uri = body.next_page_uri;
    }
    expect(seen).toHaveLength(524);
    expect(new Set(seen.map((r) => r.sid)).size).toBe(524);
    expect(
      inListOrder(
        seen,
        (r) => Date.parse(r.date_created),
        (r) => r.sid,
      ),
    ).toBe(true);
  });

  it('filters strictly on DateCreated< and DateCreated> given in RFC 2822', async () => {
    const ordered = [...sw.data.recordings];
    const upper = ordered[10].date_created!;
    const lower = ordered[40].date_created!;
    const q = new URLSearchParams({ 'DateCreated<': upper, 'DateCreated>': lower, PageSize: '1000' });
    const { status, body } = await get(`${list()}?${q}`, auth);
    expect(status).toBe(200);
    const expected = ordered.filter(
      (r) => Date.parse(r.date_created!) < Date.parse(upper) && Date.parse(r.date_created!) > Date.parse(lower),
    );
    expect(body.recordings.map((r: { sid: string }) => r.sid)).toEqual(expected.map((r) => r.sid));
    expect(expected.length).toBeGreaterThan(0);
  });

  it("refuses a PageSize outside 1..1000 and a date not in RFC 2822, with SignalWire's error body", async () => {
    for (const q of ['PageSize=1001', 'PageSize=0', `DateCreated%3C=${encodeURIComponent('2026-01-01T00:00:00Z')}`]) {
      const { status, body } = await get(`${list()}?${q}`, auth);
      expect(status).toBe(400);
      expect(body).toMatchObject({ code: expect.any(Number), status: 400 });
    }
  });
});

describe('the Bird emulator list endpoint', () => {
  let bird: Awaited<ReturnType<typeof startBirdSandbox>>;
  const auth = `AccessKey ${BIRD_SANDBOX_ACCESS_KEY}`;
  const list = () => `${bird.emulator.url}/workspaces/${BIRD_SANDBOX_WORKSPACE_ID}/recordings`;
  beforeAll(async () => {
    bird = await startBirdSandbox({ seed: 9, recordingsPerVendor: 500 });
  });
  afterAll(() => bird.emulator.close());

  it('pages by 10 by default, newest first then by id, following nextPageToken', async () => {
    const seen: Array<Parameters<typeof birdListTime>[0]> = [];
    let token = '';
    let first = true;
    do {
      // The first page without a limit (default 10), the others with the maximum.
      const q = new URLSearchParams(first ? {} : { limit: '99', pageToken: token });
      const { status, body } = await get(`${list()}?${q}`, auth);
      expect(status).toBe(200);
      if (first) expect(body.results).toHaveLength(10);
      first = false;
      seen.push(...body.results);
      token = body.nextPageToken;
    } while (token);
    expect(seen).toHaveLength(524);
    expect(new Set(seen.map((r) => r.id)).size).toBe(524);
    expect(
      inListOrder(
        seen,
        (r) => birdListTime(r)!,
        (r) => r.id,
      ),
    ).toBe(true);
  });

  it('refuses a limit outside 1..99 and a startAt that is not a date-time, with a 422', async () => {
    for (const q of ['limit=100', 'limit=0', 'startAt=yesterday', 'endAt=2026-01-01']) {
      const { status } = await get(`${list()}?${q}`, auth);
      expect(status).toBe(422);
    }
  });
});
