import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, screenshotPath, test } from './bridgeFixtures';

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
});
