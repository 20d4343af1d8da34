import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { DEFAULT_VALID_FOR_SECS } from '../../../src/graphql/access-link/validity';
import { plannedLinkValidities } from '../../../src/graphql/selection';

/**
 * What the link prefetch plans from an operation (docs/performance.md, "Prefetched links"):
 * the validities its `accessLink` fields will ask for, and none when the operation loads the
 * recording's session anyway (a second round trip the link can wait for).
 */
const schema = buildSchema(`
  type AccessLink { url: String }
  type Session { id: ID nativeId: String provider: String kind: String name: String startedAt: String }
  type Recording { id: ID status: String session: Session accessLink(validForSecs: Int): AccessLink }
  type Query { recording: Recording }
`);

async function planned(query: string, variables: Record<string, unknown> = {}): Promise<number[]> {
  let plan: number[] = [];
  const rootValue = {
    recording: (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
      plan = plannedLinkValidities(info, 'Recording');
      return {};
    },
  };
  const res = await graphql({ schema, source: query, rootValue, variableValues: variables });
  expect(res.errors).toBeUndefined();
  return plan;
}

describe('plannedLinkValidities', () => {
  it('plans every selected validity, the default when none is given', async () => {
    expect(await planned('{ recording { a: accessLink(validForSecs: 900) { url } b: accessLink { url } } }')).toEqual([
      900,
      DEFAULT_VALID_FOR_SECS,
    ]);
  });

  it('plans nothing when the session is loaded anyway: a field the recording body does not answer', async () => {
    expect(await planned('{ recording { session { name } accessLink { url } } }')).toEqual([]);
    expect(await planned('{ recording { session { ...S } accessLink { url } } } fragment S on Session { startedAt }')).toEqual([]);
    expect(await planned('{ recording { ... on Recording { session { id name } } accessLink { url } } }')).toEqual([]);
  });

  it('still plans the link when the session costs nothing or is not resolved', async () => {
    expect(await planned('{ recording { session { id nativeId provider kind __typename } accessLink { url } } }')).toEqual([
      DEFAULT_VALID_FOR_SECS,
    ]);
    expect(
      await planned('query($on: Boolean!) { recording { session @include(if: $on) { name } accessLink { url } } }', { on: false }),
    ).toEqual([DEFAULT_VALID_FOR_SECS]);
    expect(await planned('{ recording { ... @skip(if: true) { session { name } } accessLink { url } } }')).toEqual([
      DEFAULT_VALID_FOR_SECS,
    ]);
    expect(
      await planned('query($on: Boolean!) { recording { session @include(if: $on) { name } accessLink { url } } }', { on: true }),
    ).toEqual([]);
  });
});
