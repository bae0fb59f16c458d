import { BAD_SNAPSHOT_CASES } from '../support/badSnapshotFiles';
import { sha256OfFile } from '../support/fileHash';
import { expect, screenshotPath, test } from './bridgeFixtures';

test.describe('welcome screen', () => {
  test('offers the demo tenant, a new snapshot, open and recent snapshots', async ({ appPage }) => {
    await expect(appPage.getByRole('heading', { name: 'Move a hybrid MDM tenant to Intune standalone' })).toBeVisible();
    await expect(appPage.getByRole('button', { name: 'Open the demo tenant' })).toBeVisible();
    await expect(appPage.getByRole('button', { name: 'New snapshot…' })).toBeVisible();
    await expect(appPage.getByRole('button', { name: 'Open…' })).toBeVisible();
    await expect(appPage.getByText('Snapshots you open appear here.')).toBeVisible();
    await appPage.screenshot({ path: screenshotPath('welcome') });
  });

  test('opens the demo tenant and shows its overview', async ({ appPage, services }) => {
    await appPage.getByRole('button', { name: 'Open the demo tenant' }).click();
    const overview = appPage.getByTestId('overview');
    await expect(overview.getByRole('heading', { name: 'Contoso Ltd (demo tenant)' })).toBeVisible();
    const counts = services.currentSnapshot!.db.prepare('SELECT (SELECT count(*) FROM devices) AS devices, (SELECT count(*) FROM users) AS users').get() as {
      devices: number;
      users: number;
    };
    await expect(appPage.getByTestId('device-total')).toHaveText(counts.devices.toLocaleString('en-US'));
    await expect(appPage.getByTestId('user-total')).toHaveText(counts.users.toLocaleString('en-US'));
    await expect(appPage.getByRole('table', { name: 'Devices by platform' })).toContainText('iOS');
    await expect(appPage.getByRole('table', { name: 'Devices by source' })).toContainText('Configuration Manager');
    await expect(appPage.getByText('Demo data')).toBeVisible();
    await expect(appPage.getByTestId('header-snapshot')).toContainText('Data as of 14 Jun 2019');
    await appPage.screenshot({ path: screenshotPath('overview') });
  });

  test('creates a new snapshot through the save dialog', async ({ appPage, dialogs, workDir }) => {
    dialogs.saveAnswers.push(`${workDir}/fabrikam.mdmsnap`);
    await appPage.getByRole('button', { name: 'New snapshot…' }).click();
    const dialog = appPage.getByRole('dialog', { name: 'New snapshot' });
    await dialog.getByRole('button', { name: 'Create…' }).click();
    await expect(dialog.getByText('Name the customer this engagement is for.')).toBeVisible();
    await dialog.getByLabel('Customer').fill('Fabrikam Inc');
    await dialog.getByLabel('Consultant').fill('Avery Consultant');
    await dialog.getByRole('button', { name: 'Create…' }).click();
    await expect(appPage.getByTestId('overview').getByRole('heading', { name: 'Fabrikam Inc' })).toBeVisible();
    await expect(appPage.getByTestId('device-total')).toHaveText('0');
  });

  for (const badCase of BAD_SNAPSHOT_CASES) {
    test(`${badCase.name}: a clear message, the file unchanged, the welcome screen stays`, async ({ appPage, dialogs, workDir }) => {
      const path = badCase.make(workDir);
      const before = sha256OfFile(path);
      dialogs.openAnswers.push(path);
      await appPage.getByRole('button', { name: 'Open…' }).click();
      await expect(appPage.getByRole('alert')).toContainText(badCase.messagePart);
      await expect(appPage.getByRole('alert')).not.toContainText(/\bat \w+ \(/);
      await expect(appPage.getByRole('button', { name: 'Open the demo tenant' })).toBeVisible();
      expect(sha256OfFile(path)).toBe(before);
    });
  }
});
