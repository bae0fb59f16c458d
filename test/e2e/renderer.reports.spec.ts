import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvText, INTUNE_HEADERS } from '../support/importFixtures';
import { expect, expectNoSeriousViolations, shoot, test } from './bridgeFixtures';

test.describe('reports', () => {
  test('previews the documents page by page, prints their own pages, saves one as PDF and the whole set into a folder', async ({ appPage, dialogs, workDir }) => {
    await appPage.getByRole('button', { name: 'Open the demo tenant' }).click();
    await expect(appPage.getByTestId('overview')).toBeVisible();
    await appPage.getByRole('tab', { name: 'Reports' }).click();
    const page = appPage.getByTestId('reports');
    await expect(page.getByTestId('report-blockers')).toContainText('DEV_USERLESS');
    const lists = page.getByTestId('report-lists');
    await expect(lists).toContainText('devices-userless.csv');
    await expect(lists).toContainText('devices-category.csv');

    // The migration report's pages, drawn by pdf.js from the PDF the main side rendered.
    const preview = page.getByRole('region', { name: /^Migration report preview, \d+ pages$/ });
    await expect(preview).toBeVisible({ timeout: 30_000 });
    const pageCount = Number((await preview.getAttribute('aria-label'))!.match(/(\d+) pages/)![1]);
    expect(pageCount).toBeGreaterThan(2);
    await expect(preview.getByTestId('pdf-page')).toHaveCount(pageCount);
    await expect(preview.getByTestId('pdf-page').first()).toHaveAttribute('data-drawn', 'true');
    await page.getByRole('heading', { name: 'Documents' }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await shoot(appPage, 'reports');
    await expectNoSeriousViolations(appPage, 'reports');

    // Print… hands the native print dialog the document's own pages, one sheet each, and nothing of the app.
    await appPage.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', 'yes');
    });
    await page.getByRole('button', { name: 'Print…' }).click();
    await expect(appPage.locator('body')).toHaveAttribute('data-printed', 'yes', { timeout: 30_000 });
    await expect(appPage.getByTestId('print-sheets').locator('img')).toHaveCount(pageCount);
    const printed = join(workDir, 'printed.pdf');
    await appPage.emulateMedia({ media: 'print' });
    writeFileSync(printed, await appPage.pdf({ preferCSSPageSize: true }));
    await appPage.emulateMedia({ media: 'screen' });
    const info = execFileSync('pdfinfo', [printed], { encoding: 'utf8' });
    expect(Number(info.match(/^Pages:\s+(\d+)/m)![1])).toBe(pageCount);
    expect(info).toMatch(/Page size:\s+59\d\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(execFileSync('pdftotext', [printed, '-'], { encoding: 'utf8' }).trim()).toBe('');

    // File > Print report… from another page: the Reports page opens and prints once its document is ready.
    await appPage.evaluate(() => document.body.removeAttribute('data-printed'));
    await appPage.getByRole('tab', { name: 'Overview' }).click();
    await appPage.evaluate(() => (window as unknown as { __deliverAppEvent: (event: unknown) => void }).__deliverAppEvent({ type: 'menu.command', command: 'printReport' }));
    await expect(appPage.locator('body')).toHaveAttribute('data-printed', 'yes', { timeout: 30_000 });
    await expect(appPage.getByRole('tab', { name: 'Reports' })).toHaveAttribute('aria-selected', 'true');

    await page.getByRole('tab', { name: 'Checklist' }).click();
    await expect(page.getByRole('region', { name: /^Checklist preview, \d+ pages$/ })).toBeVisible({ timeout: 30_000 });
    const checklist = join(workDir, 'checklist.pdf');
    dialogs.pdfAnswers.push(checklist);
    await page.getByRole('button', { name: 'Save as PDF…' }).click();
    await expect(page.getByTestId('pdf-saved')).toContainText(`Saved ${checklist}`);
    expect(execFileSync('pdftotext', [checklist, '-'], { encoding: 'utf8' })).toContain('Sign-off');

    const dir = join(workDir, 'report-set');
    mkdirSync(dir);
    dialogs.folderAnswers.push(dir);
    await page.getByRole('switch', { name: /Redact/ }).check();
    await page.getByRole('radio', { name: 'Letter' }).check();
    await expect(page.getByRole('region', { name: /^Checklist preview, \d+ pages$/ })).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Save report set…' }).click();
    await expect(page.getByTestId('report-saved')).toContainText(`Saved 8 files in ${dir}`, { timeout: 45_000 });
    for (const file of ['checklist.pdf', 'report.pdf', 'report.xlsx', 'findings.csv', 'devices-userless.csv', 'devices-category.csv', 'report.json', 'deadlines.ics']) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
    expect(readFileSync(join(dir, 'report.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).report.redacted).toBe(true);
  });

  test('imports a later export from the Reports page, shows what became of the baseline devices per wave, and saves the device list', async ({ appPage, services, dialogs, workDir }) => {
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

    await appPage.getByRole('tab', { name: 'Reports' }).click();
    const card = appPage.getByTestId('report-reconciliation');
    await expect(card).toContainText('No later export yet');
    await appPage.getByRole('textbox', { name: 'Recording as' }).fill('Ann Consultant');
    await card.getByRole('button', { name: 'Import a later export…' }).click();
    const dialog = appPage.getByRole('dialog', { name: 'Import a later export' });
    await dialog.getByRole('textbox', { name: 'Label' }).fill('After the pilot');
    dialogs.importAnswers.push([later]);
    await dialog.getByRole('button', { name: 'Choose files…' }).click();
    await expect(dialog).toBeHidden({ timeout: 30_000 });

    const table = card.getByRole('table', { name: 'Reconciliation per wave: After the pilot' });
    await expect(card).toContainText('AllDevices-later.csv');
    await expect(card).toContainText(`${devices.length.toLocaleString('en-US')} devices in the export`);
    const counts = snapshot.db.prepare("SELECT count(*) AS n FROM devices WHERE management_agent <> 'eas'").get() as { n: number };
    await expect(table.getByRole('row', { name: /All MDM devices/ })).toContainText(counts.n.toLocaleString('en-US'));
    await card.scrollIntoViewIfNeeded();
    await shoot(appPage, 'reports-reconciliation');

    const csv = join(workDir, 'after-the-pilot.csv');
    dialogs.csvAnswers.push(csv);
    await card.getByRole('button', { name: 'Save device list (CSV)…' }).click();
    await expect(card.getByTestId('export-message')).toContainText(`to ${csv}`);
    const lines = readFileSync(csv, 'utf8').trim().split('\r\n');
    expect(lines[0]).toContain('Device name,Serial number,Wave');
    expect(lines.some((line) => line.endsWith(',Checked in'))).toBe(true);
    expect(lines.some((line) => line.endsWith(',Stale'))).toBe(true);
  });
});
