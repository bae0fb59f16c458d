import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { getWizard, pageWaveDevices, snapshotApnsReminder } from '../../electron/core/wizard/index.js';
import { ANSWERS } from '../unit/wizard/wizardFixture.js';
import { expect, expectNoSeriousViolations, shoot, test } from './bridgeFixtures';

const CONSULTANT = 'Avery Consultant';
/** The answers the unit tests use, with a ConfigMgr version the demo does not hold already. */
const ANSWERS_TYPED: Readonly<Record<string, string>> = { ...ANSWERS, 'cm-version': '1902' };


/** A committed screenshot; transitions are stopped so buttons show their settled state. */

/** A section of the workspace's navigation (phase tabs have names too). */
function section(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Sections' }).getByRole('tab', { name, exact: true });
}

/** Unfolds RFC 5545 content lines and returns each VEVENT's properties. */
function parseIcs(text: string): { properties: Map<string, string>; alarms: number }[] {
  const lines = text.replace(/\r\n[ \t]/g, '').split(/\r\n/);
  const events: { properties: Map<string, string>; alarms: number }[] = [];
  let current: { properties: Map<string, string>; alarms: number } | null = null;
  let inAlarm = false;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = { properties: new Map(), alarms: 0 };
    else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = null;
    } else if (line === 'BEGIN:VALARM' && current) {
      current.alarms++;
      inAlarm = true;
    } else if (line === 'END:VALARM') inAlarm = false;
    else if (current && !inAlarm) {
      const colon = line.indexOf(':');
      current.properties.set(line.slice(0, colon).split(';')[0]!, line.slice(colon + 1));
    }
  }
  return events;
}

