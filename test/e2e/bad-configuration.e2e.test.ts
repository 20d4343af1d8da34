import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** `node dist/index.js` (what `npm start` runs) with only this environment: its exit code and all it wrote. */
async function start(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [join(__dirname, '..', '..', 'dist', 'index.js')], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, output };
}

describe('npm start with several bad variables', () => {
  it('refuses to start once, naming every variable to fix in our words, with no stack and no secret', async () => {
    const { code, output } = await start({
      LOG_LEVEL: 'loud',
      PORT: 'eighty',
      ZOOM_API_SECRET: 'zoom-secret-value-123',
      SHUTDOWN_GRACE_MS: '-5',
    });
    expect(code).toBe(1);
    expect(output).toBe(
      [
        'recording-graph refuses to start: 4 variables to fix:',
        '  ZOOM_API_KEY: is required because ZOOM_API_SECRET is set.',
        '  PORT: must be a whole number from 0 to 65535.',
        '  LOG_LEVEL: must be one of trace, debug, info, warn, error, fatal or silent.',
        '  SHUTDOWN_GRACE_MS: must be a whole number from 0 to 600000.',
        '',
      ].join('\n'),
    );
  });
});
