import type { GraphQLSchema } from 'graphql';
import { BadUserInputError } from '../errors/coded-error';

/** The entity types this subgraph resolves by reference (their `@key` is `id`). */
const ENTITY_TYPES = new Set(['Recording', 'Session']);

/**
 * Refuses `_entities(representations:)` unless every representation is an object naming
 * one of our entity types with a string id: BAD_USER_INPUT, before any loader or vendor.
 * @apollo/subgraph's own resolver throws a plain Error for these, which the server would
 * mask as INTERNAL_SERVER_ERROR and log as an error: any key holder could flood the log.
 */
export function checkRepresentations(representations: unknown): void {
  if (!Array.isArray(representations)) throw new BadUserInputError('`representations` must be a list.');
  representations.forEach((r, i) => {
    const ok =
      typeof r === 'object' &&
      r !== null &&
      !Array.isArray(r) &&
      ENTITY_TYPES.has((r as { __typename?: unknown }).__typename as string) &&
      typeof (r as { id?: unknown }).id === 'string';
    if (!ok)
      throw new BadUserInputError(
        `Malformed representation at index ${i}: expected { __typename: "Recording" or "Session", id: "<global id>" }.`,
      );
  });
}

/** Puts checkRepresentations in front of the subgraph's `Query._entities` resolver. */
export function guardEntities(schema: GraphQLSchema): void {
  const field = schema.getQueryType()?.getFields()._entities;
  const resolve = field?.resolve;
  if (!field || !resolve) return;
  field.resolve = (source, args, context, info) => {
    checkRepresentations((args as { representations?: unknown }).representations);
    return resolve(source, args, context, info);
  };
}
