import { readFileSync } from 'node:fs';
import { expect, screenshotPath, test } from './bridgeFixtures';

test.describe('findings', () => {
  test.beforeEach(async ({ appPage }) => {
    await appPage.getByRole('button', { name: 'Open the demo tenant' }).click();
    await expect(appPage.getByTestId('overview')).toBeVisible();
    await appPage.getByRole('tab', { name: 'Findings' }).click();
    await expect(appPage.getByTestId('findings')).toBeVisible();
  });

  test('lists findings blockers first, with counts that match the planted demo data', async ({ appPage, services }) => {
    const manifest = JSON.parse((services.currentSnapshot!.db.prepare('SELECT demo_manifest AS m FROM engagement').get() as { m: string }).m);
    const rules = await appPage.getByRole('navigation', { name: 'Findings, blockers first' }).getByRole('button').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-rule')));
    const firstNonBlocker = rules.findIndex((_rule, index) => index > 0);
    expect(firstNonBlocker).toBeGreaterThan(0);
    await expect(appPage.getByTestId('severity-blocker')).not.toContainText(/^0/);

    await appPage.locator('[data-rule="DEV_USERLESS"]').click();
    const detail = appPage.getByTestId('finding-detail');
    await expect(detail.getByRole('heading', { level: 2 })).toBeVisible();
    await expect(detail).toContainText('Switch-MdmDeviceAuthority');
    await expect(detail).toContainText(`${manifest.userlessDevices.toLocaleString('en-US')} affected`);
    await expect(appPage.getByTestId('table-footer')).toHaveText(`${manifest.userlessDevices.toLocaleString('en-US')} items`);
    await appPage.screenshot({ path: screenshotPath('findings') });
  });

  test('records a decision that survives re-assessment and exports the list as CSV', async ({ appPage, dialogs, workDir }) => {
    await appPage.locator('[data-rule="DEV_DEVICE_CATEGORY"]').click();
    const detail = appPage.getByTestId('finding-detail');
    await detail.getByRole('button', { name: 'Decide…' }).first().click();
    const dialog = appPage.getByRole('dialog');
    await dialog.getByLabel('Why').fill('Kiosk devices are re-categorised by the store team after the switch.');
    await dialog.getByLabel('Decided by').fill('Avery Consultant');
    await dialog.getByRole('button', { name: 'Save decision' }).click();
    await expect(dialog).toBeHidden();
    await expect(detail).toContainText('· 1 decided');
    await appPage.getByRole('button', { name: 'Re-assess' }).click();
    await expect(detail).toContainText('· 1 decided');
    await detail.getByRole('tab', { name: 'Decided' }).click();
    await expect(appPage.getByTestId('table-footer')).toHaveText('1 item');
    await expect(detail.getByText('Accepted risk')).toBeVisible();
    await detail.getByRole('tab', { name: 'All' }).click();
    await detail.getByRole('table').scrollIntoViewIfNeeded();
    await appPage.screenshot({ path: screenshotPath('finding-items') });

    const csv = `${workDir}/categories.csv`;
    dialogs.csvAnswers.push(csv);
    await detail.getByRole('button', { name: 'Export CSV' }).click();
    await expect(detail).toContainText(`to ${csv}`);
    const lines = readFileSync(csv, 'utf8').trim().split(/\r\n/);
    expect(lines[0]).toContain('Rule,Severity,Item type');
    expect(lines.some((line) => line.includes('accepted_risk') && line.includes('Avery Consultant'))).toBe(true);
  });

  test('a device and a user in the data browser show the findings that touch them', async ({ appPage, services }) => {
    const db = services.currentSnapshot!.db;
    const device = db.prepare("SELECT name, serial_number AS serial FROM devices WHERE enrollment_type = 'deviceEnrollmentManager' LIMIT 1").get() as { name: string; serial: string };
    await appPage.getByRole('tab', { name: 'Data browser' }).click();
    await appPage.getByRole('searchbox', { name: 'Search' }).fill(device.serial);
    await expect(appPage.getByTestId('table-footer')).toHaveText('1 device');
    // Enum members read as words in the table; the drawer adds the member as stored.
    await expect(appPage.getByRole('row', { name: new RegExp(device.serial) })).toContainText('Device enrollment manager (DEM)');
    await appPage.getByRole('row', { name: new RegExp(device.serial) }).click();
    const drawer = appPage.getByRole('dialog', { name: device.name });
    await expect(drawer).toContainText('Device enrollment manager (DEM)deviceEnrollmentManager');
    await expect(drawer.getByTestId('record-findings')).toContainText('DEV_USERLESS');
    await expect(drawer.getByTestId('record-findings')).toContainText('DEV_DEM_ENROLLED');
    await appPage.screenshot({ path: screenshotPath('device-detail') });
    await drawer.getByRole('button', { name: 'Close' }).click();

    const user = db.prepare("SELECT upn FROM users u WHERE NOT EXISTS (SELECT 1 FROM user_service_plans p WHERE p.user_id = u.id) AND in_entra = 1 AND EXISTS (SELECT 1 FROM devices d WHERE d.primary_user_id = u.id) LIMIT 1").get() as { upn: string };
    await appPage.getByRole('tab', { name: 'Users' }).click();
    await appPage.getByRole('searchbox', { name: 'Search' }).fill(user.upn);
    await appPage.getByRole('row', { name: new RegExp(user.upn) }).first().click();
    await expect(appPage.getByRole('dialog').getByTestId('record-findings')).toContainText('USR_NO_INTUNE_LICENSE');
  });
});
