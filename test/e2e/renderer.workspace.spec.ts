import { readFileSync } from 'node:fs';
import { expect, expectNoSeriousViolations, screenshotPath, test } from './bridgeFixtures';


test.describe('workspace', () => {
  test.beforeEach(async ({ appPage }) => {
    await appPage.getByRole('button', { name: 'Open the demo tenant' }).click();
    await expect(appPage.getByTestId('overview')).toBeVisible();
  });

  test('the data browser pages through devices as they scroll, with search and sort', async ({ appPage, services, dialogs, workDir }) => {
    await appPage.getByRole('tab', { name: 'Data browser' }).click();
    const table = appPage.getByRole('table', { name: 'Devices' });
    await expect(appPage.getByTestId('table-footer')).toHaveText('5,000 devices');
    // Only the visible window of rows is in the DOM, never the whole table.
    const rendered = await table.getByRole('row').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(80);
    await appPage.screenshot({ path: screenshotPath('data-browser') });

    const scroller = appPage.getByTestId('virtual-scroller');
    await scroller.evaluate((element) => element.scrollTo({ top: 36 * 4200 }));
    const expected = services.currentSnapshot!.db
      .prepare('SELECT name FROM devices ORDER BY name COLLATE NOCASE, id LIMIT 1 OFFSET 4210')
      .get() as { name: string };
    await expect(table.getByRole('row').filter({ hasText: expected.name }).first()).toBeVisible();

    await appPage.getByRole('columnheader', { name: 'Last check-in' }).click();
    await expect(appPage.getByRole('columnheader', { name: 'Last check-in' })).toHaveAttribute('aria-sort', 'ascending');

    const device = services.currentSnapshot!.db.prepare('SELECT serial_number AS serial FROM devices WHERE id = 123').get() as { serial: string };
    await appPage.getByRole('searchbox', { name: 'Search' }).fill(device.serial);
    await expect(appPage.getByTestId('table-footer')).toHaveText(/^[1-9]\d* devices?$/);
    await expect(table).toContainText(device.serial);

    // Export CSV writes the whole view the table shows: the search's matches, not the rows on screen.
    const csv = `${workDir}/devices-view.csv`;
    dialogs.csvAnswers.push(csv);
    const footer = (await appPage.getByTestId('table-footer').textContent())!;
    await appPage.getByRole('button', { name: 'Export CSV' }).click();
    await expect(appPage.getByTestId('export-message')).toContainText(`Wrote ${footer.replace(/ devices?$/, '')} rows to ${csv}`);
    expect(readFileSync(csv, 'utf8')).toContain(device.serial);

    await appPage.getByRole('tab', { name: 'Users' }).click();
    await expect(appPage.getByTestId('table-footer')).toHaveText(`${(services.currentSnapshot!.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n.toLocaleString('en-US')} users`);
    await expect(appPage.getByRole('table', { name: 'Users' })).toContainText('@contoso.com');
  });

  test('navigates by keyboard with a visible focus ring', async ({ appPage }) => {
    await appPage.getByRole('tab', { name: 'Overview' }).focus();
    await appPage.keyboard.press('ArrowDown');
    await expect(appPage.getByRole('tab', { name: 'Migration wizard' })).toBeFocused();
    await appPage.keyboard.press('Enter');
    await expect(appPage.getByRole('heading', { name: 'Migration wizard' })).toBeVisible();
    const outline = await appPage.getByRole('tab', { name: 'Migration wizard' }).evaluate((element) => getComputedStyle(element, '::after').borderTopWidth + getComputedStyle(element).outlineStyle);
    expect(outline).not.toBe('0pxnone');
  });

  test('dark theme renders the overview', async ({ appPage }) => {
    await appPage.getByRole('button', { name: 'Switch to dark theme' }).click();
    await expect(appPage.locator('[data-theme="dark"]')).toBeVisible();
    await appPage.screenshot({ path: screenshotPath('overview-dark') });
    await appPage.getByRole('button', { name: 'Switch to light theme' }).click();
  });

  test('has no serious accessibility violations on the overview and data browser', async ({ appPage }) => {
    await expectNoSeriousViolations(appPage, 'overview');
    await appPage.getByRole('tab', { name: 'Data browser' }).click();
    await expect(appPage.getByTestId('table-footer')).toHaveText('5,000 devices');
    await expectNoSeriousViolations(appPage, 'data browser');
  });
});
