import 'reflect-metadata';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { buildAppSchema } from '../../../../src/graphql/build-schema';
import { DEFAULT_VALID_FOR_SECS } from '../../../../src/graphql/access-link/validity';
import { ARGUMENTS_BY_NAME, FIELD_FACTS, LINK_FIELDS } from '../../../../src/server/limits/argument-facts';

describe('the table of field facts', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildAppSchema();
  });

  it('names only fields and arguments the schema has, so a renamed one fails here and not silently in the budgets', () => {
    for (const [key, fact] of Object.entries(FIELD_FACTS)) {
      const [typeName, fieldName] = key.split('.');
      const type = schema.getType(typeName);
      expect(isObjectType(type)).toBe(true);
      const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
      expect({ key, field: field?.name }).toEqual({ key, field: fieldName });
      if (fact.argument)
        expect({ key, argument: field?.args.find((a) => a.name === fact.argument!.name)?.name }).toEqual({
          key,
          argument: fact.argument.name,
        });
    }
  });

  it('gives the memo the arguments it keys on, each read one way only', () => {
    expect(Object.fromEntries(ARGUMENTS_BY_NAME)).toEqual({
      'nodes.ids': 'length',
      '_entities.representations': 'length',
      'recordings.first': 'value',
      'accessLink.validForSecs': 'value',
    });
  });

  it("gives the link hint accessLink's validity with the resolver's default", () => {
    expect(LINK_FIELDS).toEqual([{ field: 'accessLink', argument: 'validForSecs', defaultValue: DEFAULT_VALID_FOR_SECS }]);
    const recording = schema.getType('Recording');
    const accessLink = isObjectType(recording) ? recording.getFields().accessLink : undefined;
    expect(accessLink?.args.find((a) => a.name === 'validForSecs')?.defaultValue).toBe(DEFAULT_VALID_FOR_SECS);
  });
});
