import { createEvents, type EventAttributes } from 'ics';
import type { TimelineEntry } from './timeline.js';

export interface CalendarOptions {
  /** Shown as the calendar's name, e.g. "Contoso Ltd: MDM migration deadlines". */
  readonly name: string;
  /** Makes the event UIDs stable per engagement, so re-importing updates rather than duplicates. */
  readonly uidScope: string;
  /** DTSTAMP of every event: the time the deadlines were computed from, for a deterministic file. */
  readonly stamp: Date;
}

const DAY_MS = 86_400_000;

/**
 * The timeline's known deadlines as an iCalendar file: one 15-minute event each, with a
 * display alarm at the time and, for deadlines more than a day out, one a day before.
 */
export function deadlinesCalendar(timeline: readonly TimelineEntry[], options: CalendarOptions): string {
  const events: EventAttributes[] = timeline
    .filter((entry): entry is TimelineEntry & { at: string } => entry.at !== null)
    .map((entry) => ({
      uid: `${entry.id}@${options.uidScope}`,
      title: entry.label,
      description: `${entry.description} Sources: ${entry.sources.join(', ')}.`,
      start: Date.parse(entry.at),
      startInputType: 'utc',
      startOutputType: 'utc',
      duration: { minutes: 15 },
      timestamp: options.stamp.getTime(),
      categories: ['MDM migration'],
      // Absolute triggers: ics 3.12 writes a relative zero or whole-day trigger as "-PT" or "-P1DT",
      // which RFC 5545 does not allow; an absolute UTC DATE-TIME trigger is valid everywhere.
      alarms: [
        { action: 'display', description: entry.label, trigger: Date.parse(entry.at) },
        ...(Date.parse(entry.at) - options.stamp.getTime() > DAY_MS
          ? [{ action: 'display' as const, description: `Tomorrow: ${entry.label}`, trigger: Date.parse(entry.at) - DAY_MS }]
          : []),
      ],
    }));
  const { error, value } = createEvents(events, { productId: 'mdm-migration-assistant', calName: options.name });
  if (error || value === null) throw error ?? new Error('The calendar could not be written.');
  return value;
}
