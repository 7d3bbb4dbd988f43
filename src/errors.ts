/**
 * The one error type Baton raises on purpose. `code` says what went wrong, `messageKey`
 * (with `params`) is what the person who caused it is told, in their language; `cause`
 * is for the log only.
 */
export type ErrorCode =
  | 'unknown-command'
  | 'bad-argument'
  | 'invalid-input'
  | 'forbidden'
  | 'not-found'
  | 'invalid-transition'
  | 'already-handled'
  | 'stale-card'
  | 'unknown-person'
  | 'internal';

export interface FieldError {
  field: string;
  messageKey: string;
  params?: Record<string, string | number>;
}

export class BatonError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: string;
  readonly params: Record<string, string | number>;
  /** Per-field problems of a form submission, so adapters can show them inline. */
  readonly fieldErrors: FieldError[];

  constructor(
    code: ErrorCode,
    messageKey: string,
    params: Record<string, string | number> = {},
    options: { cause?: unknown; fieldErrors?: FieldError[] } = {},
  ) {
    super(`${code}: ${messageKey}`, { cause: options.cause });
    this.name = 'BatonError';
    this.code = code;
    this.messageKey = messageKey;
    this.params = params;
    this.fieldErrors = options.fieldErrors ?? [];
  }
}

export function invalidInput(fieldErrors: FieldError[]): BatonError {
  return new BatonError('invalid-input', 'error.invalidInput', {}, { fieldErrors });
}

export function isBatonError(error: unknown): error is BatonError {
  return error instanceof BatonError;
}
