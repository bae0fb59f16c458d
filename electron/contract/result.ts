/**
 * Every call answers with this envelope. Errors travel as data because Electron's rejected
 * `invoke` carries only a message with a prefix, and because the renderer must be able to
 * tell "file refused" from "bug" without parsing text.
 */
/** Codes of refusals caused by the person's input (a bad file, a missing snapshot…). */
export type UserErrorCode =
  | 'file_not_found'
  | 'not_a_file'
  | 'empty_file'
  | 'not_sqlite'
  | 'truncated'
  | 'corrupt'
  | 'not_a_snapshot'
  | 'newer_schema'
  | 'file_exists'
  | 'no_snapshot_open'
  | 'invalid_input'
  | 'needs_date_order'
  | 'would_remove_rows'
  | 'cancelled';

export type ErrorCode = 'bad_request' | 'forbidden' | 'unknown_method' | 'internal' | UserErrorCode;

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
