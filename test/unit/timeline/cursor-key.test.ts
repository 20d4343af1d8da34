import type { ProvidersConfig } from '../../../src/app-config';
import { loadConfig } from '../../../src/app-config';
import { VENDORS } from '../../../src/providers/vendors';
import { deriveCursorKey } from '../../../src/timeline/cursor-key';

const env = { DAILY_API_KEY: 'daily-key', ZOOM_API_KEY: 'zk', ZOOM_API_SECRET: 'zoom-secret' };
const providers = (e: Record<string, string>): ProvidersConfig => loadConfig(e).providers;

describe('the cursor key', () => {
  it('is the same for the same vendor credentials (restarts, replicas), whatever the base URLs', () => {
    const a = deriveCursorKey(undefined, providers(env), VENDORS);
    const b = deriveCursorKey(undefined, providers({ ...env, DAILY_API_URL: 'http://127.0.0.1:1234' }), VENDORS);
    expect(a).toHaveLength(32);
    expect(a.equals(b)).toBe(true);
  });

  it('changes with any credential, and with the set of vendors', () => {
    const a = deriveCursorKey(undefined, providers(env), VENDORS);
    expect(a.equals(deriveCursorKey(undefined, providers({ ...env, ZOOM_API_SECRET: 'rotated' }), VENDORS))).toBe(false);
    expect(a.equals(deriveCursorKey(undefined, providers({ DAILY_API_KEY: 'daily-key' }), VENDORS))).toBe(false);
  });

  it('comes from CURSOR_SECRET alone when it is set, and is not the secret itself', () => {
    const secret = 'a-cursor-secret-of-at-least-32-chars!';
    const a = deriveCursorKey(secret, providers(env), VENDORS);
    expect(a.equals(deriveCursorKey(secret, providers({ DAILY_API_KEY: 'other' }), VENDORS))).toBe(true);
    expect(a.equals(deriveCursorKey(undefined, providers(env), VENDORS))).toBe(false);
    // Derived, not the secret's own bytes: a key of 32 bytes cut from the secret would equal this.
    expect(a.equals(Buffer.from(secret, 'utf8').subarray(0, 32))).toBe(false);
  });
});
