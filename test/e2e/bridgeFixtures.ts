import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppEvent } from '../../electron/contract/events.js';
import type { Logger } from '../../electron/core/logger.js';
import { AppServices } from '../../electron/services/appServices.js';
import { bridgeRenderer, forwardEvent } from '../support/rendererBridge.js';
import { RecordingNotifier } from '../support/recordingNotifier.js';
import { ScriptedDialogs } from '../support/scriptedDialogs.js';

export interface BridgeFixtures {
  workDir: string;
  dialogs: ScriptedDialogs;
  notifier: RecordingNotifier;
  services: AppServices;
  loggedErrors: unknown[][];
  /** The app, loaded, with `window.api` bridged to `services`. */
  appPage: Page;
}

/** The renderer under test talks to the real main-side services (see bridgeRenderer). */
export const test = base.extend<BridgeFixtures>({
  workDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'mdm-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  dialogs: async ({}, use) => use(new ScriptedDialogs()),
  notifier: async ({}, use) => use(new RecordingNotifier()),
  loggedErrors: async ({}, use) => use([]),
  services: async ({ workDir, dialogs, notifier, loggedErrors, page }, use) => {
    const logger: Logger = { debug() {}, info() {}, warn() {}, error: (...args) => loggedErrors.push(args) };
    const services = new AppServices({
      dataDir: join(workDir, 'app-data'),
      dialogs,
      logger,
      notifier,
      demoDevices: 5_000,
      emit: (event: AppEvent) => void forwardEvent(page, event),
    });
    await use(services);
    services.closeSnapshot();
  },
  appPage: async ({ page, services }, use) => {
    await bridgeRenderer(page, services);
    await page.goto('/');
    await use(page);
  },
});

/**
 * Where a spec saves the screenshot named `name`: test-results/ (ignored by git) in `npm test`,
 * so a test run leaves the tree as it found it; docs/screenshots/ when `npm run screenshots`
 * sets SCREENSHOT_DIR to refresh the README's pictures.
 */
export function screenshotPath(name: string): string {
  return join(process.env.SCREENSHOT_DIR ?? join('test-results', 'screenshots'), `${name}.png`);
}

/** Saves the page as screenshot `name` (see screenshotPath), with animations stopped so no control is caught mid-transition. */
export async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: screenshotPath(name), animations: 'disabled' });
}

/**
 * Runs axe on the page and expects no serious or critical violation. Waits first for the app to
 * be no longer hidden from assistive technology: a closed Fluent dialog lets go of the rest of
 * the page (aria-hidden on #root) some 100-300 ms after it has gone. Fluent UI's focus-trap
 * sentinels (tabster "dummy" inputs) are aria-hidden by design; axe flags them, so they are left out.
 */
export async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  await expect(page.locator('#root')).not.toHaveAttribute('aria-hidden', 'true');
  const result = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
  const serious = result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${screen}: ${violation.id}: ${violation.help} ${violation.nodes.map((node) => node.html.slice(0, 120)).join(' | ')}`)).toEqual([]);
}

export { expect };
