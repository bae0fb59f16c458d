import type { ApiResponse, ParsedRequest } from '../contract/api.js';
import type { ApiMethod } from '../contract/methods.js';

/**
 * One handler per API method. Its own module, because AppServices assembles the handlers
 * from the feature modules, which type their slice by it: declared in appServices.ts it
 * made each feature module and appServices.ts import each other.
 */
export type ApiHandlers = {
  readonly [M in ApiMethod]: (request: ParsedRequest<M>) => ApiResponse<M> | Promise<ApiResponse<M>>;
};
