import { UserFacingError } from '../errors.js';

/** Who records a wizard action, and the clock (tests and the CLI pass `now`; the app leaves it out). */
export interface Actor {
  readonly by: string;
  readonly now?: Date;
}

/** The actor's trimmed name (required: the audit log names who did what) and the time as ISO text. */
export function actor(request: Actor): { by: string; at: string } {
  const by = request.by.trim();
  if (!by) throw new UserFacingError('invalid_input', 'Say who does this (a name).');
  return { by, at: (request.now ?? new Date()).toISOString() };
}
