import { Kind, visit, type DocumentNode, type GraphQLSchema } from 'graphql';
import { ARGUMENTS_BY_NAME, type ArgumentCounts, type OperationRequest } from './argument-facts';
import { linkValidityOf } from './link-hint';
import { measureQueryCost, type QueryCost } from './query-cost';

/** Facts remembered in all; the least recently used go first. */
const MAX_ENTRIES = 1_000;

interface VariableUse {
  name: string;
  counts: ArgumentCounts;
}

interface DocumentEntry {
  /** Tells this document's entries apart from another's in the shared map. */
  id: number;
  uses: VariableUse[];
}

/**
 * Where the document's variables can change its facts: the arguments of the table of field
 * facts (argument-facts.ts), and every directive argument by value, since `@skip`/`@include`
 * can remove a costly field.
 */
function variableUses(document: DocumentNode): VariableUse[] {
  const uses: VariableUse[] = [];
  visit(document, {
    VariableDefinition: () => false,
    Field(node) {
      for (const argument of node.arguments ?? []) {
        const counts = ARGUMENTS_BY_NAME.get(`${node.name.value}.${argument.name.value}`);
        // Only a variable that is the whole argument counts: inside a list literal it cannot
        // change the list's length, and the value arguments are Ints, which hold no variable.
        if (counts && argument.value.kind === Kind.VARIABLE) uses.push({ name: argument.value.name.value, counts });
      }
    },
    Directive(node) {
      for (const argument of node.arguments ?? []) {
        if (argument.value.kind === Kind.VARIABLE) uses.push({ name: argument.value.name.value, counts: 'value' });
      }
    },
  });
  return uses;
}

/**
 * What of a variable's value the key keeps: a list's length as GraphQL coerces it (a single
 * value is a list of one), or a number or boolean as it is. Anything else (a string where an
 * Int belongs) is undefined: such a request is measured, never remembered, so keys hold no
 * ids, cursors or other client data.
 */
function keyPart(values: Record<string, unknown>, use: VariableUse): unknown {
  if (!Object.hasOwn(values, use.name)) return '-'; // absent differs from null: a default applies
  const value = values[use.name];
  if (value === null) return null;
  if (use.counts === 'length') return Array.isArray(value) ? value.length : 1;
  return typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}

/**
 * Memoizes what is read from an operation before it runs (its cost budgets, its link
 * validity), which otherwise walks the document several times on every request: the
 * largest part of the server's own time per request (bench/README.md). Apollo's document
 * store hands the same DocumentNode to every request with the same query text; the result is
 * kept per document, operation name and what of the variables can change it (variableUses),
 * so `recording(id: $id)` is measured once whatever the id, and `nodes(ids: $ids)` once per
 * list length. A `compute` that throws (variables that do not fit their types) is never kept.
 * Bounded: MAX_ENTRIES in all, least recently used evicted first.
 */
export function memoizeByOperation<T>(compute: (operation: OperationRequest) => T): (operation: OperationRequest) => T {
  const documents = new WeakMap<DocumentNode, DocumentEntry>();
  const results = new Map<string, T>();
  let nextId = 0;
  return (operation) => {
    let entry = documents.get(operation.document);
    if (!entry) {
      entry = { id: nextId++, uses: variableUses(operation.document) };
      documents.set(operation.document, entry);
    }
    const values = operation.variables ?? {};
    const parts = entry.uses.map((use) => keyPart(values, use));
    if (parts.includes(undefined)) return compute(operation);
    const key = `${entry.id}:${JSON.stringify([operation.operationName ?? null, parts])}`;
    const known = results.get(key);
    if (known !== undefined) {
      results.delete(key); // most recently used goes last
      results.set(key, known);
      return known;
    }
    const result = compute(operation);
    if (results.size >= MAX_ENTRIES) results.delete(results.keys().next().value as string);
    results.set(key, result);
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
    linkValidForSecs: linkValidityOf(operation.document, operation.variables ?? {}, operation.operationName),
  }));
}
