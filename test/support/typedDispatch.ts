import type { ApiRequest, ApiResponse } from '../../electron/contract/api.js';
import type { ApiMethod } from '../../electron/contract/methods.js';
import type { Result } from '../../electron/contract/result.js';
import type { Dispatch } from '../../electron/services/dispatch.js';

/** The dispatch with the contract's types put back, for readable test assertions. */
export function typedDispatch(dispatch: Dispatch) {
  return <M extends ApiMethod>(method: M, request: ApiRequest<M> | Record<string, unknown>) =>
    dispatch(method, request) as Promise<Result<ApiResponse<M>>>;
}
