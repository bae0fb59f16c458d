import type { ApiRequest, ApiResponse } from '../../../electron/contract/api';
import type { AppEvent } from '../../../electron/contract/events';
import type { ApiMethod } from '../../../electron/contract/methods';
import type { ErrorCode, Result } from '../../../electron/contract/result';
import type { WindowApi } from '../../../electron/contract/windowApi';

declare global {
  interface Window {
    readonly api: WindowApi;
  }
}

/** A refused call, carrying the envelope's code so screens can react to the kind of failure. */
export class ApiCallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

/** Calls `window.api` and unwraps the envelope: the value, or an ApiCallError. */
export async function callApi<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResponse<M>> {
  // Indexing a mapped type by a generic key loses the per-method pairing; the contract keeps it.
  const call = window.api[method] as unknown as (request: ApiRequest<M>) => Promise<Result<ApiResponse<M>>>;
  const result = await call(request);
  if (!result.ok) throw new ApiCallError(result.error.code, result.error.message);
  return result.value;
}

export function onAppEvent(listener: (event: AppEvent) => void): () => void {
  return window.api.onEvent(listener);
}

/**
 * Runs a store's action: true when it succeeded; false when refused, with the message handed to
 * `report` (which is cleared first, so a retry does not show the old error).
 */
export async function attempt(action: () => Promise<unknown>, report: (message: string | null) => void): Promise<boolean> {
  report(null);
  try {
    await action();
    return true;
  } catch (error) {
    report(messageOf(error));
    return false;
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
