import { createFormatError } from '../../errors/format-error';
import type { RequestLog } from './partial-errors-plugin';
import type { RequestHooks } from './request-hooks-plugin';

/**
 * Logs every error the formatter masks (no code of ours), with the request's `reqId`,
 * by name and path only: Apollo's formatError, where masking happens, has no request
 * context, so the masking decision is asked of the same formatter here, where it does.
 *
 * Options: `log`, the server's logger.
 */
export function maskedErrorLogPlugin(log: RequestLog): RequestHooks {
  return {
    // Built only for a request that has errors: nothing is added to the others.
    async didEncounterErrors({ errors, contextValue }) {
      const report = createFormatError((info) =>
        log.error({ reqId: contextValue.requestId, err: { name: info.name }, path: info.path }, 'masked an error without a code'),
      );
      for (const error of errors) report(error.toJSON(), error);
    },
  };
}
