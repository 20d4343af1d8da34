import type { GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { fieldFact, type OperationRequest } from './argument-facts';

/** How many items a list field yields at most (FIELD_FACTS' itemsAtMost), or undefined for any other field. */
function listMultiplier(typeName: string, fieldName: string, args: Record<string, unknown>): number | undefined {
  return fieldFact(typeName, fieldName)?.itemsAtMost?.(args);
}

/**
 * Counts the links an operation could mint: each `accessLink` is one, multiplied by the
 * lists above it (see listMultiplier). Other fields cost nothing of their own.
 */
const linkEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (fieldFact(type.name, field.name)?.mintsLink) return 1;
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
  if (fieldFact(type.name, field.name)?.singleObject) return 1 + childComplexity;
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
    getComplexity({
      schema,
      query: document,
      variables: variables ?? {},
      operationName: operationName ?? undefined,
      estimators: [estimator],
    });
  return { links: measure(linkEstimator), objects: measure(objectEstimator) };
}
