const HEX_DIGITS = '0123456789abcdef';

/** Weights prepared once, so that each draw is a short scan instead of an allocation. */
export interface WeightedTable<K extends string> {
  readonly keys: readonly K[];
  readonly cumulative: readonly number[];
  readonly total: number;
}

export function weightedTable<K extends string>(weights: Readonly<Partial<Record<K, number>>>): WeightedTable<K> {
  const keys = Object.keys(weights) as K[];
  const cumulative: number[] = [];
  let total = 0;
  for (const key of keys) {
    total += weights[key] ?? 0;
    cumulative.push(total);
  }
  return { keys, cumulative, total };
}

/**
 * A small deterministic PRNG (mulberry32). The demo tenant must be identical for the same
 * seed on every machine, so Math.random is never used.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(minInclusive: number, maxInclusive: number): number {
    return minInclusive + Math.floor(this.next() * (maxInclusive - minInclusive + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks a key of the table with probability proportional to its weight. */
  weighted<K extends string>(table: WeightedTable<K>): K {
    const roll = this.next() * table.total;
    for (let i = 0; i < table.keys.length; i++) {
      if (roll < table.cumulative[i]!) return table.keys[i]!;
    }
    return table.keys[table.keys.length - 1]!;
  }

  guid(): string {
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${'89ab'[this.int(0, 3)]}${this.hex(3)}-${this.hex(12)}`;
  }

  private hex(digits: number): string {
    let out = '';
    for (let i = 0; i < digits; i++) out += HEX_DIGITS[Math.floor(this.next() * 16)];
    return out;
  }

  digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += Math.floor(this.next() * 10).toString();
    return out;
  }

  alphanumeric(count: number): string {
    const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
    let out = '';
    for (let i = 0; i < count; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }
}
