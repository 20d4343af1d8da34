import 'reflect-metadata';
import { GraphQLError, parse, type GraphQLSchema } from 'graphql';
import { buildAppSchema } from '../../../../src/graphql/build-schema';
import type { OperationRequest } from '../../../../src/server/limits/argument-facts';
import { memoizeByOperation, operationFacts } from '../../../../src/server/limits/operation-facts';

/** A memo over a compute that records each operation it was really asked to measure. */
function counted<T>(result: (operation: OperationRequest) => T) {
  const computed: OperationRequest[] = [];
  const memo = memoizeByOperation((operation) => {
    computed.push(operation);
    return result(operation);
  });
  return { memo, computed };
}

describe('memoizeByOperation', () => {
  it('measures a document once whatever the variables that cannot change its cost', () => {
    const { memo, computed } = counted(() => 'facts');
    const document = parse('query One($id: ID!) { recording(id: $id) { id session { name } } }');
    for (const id of ['a', 'b', 'c']) expect(memo({ document, variables: { id }, operationName: 'One' })).toBe('facts');
    expect(computed).toHaveLength(1);
  });

  it.each([
    ['the ids of nodes', 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ['a'] }, { ids: ['a', 'b'] }],
    [
      'the representations of _entities',
      'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }',
      { r: [{ __typename: 'Recording', id: 'a' }] },
      { r: [] },
    ],
    ['a page size', 'query($n: Int) { recordings(first: $n) { nodes { id } } }', { n: 10 }, { n: 20 }],
    ['a link validity', 'query($v: Int) { recording(id: "x") { accessLink(validForSecs: $v) { url } } }', { v: 60 }, { v: 600 }],
    ['a directive', 'query($on: Boolean!) { recording(id: "x") { accessLink @include(if: $on) { url } } }', { on: false }, { on: true }],
    [
      'a variable inside a fragment',
      'query($v: Int) { nodes(ids: ["x"]) { ...L } } fragment L on Recording { accessLink(validForSecs: $v) { url } }',
      { v: 60 },
      { v: 61 },
    ],
    ['a variable set against one left out', 'query($n: Int = 5) { recordings(first: $n) { nodes { id } } }', { n: null }, {}],
  ])('measures again when %s changes, and keeps both answers', (_name, query, one, two) => {
    const { memo, computed } = counted((operation) => JSON.stringify(operation.variables));
    const document = parse(query);
    expect(memo({ document, variables: one })).toBe(JSON.stringify(one));
    expect(memo({ document, variables: two })).toBe(JSON.stringify(two));
    expect(memo({ document, variables: one })).toBe(JSON.stringify(one));
    expect(computed).toHaveLength(2);
  });

  it('keeps operations of one document apart by name', () => {
    const { memo, computed } = counted((operation) => operation.operationName);
    const document = parse('query A { recording(id: "x") { id } } query B { nodes(ids: ["x", "y"]) { id } }');
    expect([
      memo({ document, operationName: 'A' }),
      memo({ document, operationName: 'B' }),
      memo({ document, operationName: 'A' }),
    ]).toEqual(['A', 'B', 'A']);
    expect(computed).toHaveLength(2);
  });

  it('never keeps a failure: variables that do not fit are measured again each time', () => {
    let calls = 0;
    const memo = memoizeByOperation(() => {
      calls += 1;
      throw new GraphQLError('Variable "$id" of required type "ID!" was not provided.');
    });
    const document = parse('query($id: ID!) { recording(id: $id) { id } }');
    expect(() => memo({ document, variables: {} })).toThrow(GraphQLError);
    expect(() => memo({ document, variables: {} })).toThrow(GraphQLError);
    expect(calls).toBe(2);
  });

  it('keys a list by its length and a page by its size: other ids, a cursor or a filter cost nothing more', () => {
    const { memo, computed } = counted(() => 'facts');
    const nodes = parse('query($ids: [ID!]!) { nodes(ids: $ids) { id } }');
    const ids = (prefix: string) => Array.from({ length: 250 }, (_, i) => `gid://recording-graph/Recording/daily/${prefix}${i}`);
    memo({ document: nodes, variables: { ids: ids('a') } });
    memo({ document: nodes, variables: { ids: ids('b') } });
    const page = parse(
      'query($after: String, $filter: RecordingFilter) { recordings(first: 20, after: $after, filter: $filter) { nodes { id } } }',
    );
    memo({ document: page, variables: { after: 'c'.repeat(600), filter: { providers: ['DAILY'] } } });
    memo({ document: page, variables: { after: 'd'.repeat(600), filter: { providers: ['ZOOM'] } } });
    expect(computed).toHaveLength(2);
  });

  it('measures, and never keeps, a value that is no number or boolean where one belongs', () => {
    const { memo, computed } = counted(() => 'facts');
    const document = parse('query($n: Int) { recordings(first: $n) { nodes { id } } }');
    memo({ document, variables: { n: 'ten' } });
    memo({ document, variables: { n: 'ten' } });
    expect(computed).toHaveLength(2);
  });

  it('keeps at most 1,000 answers, forgetting the least recently used first', () => {
    const { memo, computed } = counted((operation) => operation.variables?.n);
    const document = parse('query($n: Int) { recordings(first: $n) { nodes { id } } }');
    for (let n = 0; n <= 1_000; n++) memo({ document, variables: { n } });
    expect(computed).toHaveLength(1_001);
    expect(memo({ document, variables: { n: 1_000 } })).toBe(1_000);
    expect(computed).toHaveLength(1_001);
    expect(memo({ document, variables: { n: 0 } })).toBe(0);
    expect(computed).toHaveLength(1_002);
  });
});

describe('operationFacts', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildAppSchema();
  });

  it('gives the budgets and the link validity of each set of variables of one document', () => {
    const facts = operationFacts(schema);
    const document = parse(
      'query($ids: [ID!]!, $v: Int) { nodes(ids: $ids) { ... on Recording { session { name } accessLink(validForSecs: $v) { url } } } }',
    );
    expect(facts({ document, variables: { ids: ['a', 'b'], v: 600 } })).toEqual({ links: 2, objects: 4, linkValidForSecs: 600 });
    expect(facts({ document, variables: { ids: ['a', 'b', 'c'], v: 60 } })).toEqual({ links: 3, objects: 6, linkValidForSecs: 60 });
    expect(facts({ document, variables: { ids: ['a', 'b'], v: 600 } })).toEqual({ links: 2, objects: 4, linkValidForSecs: 600 });
  });

  it('throws for variables that do not fit their types, every time', () => {
    const facts = operationFacts(schema);
    const document = parse('query($ids: [ID!]!) { nodes(ids: $ids) { id } }');
    expect(() => facts({ document, variables: {} })).toThrow(GraphQLError);
    expect(facts({ document, variables: { ids: ['a'] } })).toMatchObject({ links: 0, objects: 1 });
    expect(() => facts({ document, variables: {} })).toThrow(GraphQLError);
  });
});
