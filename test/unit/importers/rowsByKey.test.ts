import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RowsByKey } from '../../../electron/core/importers/stores/rowsByKey.js';

/** The rows `some` offers for `key`, in any order. */
function rowsUnder(filed: RowsByKey, key: number): number[] {
  const seen: number[] = [];
  filed.some(key, (row) => {
    seen.push(row);
    return false;
  });
  return seen.sort((a, b) => a - b);
}

describe('RowsByKey', () => {
  it('offers exactly the rows filed under a key, across its growth (property)', () => {
    // Few distinct keys among many rows, so keys repeat (hash collisions), plus sequential ResourceIDs.
    const key = fc.oneof(fc.integer({ min: 0, max: 0xfffffffe }), fc.integer({ min: 16_777_216, max: 16_790_000 }), fc.integer({ min: 0, max: 20 }));
    fc.assert(
      fc.property(fc.array(key, { maxLength: 5000 }), fc.array(key, { maxLength: 200 }), (added, probes) => {
        const filed = new RowsByKey();
        const reference = new Map<number, number[]>();
        added.forEach((k, row) => {
          filed.add(k, row + 1);
          reference.set(k, [...(reference.get(k) ?? []), row + 1]);
        });
        for (const k of [...added, ...probes]) expect(rowsUnder(filed, k)).toEqual(reference.get(k) ?? []);
      }),
      { numRuns: 60 },
    );
  });

  it('stops at the first row the test accepts', () => {
    const filed = new RowsByKey();
    filed.add(7, 1);
    filed.add(7, 2);
    filed.add(8, 3);
    let calls = 0;
    expect(filed.some(7, () => ++calls > 0)).toBe(true);
    expect(calls).toBe(1);
    expect(filed.some(8, (row) => row === 1)).toBe(false);
    expect(filed.some(9, () => true)).toBe(false);
  });

  it('holds a million sequential ResourceIDs with row ids beyond 32 bits', () => {
    const filed = new RowsByKey();
    const firstRow = 2 ** 40;
    for (let id = 16_777_216; id < 17_777_216; id++) filed.add(id, firstRow + id);
    expect(rowsUnder(filed, 16_777_216)).toEqual([firstRow + 16_777_216]);
    expect(rowsUnder(filed, 17_777_215)).toEqual([firstRow + 17_777_215]);
    expect(rowsUnder(filed, 17_777_216)).toEqual([]);
    expect(rowsUnder(filed, 5)).toEqual([]);
  });
});
