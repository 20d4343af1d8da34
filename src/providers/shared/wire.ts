import type { z } from 'zod';
import type { ProviderName } from '../../domain/provider-name';
import { badResponse } from '../../errors/provider-error';

/**
 * Checks a vendor body against its documented shape (the zod schema in
 * `<vendor>.api-types.ts`). A body that does not fit is PROVIDER_BAD_RESPONSE, never a
 * half-mapped object; the body itself is not put in the error.
 */
export function parseWire<S extends z.ZodType>(provider: ProviderName, schema: S, body: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path?.length ? ` at ${issue.path.join('.')}` : '';
    throw badResponse(provider, `${what}${where}`);
  }
  return result.data;
}
