/**
 * Every call answers with this envelope. Errors travel as data because Electron's rejected
 * `invoke` carries only a message with a prefix, and because the renderer must be able to
 * tell "file refused" from "bug" without parsing text.
 */
export type ErrorCode =
  | 'bad_request'
  | 'forbidden'
  | 'unknown_method'
  | 'internal'
  | import('../core/errors.js').UserErrorCode;

export interface ApiError {
  readonly code: ErrorCode;
  readonly message: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}
