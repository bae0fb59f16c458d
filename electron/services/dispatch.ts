import { apiContract } from '../contract/api.js';
import { API_METHODS, type ApiMethod } from '../contract/methods.js';
import { fail, ok, type Result } from '../contract/result.js';
import { isUserFacingError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { ApiHandlers } from './apiHandlers.js';

export type Dispatch = (method: string, request: unknown) => Promise<Result<unknown>>;

const KNOWN_METHODS: ReadonlySet<string> = new Set(API_METHODS);

/**
 * The one entry point for renderer calls, shared by Electron's ipcMain registration and the
 * Playwright bridge: unknown method → refused; request → parsed with the contract's schema
 * before any handler runs; errors → the envelope, with a safe message. Stack traces and
 * paths of internal failures go to the log only.
 */
export function createDispatch(handlers: ApiHandlers, logger: Logger, options: { checkResponses?: boolean } = {}): Dispatch {
  return async (method, request) => {
    if (!KNOWN_METHODS.has(method)) return fail('unknown_method', `Unknown call: ${method}`);
    const name = method as ApiMethod;
    const contract = apiContract[name];
    const parsed = contract.request.safeParse(request ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') || 'request';
      return fail('bad_request', `${method}: ${field}: ${issue?.message ?? 'invalid'}`);
    }
    try {
      const handler = handlers[name] as (request: unknown) => unknown;
      const value = await handler(parsed.data);
      if (options.checkResponses) contract.response.parse(value);
      return ok(value);
    } catch (error) {
      if (isUserFacingError(error)) return fail(error.code, error.message);
      logger.error(`${method} failed`, error);
      return fail('internal', 'Something went wrong. The details are in the log (Help > Open logs folder).');
    }
  };
}
