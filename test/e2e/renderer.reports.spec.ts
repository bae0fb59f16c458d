import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importLaterExport } from '../../electron/core/reconciliation/index.js';
import { csvText, INTUNE_HEADERS } from '../support/importFixtures';
import { expect, screenshotPath, shoot, test } from './bridgeFixtures';

test.describe('reports', () => {
  test('previews the report model and saves the whole set into a chosen folder', async ({ appPage, dialogs, workDir }) => {
    await appPage.getByRole('button', { name: 'Open the demo tenant' }).click();
    await expect(appPage.getByTestId('overview')).toBeVisible();
    await appPage.getByRole('tab', { name: 'Reports' }).click();
    const page = appPage.getByTestId('reports');
    await expect(page.getByTestId('report-blockers')).toContainText('DEV_USERLESS');
    const lists = page.getByTestId('report-lists');
    await expect(lists).toContainText('devices-userless.csv');
    await expect(lists).toContainText('devices-category.csv');
    await appPage.screenshot({ path: screenshotPath('reports') });

    const dir = join(workDir, 'report-set');
    mkdirSync(dir);
    dialogs.folderAnswers.push(dir);
    await page.getByRole('switch', { name: /Redact/ }).check();
    await page.getByRole('radio', { name: 'Letter' }).check();
    await page.getByRole('button', { name: 'Save report set…' }).click();
    await expect(page.getByTestId('report-saved')).toContainText(`Saved 8 files in ${dir}`, { timeout: 45_000 });
    for (const file of ['checklist.pdf', 'report.pdf', 'report.xlsx', 'findings.csv', 'devices-userless.csv', 'devices-category.csv', 'report.json', 'deadlines.ics']) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
    expect(readFileSync(join(dir, 'report.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).report.redacted).toBe(true);
  });

  test('shows what became of the baseline devices in a later export, per wave', async ({ appPage, services, workDir }) => {
    await appPage.getByRole('button', { name: 'Open the demo tenant' }).click();
    await expect(appPage.getByTestId('overview')).toBeVisible();
    // A later export of four in five devices, half of them checked in since the data date.
    const snapshot = services.currentSnapshot!;
    const devices = snapshot.db.prepare('SELECT id, intune_device_id, name, serial_number FROM devices WHERE id % 5 <> 0').all() as { id: number; intune_device_id: string; name: string; serial_number: string }[];
    const record = (device: (typeof devices)[number]): Record<string, string> => ({
      'Device ID': device.intune_device_id,
      'Device name': device.name,
      'Serial number': device.serial_number,
      'Last check-in': device.id % 2 === 0 ? '2019-07-02 09:00:00' : '2019-05-02 09:00:00',
      'Managed by': 'Intune',
    });
    const later = join(workDir, 'AllDevices-later.csv');
    writeFileSync(later, csvText([INTUNE_HEADERS, ...devices.map((device) => INTUNE_HEADERS.map((header) => record(device)[header] ?? ''))]));
    await importLaterExport(snapshot, [later], { label: 'After the pilot', by: 'Ann Consultant' });

    await appPage.getByRole('tab', { name: 'Reports' }).click();
    const card = appPage.getByTestId('report-reconciliation');
    await expect(card).toContainText('Reconciliation: After the pilot');
    await expect(card).toContainText('All MDM devices');
    await expect(card).toContainText('checked in');
    await card.scrollIntoViewIfNeeded();
    await shoot(appPage, 'reports-reconciliation');
  });
});

