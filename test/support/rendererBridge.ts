import type { Page } from 'playwright-core';
import type { AppEvent } from '../../electron/contract/events.js';
import { API_METHODS } from '../../electron/contract/methods.js';
import type { AppServices } from '../../electron/services/appServices.js';
import { createDispatch } from '../../electron/services/dispatch.js';

/**
 * Makes the renderer in `page` talk to the real main-side services: `window.api` is rebuilt
 * in the page from the same method list the preload uses, and every call goes through the
 * same `createDispatch` (schema validation, envelope) that Electron's ipcMain registration
 * uses. Call before the page loads the app. Shared by the e2e fixtures and the benchmarks.
 */
export async function bridgeRenderer(page: Page, services: AppServices): Promise<void> {
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
}

/** Delivers a services event to the bridged page, as Electron's webContents.send would. */
export async function forwardEvent(page: Page, event: AppEvent): Promise<void> {
  await page.evaluate((payload) => (window as unknown as { __deliverAppEvent?: (e: unknown) => void }).__deliverAppEvent?.(payload), event).catch(() => undefined);
}
