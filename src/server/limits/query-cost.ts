import type { GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_FIRST, MAX_FIRST } from '../../graphql/listing/listing-plan';
import type { OperationRequest } from './operation-facts';

/** What `Session.recordings` is counted as, for both budgets: a session holds a handful of files. */
export const SESSION_RECORDINGS_ESTIMATE = 20;

/** The page size `Query.recordings` will really use; out of range it is refused before any call anyway. */
function listingPageSize(first: unknown): number {
  if (typeof first !== 'number' || !Number.isInteger(first)) return DEFAULT_FIRST;
  return Math.min(Math.max(first, 0), MAX_FIRST);
}

const listLength = (value: unknown): number => (Array.isArray(value) ? value.length : 0);

/**
 * How many items a list field yields at most, or undefined for a field that is no list of
 * recordings or sessions: `nodes(ids:)` its ids, federation's `_entities(representations:)`
 * its representations, `Query.recordings` its `first`, `Session.recordings` the estimate.
 * (operation-facts.ts keys its memo on these fields' arguments: keep the two in step.)
 */
function listMultiplier(typeName: string, fieldName: string, args: Record<string, unknown>): number | undefined {
  if (typeName === 'Query' && fieldName === 'nodes') return listLength(args.ids);
  if (typeName === 'Query' && fieldName === '_entities') return listLength(args.representations);
  if (typeName === 'Query' && fieldName === 'recordings') return listingPageSize(args.first);
  if (typeName === 'Session' && fieldName === 'recordings') return SESSION_RECORDINGS_ESTIMATE;
  return undefined;
}

/** Fields that fetch one recording or session each (a vendor call unless batched or cached). */
const SINGLE_OBJECT_FIELDS = new Set(['Query.node', 'Query.recording', 'Query.session', 'Recording.session']);

/**
 * Counts the links an operation could mint: each `accessLink` is one, multiplied by the
 * lists above it (see listMultiplier). Other fields cost nothing of their own.
 */
const linkEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.name === 'accessLink') return 1;
  const multiplier = listMultiplier(type.name, field.name, args);
  return multiplier === undefined ? childComplexity : multiplier * childComplexity;
};

/**
 * Counts the recordings and sessions an operation could fetch or list: one for each
 * single lookup, one per item of a list (see listMultiplier), each with what it selects
 * beneath it, so nesting multiplies like in the link budget.
 */
const objectEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const multiplier = listMultiplier(type.name, field.name, args);
  if (multiplier !== undefined) return multiplier * (1 + childComplexity);
  if (SINGLE_OBJECT_FIELDS.has(`${type.name}.${field.name}`)) return 1 + childComplexity;
  return childComplexity;
};

export interface QueryCost {
  /** Access links the operation could mint. */
  links: number;
  /** Recordings and sessions it could fetch or list. */
  objects: number;
}

/**
 * Both budgets of an operation, by graphql-query-complexity. Throws a GraphQLError when
 * the variables do not fit their types.
 */
export function measureQueryCost(schema: GraphQLSchema, { document, variables, operationName }: OperationRequest): QueryCost {
  const measure = (estimator: ComplexityEstimator) =>
    getComplexity({ schema, query: document, variables: variables ?? {}, operationName: operationName ?? undefined, estimators: [estimator] });
  return { links: measure(linkEstimator), objects: measure(objectEstimator) };
}
