const charCodes = (chars: string): readonly number[] => Array.from(chars, (char) => char.charCodeAt(0));
const HEX_CODES = charCodes('0123456789abcdef');
const DIGIT_CODES = charCodes('0123456789');
const ALPHANUMERIC_CODES = charCodes('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789');
const VARIANT_CODES = charCodes('89ab');
const DASH = '-'.charCodeAt(0);
const FOUR = '4'.charCodeAt(0);

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
  /** Scratch char codes for guid(), digits() and alphanumeric(). */
  private readonly codes: number[] = [];

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

  /**
   * A version-4 style GUID. The characters are collected as char codes in a reused buffer and
   * turned into one string at the end: appending 36 one-character strings cost twice as much,
   * and the demo draws half a million GUIDs. One draw per character, in order, as always.
   */
  guid(): string {
    const codes = this.codes;
    let at = this.hexInto(codes, 0, 8);
    codes[at++] = DASH;
    at = this.hexInto(codes, at, 4);
    codes[at++] = DASH;
    codes[at++] = FOUR;
    at = this.hexInto(codes, at, 3);
    codes[at++] = DASH;
    codes[at++] = VARIANT_CODES[this.int(0, 3)]!;
    at = this.hexInto(codes, at, 3);
    codes[at++] = DASH;
    at = this.hexInto(codes, at, 12);
    return this.stringFrom(at);
  }

  digits(count: number): string {
    return this.drawChars(DIGIT_CODES, count);
  }

  alphanumeric(count: number): string {
    return this.drawChars(ALPHANUMERIC_CODES, count);
  }

  private hexInto(codes: number[], at: number, digits: number): number {
    for (let i = 0; i < digits; i++) codes[at++] = HEX_CODES[Math.floor(this.next() * 16)]!;
    return at;
  }

  private drawChars(alphabet: readonly number[], count: number): string {
    for (let i = 0; i < count; i++) this.codes[i] = alphabet[Math.floor(this.next() * alphabet.length)]!;
    return this.stringFrom(count);
  }

  private stringFrom(length: number): string {
    this.codes.length = length;
    return String.fromCharCode.apply(null, this.codes);
  }
}
