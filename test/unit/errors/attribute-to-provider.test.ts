import { BadUserInputError } from '../../../src/errors/coded-error';
import { ErrorCode } from '../../../src/errors/error-codes';
import { attributeToProvider, ProviderError } from '../../../src/errors/provider-error';

describe("attributeToProvider: a vendor failure reported next to the other vendors' data", () => {
  it('keeps a ProviderError of that vendor as it is', () => {
    const error = new ProviderError('bird', ErrorCode.PROVIDER_RATE_LIMITED, 'Bird is rate limiting requests; try again later.');
    expect(attributeToProvider('bird', error, 'listing recordings')).toBe(error);
  });

  it('names the vendor on a coded error that did not, keeping code and message', () => {
    const error = attributeToProvider('zoom', new BadUserInputError('Zoom rejected the date range.'), 'listing recordings');
    expect(error).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, provider: 'zoom', message: 'Zoom rejected the date range.' });
  });

  it('turns anything else into an INTERNAL_SERVER_ERROR naming the vendor, without its message', () => {
    const error = attributeToProvider(
      'daily',
      new TypeError("Cannot read properties of undefined (reading 'secret-ish')"),
      'listing recordings',
    );
    expect(error).toMatchObject({
      code: ErrorCode.INTERNAL_SERVER_ERROR,
      provider: 'daily',
      message: 'Daily failed while listing recordings (internal error).',
    });
  });
});
