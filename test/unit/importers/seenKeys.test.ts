import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeenKeys } from '../../../electron/core/importers/stores/seenKeys.js';

describe('SeenKeys', () => {
  it('answers like a Set for 32-bit keys, across its growth (property)', () => {
    const key = fc.oneof(fc.integer({ min: 0, max: 0xfffffffe }), fc.integer({ min: 16_777_216, max: 16_790_000 }));
    fc.assert(
      fc.property(fc.array(key, { maxLength: 5000 }), fc.array(key, { maxLength: 200 }), (added, probes) => {
        const seen = new SeenKeys();
        const reference = new Set<number>();
        for (const k of added) {
          seen.add(k);
          reference.add(k);
        }
        for (const k of [...added, ...probes]) expect(seen.has(k)).toBe(reference.has(k));
      }),
      { numRuns: 60 },
    );
  });

  it('holds a million sequential ResourceIDs', () => {
    const seen = new SeenKeys();
    for (let id = 16_777_216; id < 17_777_216; id++) seen.add(id);
    expect(seen.has(16_777_216)).toBe(true);
    expect(seen.has(17_777_215)).toBe(true);
    expect(seen.has(17_777_216)).toBe(false);
    expect(seen.has(5)).toBe(false);
  });
});
