import { statSync, type Stats } from 'node:fs';
import { UserFacingError } from './errors.js';

/** The stats of a path the person named, or the one-line refusal every reader of such a path gives. */
export function statExistingFile(path: string): Stats {
  try {
    return statSync(path);
  } catch {
    throw new UserFacingError('file_not_found', `${path}: no such file.`);
  }
}
