import { describe, expect, it } from 'vitest';
import { getPlaybook } from '../../../electron/core/playbooks/index.js';
import {
  APNS_RENEWAL_RULE,
  apnsReminder,
  buildTimeline,
  confirmApnsRenewed,
  deadlinesCalendar,
  deliverDue,
  formatCountdown,
  notificationSchedule,
  overrideGate,
  recordSwitch,
  snapshotApnsReminder,
  snapshotCalendar,
  snapshotTimeline,
  type WizardNotification,
} from '../../../electron/core/wizard/index.js';
import { useTempDir } from '../../support/tempDir.js';
import { demoSnapshot } from './wizardFixture.js';

const playbook = getPlaybook('hybrid-to-standalone');
const SWITCH = '2026-12-10T18:00:00.000Z';
const APNS_EXPIRY = '2027-03-01T00:00:00.000Z';
const hours = (n: number) => new Date(Date.parse(SWITCH) + n * 3_600_000);
const tempDir = useTempDir();

/** Unfolds an iCalendar file into its content lines (RFC 5545 §3.1). */
function icsLines(text: string): string[] {
  expect(text.endsWith('\r\n')).toBe(true);
  return text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
}

describe('switch timeline', () => {
  it('computes each deadline from the recorded switch and the APNs expiry, with countdowns from now', () => {
    const timeline = buildTimeline(playbook, { switch: SWITCH, 'apns-expiry': APNS_EXPIRY }, hours(1));
    const byId = Object.fromEntries(timeline.map((entry) => [entry.id, entry]));
    expect(byId['devices-visible']).toMatchObject({ at: '2026-12-10T18:15:00.000Z', status: 'passed', countdown: '45 min ago' });
    expect(byId['check-in-window']).toMatchObject({ at: '2026-12-11T02:00:00.000Z', status: 'upcoming', countdown: 'in 7 h', remainingMs: 7 * 3_600_000 });
    expect(byId['dep-token']).toMatchObject({ at: '2026-12-11T18:00:00.000Z', countdown: 'in 23 h' });
    expect(byId['offline-profiles']).toMatchObject({ at: '2026-12-17T18:00:00.000Z', countdown: 'in 6 d 23 h' });
    expect(byId['compliance-settles']!.at).toBe('2026-12-17T18:00:00.000Z');
    expect(byId['apns-expiry']).toMatchObject({ at: APNS_EXPIRY });
    expect(byId['apns-grace-end']).toMatchObject({ at: '2027-03-31T00:00:00.000Z' });
    expect(byId['stale-removal']).toMatchObject({ at: '2027-06-08T18:00:00.000Z' });
    expect(timeline.map((entry) => entry.at)).toEqual([...timeline.map((entry) => entry.at)].sort());
    // The same inputs a day later: only the countdowns move.
    const later = buildTimeline(playbook, { switch: SWITCH, 'apns-expiry': APNS_EXPIRY }, hours(25));
    expect(later.find((entry) => entry.id === 'dep-token')).toMatchObject({ status: 'passed', countdown: '1 h ago' });
  });

  it('waits for the switch before showing its deadlines', () => {
    const timeline = buildTimeline(playbook, { switch: null, 'apns-expiry': APNS_EXPIRY }, hours(0));
    expect(timeline.filter((entry) => entry.at !== null).map((entry) => entry.id)).toEqual(['apns-expiry', 'apns-grace-end']);
    expect(timeline.find((entry) => entry.id === 'dep-token')).toMatchObject({ status: 'waiting', at: null, countdown: 'after: Tenant MDM authority changed to Intune' });
  });

  it('formats countdowns in the two largest units', () => {
    expect(formatCountdown(0)).toBe('now');
    expect(formatCountdown(59_000)).toBe('now');
    expect(formatCountdown(12 * 60_000)).toBe('in 12 min');
    expect(formatCountdown(-(7 * 60 + 45) * 60_000)).toBe('7 h 45 min ago');
    expect(formatCountdown(3 * 86_400_000 + 4 * 3_600_000 + 60_000)).toBe('in 3 d 4 h');
  });
});

