import { BadUserInputError } from '../../../src/errors/coded-error';
import { ErrorCode } from '../../../src/errors/error-codes';
import { ProviderError } from '../../../src/errors/provider-error';
import { readTimelinePage } from '../../../src/listing/timeline-page';
import type { ProviderName } from '../../../src/domain/provider-name';
import type { RecordingProvider } from '../../../src/providers/recording-provider';

/** A vendor whose every listing call fails with `error`. */
const failingWith = (name: ProviderName, error: Error) => ({ name, listRecordings: () => Promise.reject(error) }) as unknown as RecordingProvider;
const empty = (name: ProviderName) => ({ name, listRecordings: async () => ({ items: [], next: null }) }) as unknown as RecordingProvider;

describe('a timeline page when an adapter refuses', () => {
  it("fails the request as BAD_USER_INPUT when an adapter refuses the cursor's position for it", async () => {
    const refused = new BadUserInputError('Malformed Bird listing position in the cursor.', 'bird');
    const page = readTimelinePage([{ provider: failingWith('bird', refused), filter: {} }, { provider: empty('daily'), filter: {} }], {}, 5, {});
    await expect(page).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT, provider: 'bird' });
  });

  it('keeps a vendor answering 400 a vendor failure: a partial page naming it, not a failed request', async () => {
    const vendor400 = new ProviderError('bird', ErrorCode.BAD_USER_INPUT, 'Bird rejected the request as invalid (HTTP 400).');
    const page = await readTimelinePage([{ provider: failingWith('bird', vendor400), filter: {} }, { provider: empty('daily'), filter: {} }], {}, 5, {});
    expect(page.failures).toEqual([{ provider: 'bird', error: vendor400 }]);
  });
});
