import type { ApiRequest, ApiResponse } from './api.js';
import type { AppEvent } from './events.js';
import type { ApiMethod } from './methods.js';
import type { Result } from './result.js';

/** The shape of `window.api` that the preload exposes and the renderer calls. */
export type WindowApi = {
  readonly [M in ApiMethod]: (request: ApiRequest<M>) => Promise<Result<ApiResponse<M>>>;
} & {
  /** Subscribes to push events; returns the unsubscribe function. */
  readonly onEvent: (listener: (event: AppEvent) => void) => () => void;
  /** The local path of a file dropped on the window (Electron's webUtils.getPathForFile). */
  readonly pathForFile: (file: File) => string;
};
