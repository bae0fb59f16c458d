import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** Proves a refused file was left byte-identical. */
export function sha256OfFile(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
