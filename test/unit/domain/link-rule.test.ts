import { canHaveLink, linkRefusal } from '../../../src/domain/link-rule';
import { RECORDING_STATUSES, type RecordingStatus } from '../../../src/domain/model';
import { PROVIDER_NAMES } from '../../../src/domain/provider-name';
import { ErrorCode } from '../../../src/errors/error-codes';

const LINKABLE: RecordingStatus[] = ['READY', 'UNKNOWN'];

describe('the access-link rule', () => {
  it.each(RECORDING_STATUSES.map((s) => [s, LINKABLE.includes(s)] as const))('status %s can have a link: %p', (status, expected) => {
    expect(canHaveLink(status)).toBe(expected);
  });

  it.each(PROVIDER_NAMES)('refuses every status without a file, for %s alike, with a coded error naming the status', (provider) => {
    for (const status of RECORDING_STATUSES) {
      const refusal = linkRefusal({ provider, status, providerStatus: 'vendor-value' });
      if (LINKABLE.includes(status)) {
        expect(refusal).toBeNull();
      } else {
        expect(refusal).toMatchObject({ code: ErrorCode.UNSUPPORTED_BY_PROVIDER, provider });
        expect(refusal!.message).toContain(status);
        expect(refusal!.message).toContain('"vendor-value"');
      }
    }
  });

  it('names no vendor status when the vendor sent none', () => {
    expect(linkRefusal({ provider: 'bird', status: 'PENDING', providerStatus: null })!.message).not.toContain('status "');
  });
});
