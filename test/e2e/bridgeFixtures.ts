import { test as base, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppEvent } from '../../electron/contract/events.js';
import { API_METHODS } from '../../electron/contract/methods.js';
import type { Logger } from '../../electron/core/logger.js';
import { AppServices } from '../../electron/services/appServices.js';
import { createDispatch } from '../../electron/services/dispatch.js';
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

/**
 * The renderer under test talks to the real main-side services: `window.api` is rebuilt in
 * the page from the same method list the preload uses, and every call goes through the same
 * `createDispatch` (schema validation, envelope) that Electron's ipcMain registration uses.
 */
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
    const dispatch = createDispatch(services.handlers, { debug() {}, info() {}, warn() {}, error() {} }, { checkResponses: true });
    await page.exposeBinding('__invoke', (_source, method: string, request: unknown) => dispatch(method, request));
    await page.addInitScript((methods: readonly string[]) => {
      const listeners = new Set<(event: unknown) => void>();
      const w = window as unknown as Record<string, unknown> & { __invoke: (method: string, request: unknown) => Promise<unknown> };
      w.__deliverAppEvent = (event: unknown) => listeners.forEach((listener) => listener(event));
      w.api = {
        ...Object.fromEntries(methods.map((method) => [method, (request: unknown) => w.__invoke(method, request)])),
        onEvent(listener: (event: unknown) => void) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
        // Stands in for Electron's webUtils.getPathForFile: tests stage dropped files by name.
        pathForFile: (file: File) => (w.__droppedFilePaths as Record<string, string> | undefined)?.[file.name] ?? '',
      };
    }, API_METHODS);
    await page.goto('/');
    await use(page);
  },
});

async function forwardEvent(page: Page, event: AppEvent): Promise<void> {
  await page.evaluate((payload) => (window as unknown as { __deliverAppEvent?: (e: unknown) => void }).__deliverAppEvent?.(payload), event).catch(() => undefined);
}

export { expect } from '@playwright/test';
