import type { z } from 'zod';
import type { ProviderName } from '../../domain/provider-name';
import { badResponse } from '../../errors/provider-error';

/** The parts of a zod v4 schema's definition the path walk reads. */
interface SchemaDef {
  type?: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  innerType?: unknown;
  in?: unknown;
}

const defOf = (schema: unknown): SchemaDef | undefined => (schema as { _zod?: { def?: SchemaDef } } | undefined)?._zod?.def;

/** Wrappers that hold the schema that says what a value is (optional, nullable, default, ...). */
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional']);

/**
 * The part of an issue's path that our schema declares: field names it lists and array
 * indexes, up to the first segment that came from the body itself (a key of a record, such as
 * SignalWire's `subresource_uris`), which is the vendor's text and never goes into a message.
 */
export function declaredPath(schema: unknown, path: ReadonlyArray<PropertyKey>): string[] {
  const out: string[] = [];
  let current = schema;
  for (const segment of path) {
    let def = defOf(current);
    while (def?.type && (WRAPPERS.has(def.type) || def.type === 'pipe')) {
      current = def.type === 'pipe' ? def.in : def.innerType;
      def = defOf(current);
    }
    if (def?.type === 'object' && typeof segment === 'string' && def.shape && Object.hasOwn(def.shape, segment)) {
      out.push(segment);
      current = def.shape[segment];
    } else if (def?.type === 'array' && typeof segment === 'number') {
      out.push(String(segment));
      current = def.element;
    } else {
      break;
    }
  }
  return out;
}

/**
 * Checks a vendor body against its documented shape (the zod schema in
 * `<vendor>.api-types.ts`). A body that does not fit is PROVIDER_BAD_RESPONSE, never a
 * half-mapped object; the message names where, by our schema's own field names only
 * (declaredPath): neither the body nor any key of it is put in the error.
 */
export function parseWire<S extends z.ZodType>(provider: ProviderName, schema: S, body: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(body);
  if (!result.success) {
    const path = declaredPath(schema, result.error.issues[0]?.path ?? []);
    const where = path.length ? ` at ${path.join('.')}` : '';
    throw badResponse(provider, `${what}${where}`);
  }
  return result.data;
}