test.describe('migration wizard', () => {
  test.beforeEach(async ({ appPage }) => {
    await appPage.getByRole('button', { name: 'Open the demo tenant' }).click();
    await expect(appPage.getByTestId('overview')).toBeVisible();
  });

  test('walks the wizard on the demo tenant: questions, waves, ticks, the gate, the switch, the timeline and the calendar', async ({ appPage, services, dialogs, workDir, notifier }) => {
    test.setTimeout(300_000);
    const page = appPage;
    await section(page, 'Migration wizard').click();
    await expect(page.getByTestId('wizard')).toBeVisible();
    const actor = page.getByRole('textbox', { name: 'Recording as' });
    await actor.fill(CONSULTANT);

    // 1. Every question of every phase, answered through its input.
    const playbook = getWizard(services.currentSnapshot!);
    const typed: string[] = [];
    for (const phase of playbook.phases) {
      const questions = phase.steps.flatMap((step) => step.checks).filter((check) => check.kind === 'question');
      if (questions.length === 0) continue;
      await page.locator(`[data-phase="${phase.id}"]`).click();
      for (const question of questions) {
        const check = page.locator(`[data-check="${question.id}"]`);
        const answer = ANSWERS_TYPED[question.fact!]!;
        const select = check.getByRole('combobox');
        if (await select.count()) await select.selectOption(answer);
        else await check.getByRole('textbox').fill(answer);
        const save = check.getByRole('button', { name: 'Save' });
        // A demo value that equals the answer is already recorded: nothing to save.
        if (await save.isEnabled()) {
          await save.click();
          typed.push(question.fact!);
        }
        await expect(check).toHaveAttribute('data-state', 'done');
        await expect(check).toContainText(`Answered: ${answer}`);
      }
    }
    await section(page, 'Tenant').click();
    expect(typed).toContain('cm-version');
    for (const key of typed) await expect(page.getByTestId(`fact-${key}`)).toContainText(`Typed by ${CONSULTANT}`);
    await shoot(page, 'wizard-tenant');
    await expectNoSeriousViolations(page, 'tenant');

    // 2. Ticks a manual check of phase 0, with a note.
    await section(page, 'Migration wizard').click();
    await page.locator('[data-phase="0"]').click();
    const manual = page.locator('[data-check="m-exports-imported"]');
    await manual.getByRole('checkbox').click();
    const tickDialog = page.getByRole('dialog', { name: 'Tick a manual check' });
    await expect(tickDialog.getByRole('textbox', { name: 'Done by' })).toHaveValue(CONSULTANT);
    await tickDialog.getByRole('textbox', { name: 'Note' }).fill('ConfigMgr, Entra and tenant exports imported on site');
    await tickDialog.getByRole('button', { name: 'Tick' }).click();
    await expect(tickDialog).toBeHidden();
    await expect(manual).toHaveAttribute('data-state', 'done');
    await expect(manual).toContainText(`Ticked by ${CONSULTANT}`);
    const tickedStep = page.locator('[data-step="p0-export"]');
    await expect(tickedStep).toHaveAttribute('aria-current', 'step');
    await tickedStep.getByRole('button', { name: 'Sign off…' }).click();
    const signDialog = page.getByRole('dialog', { name: 'Sign off the step' });
    await signDialog.getByRole('textbox', { name: 'Role' }).fill('consultant');
    await signDialog.getByRole('button', { name: 'Sign off' }).click();
    await expect(signDialog).toBeHidden();
    await expect(tickedStep.getByTestId('sign-offs')).toContainText(`${CONSULTANT} (consultant)`);
    await shoot(page, 'wizard-phase-0');
    await expectNoSeriousViolations(page, 'wizard phase 0');

    // Every phase renders from the playbook data, with its progress count.
    for (const phase of playbook.phases) {
      await page.locator(`[data-phase="${phase.id}"]`).click();
      await expect(page.getByRole('heading', { level: 2, name: `Phase ${phase.id}: ${phase.title}` })).toBeVisible();
      await expect(page.locator('[data-step]')).toHaveCount(phase.steps.length);
      if (phase.id !== '0') await shoot(page, `wizard-phase-${phase.id}`);
    }

    // 3. Closing and reopening the snapshot mid-wizard lands on the same step with the same ticks.
    await page.getByRole('button', { name: 'More' }).click();
    await page.getByRole('menuitem', { name: 'Close snapshot' }).click();
    await page.getByRole('button', { name: 'Open the demo tenant' }).click();
    await section(page, 'Migration wizard').click();
    await expect(page.getByRole('heading', { level: 2, name: /^Phase 0:/ })).toBeVisible();
    await expect(page.locator('[data-step="p0-export"]')).toHaveAttribute('aria-current', 'step');
    await expect(page.locator('[data-check="m-exports-imported"]')).toHaveAttribute('data-state', 'done');
    await expect(page.locator('[data-step="p0-export"]').getByTestId('sign-offs')).toContainText(`${CONSULTANT} (consultant)`);
    await expect(page.locator('[data-check="q-cm-version"]')).toContainText(`Answered: ${ANSWERS_TYPED['cm-version']}`);
    await page.getByRole('textbox', { name: 'Recording as' }).fill(CONSULTANT);

    // 4. A pilot wave: its moving devices, and those that do not move with their remediation.
    const db = services.currentSnapshot!.db;
    const mover = db
      .prepare("SELECT u.upn FROM users u JOIN devices d ON d.primary_user_id = u.id WHERE coalesce(d.management_agent, '') <> 'eas' AND d.enrollment_type <> 'deviceEnrollmentManager' ORDER BY u.id LIMIT 1")
      .get() as { upn: string };
    const dem = db.prepare('SELECT u.upn FROM devices d JOIN users u ON u.id = d.enrolled_by_user_id WHERE d.primary_user_id IS NULL ORDER BY u.id LIMIT 1').get() as { upn: string };
    await section(page, 'Waves').click();
    await page.getByRole('button', { name: 'Create the pilot wave' }).click();
    const waveDialog = page.getByRole('dialog', { name: 'New wave' });
    await expect(waveDialog.getByRole('textbox', { name: 'Name' })).toHaveValue('Pilot');
    await waveDialog.getByRole('button', { name: 'Create wave' }).click();
    await expect(waveDialog).toBeHidden();
    await expect(page.getByTestId('wave-detail').getByRole('heading', { name: 'Pilot' })).toBeVisible();
    await page.getByRole('combobox', { name: 'Collection' }).selectOption('SMS00002');
    for (const upn of [mover.upn, dem.upn]) {
      await page.getByRole('searchbox', { name: 'Search' }).fill(upn);
      await expect(page.getByTestId('table-footer')).toHaveText('1 user');
      await page.getByRole('button', { name: `Add ${upn} to Pilot` }).click();
      await expect(page.getByTestId('table-footer')).toHaveText('0 users');
    }
    await expect(page.getByRole('button', { name: /^Pilot/ })).toContainText('2 users');
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await expect(page.getByRole('button', { name: /^Add [\d,]+ matching$/ })).toBeEnabled();
    await shoot(page, 'wizard-wave-users');
    await expectNoSeriousViolations(page, 'waves');

    const waveId = (db.prepare("SELECT id FROM waves WHERE name = 'Pilot'").get() as { id: number }).id;
    const devices = (moving: boolean) => pageWaveDevices(services.currentSnapshot!, { waveId, moving, offset: 0, limit: 500 });
    const moving = devices(true);
    const staying = devices(false);
    expect(moving.total).toBeGreaterThan(0);
    expect(staying.total).toBeGreaterThan(0);
    await page.getByRole('tab', { name: 'Devices that move' }).click();
    await expect(page.getByTestId('table-footer')).toHaveText(`${moving.total} device${moving.total === 1 ? '' : 's'}`);
    await expect(page.getByRole('table', { name: 'Devices that move with Pilot' })).toContainText(moving.rows[0]!.name!);
    await shoot(page, 'wizard-wave-moving');
    await page.getByRole('tab', { name: 'Devices that do not move' }).click();
    await expect(page.getByTestId('table-footer')).toHaveText(`${staying.total} device${staying.total === 1 ? '' : 's'}`);
    await expect(page.getByRole('table', { name: 'Devices of Pilot that do not move' })).toContainText(staying.rows[0]!.reason!);
    await expect(page.locator(`[data-remediation="${staying.rows[0]!.reason}"]`)).toBeVisible();
    await shoot(page, 'wizard-wave-not-moving');
    await expectNoSeriousViolations(page, 'wave devices');

    // The wave's own checklist, ticked like a step's.
    await page.getByRole('tab', { name: 'Checklist' }).click();
    const waveCheck = page.getByTestId('wave-detail').locator('[data-check][data-state="open"]').filter({ has: page.getByRole('checkbox') }).first();
    const waveCheckId = await waveCheck.getAttribute('data-check');
    await waveCheck.getByRole('checkbox').click();
    await page.getByRole('dialog', { name: 'Tick a manual check' }).getByRole('button', { name: 'Tick' }).click();
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(page.locator(`[data-check="${waveCheckId}"]`)).toHaveAttribute('data-state', 'done');
    await page.getByRole('button', { name: 'Mark as moved' }).click();
    await expect(page.getByRole('button', { name: 'Mark as verified' })).toBeVisible();
    await shoot(page, 'wizard-wave-checklist');

    // 5. The gated step is blocked, with its reasons; the switch cannot be recorded.
    const gated = playbook.phases.flatMap((phase) => phase.steps).find((step) => step.gate)!;
    await section(page, 'Migration wizard').click();
    await page.locator(`[data-phase="${gated.phaseId}"]`).click();
    const gatedCard = page.locator(`[data-step="${gated.id}"]`);
    await expect(gatedCard).toHaveAttribute('data-state', 'blocked');
    await expect(gatedCard.getByTestId('gate-blocked')).toContainText('Blocked');
    await expect(gatedCard.getByTestId('gate-blocked')).toContainText('Blocker');
    await expect(gatedCard.getByRole('button', { name: 'Record the switch' })).toBeDisabled();
    // The card's top, with why it is blocked, for the screenshot.
    await gatedCard.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await shoot(page, 'wizard-gate-blocked');

    // 6. Overridden with a written justification.
    await gatedCard.getByRole('button', { name: 'Override…' }).click();
    const override = page.getByRole('alertdialog');
    await override.getByRole('textbox', { name: 'Justification' }).fill('short');
    await expect(override.getByRole('button', { name: 'Override' })).toBeDisabled();
    await override.getByRole('textbox', { name: 'Justification' }).fill('Change board CAB-1042 accepted the open items; Microsoft Support case scheduled for tonight.');
    await shoot(page, 'wizard-override');
    await expectNoSeriousViolations(page, 'override dialog');
    await override.getByRole('button', { name: 'Override' }).click();
    await expect(override).toBeHidden();
    await expect(gatedCard.getByTestId('gate-overridden')).toContainText('CAB-1042');

    // 7. The switch, recorded now (the default).
    await gatedCard.getByRole('button', { name: 'Record the switch' }).click();
    await expect(gatedCard.getByTestId('switch-recorded')).toContainText(`by ${CONSULTANT}`);
    expect(notifier.shown.map((notification) => notification.id)).toContain('switch');
    await gatedCard.scrollIntoViewIfNeeded();
    await shoot(page, 'wizard-switch-recorded');

    // 8. The timeline counts down from the switch, and the APNs banner asks for confirmation.
    await page.getByRole('tab', { name: /Switch timeline/ }).click();
    const timeline = page.getByTestId('timeline');
    for (const id of ['devices-visible', 'check-in-window', 'dep-token', 'offline-profiles', 'compliance-settles', 'apns-expiry', 'stale-removal']) {
      await expect(timeline.locator(`[data-deadline="${id}"]`)).toBeVisible();
    }
    await expect(timeline.locator('[data-deadline="devices-visible"]')).toHaveAttribute('data-status', 'upcoming');
    await expect(timeline.locator('[data-deadline="stale-removal"]')).toContainText(/in 1\d\d d/);
    const banner = page.getByTestId('apns-banner');
    // After the switch the banner shows until confirmed; on the demo the certificate also expires within 60 days of today.
    await expect(banner).toContainText(/Confirm the APNs certificate under the new authority|The APNs certificate expires soon|The APNs certificate has expired/);
    await expect(banner).toContainText('Apple ID: mdm.admin@');
    await expect(banner).toContainText('Topic: com.apple.mgmt.External.');
    await expect(banner).toContainText('never create a new one');
    await expect(banner).toContainText('30-day grace period');
    await shoot(page, 'wizard-timeline');
    await expectNoSeriousViolations(page, 'timeline');

    // 9. "Add to calendar" writes an .ics where the save dialog says.
    const ics = `${workDir}/deadlines.ics`;
    dialogs.calendarAnswers.push(ics);
    await timeline.getByRole('button', { name: 'Add to calendar…' }).click();
    await expect(timeline.getByRole('status')).toContainText(`to ${ics}`);
    const text = readFileSync(ics, 'utf8');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const events = parseIcs(text);
    const switchAt = Date.parse((db.prepare("SELECT at FROM wizard_events WHERE event_id = 'switch'").get() as { at: string }).at);
    const visible = events.find((event) => event.properties.get('SUMMARY') === 'Devices visible in Intune')!;
    const dtstart = visible.properties.get('DTSTART')!;
    expect(dtstart).toMatch(/^\d{8}T\d{6}Z$/);
    const parsed = Date.UTC(+dtstart.slice(0, 4), +dtstart.slice(4, 6) - 1, +dtstart.slice(6, 8), +dtstart.slice(9, 11), +dtstart.slice(11, 13), +dtstart.slice(13, 15));
    expect(parsed).toBe(Math.floor((switchAt + 15 * 60_000) / 1000) * 1000);
    expect(events.length).toBeGreaterThanOrEqual(8);
    expect(events.every((event) => event.alarms >= 1)).toBe(true);

    // Confirmed, the banner goes, unless the certificate also expires within 60 days of today.
    await banner.getByRole('button', { name: 'Confirm renewed…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Confirm the APNs certificate' });
    await confirm.getByRole('textbox', { name: 'Note' }).fill('Renewed with the same Apple ID');
    await confirm.getByRole('button', { name: 'Confirm' }).click();
    await expect(confirm).toBeHidden();
    await expect(banner).toHaveCount(snapshotApnsReminder(services.currentSnapshot!, new Date()).visible ? 1 : 0);

    // A dark-theme view of the wizard.
    await page.locator('[data-phase="0"]').click();
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await expect(page.locator('[data-theme="dark"]')).toBeVisible();
    await shoot(page, 'wizard-dark');
    await expectNoSeriousViolations(page, 'wizard dark');
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
  });

  test('the native Migration menu opens the wizard, the waves and the tenant page', async ({ appPage }) => {
    const menu = (command: string) =>
      appPage.evaluate((name) => (window as unknown as { __deliverAppEvent: (event: unknown) => void }).__deliverAppEvent({ type: 'menu.command', command: name }), command);
    await menu('openTenant');
    await expect(appPage.getByRole('heading', { level: 1, name: 'Tenant' })).toBeVisible();
    await menu('openWaves');
    await expect(appPage.getByRole('heading', { level: 1, name: 'Waves' })).toBeVisible();
    await menu('openWizard');
    await expect(appPage.getByRole('heading', { level: 1, name: 'Migration wizard' })).toBeVisible();
    await expect(section(appPage, 'Migration wizard')).toHaveAttribute('aria-selected', 'true');
  });

  test('the wizard works from the keyboard, with a visible focus ring', async ({ appPage }) => {
    await section(appPage, 'Migration wizard').click();
    await expect(appPage.getByRole('heading', { level: 2, name: /^Phase 0:/ })).toBeVisible();
    await appPage.locator('[data-phase="0"]').focus();
    await appPage.keyboard.press('ArrowDown');
    await expect(appPage.locator('[data-phase="1"]')).toBeFocused();
    await appPage.keyboard.press('Enter');
    await expect(appPage.getByRole('heading', { level: 2, name: /^Phase 1:/ })).toBeVisible();
    const ring = await appPage.locator('[data-phase="1"]').evaluate((element) => getComputedStyle(element, '::after').borderTopWidth + getComputedStyle(element).outlineStyle);
    expect(ring).not.toBe('0pxnone');

    // A manual check ticks with Space, and its dialog submits with Enter.
    const firstOpen = appPage.locator('[data-check][data-state="open"]').filter({ has: appPage.getByRole('checkbox') }).first();
    const manual = appPage.locator(`[data-check="${await firstOpen.getAttribute('data-check')}"]`);
    await manual.getByRole('checkbox').focus();
    await appPage.keyboard.press('Space');
    const dialog = appPage.getByRole('dialog', { name: 'Tick a manual check' });
    await dialog.getByRole('textbox', { name: 'Done by' }).fill('Keyboard User');
    await appPage.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(manual).toContainText('Ticked by Keyboard User');
  });
});
