import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Signs the sandbox's media links. A vendor's storage signs its links with a key only it
 * holds (CloudFront's key pair for Daily, SigV4 for S3 and R2); the emulators stand in with an
 * HMAC-SHA256 under a key made at start, so a link stays valid for one sandbox run and any
 * change to what it covers (path, expiry, signature) is refused.
 */
export interface LinkSigner {
  /** HMAC-SHA256 over `text`: hex as SigV4 writes it, or base64url (CloudFront's alphabet is close). */
  sign(text: string, encoding?: 'hex' | 'base64url'): string;
  /** Whether `signature` is `sign(text, encoding)`, compared in constant time. */
  verify(text: string, signature: string | null | undefined, encoding?: 'hex' | 'base64url'): boolean;
}

export function createLinkSigner(): LinkSigner {
  const key = randomBytes(32);
  const sign = (text: string, encoding: 'hex' | 'base64url' = 'hex') => createHmac('sha256', key).update(text).digest(encoding);
  return {
    sign,
    verify(text, signature, encoding) {
      if (!signature) return false;
      const want = Buffer.from(sign(text, encoding));
      const got = Buffer.from(signature);
      return want.length === got.length && timingSafeEqual(want, got);
    },
  };
}
