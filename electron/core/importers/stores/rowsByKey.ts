/**
 * Row ids filed under 32-bit keys (open addressing, linear probing, in two typed arrays): the
 * bulk device load's "have I written this device already?" test, keyed by a hash of the Intune
 * device ID or by the ResourceID. A V8 Map of id strings would cost about 100 bytes a device
 * and pin the parsed text; this costs at most 16 (a 2.8-million-row export: 50 MB).
 *
 * Keys are reduced to 32 bits, so one key may stand for several devices: every row filed under
 * it is kept, and the caller compares each candidate's real id (see `some`).
 */
export class RowsByKey {
  /** Slot values are key + 1 (see slotValue); 0 marks an empty slot. */
  private keys = new Uint32Array(1 << 12);
  private rows = new Float64Array(1 << 12);
  private count = 0;

  add(key: number, row: number): void {
    // At most three quarters full, so that a probe for a new key stays short.
    if ((this.count + 1) * 4 > this.keys.length * 3) this.grow();
    place(this.keys, this.rows, slotValue(key), row);
    this.count++;
  }

  /** Whether `test` holds for a row filed under `key`; it is called for those rows only. */
  some(key: number, test: (row: number) => boolean): boolean {
    const value = slotValue(key);
    const { keys, rows } = this;
    const mask = keys.length - 1;
    for (let at = mix(value) & mask; keys[at] !== 0; at = (at + 1) & mask) {
      if (keys[at] === value && test(rows[at]!)) return true;
    }
    return false;
  }

  private grow(): void {
    const { keys, rows } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.rows = new Float64Array(keys.length * 2);
    for (let at = 0; at < keys.length; at++) if (keys[at] !== 0) place(this.keys, this.rows, keys[at]!, rows[at]!);
  }
}

function place(keys: Uint32Array, rows: Float64Array, value: number, row: number): void {
  const mask = keys.length - 1;
  let at = mix(value) & mask;
  while (keys[at] !== 0) at = (at + 1) & mask;
  keys[at] = value;
  rows[at] = row;
}

/** A string's key: its 32-bit FNV-1a hash. */
export function keyOfText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Any integer (or a hash) to 1..2^32-1; 0 is the empty slot. */
function slotValue(key: number): number {
  return ((key >>> 0) % 0xffffffff) + 1;
}

/** Spreads sequential keys (ResourceIDs) across the table. */
function mix(value: number): number {
  return Math.imul(value ^ (value >>> 16), 0x45d9f3b) >>> 0;
}
