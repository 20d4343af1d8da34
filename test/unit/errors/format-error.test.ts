import { GraphQLError } from 'graphql';
import { BadUserInputError } from '../../../src/errors/coded-error';
import { ErrorCode } from '../../../src/errors/error-codes';
import { createFormatError, MASKED_MESSAGE } from '../../../src/errors/format-error';
import { ProviderError } from '../../../src/errors/provider-error';

/** Wraps a thrown value the way graphql-js does for a resolver error. */
function located(original: unknown): GraphQLError {
  return new GraphQLError(original instanceof Error ? original.message : String(original), {
    path: ['recording'],
    originalError: original instanceof Error ? original : undefined,
  });
}

describe('formatError', () => {
  const reported: string[] = [];
  const format = createFormatError((info) => reported.push(info.name));

  it('keeps a coded error message and adds code and provider', () => {
    const err = new ProviderError('zoom', ErrorCode.PROVIDER_AUTH_FAILED, 'Zoom rejected the configured credentials.');
    const out = format({ message: err.message, path: ['recording'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, located(err));
    expect(out).toEqual({
      message: err.message,
      path: ['recording'],
      locations: undefined,
      extensions: { code: 'PROVIDER_AUTH_FAILED', provider: 'zoom' },
    });
  });

  it('masks an uncoded error: no message, no stack, code INTERNAL_SERVER_ERROR', () => {
    const err = new Error('connect ECONNREFUSED https://user:sk_live_123@api.example');
    const out = format({ message: err.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } }, located(err));
    expect(out.message).toBe(MASKED_MESSAGE);
    expect(out.extensions).toEqual({ code: ErrorCode.INTERNAL_SERVER_ERROR });
    expect(JSON.stringify(out)).not.toContain('sk_live_123');
    expect(reported).toContain('Error');
  });

  it('masks a resolver error that only pretends to have a request-level code', () => {
    const out = format({ message: 'secret detail', extensions: { code: 'BAD_USER_INPUT' } }, located(new TypeError('secret detail')));
    expect(out.message).toBe(MASKED_MESSAGE);
    expect(out.extensions).toEqual({ code: ErrorCode.INTERNAL_SERVER_ERROR });
  });

  it("passes Apollo's validation errors through with their code", () => {
    const err = new GraphQLError('Cannot query field "nope" on type "Query".', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    const out = format({ message: err.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, err);
    expect(out).toMatchObject({ message: err.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });

  it('keeps BAD_USER_INPUT from our own input checks', () => {
    const err = new BadUserInputError('validForSecs must be between 1 and 604800; got 0.');
    expect(format({ message: err.message }, located(err)).extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });
});
