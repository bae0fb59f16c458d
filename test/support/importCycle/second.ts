// The other half of the deliberate cycle in first.ts: a type-only import, which the checker counts too.
import type { First } from './first.js';

export interface Second {
  readonly previous: First | null;
}
