import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { writeIntuneCsv } from '../support/importFixtures';
import { GRAPH_DEVICES, graphSdkDevicesCsv } from '../support/powerShellFixtures';
import type { ScriptedDialogs } from '../support/scriptedDialogs';
import { expect, screenshotPath, test } from './bridgeFixtures';

/** Drops files on the window as Electron would: File objects whose paths the preload resolves. */
async function dropFiles(page: Page, files: Record<string, string>) {
  await page.evaluate((paths) => {
    (window as unknown as { __droppedFilePaths: Record<string, string> }).__droppedFilePaths = paths;
    const transfer = new DataTransfer();
    for (const name of Object.keys(paths)) transfer.items.add(new File(['(content is read by the main side)'], name));
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files);
}

/** Creates an empty snapshot through the welcome screen, as a consultant starting an engagement would. */
async function createSnapshot(page: Page, dialogs: ScriptedDialogs, path: string, customer: string) {
  dialogs.saveAnswers.push(path);
  await page.getByRole('button', { name: 'New snapshot…' }).click();
  await page.getByRole('dialog').getByLabel('Customer').fill(customer);
  await page.getByRole('dialog').getByRole('button', { name: 'Create…' }).click();
  await expect(page.getByTestId('device-total')).toHaveText('0');
}

test.describe('import', () => {
  test('drops exports on the window, reviews them, imports with progress and shows rejected rows', async ({ appPage, dialogs, workDir, services }) => {
    await createSnapshot(appPage, dialogs, join(workDir, 'fabrikam.mdmsnap'), 'Fabrikam Inc');

    // 25,000 rows (9 MB): big enough that review and import tokenize it on the worker thread.
    const intune = join(workDir, 'DevicesWithInventory_2026-11-02.csv');
    await writeIntuneCsv(intune, 25_000);
    const configMgr = join(workDir, 'cm-devices.csv');
    writeFileSync(configMgr, 'ResourceID,Name,SMSID\r\n16777217,PC1,GUID:1\r\nabc,PC2,GUID:2\r\n16777219,PC3\r\n');
    const garbage = join(workDir, 'photo.csv');
    writeFileSync(garbage, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0x00, 0x01]));

    await dropFiles(appPage, { 'DevicesWithInventory_2026-11-02.csv': intune, 'cm-devices.csv': configMgr, 'photo.csv': garbage });
    const dialog = appPage.getByRole('dialog', { name: 'Import exports' });
    const review = dialog.getByRole('table', { name: 'Files to import' });
    const row = (table: typeof review, text: string) => table.getByRole('row').filter({ hasText: text });
    await expect(row(review, 'DevicesWithInventory')).toContainText('Intune device export (CSV)', { timeout: 30_000 });
    await expect(row(review, 'DevicesWithInventory')).toContainText('25,000');
    await expect(row(review, 'cm-devices.csv')).toContainText('Configuration Manager devices');
    // Three data rows, one of them one field short: counted, and announced before the import.
    await expect(row(review, 'cm-devices.csv').getByRole('cell').nth(2)).toHaveText(/^3\s+1 malformed$/, { useInnerText: true });
    await expect(row(review, 'photo.csv')).toContainText('photo.csv is not a text export');
    await appPage.screenshot({ path: screenshotPath('import-review') });

    // Record every progress value the bar shows: the import may finish faster than a poll.
    await appPage.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __progressSeen: string[] }).__progressSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('[role="progressbar"][aria-label="Import progress"]');
        if (bar) seen.push(bar.getAttribute('aria-valuenow') ?? 'indeterminate');
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await dialog.getByRole('button', { name: 'Import 2 files' }).click();
    const result = appPage.getByRole('dialog', { name: 'Import result' });
    await expect(result.getByText('The snapshot now holds these files.')).toBeVisible({ timeout: 60_000 });
    const progress = await appPage.evaluate(() => (window as unknown as { __progressSeen: string[] }).__progressSeen);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.some((value) => value !== 'indeterminate' && Number(value) > 0)).toBe(true);
    const cmRow = row(result.getByRole('table', { name: 'Import result' }), 'cm-devices.csv');
    await expect(cmRow).toContainText('Imported');
    await cmRow.getByRole('button', { name: 'Show rows' }).click();
    const rejected = result.getByRole('table', { name: 'Rejected rows' });
    await expect(rejected).toContainText('ResourceID "abc" is not a number');
    await expect(row(rejected, 'the row has 2 fields')).toContainText('4');
    await appPage.screenshot({ path: screenshotPath('import-result') });

    const csv = join(workDir, 'rejected.csv');
    dialogs.csvAnswers.push(csv);
    await result.getByRole('button', { name: 'Export CSV' }).click();
    await expect(result).toContainText(`to ${csv}`);

    await result.getByRole('button', { name: 'Close' }).click();
    const devices = (services.currentSnapshot!.db.prepare('SELECT count(*) AS n FROM devices').get() as { n: number }).n;
    expect(devices).toBeGreaterThanOrEqual(25_000);
    await expect(appPage.getByTestId('device-total')).toHaveText(devices.toLocaleString('en-US'));
  });

  test('asks the date order of a PowerShell export, and confirms before a re-import removes devices', async ({ appPage, dialogs, workDir, services }) => {
    await createSnapshot(appPage, dialogs, join(workDir, 'contoso.mdmsnap'), 'Contoso');

    // en-GB dates whose day and month are all 12 or less: only the consultant knows the order.
    const unsettled = GRAPH_DEVICES.map((device) => ({ ...device, enrolledDateTime: '2017-03-02T08:00:00Z', lastSyncDateTime: '2019-06-05T09:15:02Z', managementCertificateExpirationDate: '2020-03-02T08:00:00Z' }));
    const first = join(workDir, 'mg-devices.csv');
    writeFileSync(first, graphSdkDevicesCsv(unsettled, { culture: 'en-GB', typeLine: true }));
    await dropFiles(appPage, { 'mg-devices.csv': first });
    const dialog = appPage.getByRole('dialog', { name: 'Import exports' });
    const fileRow = dialog.getByRole('table', { name: 'Files to import' }).getByRole('row').filter({ hasText: 'mg-devices.csv' });
    await expect(fileRow).toContainText('Graph managedDevices (JSON, or saved by PowerShell)');
    await expect(fileRow).toContainText('Recognised by Id, DeviceName, ManagementAgent');
    await expect(dialog.getByText('How does mg-devices.csv write its dates? "02/03/2017 08:00:00" could be either')).toBeVisible();
    const importButton = dialog.getByRole('button', { name: 'Import 1 file' });
    await expect(importButton).toBeDisabled();
    // The dialog fades in: a screenshot before its animations end shows it half transparent.
    await dialog.evaluate((element) => Promise.all(element.getAnimations({ subtree: true }).map((animation) => animation.finished)));
    await appPage.screenshot({ path: 'test-results/import-date-order.png' });
    await dialog.getByRole('radio', { name: 'Day first (day/month/year)' }).check();
    await importButton.click();
    const result = appPage.getByRole('dialog', { name: 'Import result' });
    await expect(result.getByText('The snapshot now holds these files.')).toBeVisible();
    await result.getByRole('button', { name: 'Close' }).click();
    await expect(appPage.getByTestId('device-total')).toHaveText('2');
    const batch = services.currentSnapshot!.db.prepare('SELECT date_order, date_order_from FROM import_batches').get();
    expect(batch).toEqual({ date_order: 'dmy', date_order_from: 'person' });

    // The next export lists one device of the two: nothing goes before the consultant confirms.
    const later = join(workDir, 'mg-devices-later.csv');
    writeFileSync(later, graphSdkDevicesCsv([GRAPH_DEVICES[0]], { culture: 'en-US', typeLine: true }));
    await dropFiles(appPage, { 'mg-devices-later.csv': later });
    await dialog.getByRole('button', { name: 'Import 1 file' }).click();
    const warning = dialog.getByRole('alert').filter({ hasText: 'from the previous import would be removed' });
    await expect(warning).toContainText('1 row from the previous import would be removed');
    await expect(warning).toContainText('The new exports no longer list 1 device (graph).');
    expect((services.currentSnapshot!.db.prepare('SELECT count(*) AS n FROM devices').get() as { n: number }).n).toBe(2);
    await appPage.screenshot({ path: 'test-results/import-removal-confirm.png' });
    await dialog.getByRole('button', { name: 'Remove 1 row and import' }).click();
    await expect(result.getByText('The snapshot now holds these files.')).toBeVisible();
    await result.getByRole('button', { name: 'Close' }).click();
    await expect(appPage.getByTestId('device-total')).toHaveText('1');
  });

  test('File > Import exports… opens the picker; dropping without a snapshot explains why nothing happens', async ({ appPage, dialogs, workDir }) => {
    const file = join(workDir, 'cm-devices.csv');
    writeFileSync(file, 'ResourceID,Name,SMSID\r\n1,PC1,G1\r\n');
    await dropFiles(appPage, { 'cm-devices.csv': file });
    await expect(appPage.getByRole('alert')).toContainText('Open or create a snapshot first');

    await appPage.getByRole('button', { name: 'Open the demo tenant' }).click();
    dialogs.importAnswers.push([file]);
    await appPage.evaluate(() => (window as unknown as { __deliverAppEvent: (e: unknown) => void }).__deliverAppEvent({ type: 'menu.command', command: 'importExports' }));
    await expect(appPage.getByRole('dialog', { name: 'Import exports' }).getByRole('row').filter({ hasText: 'cm-devices.csv' })).toContainText('1');
  });
});
