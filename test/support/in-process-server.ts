import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/app-config';
import { buildAppSchema } from '../../src/graphql/build-schema';
import type { ProviderRegistry } from '../../src/providers/provider-registry';
import { buildGraphQLServer, type GraphQLServer, type ServerLog } from '../../src/server/graphql-server';

export interface InProcessServer extends GraphQLServer {
  /** What the server logged at error level, each line as its fields plus `msg`. */
  errorLines: Array<Record<string, unknown>>;
}

/**
 * The API's Apollo server with every limit, plugin and error formatter, over the given
 * (in-memory) vendors, listening nowhere: operations run with `execute`, in this process.
 * For tests where HTTP adds nothing (docs/development.md, "Tests without HTTP").
 */
export async function inProcessServer(providers: ProviderRegistry, env: Record<string, string> = {}): Promise<InProcessServer> {
  const errorLines: Array<Record<string, unknown>> = [];
  const ignore = () => undefined;
  const log: ServerLog = {
    debug: ignore,
    info: ignore,
    warn: ignore,
    error: (fields?: unknown, msg?: unknown) => void errorLines.push({ ...(typeof fields === 'object' ? fields : { fields }), msg }),
  };
  const config = loadConfig({ NODE_ENV: 'test', ...env });
  const server = await buildGraphQLServer(config, await buildAppSchema(), providers, { cursorKey: randomBytes(32), log });
  return Object.assign(server, { errorLines });
}
