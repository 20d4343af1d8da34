import type { Sandbox } from '../../src/sandbox/start-sandbox';

/**
 * The environment that configures a `node dist/index.js` process for all five vendors, each
 * pointed at the sandbox's emulator with the sandbox's credentials: what an operator would set
 * (docs/configuration.md), for tests and benchmarks that run the server as a child process.
 */
export function sandboxVendorEnv(sandbox: Pick<Sandbox, 'providers'>): Record<string, string> {
  const { daily, signalwire, zoom, bird, cloudflare } = sandbox.providers;
  return {
    DAILY_API_KEY: daily.apiKey,
    DAILY_API_URL: daily.baseUrl,
    SIGNALWIRE_PROJECT_ID: signalwire.projectId,
    SIGNALWIRE_API_TOKEN: signalwire.apiToken,
    SIGNALWIRE_SPACE_URL: signalwire.spaceUrl,
    ZOOM_API_KEY: zoom.apiKey,
    ZOOM_API_SECRET: zoom.apiSecret,
    ZOOM_API_URL: zoom.baseUrl,
    BIRD_ACCESS_KEY: bird.accessKey,
    BIRD_WORKSPACE_ID: bird.workspaceId,
    BIRD_API_URL: bird.baseUrl,
    CLOUDFLARE_API_TOKEN: cloudflare.apiToken,
    CLOUDFLARE_ACCOUNT_ID: cloudflare.accountId,
    CLOUDFLARE_APP_ID: cloudflare.appId,
    CLOUDFLARE_API_URL: cloudflare.baseUrl,
  };
}
