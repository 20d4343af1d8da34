import type { DocumentNode } from 'graphql';
import { DEFAULT_FIRST, MAX_FIRST } from '../../graphql/listing/listing-plan';
import { DEFAULT_VALID_FOR_SECS } from '../../graphql/access-link/validity';

/** One operation as a request runs it: what the limits read before execution. */
export interface OperationRequest {
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown>;
}

/** What one `Session.recordings` is counted as, for both budgets: a session holds a handful of files. */
export const SESSION_RECORDINGS_ESTIMATE = 20;

/** The page size `Query.recordings` will really use; out of range it is refused before any call anyway. */
function listingPageSize(first: unknown): number {
  if (typeof first !== 'number' || !Number.isInteger(first)) return DEFAULT_FIRST;
  return Math.min(Math.max(first, 0), MAX_FIRST);
}

const listLength = (value: unknown): number => (Array.isArray(value) ? value.length : 0);

/**
 * What of a variable's value can change an operation's facts: a list's length, or the value
 * itself. The operation-facts memo keys on exactly this (operation-facts.ts).
 */
export type ArgumentCounts = 'length' | 'value';

/** A field the limits read, with the argument (if any) through which a variable changes what it costs. */
export interface FieldFact {
  /** The argument a variable can change the facts through, and what of its value counts. */
  argument?: { name: string; counts: ArgumentCounts };
  /** A list of recordings or sessions: how many items it yields at most, given the field's arguments. */
  itemsAtMost?: (args: Record<string, unknown>) => number;
  /** Fetches one recording or session (a vendor call unless batched or cached). */
  singleObject?: true;
  /** Mints one access link; the argument's value is the validity asked for, `defaultValue` when absent or null. */
  mintsLink?: { defaultValue: number };
}

/**
 * The one table of the fields whose arguments the server reads before running an operation,
 * keyed `Type.field`. The cost budgets (query-cost.ts) multiply by `itemsAtMost` and count
 * `singleObject` and `mintsLink`; the link hint (link-hint.ts) reads `mintsLink`; the memo of
 * operation facts (operation-facts.ts) keys on each `argument`. A field added here is seen by
 * all three.
 */
export const FIELD_FACTS: Readonly<Record<string, FieldFact>> = {
  'Query.nodes': { argument: { name: 'ids', counts: 'length' }, itemsAtMost: (args) => listLength(args.ids) },
  // Federation's entity lookups: one object per representation.
  'Query._entities': { argument: { name: 'representations', counts: 'length' }, itemsAtMost: (args) => listLength(args.representations) },
  'Query.recordings': { argument: { name: 'first', counts: 'value' }, itemsAtMost: (args) => listingPageSize(args.first) },
  'Session.recordings': { itemsAtMost: () => SESSION_RECORDINGS_ESTIMATE },
  'Query.node': { singleObject: true },
  'Query.recording': { singleObject: true },
  'Query.session': { singleObject: true },
  'Recording.session': { singleObject: true },
  'Recording.accessLink': { argument: { name: 'validForSecs', counts: 'value' }, mintsLink: { defaultValue: DEFAULT_VALID_FOR_SECS } },
};

/** The fact of `type.field`, if the table has one. */
export function fieldFact(typeName: string, fieldName: string): FieldFact | undefined {
  const key = `${typeName}.${fieldName}`;
  return Object.hasOwn(FIELD_FACTS, key) ? FIELD_FACTS[key] : undefined;
}

/**
 * The table's arguments by field and argument name alone (`nodes.ids`), for walks of a
 * document that know no parent types: no two fields of one name read an argument of the
 * same name differently (a test checks it).
 */
export const ARGUMENTS_BY_NAME: ReadonlyMap<string, ArgumentCounts> = new Map(
  Object.entries(FIELD_FACTS).flatMap(([key, fact]) =>
    fact.argument ? [[`${key.split('.')[1]}.${fact.argument.name}`, fact.argument.counts] as const] : [],
  ),
);

/** The field that mints links, by name, and its argument: what the link hint looks for. */
export const LINK_FIELDS: ReadonlyArray<{ field: string; argument: string; defaultValue: number }> = Object.entries(FIELD_FACTS).flatMap(
  ([key, fact]) =>
    fact.mintsLink && fact.argument
      ? [{ field: key.split('.')[1], argument: fact.argument.name, defaultValue: fact.mintsLink.defaultValue }]
      : [],
);
