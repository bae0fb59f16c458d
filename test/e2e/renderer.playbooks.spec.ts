import type { Page } from '@playwright/test';
import { generateDemoTenant } from '../../electron/core/demo/generateDemoTenant.js';
import { getPlaybook } from '../../electron/core/playbooks/index.js';
import { getWizard, pageWaveDevices } from '../../electron/core/wizard/index.js';
import { ANSWERS } from '../unit/wizard/wizardFixture.js';
import { expect, shoot, test } from './bridgeFixtures';

const CONSULTANT = 'Avery Consultant';

/**
 * Each new playbook, the name its screenshots carry, the authority its tenant starts from, a
 * deadline its recorded event starts, and the finding its waves are built from (none: it moves no one).
 */
const WALKS = [
  { playbookId: 'set-authority', shots: 'playbook-set-authority', authority: 'unknown', deadline: 'apns-upload', waveFinding: null },
  { playbookId: 'office365-coexistence', shots: 'playbook-coexistence', authority: 'intune', deadline: 'licence-holders-switched', waveFinding: 'USR_O365_MDM_ONLY' },
] as const;


function section(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Sections' }).getByRole('tab', { name, exact: true });
}

for (const walk of WALKS) {
  test(`walks ${walk.playbookId} on the demo tenant: a new snapshot for it, questions, ticks, the recorded event, the last phase`, async ({ appPage, dialogs, services, workDir }) => {
    test.setTimeout(180_000);
    const page = appPage;
    const playbook = getPlaybook(walk.playbookId);

    // 1. A new snapshot says which migration it is for.
    dialogs.saveAnswers.push(`${workDir}/${walk.playbookId}.mdmsnap`);
    await page.getByRole('button', { name: 'New snapshot…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New snapshot' });
    await dialog.getByLabel('Customer').fill('Contoso Ltd');
    await dialog.getByLabel('Consultant').fill(CONSULTANT);
    await dialog.getByLabel('Migration').selectOption({ label: playbook.title });
    await expect(dialog).toContainText(playbook.summary);
    await shoot(page, `${walk.shots}-new-snapshot`);
    await dialog.getByRole('button', { name: 'Create…' }).click();
    await expect(page.getByTestId('overview')).toBeVisible();
    // The demo tenant's data in the new snapshot, as `mdm-migrate demo --playbook` writes it.
    generateDemoTenant(services.currentSnapshot!, { devices: 1_000, seed: 1 });
    await page.reload();
    await expect(page.getByRole('banner')).toContainText('Contoso Ltd (demo tenant)');

    // 2. The wizard renders this playbook, phase by phase: every question answered, every manual check ticked, the event recorded.
    await section(page, 'Migration wizard').click();
    await expect(page.getByTestId('wizard')).toContainText(`${playbook.title} · playbook version ${playbook.version}`);
    await page.getByRole('textbox', { name: 'Recording as' }).fill(CONSULTANT);
    const answers: Record<string, string> = { ...ANSWERS, 'mdm-authority': walk.authority };
    for (const phase of playbook.phases) {
      await page.locator(`[data-phase="${phase.id}"]`).click();
      await expect(page.getByRole('heading', { level: 2, name: `Phase ${phase.id}: ${phase.title}` })).toBeVisible();
      await expect(page.locator('[data-step]')).toHaveCount(phase.steps.length);
      for (const step of phase.steps) {
        for (const check of step.checks) {
          const row = page.locator(`[data-check="${check.id}"]`);
          if (check.kind === 'question') {
            const answer = answers[check.fact]!;
            const select = row.getByRole('combobox');
            if (await select.count()) await select.selectOption(answer);
            else await row.getByRole('textbox').fill(answer);
            const save = row.getByRole('button', { name: 'Save' });
            if (await save.isEnabled()) await save.click();
            await expect(row).toContainText(`Answered: ${answer}`);
          } else if (check.kind === 'manual') {
            await row.getByRole('checkbox').click();
            const tick = page.getByRole('dialog', { name: 'Tick a manual check' });
            await tick.getByRole('button', { name: 'Tick' }).click();
            await expect(tick).toBeHidden();
          } else continue;
          await expect(row).toHaveAttribute('data-state', 'done');
        }
        if (step.records) {
          const card = page.locator(`[data-step="${step.id}"]`);
          // The button is named by the playbook's event ("Record the authority set", "Record the activation").
          const recordAction = playbook.events.find((event) => event.id === step.records)!.recordAction!;
          await card.getByRole('button', { name: recordAction }).click();
          await expect(card.getByTestId('switch-recorded')).toContainText(`by ${CONSULTANT}`);
        }
      }
      await shoot(page, `${walk.shots}-phase-${phase.id}`);
    }

    // 3. The last phase is reached with every manual check and question done; only automatic checks may still follow findings.
    const last = playbook.phases[playbook.phases.length - 1]!;
    await expect(page.getByRole('heading', { level: 2, name: `Phase ${last.id}: ${last.title}` })).toBeVisible();
    const wizard = getWizard(services.currentSnapshot!);
    const open = wizard.phases.flatMap((phase) => phase.steps.flatMap((step) => step.checks)).filter((check) => check.kind !== 'automatic' && check.state !== 'done');
    expect(open).toEqual([]);
    expect(wizard.events.map((event) => event.eventId)).toEqual([playbook.switchEvent]);

    // 4. A wave of the users the playbook moves: the devices that switch at their next check-in, and its checklist fed by the rules.
    if (walk.waveFinding) {
      await section(page, 'Waves').click();
      await page.getByRole('button', { name: 'Create the pilot wave' }).click();
      const waveDialog = page.getByRole('dialog', { name: 'New wave' });
      await waveDialog.getByRole('button', { name: 'Create wave' }).click();
      await expect(waveDialog).toBeHidden();
      await page.getByRole('combobox', { name: 'Finding' }).selectOption(walk.waveFinding);
      await page.getByRole('button', { name: /^Add [\d,]+ matching$/ }).click();
      await expect(page.getByRole('button', { name: /^Pilot/ })).toContainText(/[1-9][\d,]* users/);
      const waveId = (services.currentSnapshot!.db.prepare("SELECT id FROM waves WHERE name = 'Pilot'").get() as { id: number }).id;
      const moving = pageWaveDevices(services.currentSnapshot!, { waveId, moving: true, offset: 0, limit: 1 });
      expect(moving.total).toBeGreaterThan(0);
      await page.getByRole('tab', { name: 'Devices that move' }).click();
      await expect(page.getByTestId('table-footer')).toHaveText(`${moving.total} device${moving.total === 1 ? '' : 's'}`);
      await shoot(page, `${walk.shots}-wave-devices`);
      await page.getByRole('tab', { name: 'Checklist' }).click();
      // Licensing has not happened yet: its users still hold only the Office 365 licence. The replacement policies were confirmed in phase 1.
      await expect(page.locator('[data-check="w-licensed"]')).toHaveAttribute('data-state', 'open');
      await expect(page.locator('[data-check="w-replacement-policies"]')).toHaveAttribute('data-state', 'done');
      await shoot(page, `${walk.shots}-wave-checklist`);
      await section(page, 'Migration wizard').click();
    }

    // 5. The timeline counts from the recorded event.
    await page.getByRole('tab', { name: /Switch timeline/ }).click();
    await expect(page.getByTestId('timeline').locator(`[data-deadline="${walk.deadline}"]`)).toBeVisible();
    await shoot(page, `${walk.shots}-timeline`);
  });
}
