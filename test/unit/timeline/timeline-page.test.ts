import { BadUserInputError } from '../../../src/errors/coded-error';
import { ErrorCode } from '../../../src/errors/error-codes';
import { ProviderError } from '../../../src/errors/provider-error';
import { readTimelinePage } from '../../../src/timeline/timeline-page';
import { DONE } from '../../../src/timeline/timeline-state';
import type { ProviderName } from '../../../src/domain/provider-name';
import type { RecordingProvider } from '../../../src/providers/recording-provider';
import { inMemoryVendor, recordingOf } from '../../support/in-memory-vendor';

/** A vendor whose every listing call fails with `error`. */
const failingWith = (name: ProviderName, error: Error) =>
  ({ name, listRecordings: () => Promise.reject(error) }) as unknown as RecordingProvider;
const empty = (name: ProviderName) => ({ name, listRecordings: async () => ({ items: [], next: null }) }) as unknown as RecordingProvider;

describe('a timeline page when an adapter refuses', () => {
  it("fails the request as BAD_USER_INPUT when an adapter refuses the cursor's position for it", async () => {
    const refused = new BadUserInputError('Malformed Bird listing position in the cursor.', 'bird');
    const page = readTimelinePage(
      [
        { provider: failingWith('bird', refused), filter: {} },
        { provider: empty('daily'), filter: {} },
      ],
      {},
      5,
      {},
    );
    await expect(page).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT, provider: 'bird' });
  });

  it('keeps a vendor answering 400 a vendor failure: a partial page naming it, not a failed request', async () => {
    const vendor400 = new ProviderError('bird', ErrorCode.BAD_USER_INPUT, 'Bird rejected the request as invalid (HTTP 400).');
    const page = await readTimelinePage(
      [
        { provider: failingWith('bird', vendor400), filter: {} },
        { provider: empty('daily'), filter: {} },
      ],
      {},
      5,
      {},
    );
    expect(page.failures).toEqual([{ provider: 'bird', error: vendor400 }]);
  });
});

describe("a timeline page at the end of a vendor's list", () => {
  const at = (m: number) => new Date(Date.UTC(2026, 0, 1, 0, m));
  const vendor = (name: ProviderName, minutes: number[]) =>
    inMemoryVendor({
      name,
      recordings: minutes.map((m) =>
        recordingOf(name, `${name[0]}${m}`, { startedAt: at(m), createdAt: at(m), status: 'READY', session: 's' }),
      ),
      pageSize: 10,
      honoursLimit: true,
    });

  it('marks the vendor done from its last recording on, and never calls it again', async () => {
    // Daily's two recordings are the newest: its one call answers both and says it has no more.
    const daily = vendor('daily', [50, 40]);
    const bird = vendor('bird', [30, 20, 10]);
    const sources = [daily, bird].map((v) => ({ provider: v.provider, filter: {} }));
    const first = await readTimelinePage(sources, {}, 3, {});
    expect(first.edges.map((e) => e.recording.nativeId)).toEqual(['d50', 'd40', 'b30']);
    // The edge of Daily's last recording, and every later state, resume Daily as DONE.
    expect(first.edges.map((e) => e.state.daily)).toEqual([{ at: 0 }, DONE, DONE]);
    expect(first.endState.daily).toBe(DONE);
    expect(first.hasNextPage).toBe(true);

    const second = await readTimelinePage(sources, first.endState, 3, {});
    expect(second.edges.map((e) => e.recording.nativeId)).toEqual(['b20', 'b10']);
    expect(second.endState).toEqual({ daily: DONE, bird: DONE });
    expect(second.hasNextPage).toBe(false);
    expect(daily.calls).toHaveLength(1);
  });
});
