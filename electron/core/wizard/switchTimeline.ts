import type { Snapshot } from '../snapshot/openSnapshot.js';
import { actor, type Actor } from './actor.js';
import { apnsReminder, notificationSchedule, type ApnsCertificateFacts, type ApnsConfirmation, type ApnsReminder, type WizardNotification } from './apnsReminder.js';
import { deadlinesCalendar } from './calendar.js';
import { buildTimeline, type EventTimes, type TimelineEntry } from './timeline.js';
import { activePlaybook, persistWizardState, recordedSwitch } from './wizard.js';

/** The tenant APNs certificate: the one expiring last when several sources listed one. */
export function apnsCertificate(snapshot: Snapshot): ApnsCertificateFacts | null {
  return (
    (snapshot.db.prepare('SELECT apple_id AS appleId, topic, expires_at AS expiresAt FROM apns_certificates ORDER BY expires_at DESC LIMIT 1').get() as
      | ApnsCertificateFacts
      | undefined) ?? null
  );
}

/** The times of the active playbook's events: recorded ones from the wizard, data ones from the snapshot. */
export function eventTimes(snapshot: Snapshot): EventTimes {
  const recorded = new Map(
    (snapshot.db.prepare('SELECT event_id AS id, at FROM wizard_events').all() as { id: string; at: string }[]).map((row) => [row.id, row.at]),
  );
  const apnsExpiry = apnsCertificate(snapshot)?.expiresAt ?? null;
  return Object.fromEntries(activePlaybook(snapshot).events.map((event) => [event.id, event.from === 'recorded' ? (recorded.get(event.id) ?? null) : apnsExpiry]));
}

export function snapshotTimeline(snapshot: Snapshot, now: Date): TimelineEntry[] {
  return buildTimeline(activePlaybook(snapshot), eventTimes(snapshot), now);
}

function apnsConfirmation(snapshot: Snapshot): ApnsConfirmation | null {
  const row = snapshot.db.prepare('SELECT apns_confirmed_by AS by, apns_confirmed_at AS at, apns_confirmed_note AS note FROM wizard_state WHERE id = 1').get() as
    | { by: string | null; at: string | null; note: string | null }
    | undefined;
  return row?.by && row.at ? { by: row.by, at: row.at, note: row.note ?? '' } : null;
}

/** The APNs banner for today on the real clock (pass `new Date()`, never the data date). */
export function snapshotApnsReminder(snapshot: Snapshot, today: Date): ApnsReminder {
  return apnsReminder({ certificate: apnsCertificate(snapshot), switchAt: recordedSwitch(snapshot)?.at ?? null, confirmation: apnsConfirmation(snapshot), today });
}

/** The consultant confirms the certificate is present and renewed under the new authority; audited. */
export function confirmApnsRenewed(snapshot: Snapshot, request: Actor & { note?: string }): ApnsConfirmation {
  const { by, at } = actor(request);
  const confirmation = { by, at, note: request.note?.trim() ?? '' };
  snapshot.db.transaction(() => {
    persistWizardState(snapshot);
    snapshot.db.prepare('UPDATE wizard_state SET apns_confirmed_by = ?, apns_confirmed_at = ?, apns_confirmed_note = ? WHERE id = 1').run(confirmation.by, confirmation.at, confirmation.note);
    snapshot.audit(by, 'wizard.apnsConfirmed', 'apns', { note: confirmation.note, certificate: apnsCertificate(snapshot) });
  })();
  return confirmation;
}

export function snapshotNotificationSchedule(snapshot: Snapshot, now: Date): WizardNotification[] {
  const playbook = activePlaybook(snapshot);
  const label = playbook.events.find((event) => event.id === playbook.switchEvent)!.label;
  return notificationSchedule(snapshotTimeline(snapshot, now), { label, at: recordedSwitch(snapshot)?.at ?? null });
}

/** The `.ics` of the deadlines known at `now`, named after the customer. */
export function snapshotCalendar(snapshot: Snapshot, now: Date): string {
  const engagement = snapshot.db.prepare('SELECT customer, created_at AS createdAt FROM engagement WHERE id = 1').get() as { customer: string; createdAt: string };
  const playbook = activePlaybook(snapshot);
  return deadlinesCalendar(snapshotTimeline(snapshot, now), {
    name: `${engagement.customer || 'MDM migration'}: ${playbook.title} deadlines`,
    uidScope: `${playbook.id}.${engagement.createdAt.replace(/[^0-9]/g, '')}.mdm-migration-assistant`,
    stamp: now,
  });
}
