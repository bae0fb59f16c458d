/** Which number comes first in a date like `6/5/2019`: the day (en-GB, fr-FR) or the month (en-US). */
export type DateOrder = 'dmy' | 'mdy';

export const DATE_ORDERS: readonly DateOrder[] = ['dmy', 'mdy'];

/** How a file's date order was settled: by a date in it that fits only one order, or by the person. */
export interface DateOrderDecision {
  readonly order: DateOrder;
  readonly from: 'values' | 'person';
}

/**
 * A date as PowerShell's Export-Csv writes it in the exporting machine's culture: `6/14/2019
 * 9:15:02 AM` (en-US), `14/06/2019 09:15:02` (en-GB), `14.06.2019 09:15:02` (de-DE),
 * `14-6-2019 09:15:02` (nl-NL).
 */
const CULTURE_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;

interface CultureDate {
  readonly first: number;
  readonly second: number;
  readonly year: number;
  readonly hour: number;
  readonly minute: number;
  readonly second_: number;
  /** Dotted dates are written day first by every culture that writes them. */
  readonly dayFirstAlways: boolean;
}

function parse(value: string): CultureDate | null {
  const match = CULTURE_DATE.exec(value.trim());
  if (!match) return null;
  const [, first, separator, second, year, hour = '0', minute = '0', seconds = '0', half] = match;
  let hours = Number(hour);
  if (half) hours = (hours % 12) + (half.toLowerCase() === 'pm' ? 12 : 0);
  return { first: Number(first), second: Number(second), year: Number(year), hour: hours, minute: Number(minute), second_: Number(seconds), dayFirstAlways: separator === '.' };
}

/**
 * Reads the date order from a file's dates, never guessing: a first number above 12 can only
 * be a day, a second one above 12 only a day too. Notes every culture date of the file.
 */
export class DateOrderEvidence {
  private dayFirst: string | null = null;
  private monthFirst: string | null = null;
  private ambiguous: string | null = null;

  note(value: string): void {
    const date = parse(value);
    if (!date) return;
    if (date.dayFirstAlways || date.first > 12) this.dayFirst ??= value;
    else if (date.second > 12) this.monthFirst ??= value;
    else this.ambiguous ??= value;
  }

  /** A date of the file that fits either order, when no date settles it; null when the file settles it or has no such dates. */
  get unsettledExample(): string | null {
    return this.dayFirst || this.monthFirst ? null : this.ambiguous;
  }

  /** Dates that contradict each other: the file mixes cultures, and no order reads it. */
  get contradiction(): readonly [string, string] | null {
    return this.dayFirst && this.monthFirst ? [this.dayFirst, this.monthFirst] : null;
  }

  /** The order the values settle, else the person's, else null (undecided, or no culture dates at all). */
  decide(given: DateOrder | undefined): DateOrderDecision | null {
    if (this.dayFirst) return { order: 'dmy', from: 'values' };
    if (this.monthFirst) return { order: 'mdy', from: 'values' };
    if (this.ambiguous && given) return { order: given, from: 'person' };
    return null;
  }

  /** True when the file has culture dates whose order neither the values nor the person settled. */
  needsOrder(given: DateOrder | undefined): boolean {
    return this.ambiguous !== null && this.decide(given) === null;
  }
}

/** The culture date as ISO 8601 UTC in the given order, or null when it is no culture date (or no real day). */
export function isoFromCultureDate(value: string, order: DateOrder): string | null {
  const date = parse(value);
  if (!date) return null;
  const dayFirst = date.dayFirstAlways || order === 'dmy';
  const [day, month] = dayFirst ? [date.first, date.second] : [date.second, date.first];
  const parsed = new Date(Date.UTC(date.year, month - 1, day, date.hour, date.minute, date.second_));
  return parsed.getUTCDate() === day && parsed.getUTCMonth() === month - 1 ? parsed.toISOString() : null;
}