describe('APNs reminder', () => {
  const certificate = { appleId: 'mdm.admin@contoso.com', topic: 'com.apple.mgmt.External.1234', expiresAt: APNS_EXPIRY };
  const today = (iso: string) => new Date(iso);

  it('stays from the switch until the renewal is confirmed, and carries the Apple ID, topic, expiry and the rule', () => {
    expect(apnsReminder({ certificate, switchAt: null, confirmation: null, today: today('2026-12-01T00:00:00Z') })).toMatchObject({ visible: false, reason: null });
    const banner = apnsReminder({ certificate, switchAt: SWITCH, confirmation: null, today: today('2026-12-11T00:00:00Z') });
    expect(banner).toMatchObject({
      visible: true,
      reason: 'confirm-after-switch',
      appleId: 'mdm.admin@contoso.com',
      topic: 'com.apple.mgmt.External.1234',
      expiresAt: APNS_EXPIRY,
      daysLeft: 80,
      graceDays: 30,
      graceEndsAt: '2027-03-31T00:00:00.000Z',
      renewalRule: APNS_RENEWAL_RULE,
    });
    expect(banner.renewalRule).toMatch(/same Apple ID.*never create a new one/);
    const confirmation = { by: 'Ann', at: '2026-12-11T09:00:00Z', note: 'renewed' };
    expect(apnsReminder({ certificate, switchAt: SWITCH, confirmation, today: today('2026-12-11T10:00:00Z') }).visible).toBe(false);
  });

  it('comes back whenever the certificate expires within 60 days of today, then in the grace period, then expired', () => {
    const confirmation = { by: 'Ann', at: '2026-12-11T09:00:00Z', note: '' };
    const at = (iso: string) => apnsReminder({ certificate, switchAt: SWITCH, confirmation, today: today(iso) });
    expect(at('2026-12-30T00:00:00Z')).toMatchObject({ visible: false, daysLeft: 61 });
    expect(at('2027-01-01T00:00:00Z')).toMatchObject({ visible: true, reason: 'expires-soon', daysLeft: 59 });
    expect(at('2027-03-10T00:00:00Z')).toMatchObject({ visible: true, reason: 'in-grace-period', daysLeft: -9 });
    expect(at('2027-04-01T00:00:00Z')).toMatchObject({ visible: true, reason: 'expired' });
  });

  it('counts from today on the real clock, not from the snapshot data date', () => {
    const snapshot = demoSnapshot(tempDir());
    const dataAsOf = (snapshot.db.prepare('SELECT data_as_of AS at FROM engagement').get() as { at: string }).at;
    const expiresAt = snapshotApnsReminder(snapshot, new Date(dataAsOf)).expiresAt!;
    const farBefore = new Date(Date.parse(expiresAt) - 200 * 86_400_000);
    expect(snapshotApnsReminder(snapshot, farBefore)).toMatchObject({ visible: false, daysLeft: 200 });
    expect(snapshotApnsReminder(snapshot, new Date(Date.parse(expiresAt) - 10 * 86_400_000))).toMatchObject({ visible: true, reason: 'expires-soon', daysLeft: 10 });
    overrideGate(snapshot, { justification: 'demo: switch despite open blockers', by: 'Ann', now: farBefore });
    recordSwitch(snapshot, { by: 'Ann', at: farBefore, now: farBefore });
    expect(snapshotApnsReminder(snapshot, farBefore)).toMatchObject({ visible: true, reason: 'confirm-after-switch' });
    confirmApnsRenewed(snapshot, { by: 'Ann', note: 'renewed with the same Apple ID', now: farBefore });
    expect(snapshotApnsReminder(snapshot, farBefore)).toMatchObject({ visible: false, confirmation: { by: 'Ann' } });
    expect((snapshot.db.prepare(`SELECT actor FROM audit_log WHERE action = 'wizard.apnsConfirmed'`).get() as { actor: string }).actor).toBe('Ann');
    expect(snapshotTimeline(snapshot, farBefore).every((entry) => entry.at !== null)).toBe(true);
    snapshot.close();
  });
});

