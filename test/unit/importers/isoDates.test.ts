import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDateOf } from '../../../electron/core/importers/kinds/labelMaps.js';

const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));

describe('isoDateOf', () => {
  it('turns the zone-less export form into ISO UTC', () => {
    expect(isoDateOf('2024-03-01 08:15:00.0000000')).toBe('2024-03-01T08:15:00.000Z');
    expect(isoDateOf('2024-03-01T08:15:00')).toBe('2024-03-01T08:15:00.000Z');
    expect(isoDateOf('2024-03-01 08:15:00.5')).toBe('2024-03-01T08:15:00.500Z');
    expect(isoDateOf('2024-03-01 08:15')).toBe('2024-03-01T08:15:00.000Z');
    expect(isoDateOf('2024-03-01')).toBe('2024-03-01T00:00:00.000Z');
  });

  it('keeps the first three fraction digits and drops the rest, never rounding, with or without a zone', () => {
    expect(isoDateOf('2024-03-01 08:15:00.123456')).toBe('2024-03-01T08:15:00.123Z');
    expect(isoDateOf('2024-03-01 08:15:00.9999999')).toBe('2024-03-01T08:15:00.999Z');
    expect(isoDateOf('2024-03-01 08:15:00.123456789')).toBe('2024-03-01T08:15:00.123Z');
    expect(isoDateOf('2024-03-01T08:15:00.9999999Z')).toBe('2024-03-01T08:15:00.999Z');
    expect(isoDateOf('2019-06-14T09:15:43.797191-08:00')).toBe('2019-06-14T17:15:43.797Z');
  });

  it('converts a date with a zone to UTC, reads dotted dates day first, and keeps other forms as written', () => {
    expect(isoDateOf('2024-03-01 08:15:00+02:00')).toBe('2024-03-01T06:15:00.000Z');
    expect(isoDateOf('2024-03-01T08:15:00+0200')).toBe('2024-03-01T06:15:00.000Z');
    expect(isoDateOf('01.03.2024 08:15')).toBe('2024-03-01T08:15:00.000Z');
    expect(isoDateOf('3/1/2024')).toBe('3/1/2024');
    expect(isoDateOf('2024-03-01 08:15:00.')).toBe('2024-03-01 08:15:00.');
    expect(isoDateOf('2024-03-01T25:00:00+01:00')).toBe('2024-03-01T25:00:00+01:00');
    expect(isoDateOf('')).toBeNull();
    expect(isoDateOf(null)).toBeNull();
  });

  it('reads every ISO form, near misses included, as the expression with every part captured reads it (property)', () => {
    // The expression with each part captured: a zone-less date written out, a zoned one through a Date.
    const reference = (value: string): string => {
      const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(value);
      if (!iso) return value;
      const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', zone] = iso;
      const local = `${y}-${mo}-${d}T${h}:${mi}:${s}.${fraction.slice(0, 3).padEnd(3, '0')}`;
      if (!zone) return `${local}Z`;
      const parsed = new Date(local + zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2'));
      return Number.isNaN(parsed.getTime()) ? value : parsed.toISOString();
    };
    const time = fc.option(fc.tuple(fc.constantFrom(' ', 'T'), digits(2, 2), digits(2, 2), fc.option(fc.tuple(digits(2, 2), fc.option(digits(1, 9))))));
    const zone = fc.option(fc.tuple(fc.constantFrom('', ' ', '   ', '\t'), fc.constantFrom('Z', '+02:00', '+05:30', '-0530', '+14:00', '-00:00', '+2:00')));
    const written = fc.tuple(digits(4, 4), digits(2, 2), digits(2, 2), time, zone).map(([y, mo, d, t, z]) => {
      const clock = t ? `${t[0]}${t[1]}:${t[2]}${t[3] ? `:${t[3][0]}${t[3][1] === null ? '' : `.${t[3][1]}`}` : ''}` : '';
      return `${y}-${mo}-${d}${clock}${z ? z[0] + z[1] : ''}`;
    });
    // Near misses: one character replaced, dropped or added somewhere.
    const mutated = fc
      .tuple(written, fc.nat(), fc.constantFrom('', '0', '9', ' ', 'T', 't', '-', '+', ':', '.', 'Z', '/', '\u0663'), fc.boolean())
      .map(([value, at, char, insert]) => {
        const i = at % (value.length + 1);
        return value.slice(0, i) + char + value.slice(insert ? i : i + 1);
      });
    fc.assert(
      fc.property(fc.oneof(written, mutated), (value) => {
        expect(isoDateOf(value)).toBe(reference(value));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads one instant alike whether written with a zone or without, to the millisecond (property)', () => {
    const instant = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true });
    fc.assert(
      fc.property(instant, digits(0, 4), fc.integer({ min: -12, max: 14 }), (date, subMillis, offsetHours) => {
        const utc = date.toISOString(); // 2024-03-01T08:15:00.123Z
        const expected = utc;
        const fraction = utc.slice(20, 23) + subMillis;
        const zoneless = `${utc.slice(0, 10)} ${utc.slice(11, 19)}.${fraction}`;
        const local = new Date(date.getTime() + offsetHours * 3_600_000).toISOString();
        const sign = offsetHours < 0 ? '-' : '+';
        const zoned = `${local.slice(0, 19)}.${fraction}${sign}${String(Math.abs(offsetHours)).padStart(2, '0')}:00`;
        expect(isoDateOf(zoneless)).toBe(expected);
        expect(isoDateOf(zoned)).toBe(expected);
        expect(isoDateOf(`${utc.slice(0, 19)}.${fraction}Z`)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
