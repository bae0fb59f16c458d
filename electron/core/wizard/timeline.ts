import type { DeadlineDefinition, EventDefinition, Playbook } from '../playbooks/types.js';

/** When each of a playbook's events happened (or will: the APNs expiry), as ISO times; absent = not yet known. */
export type EventTimes = Readonly<Record<string, string | null | undefined>>;

export type DeadlineStatus = 'waiting' | 'upcoming' | 'passed';

export interface TimelineEntry {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly event: string;
  readonly kind: DeadlineDefinition['kind'];
  readonly sources: readonly string[];
  /** Null while its event is not recorded (status 'waiting'). */
  readonly at: string | null;
  /** Milliseconds from `now` to `at` (negative once passed); null while waiting. */
  readonly remainingMs: number | null;
  readonly status: DeadlineStatus;
  /** "in 7 h 45 min", "2 d ago", or "after: Tenant MDM authority changed to Intune". */
  readonly countdown: string;
}

const MINUTE_MS = 60_000;

/**
 * The playbook's deadlines measured from its events, with countdowns from `now`. A pure
 * function of its inputs: the screens call it again each minute with the real clock, tests
 * with a fixed one.
 */
export function buildTimeline(playbook: Pick<Playbook, 'deadlines' | 'events'>, times: EventTimes, now: Date): TimelineEntry[] {
  const events = new Map<string, EventDefinition>(playbook.events.map((event) => [event.id, event]));
  const entries = playbook.deadlines.map((deadline): TimelineEntry => {
    const anchor = times[deadline.event];
    const base = { id: deadline.id, label: deadline.label, description: deadline.description, event: deadline.event, kind: deadline.kind, sources: deadline.sources };
    if (!anchor) return { ...base, at: null, remainingMs: null, status: 'waiting', countdown: `after: ${events.get(deadline.event)?.label ?? deadline.event}` };
    const at = new Date(Date.parse(anchor) + deadline.offsetMinutes * MINUTE_MS);
    const remainingMs = at.getTime() - now.getTime();
    return { ...base, at: at.toISOString(), remainingMs, status: remainingMs > 0 ? 'upcoming' : 'passed', countdown: formatCountdown(remainingMs) };
  });
  // Known deadlines in time order, then the ones still waiting for their event, in playbook order.
  return entries.sort((a, b) => (a.at === null ? 1 : 0) - (b.at === null ? 1 : 0) || (a.at !== null && b.at !== null ? a.at.localeCompare(b.at) : 0));
}

/** "in 3 d 4 h", "in 7 h 45 min", "in 12 min", "now", "5 min ago", "2 d ago": the two largest units. */
export function formatCountdown(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / MINUTE_MS);
  if (minutes === 0) return 'now';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = days > 0 ? [`${days} d`, hours > 0 ? `${hours} h` : ''] : hours > 0 ? [`${hours} h`, rest > 0 ? `${rest} min` : ''] : [`${rest} min`];
  const text = parts.filter(Boolean).join(' ');
  return ms > 0 ? `in ${text}` : `${text} ago`;
}
