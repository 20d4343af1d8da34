import { parse } from 'graphql';
import { linkValidityOf } from '../../../../src/server/limits/link-hint';

describe('linkValidityOf', () => {
  it('reads a literal, a variable and the default', () => {
    expect(linkValidityOf(parse('{ recording(id: "x") { accessLink(validForSecs: 600) { url } } }'))).toBe(600);
    expect(linkValidityOf(parse('query($v: Int) { recording(id: "x") { accessLink(validForSecs: $v) { url } } }'), { v: 120 })).toBe(120);
    expect(linkValidityOf(parse('{ recording(id: "x") { accessLink { url } } }'))).toBe(3600);
  });

  it('finds links inside fragments and nested sessions', () => {
    const doc = parse(
      'query { nodes(ids: []) { ...R } } fragment R on Recording { session { recordings { accessLink(validForSecs: 90) { url } } } }',
    );
    expect(linkValidityOf(doc)).toBe(90);
  });

  it('gives no hint when there is no link, or several validities', () => {
    expect(linkValidityOf(parse('{ recording(id: "x") { id } }'))).toBeUndefined();
    expect(
      linkValidityOf(parse('{ recording(id: "x") { a: accessLink(validForSecs: 60) { url } b: accessLink { url } } }')),
    ).toBeUndefined();
  });

  it("takes a left-out variable's default from the operation, as the resolver does", () => {
    const doc = parse('query($v: Int = 60) { recording(id: "x") { accessLink(validForSecs: $v) { url } } }');
    expect(linkValidityOf(doc, {})).toBe(60);
    expect(linkValidityOf(doc, { v: 900 })).toBe(900);
    expect(linkValidityOf(doc, { v: null })).toBe(3600);
    const two = parse(
      'query A($v: Int = 60) { recording(id: "x") { accessLink(validForSecs: $v) { url } } } query B($v: Int = 120) { recording(id: "y") { accessLink(validForSecs: $v) { url } } }',
    );
    expect(linkValidityOf(two, {}, 'B')).toBe(120);
  });
});
