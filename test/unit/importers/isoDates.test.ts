import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDateOf, plainUtcDateInto } from '../../../electron/core/importers/kinds/labelMaps.js';

/** The zone-less form Intune and SQL Server write, as the regular expression states it. */
function plainByRegex(value: string): string | null {
  const plain = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d{1,7}))?$/.exec(value);
  return plain ? `${plain[1]}T${plain[2]}.${(plain[3] ?? '').padEnd(3, '0').slice(0, 3)}Z` : null;
}

/** plainUtcDateInto over the value's UTF-8 bytes, placed `offset` bytes into a larger buffer. */
function plainFromBytes(value: string, offset: number): string | null {
  const bytes = Buffer.concat([Buffer.from('x'.repeat(offset)), Buffer.from(value), Buffer.from('9999')]);
  const into = Buffer.alloc(64);
  const length = plainUtcDateInto(bytes, offset, bytes.length - 4, into);
  return length < 0 ? null : into.toString('utf8', 0, length);
}

const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));

describe('isoDateOf', () => {
  it('turns the zone-less export form into ISO UTC', () => {
    expect(isoDateOf('2024-03-01 08:15:00.0000000')).toBe('2024-03-01T08:15:00.000Z');
    expect(isoDateOf('2024-03-01T08:15:00')).toBe('2024-03-01T08:15:00.000Z');
    expect(isoDateOf('2024-03-01 08:15:00.5')).toBe('2024-03-01T08:15:00.500Z');
    expect(isoDateOf('2024-03-01 08:15:00.123456')).toBe('2024-03-01T08:15:00.123Z');
  });

  it('keeps the first three fraction digits and drops the rest, never rounding, in the zone-less form and the others', () => {
    expect(isoDateOf('2024-03-01 08:15:00.9999999')).toBe('2024-03-01T08:15:00.999Z');
    expect(isoDateOf('2024-03-01T08:15:00.9999999Z')).toBe('2024-03-01T08:15:00.999Z');
    expect(isoDateOf('2024-03-01 08:15:00.99999999')).toBe('2024-03-01T08:15:00.999Z');
    expect(isoDateOf('2019-06-14T09:15:43.797191-08:00')).toBe('2019-06-14T17:15:43.797Z');
  });

  it('leaves other forms to the zone-aware and dotted readers', () => {
    expect(isoDateOf('2024-03-01 08:15:00.')).toBe('2024-03-01 08:15:00.');
    expect(isoDateOf('2024-03-01 08:15:00.123456789')).toBe('2024-03-01T08:15:00.123Z');
    expect(isoDateOf('2024-03-01 08:15:00+02:00')).toBe('2024-03-01T06:15:00.000Z');
    expect(isoDateOf('01.03.2024 08:15')).toBe('2024-03-01T08:15:00.000Z');
    expect(isoDateOf('3/1/2024')).toBe('3/1/2024');
  });

  it('finds the zone-less form exactly where the regular expression does, in text and in bytes (property)', () => {
    const wellFormed = fc
      .tuple(digits(4, 4), digits(2, 2), digits(2, 2), fc.constantFrom(' ', 'T'), digits(2, 2), digits(2, 2), digits(2, 2), fc.option(digits(0, 8)))
      .map(([y, mo, d, sep, h, mi, s, fraction]) => `${y}-${mo}-${d}${sep}${h}:${mi}:${s}${fraction === null ? '' : `.${fraction}`}`);
    // Near misses: one character replaced, dropped or added somewhere.
    const mutated = fc
      .tuple(wellFormed, fc.nat(), fc.constantFrom('', '0', '9', ' ', 'T', 't', '-', ':', '.', '/', 'x', '\u0663'), fc.boolean())
      .map(([value, at, char, insert]) => {
        const i = at % (value.length + 1);
        return value.slice(0, i) + char + value.slice(insert ? i : i + 1);
      });
    const candidate = fc.oneof(wellFormed, mutated);
    fc.assert(
      fc.property(candidate, fc.nat(8), (value, offset) => {
        const expected = plainByRegex(value);
        expect(plainFromBytes(value, offset)).toBe(expected);
        // isoDateOf takes the same form the same way; other forms go on to its other readers.
        if (expected !== null) expect(isoDateOf(value)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads one instant alike, to the millisecond, written without a zone (from bytes or text) or with one (property)', () => {
    const instant = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true });
    fc.assert(
      fc.property(instant, digits(0, 4), fc.integer({ min: -12, max: 14 }), (date, subMillis, offsetHours) => {
        const utc = date.toISOString();
        const fraction = utc.slice(20, 23) + subMillis;
        const zoneless = `${utc.slice(0, 10)} ${utc.slice(11, 19)}.${fraction}`;
        const local = new Date(date.getTime() + offsetHours * 3_600_000).toISOString();
        const zone = `${offsetHours < 0 ? '-' : '+'}${String(Math.abs(offsetHours)).padStart(2, '0')}:00`;
        expect(isoDateOf(zoneless)).toBe(utc);
        expect(plainFromBytes(zoneless, 3)).toBe(utc);
        expect(isoDateOf(`${local.slice(0, 19)}.${fraction}${zone}`)).toBe(utc);
        expect(isoDateOf(`${utc.slice(0, 19)}.${fraction}Z`)).toBe(utc);
      }),
      { numRuns: 2000 },
    );
  });
});
