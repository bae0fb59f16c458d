import type { UserErrorCode } from '../contract/result.js';

export type { UserErrorCode };

/**
 * An error whose message is written for the person using the app or the CLI: it names the
 * file, line or field at fault and says what to do. Anything that is not a UserFacingError
 * is a bug, and is shown as a generic failure with the details only in the log.
 */
export class UserFacingError extends Error {
  constructor(
    readonly code: UserErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}

export function isUserFacingError(error: unknown): error is UserFacingError {
  return error instanceof UserFacingError;
}