describe('notifications and calendar', () => {
  it('schedules one notification at the switch and one per deadline, delivered through the Notifier port', () => {
    const timeline = buildTimeline(playbook, { switch: SWITCH, 'apns-expiry': APNS_EXPIRY }, hours(0));
    const schedule = notificationSchedule(timeline, { label: 'Switched', at: SWITCH });
    expect(schedule).toHaveLength(timeline.length + 1);
    const shown: WizardNotification[] = [];
    const notifier = { notify: (notification: WizardNotification) => void shown.push(notification) };
    expect(deliverDue(notifier, schedule, hours(-1), hours(1)).map((n) => n.id)).toEqual(['switch', 'deadline:devices-visible']);
    expect(deliverDue(notifier, schedule, hours(1), hours(9)).map((n) => n.id)).toEqual(['deadline:check-in-window']);
    expect(shown.map((n) => n.id)).toEqual(['switch', 'deadline:devices-visible', 'deadline:check-in-window']);
  });

  it('writes an .ics with one VEVENT per known deadline, each with its alarms', () => {
    const timeline = buildTimeline(playbook, { switch: SWITCH, 'apns-expiry': APNS_EXPIRY }, hours(0));
    const text = deadlinesCalendar(timeline, { name: 'Contoso: deadlines', uidScope: 'test.example', stamp: hours(0) });
    const lines = icsLines(text);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('X-WR-CALNAME:Contoso: deadlines');
    const events: string[][] = [];
    let current: string[] | null = null;
    for (const line of lines) {
      if (line === 'BEGIN:VEVENT') current = [];
      else if (line === 'END:VEVENT') {
        events.push(current!);
        current = null;
      }
      else current?.push(line);
    }
    expect(events).toHaveLength(timeline.length);
    const byUid = Object.fromEntries(events.map((event) => [event.find((line) => line.startsWith('UID:'))!.slice(4), event]));
    const dep = byUid['dep-token@test.example']!;
    expect(dep).toContain('SUMMARY:DEP token should appear in Intune');
    expect(dep).toContain('DTSTART:20261211T180000Z');
    expect(dep).toContain('DTSTAMP:20261210T180000Z');
    expect(dep.filter((line) => line === 'BEGIN:VALARM')).toHaveLength(1);
    expect(dep).toContain('ACTION:DISPLAY');
    expect(dep).toContain('TRIGGER;VALUE=DATE-TIME:20261211T180000Z');
    const stale = byUid['stale-removal@test.example']!;
    expect(stale.filter((line) => line === 'BEGIN:VALARM')).toHaveLength(2);
    expect(stale.filter((line) => line.startsWith('TRIGGER'))).toEqual(['TRIGGER;VALUE=DATE-TIME:20270608T180000Z', 'TRIGGER;VALUE=DATE-TIME:20270607T180000Z']);
    // Deterministic: the same inputs give the same bytes.
    expect(deadlinesCalendar(timeline, { name: 'Contoso: deadlines', uidScope: 'test.example', stamp: hours(0) })).toBe(text);
  });

  it('writes the snapshot calendar after the switch is recorded', () => {
    const snapshot = demoSnapshot(tempDir());
    expect(icsLines(snapshotCalendar(snapshot, hours(0))).filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(2);
    overrideGate(snapshot, { justification: 'demo: switch despite open blockers', by: 'Ann', now: hours(0) });
    recordSwitch(snapshot, { by: 'Ann', at: new Date(SWITCH), now: hours(0) });
    expect(icsLines(snapshotCalendar(snapshot, hours(0))).filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(playbook.deadlines.length);
    snapshot.close();
  });
});
