import { Kind, visit, type DocumentNode, type OperationDefinitionNode, type ValueNode } from 'graphql';
import { LINK_FIELDS } from './argument-facts';

/** The operation a request runs: the named one, or the only one. */
function operationOf(document: DocumentNode, operationName?: string | null): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName) return operations.find((o) => o.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

/**
 * The Int defaults of the operation's variables, as a resolver would see them. Only an Int
 * variable can reach `validForSecs`, and validation lets it default to an Int or null only;
 * null, like no default, ends as the resolver's own default.
 */
function variableDefaults(operation: OperationDefinitionNode | undefined): Map<string, number> {
  const defaults = new Map<string, number>();
  for (const definition of operation?.variableDefinitions ?? []) {
    const value = definition.defaultValue;
    if (value?.kind === Kind.INT) defaults.set(definition.variable.name.value, Number(value.value));
  }
  return defaults;
}

/** The validity a link field asks for; its `defaultValue` (the resolver's) when absent or null. */
function valueOf(
  node: ValueNode | undefined,
  variables: Record<string, unknown>,
  defaults: Map<string, number>,
  defaultValue: number,
): unknown {
  if (!node || node.kind === Kind.NULL) return defaultValue;
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) {
    const name = node.name.value;
    return (Object.hasOwn(variables, name) ? variables[name] : defaults.get(name)) ?? defaultValue;
  }
  return undefined;
}

/**
 * The one validity every `accessLink` in the document asks for, or undefined when there
 * is none, several, or one that is not a plain integer. Read before execution, so the
 * first vendor call can already mint links where the vendor allows (Zoom). A variable the
 * request leaves out takes its default from the operation, as the resolver will.
 */
export function linkValidityOf(
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string | null,
): number | undefined {
  const defaults = variableDefaults(operationOf(document, operationName));
  const seen = new Set<unknown>();
  visit(document, {
    Field(node) {
      const link = LINK_FIELDS.find((l) => l.field === node.name.value);
      if (!link) return;
      const arg = node.arguments?.find((a) => a.name.value === link.argument);
      seen.add(valueOf(arg?.value, variables, defaults, link.defaultValue));
    },
  });
  if (seen.size !== 1) return undefined;
  const [only] = seen;
  return typeof only === 'number' && Number.isInteger(only) ? only : undefined;
}
