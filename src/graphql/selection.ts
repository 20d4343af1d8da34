import {
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLInt,
  GraphQLSkipDirective,
  isAbstractType,
  Kind,
  valueFromAST,
  type FieldNode,
  type FragmentSpreadNode,
  type GraphQLResolveInfo,
  type InlineFragmentNode,
  type NamedTypeNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { DEFAULT_VALID_FOR_SECS, isValidForSecs } from './access-link/validity';

/** A node on the way to a field that can carry `@skip`/`@include`. */
type ConditionNode = FieldNode | InlineFragmentNode | FragmentSpreadNode;

interface PlannedLink {
  /** `validForSecs` as written; undefined when not given. */
  argument: ValueNode | undefined;
  /** The nodes from the selected object down to the `accessLink` field that carry a directive. */
  conditions: ConditionNode[];
}

/** A `session` field selected on the object, with what it asks of the session. */
interface PlannedSession {
  /** The nodes from the selected object down to the `session` field that carry a directive. */
  conditions: ConditionNode[];
  /** Whether it selects a field the recording's own body cannot answer (SESSION_REF_FIELDS): the session is then loaded. */
  loads: boolean;
}

/**
 * The Session fields a recording's own body answers (SessionRef, `RecordingProvider.sessionRef`):
 * selecting only these under `Recording.session` costs no call.
 */
export const SESSION_REF_FIELDS: ReadonlySet<string> = new Set(['__typename', 'id', 'nativeId', 'provider', 'kind']);

/** What a field's selection asks of the object it returns, read once per document. */
interface SelectionFacts {
  /** Every field name selected on the object, through the fragments that apply to it (directives ignored). */
  fieldNames: ReadonlySet<string>;
  /** Every `accessLink` selected directly on the object. */
  links: readonly PlannedLink[];
  /** Every `session` selected directly on the object. */
  sessions: readonly PlannedSession[];
}

/** Per field node (part of a parsed document Apollo keeps per query text) and object type. */
const cache = new WeakMap<FieldNode, Map<string, SelectionFacts>>();

function applies(condition: NamedTypeNode | undefined, typeName: string, info: GraphQLResolveInfo): boolean {
  if (!condition || condition.name.value === typeName) return true;
  const type = info.schema.getType(condition.name.value);
  const object = info.schema.getType(typeName);
  return !!type && !!object && isAbstractType(type) && 'getInterfaces' in object && info.schema.isSubType(type, object as never);
}

function collect(
  selectionSet: SelectionSetNode | undefined,
  typeName: string,
  info: GraphQLResolveInfo,
  conditions: ConditionNode[],
  out: { fieldNames: Set<string>; links: PlannedLink[]; sessions: PlannedSession[] },
  visited: Set<string>,
): void {
  for (const selection of selectionSet?.selections ?? []) {
    const here = selection.directives?.length ? [...conditions, selection] : conditions;
    if (selection.kind === Kind.FIELD) {
      out.fieldNames.add(selection.name.value);
      if (selection.name.value === 'accessLink') {
        out.links.push({ argument: selection.arguments?.find((a) => a.name.value === 'validForSecs')?.value, conditions: here });
      } else if (selection.name.value === 'session' && selection.selectionSet) {
        // Directives inside the session's own selection are not evaluated: a field there counts
        // as loading the session even when it is skipped (the link then waits for its recording).
        const inner = { fieldNames: new Set<string>(), links: [], sessions: [] };
        collect(selection.selectionSet, 'Session', info, [], inner, visited);
        out.sessions.push({ conditions: here, loads: [...inner.fieldNames].some((name) => !SESSION_REF_FIELDS.has(name)) });
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (applies(selection.typeCondition, typeName, info)) collect(selection.selectionSet, typeName, info, here, out, visited);
    } else {
      const fragment = info.fragments[selection.name.value];
      // Validation refuses fragment cycles; `visited` only keeps a broken document from looping.
      if (!fragment || visited.has(fragment.name.value) || !applies(fragment.typeCondition, typeName, info)) continue;
      collect(fragment.selectionSet, typeName, info, here, out, new Set(visited).add(fragment.name.value));
    }
  }
}

/**
 * What the resolving field selects on an object of type `typeName`. Kept per field node of
 * the document, so a query text is walked once, not on every request (variables only come
 * in when the facts are used: plannedLinkValidities).
 */
function selectionFacts(info: GraphQLResolveInfo, typeName: string): SelectionFacts {
  const [first] = info.fieldNodes;
  const single = info.fieldNodes.length === 1;
  const known = single ? cache.get(first)?.get(typeName) : undefined;
  if (known) return known;
  const out = { fieldNames: new Set<string>(), links: [] as PlannedLink[], sessions: [] as PlannedSession[] };
  for (const node of info.fieldNodes) collect(node.selectionSet, typeName, info, [], out, new Set());
  if (single) {
    let byType = cache.get(first);
    if (!byType) cache.set(first, (byType = new Map()));
    byType.set(typeName, out);
  }
  return out;
}

/** Whether the field selects nothing on its `typeName` object but the fields in `known`. */
export function selectsOnly(info: GraphQLResolveInfo, typeName: string, known: ReadonlySet<string>): boolean {
  for (const name of selectionFacts(info, typeName).fieldNames) if (!known.has(name)) return false;
  return true;
}

function included(node: ConditionNode, variables: Record<string, unknown>): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}

/**
 * The validities of every `accessLink` that execution will resolve on the `typeName` object
 * this field returns, as the resolver will read them: `@skip`/`@include` evaluated, a
 * missing argument or null the default, an out-of-bounds value left out (the resolver
 * refuses it before any call). Empty when none is selected.
 *
 * Also empty when starting the link calls early would not shorten the operation: when the
 * object's `session` is selected with a field that loads it (included by its directives),
 * that load waits for the recording's answer and is a second round trip anyway, so the link
 * calls can wait for the recording too, run beside the session's call, and be made only for a
 * recording the link rule allows (docs/performance.md, "Prefetched links").
 */
export function plannedLinkValidities(info: GraphQLResolveInfo, typeName: string): number[] {
  const { links, sessions } = selectionFacts(info, typeName);
  if (links.length === 0) return [];
  if (sessions.some((s) => s.loads && s.conditions.every((node) => included(node, info.variableValues)))) return [];
  const out = new Set<number>();
  for (const link of links) {
    if (!link.conditions.every((node) => included(node, info.variableValues))) continue;
    const secs = link.argument ? valueFromAST(link.argument, GraphQLInt, info.variableValues) : undefined;
    const effective = secs ?? DEFAULT_VALID_FOR_SECS;
    if (isValidForSecs(effective)) out.add(effective);
  }
  return [...out];
}
