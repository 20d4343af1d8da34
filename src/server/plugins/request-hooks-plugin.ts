import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { GraphQLContext } from '../../graphql/context';

/** The request hooks our plugins use; each reads all it needs from its arguments, so one object serves every request. */
export type RequestHooks = Pick<GraphQLRequestListener<GraphQLContext>, 'didResolveOperation' | 'didEncounterErrors' | 'willSendResponse'>;

const HOOK_NAMES = ['didResolveOperation', 'didEncounterErrors', 'willSendResponse'] as const;

/**
 * Our request hooks (operation facts, partial errors, masked-error log, metrics) as one Apollo
 * plugin whose one listener is built once per server. Apollo awaits every plugin's
 * `requestDidStart` and offers every event of a request to every listener, so four plugins
 * cost four promises and listener objects per request, for hooks that keep no per-request
 * state (bench/README.md, "Own overhead"). A hook none of them has is not registered; the
 * hooks of one event run one after another in the order given (partial errors are appended
 * to the response before its outcome is counted).
 */
export function requestHooksPlugin(all: readonly RequestHooks[]): ApolloServerPlugin<GraphQLContext> {
  const listener: RequestHooks = {};
  for (const name of HOOK_NAMES) {
    type Hook = (context: never) => Promise<void>;
    const hooks = all.map((h) => h[name] as Hook | undefined).filter((h): h is Hook => h !== undefined);
    if (hooks.length === 0) continue;
    const merged: Hook =
      hooks.length === 1
        ? hooks[0]
        : async (context) => {
            for (const hook of hooks) await hook(context);
          };
    (listener as Record<string, Hook>)[name] = merged;
  }
  return { requestDidStart: async () => listener };
}
