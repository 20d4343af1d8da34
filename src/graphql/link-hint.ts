import { Kind, visit, type DocumentNode, type ValueNode } from 'graphql';

/** accessLink's default validity (recording.resolver.ts). */
const DEFAULT_VALID_FOR_SECS = 3600;

function valueOf(node: ValueNode | undefined, variables: Record<string, unknown>): unknown {
  if (!node) return DEFAULT_VALID_FOR_SECS;
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) return variables[node.name.value] ?? DEFAULT_VALID_FOR_SECS;
  return undefined;
}

/**
 * The one validity every `accessLink` in the document asks for, or undefined when there
 * is none, several, or one that is not a plain integer. Read before execution, so the
 * first vendor call can already mint links where the vendor allows (Zoom).
 */
export function linkValidityOf(document: DocumentNode, variables: Record<string, unknown> = {}): number | undefined {
  const seen = new Set<unknown>();
  visit(document, {
    Field(node) {
      if (node.name.value !== 'accessLink') return;
      const arg = node.arguments?.find((a) => a.name.value === 'validForSecs');
      seen.add(valueOf(arg?.value, variables));
    },
  });
  if (seen.size !== 1) return undefined;
  const [only] = seen;
  return typeof only === 'number' && Number.isInteger(only) ? only : undefined;
}
