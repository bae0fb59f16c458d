import type { TimelineEntry } from './timeline.js';

/** The rule the banner always shows [S8, S9, S15]. */
export const APNS_RENEWAL_RULE =
  'Renew the same certificate with the same Apple ID; never create a new one: a new certificate forces every Apple device to re-enroll.';
/** After expiry Apple allows 30 days to renew the same certificate [S15]. */
export const APNS_GRACE_DAYS = 30;
/** The banner returns when the certificate expires within this many days of today. */
export const APNS_WARNING_DAYS = 60;
export const APNS_SOURCES: readonly string[] = ['S8', 'S9', 'S15'];

const DAY_MS = 86_400_000;

export interface ApnsCertificateFacts {
  readonly appleId: string | null;
  readonly topic: string | null;
  readonly expiresAt: string | null;
}

export interface ApnsConfirmation {
  readonly by: string;
  readonly at: string;
  readonly note: string;
}

export interface ApnsReminderInput {
  readonly certificate: ApnsCertificateFacts | null;
  /** The recorded switch; before it there is nothing to confirm under the new authority. */
  readonly switchAt: string | null;
  readonly confirmation: ApnsConfirmation | null;
  /** Today on the real clock, never the snapshot's data date. */
  readonly today: Date;
}

export type ApnsReminderReason = 'confirm-after-switch' | 'expires-soon' | 'in-grace-period' | 'expired';

export interface ApnsReminder {
  readonly visible: boolean;
  /** Why it shows, the most urgent first; null when hidden. */
  readonly reason: ApnsReminderReason | null;
  readonly appleId: string | null;
  readonly topic: string | null;
  readonly expiresAt: string | null;
  /** Whole days from today to expiry (negative after it); null when the expiry is unknown. */
  readonly daysLeft: number | null;
  readonly graceEndsAt: string | null;
  readonly graceDays: number;
  readonly renewalRule: string;
  readonly sources: readonly string[];
  readonly confirmation: ApnsConfirmation | null;
}

/**
 * The APNs banner as a pure function of today. It stays from the switch until the consultant
 * confirms the certificate is present and renewed under the new authority, and comes back
 * whenever the certificate expires within 60 days of today, confirmed or not.
 */
export function apnsReminder(input: ApnsReminderInput): ApnsReminder {
  const expires = input.certificate?.expiresAt ? new Date(input.certificate.expiresAt) : null;
  const valid = expires !== null && !Number.isNaN(expires.getTime());
  const msLeft = valid ? expires.getTime() - input.today.getTime() : null;
  const graceEnds = valid ? new Date(expires.getTime() + APNS_GRACE_DAYS * DAY_MS) : null;
  let reason: ApnsReminderReason | null = null;
  if (msLeft !== null && msLeft <= 0) reason = graceEnds!.getTime() > input.today.getTime() ? 'in-grace-period' : 'expired';
  else if (msLeft !== null && msLeft <= APNS_WARNING_DAYS * DAY_MS) reason = 'expires-soon';
  else if (input.switchAt !== null && input.confirmation === null) reason = 'confirm-after-switch';
  return {
    visible: reason !== null,
    reason,
    appleId: input.certificate?.appleId ?? null,
    topic: input.certificate?.topic ?? null,
    expiresAt: valid ? expires.toISOString() : null,
    daysLeft: msLeft === null ? null : Math.floor(msLeft / DAY_MS),
    graceEndsAt: graceEnds?.toISOString() ?? null,
    graceDays: APNS_GRACE_DAYS,
    renewalRule: APNS_RENEWAL_RULE,
    sources: APNS_SOURCES,
    confirmation: input.confirmation,
  };
}

export interface WizardNotification {
  /** Stable: the shell can remember which ones it showed. */
  readonly id: string;
  readonly at: string;
  readonly title: string;
  readonly body: string;
}

/** The port desktop notifications go through; the Electron shell implements it with `Notification`. */
export interface Notifier {
  notify(notification: WizardNotification): void;
}

/** One notification at the switch and one at each deadline whose time is known. */
export function notificationSchedule(timeline: readonly TimelineEntry[], switchEvent: { label: string; at: string | null }): WizardNotification[] {
  const schedule: WizardNotification[] = [];
  if (switchEvent.at) schedule.push({ id: 'switch', at: switchEvent.at, title: switchEvent.label, body: 'The timeline of deadlines starts now.' });
  for (const entry of timeline) {
    if (entry.at) schedule.push({ id: `deadline:${entry.id}`, at: entry.at, title: entry.label, body: entry.description });
  }
  return schedule.sort((a, b) => a.at.localeCompare(b.at));
}

/** Notifications that fell due after `since` and by `now`, sent through the port; returns them. */
export function deliverDue(notifier: Notifier, schedule: readonly WizardNotification[], since: Date, now: Date): WizardNotification[] {
  const due = schedule.filter((notification) => {
    const at = Date.parse(notification.at);
    return at > since.getTime() && at <= now.getTime();
  });
  for (const notification of due) notifier.notify(notification);
  return due;
}
