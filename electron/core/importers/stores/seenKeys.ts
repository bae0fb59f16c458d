/**
 * A set of 32-bit keys in one typed array (open addressing, linear probing), for the bulk
 * device load's "seen this id before?" test: a V8 Set of numbers costs about 30 bytes a key
 * (84 MB for a 2.8-million-row export), this about 8 at most. Keys are reduced to 32 bits, so
 * two ids can share one: a hit only says "maybe", and the caller checks the table.
 */
export class SeenKeys {
  /** Slot values are key + 1; 0 marks an empty slot. */
  private slots = new Uint32Array(1 << 12);
  private count = 0;

  add(key: number): void {
    if (this.insert(this.slots, slotValue(key))) this.count++;
    // Keep the table at most half full, so probes stay short.
    if (this.count * 2 > this.slots.length) this.grow();
  }

  has(key: number): boolean {
    const value = slotValue(key);
    const mask = this.slots.length - 1;
    for (let at = mix(value) & mask; ; at = (at + 1) & mask) {
      const slot = this.slots[at]!;
      if (slot === value) return true;
      if (slot === 0) return false;
    }
  }

  /** Returns false when the value was already there. */
  private insert(slots: Uint32Array, value: number): boolean {
    const mask = slots.length - 1;
    for (let at = mix(value) & mask; ; at = (at + 1) & mask) {
      const slot = slots[at]!;
      if (slot === value) return false;
      if (slot === 0) {
        slots[at] = value;
        return true;
      }
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    for (const value of old) if (value !== 0) this.insert(this.slots, value);
  }
}

/** Any integer (or a hash) to 1..2^32-1; 0 is the empty slot. */
function slotValue(key: number): number {
  return ((key >>> 0) % 0xffffffff) + 1;
}

/** Spreads sequential keys (ResourceIDs) across the table. */
function mix(value: number): number {
  return Math.imul(value ^ (value >>> 16), 0x45d9f3b) >>> 0;
}
