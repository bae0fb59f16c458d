import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronBinary } from './electronBinary';

const executable = electronBinary();

/**
 * What only the real Electron app can show: the window's security preferences, the app://
 * origin, navigation lock-down and the native menu. Skipped where no Electron binary exists.
 */
test.describe('Electron app', () => {
  test.skip(!executable, 'Electron binary not installed (node_modules/electron/dist is missing; it cannot be downloaded on this machine)');

  let app: ElectronApplication;
  let userData: string;

  test.beforeAll(async () => {
    userData = mkdtempSync(join(tmpdir(), 'mdm-electron-'));
    app = await electron.launch({ executablePath: executable!, args: ['.', `--user-data-dir=${userData}`] });
  });

  test.afterAll(async () => {
    await app?.close();
    rmSync(userData, { recursive: true, force: true });
  });

  test('loads the renderer from app:// with context isolation and the sandbox on', async () => {
    const page = await app.firstWindow();
    expect(new URL(page.url()).protocol).toBe('app:');
    const preferences = await app.evaluate(({ BrowserWindow }) => {
      // getLastWebPreferences is documented but missing from Electron's type definitions.
      const contents = BrowserWindow.getAllWindows()[0]!.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> };
      return contents.getLastWebPreferences();
    });
    expect(preferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    await expect(page.getByRole('button', { name: 'Open the demo tenant' })).toBeVisible();
  });

  test('refuses navigation away from the app and new windows', async () => {
    const page = await app.firstWindow();
    await page.evaluate(() => {
      globalThis.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(300);
    expect(new URL(page.url()).protocol).toBe('app:');
    await page.evaluate(() => globalThis.open('https://example.com/', '_blank'));
    expect(app.windows()).toHaveLength(1);
  });

  test('has the File and Help menus the brief asks for', async () => {
    const labels = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()!.items.map((item) => [item.label, item.submenu?.items.map((sub) => sub.label)]));
    const file = labels.find(([label]) => label === '&File' || label === 'File');
    expect(file?.[1]).toEqual(expect.arrayContaining(['New snapshot…', 'Open…', 'Open Recent', 'Import exports…', 'Export report…']));
    const help = labels.find(([label]) => label === '&Help' || label === 'Help');
    expect(help?.[1]).toEqual(expect.arrayContaining(['Open logs folder', 'About MDM Migration Assistant']));
  });
});
