import { visit, type ASTNode, type DocumentNode, type GraphQLSchema } from 'graphql';
import { linkValidityOf } from '../graphql/link-hint';
import { measureQueryCost, type QueryCost } from './query-cost';

/**
 * Arguments through which variables can change what is read from an operation before it
 * runs: list sizes (`nodes(ids:)`, `_entities(representations:)`, `recordings(first:)`) for
 * the budgets, and `accessLink(validForSecs:)` for the link hint. Directives too (any
 * `@skip`/`@include` can remove a costly field). Keyed by field name alone, a superset.
 */
const FIELDS_WITH_COSTLY_ARGUMENTS = new Set(['nodes', '_entities', 'recordings', 'accessLink']);

/** Operations of one document remembered with different variables; more and the memo starts over. */
const MAX_ENTRIES_PER_DOCUMENT = 64;
/** Variable values longer than this as JSON (a long `ids` list) are measured each time, never kept. */
const MAX_KEY_LENGTH = 512;

export interface OperationRequest {
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown>;
}

interface DocumentEntry<T> {
  /** The variables the result can depend on, in a fixed order. */
  variables: string[];
  results: Map<string, T>;
}

function variablesUnder(node: ASTNode, into: Set<string>): void {
  visit(node, {
    Variable(variable) {
      into.add(variable.name.value);
    },
  });
}

/** The variables used by directives and by the arguments of FIELDS_WITH_COSTLY_ARGUMENTS. */
function costlyVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    VariableDefinition: () => false, // a default value holds no variable; the definition's own name is no use
    Field(node) {
      if (!FIELDS_WITH_COSTLY_ARGUMENTS.has(node.name.value)) return;
      for (const argument of node.arguments ?? []) variablesUnder(argument, names);
    },
    Directive(node) {
      for (const argument of node.arguments ?? []) variablesUnder(argument, names);
    },
  });
  return [...names].sort();
}

/**
 * Memoizes what is read from an operation before it runs (its cost budgets, its link
 * validity), which otherwise walks the document on every request: the largest part of the
 * server's own time per request (bench/README.md). Apollo's document store hands the same
 * DocumentNode to every request with the same query text; the result is kept per document,
 * operation name and the values of the variables it can depend on (costlyVariables), so
 * `recording(id: $id)` is measured once whatever the id. A `compute` that throws (variables
 * that do not fit their types) is never kept: the next request measures again.
 * Bounded: entries live as long as their document in Apollo's store, at most
 * MAX_ENTRIES_PER_DOCUMENT each, with short keys only.
 */
export function memoizeByOperation<T>(compute: (operation: OperationRequest) => T): (operation: OperationRequest) => T {
  const byDocument = new WeakMap<DocumentNode, DocumentEntry<T>>();
  return (operation) => {
    let entry = byDocument.get(operation.document);
    if (!entry) {
      entry = { variables: costlyVariables(operation.document), results: new Map() };
      byDocument.set(operation.document, entry);
    }
    const values = operation.variables ?? {};
    // [value] for a variable that is set, [] for one that is not: absent and null differ (defaults).
    const key = JSON.stringify([operation.operationName ?? null, entry.variables.map((name) => (Object.hasOwn(values, name) ? [values[name]] : []))]);
    const known = entry.results.get(key);
    if (known !== undefined) return known;
    const result = compute(operation);
    if (key.length <= MAX_KEY_LENGTH) {
      if (entry.results.size >= MAX_ENTRIES_PER_DOCUMENT) entry.results.clear();
      entry.results.set(key, result);
    }
    return result;
  };
}

/** What the server reads from an operation before it runs. */
export interface OperationFacts extends QueryCost {
  /** The one link validity the operation asks for, if one (see linkValidityOf). */
  linkValidForSecs: number | undefined;
}

/**
 * The facts of an operation against `schema`, memoized (memoizeByOperation). Throws a
 * GraphQLError when the variables do not fit their types; execution refuses those anyway.
 */
export function operationFacts(schema: GraphQLSchema): (operation: OperationRequest) => OperationFacts {
  return memoizeByOperation((operation) => ({
    ...measureQueryCost(schema, operation),
    linkValidForSecs: linkValidityOf(operation.document, operation.variables ?? {}),
  }));
}
