import type { ProviderName } from '../domain/provider-name';
import { ErrorCode } from './error-codes';

/**
 * An error whose message is safe to show a client. Anything thrown that is not a
 * CodedError is masked by the error formatter (src/errors/format-error.ts).
 */
export class CodedError extends Error {
  readonly code: ErrorCode;
  readonly provider?: ProviderName;

  constructor(code: ErrorCode, message: string, provider?: ProviderName) {
    super(message);
    this.name = 'CodedError';
    this.code = code;
    this.provider = provider;
  }
}

export class BadUserInputError extends CodedError {
  constructor(message: string, provider?: ProviderName) {
    super(ErrorCode.BAD_USER_INPUT, message, provider);
    this.name = 'BadUserInputError';
  }
}

export class NotFoundError extends CodedError {
  constructor(message: string, provider?: ProviderName) {
    super(ErrorCode.NOT_FOUND, message, provider);
    this.name = 'NotFoundError';
  }
}

export function isCodedError(value: unknown): value is CodedError {
  return value instanceof CodedError;
}
