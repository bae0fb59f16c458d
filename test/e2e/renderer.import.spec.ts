import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { writeIntuneCsv } from '../support/importFixtures';
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

test.describe('import', () => {
  test('drops exports on the window, reviews them, imports with progress and shows rejected rows', async ({ appPage, dialogs, workDir, services }) => {
    dialogs.saveAnswers.push(join(workDir, 'fabrikam.mdmsnap'));
    await appPage.getByRole('button', { name: 'New snapshot…' }).click();
    await appPage.getByRole('dialog').getByLabel('Customer').fill('Fabrikam Inc');
    await appPage.getByRole('dialog').getByRole('button', { name: 'Create…' }).click();
    await expect(appPage.getByTestId('device-total')).toHaveText('0');

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
