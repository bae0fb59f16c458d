// Half of a deliberate import cycle (with second.ts) that importCycles.test.ts feeds to the checker.
import type { Second } from './second.js';

export interface First {
  readonly next: Second | null;
}
