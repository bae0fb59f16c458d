import { loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { devicePage } from '../../../electron/core/queries/browsePages.js';
import type { Snapshot } from '../../../electron/core/snapshot/openSnapshot.js';
import { AppServices } from '../../../electron/services/appServices.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../support/chromium.js';
import { bridgeRenderer, forwardEvent } from '../../support/rendererBridge.js';
import { RecordingNotifier } from '../../support/recordingNotifier.js';
import { ScriptedDialogs } from '../../support/scriptedDialogs.js';
import type { Benchmark } from '../benchmark.js';

const DEVICES = 250_000;
const TARGET_MS = 100;

/** What a consultant types into the data browser's search: device names, serials, users' names, a model word. */
function searchTerms(snapshot: Snapshot): string[] {
  const pick = (sql: string, id: number) => (snapshot.db.prepare(sql).get(id) as { value: string }).value;
  const first = (value: string, column: string) => `SELECT ${value} AS value FROM devices WHERE id >= ? AND ${column} IS NOT NULL ORDER BY id LIMIT 1`;
  const name = first('name', 'name');
  const serial = first('serial_number', 'serial_number');
  const user = first("substr(primary_user_upn, 1, instr(primary_user_upn, '@') - 1)", 'primary_user_upn');
  return [
    pick(name, 123_457),
    pick(name, 7_001),
    pick(serial, 200_003),
    pick(serial, 61_234),
    pick(user, 45_678),
    pick(user, 178_901),
    'desktop',
    'ipad',
  ];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Types `text` into the search box one key at a time and returns, for each key that changed
 * the number of matching devices, the time from its keydown to the table showing the new
 * count with its first row filled. (A key that leaves the count as it was has no visible
 * end, so it is typed but not timed.) Each key waits for the previous one's rows.
 */
async function typeAndTime(page: Page, snapshot: Snapshot, text: string): Promise<number[]> {
  const times: number[] = [];
  let previous = DEVICES;
  for (let length = 1; length <= text.length; length++) {
    const total = devicePage(snapshot, { offset: 0, limit: 1, search: text.slice(0, length), sortBy: 'name', sortDirection: 'asc' }).total;
    const expected = `${total.toLocaleString('en-US')} ${total === 1 ? 'device' : 'devices'}`;
    await page.evaluate(
      ({ expected, timed }) => {
        const w = window as unknown as { __doneAt?: number; __watch?: MutationObserver };
        w.__doneAt = undefined;
        w.__watch?.disconnect();
        if (!timed) return;
        const shown = () => {
          if (document.querySelector('[data-testid="table-footer"]')?.textContent !== expected) return false;
          const firstRow = document.querySelector('[role="table"][aria-label="Devices"] [role="row"][aria-rowindex="2"]');
          return expected.startsWith('0 ') || (firstRow !== null && firstRow.querySelector('[aria-label="Loading"]') === null);
        };
        w.__watch = new MutationObserver(() => {
          if (w.__doneAt === undefined && shown()) w.__doneAt = performance.now();
        });
        w.__watch.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      },
      { expected, timed: total !== previous },
    );
    await page.keyboard.type(text[length - 1]!);
    if (total !== previous) {
      await page.waitForFunction(() => (window as unknown as { __doneAt?: number }).__doneAt !== undefined, null, { timeout: 60_000 });
      times.push(await page.evaluate(() => (window as unknown as { __doneAt: number; __keyAt: number }).__doneAt - (window as unknown as { __keyAt: number }).__keyAt));
    }
    previous = total;
  }
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.getByTestId('table-footer').filter({ hasText: `${DEVICES.toLocaleString('en-US')} devices` }).waitFor({ timeout: 60_000 });
  return times;
}

/**
 * Keystroke-to-rows in the data browser's device search at 250,000 devices: the built renderer
 * in Chromium, bridged to the real services as in the e2e suite. Also the search query alone,
 * called in Node for the same prefixes, which shows how much of the time is SQLite's.
 */
export const filterLatencyBenchmark: Benchmark = {
  name: 'Data browser search, keystroke to rows (Chromium)',
  async run(workDir) {
    await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
    const server = await preview({ configFile: 'vite.config.ts', logLevel: 'warn', preview: { host: '127.0.0.1', port: 0 } });
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    let services: AppServices | undefined;
    try {
      const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
      services = new AppServices({
        dataDir: join(workDir, 'filter-latency'),
        dialogs: new ScriptedDialogs(),
        notifier: new RecordingNotifier(),
        logger: { debug() {}, info() {}, warn() {}, error: (...args) => console.error(...args) },
        demoDevices: DEVICES,
        emit: (event) => void forwardEvent(page, event),
      });
      // tsx compiles with esbuild's keepNames, which wraps functions in __name(); the functions
      // Playwright copies into the page (init script, evaluate) need that helper there too.
      await page.addInitScript('globalThis.__name = (target) => target');
      await bridgeRenderer(page, services);
      await page.goto(server.resolvedUrls!.local[0]!);
      await page.getByRole('button', { name: 'Open the demo tenant' }).click();
      await page.getByTestId('overview').waitFor({ timeout: 300_000 });
      await page.getByRole('tab', { name: 'Data browser' }).click();
      await page.getByTestId('table-footer').filter({ hasText: `${DEVICES.toLocaleString('en-US')} devices` }).waitFor({ timeout: 60_000 });
      await page.evaluate(() => document.addEventListener('keydown', () => ((window as unknown as { __keyAt: number }).__keyAt = performance.now()), true));
      await page.getByRole('searchbox', { name: 'Search' }).click();

      const snapshot = services.currentSnapshot!;
      const terms = searchTerms(snapshot);
      const keys: number[] = [];
      for (const term of terms) keys.push(...(await typeAndTime(page, snapshot, term)));
      const queries: number[] = [];
      for (const term of terms) {
        for (let length = 1; length <= term.length; length++) {
          const started = performance.now();
          devicePage(snapshot, { offset: 0, limit: 50, search: term.slice(0, length), sortBy: 'name', sortDirection: 'asc' });
          queries.push(performance.now() - started);
        }
      }
      const row = (label: string, values: number[], target: string) => {
        const sorted = [...values].sort((a, b) => a - b);
        return {
          case: label,
          samples: sorted.length,
          'median ms': Math.round(percentile(sorted, 50)),
          'p95 ms': Math.round(percentile(sorted, 95)),
          'max ms': Math.round(sorted[sorted.length - 1]!),
          load: loadavg()[0]!.toFixed(2),
          target,
        };
      };
      return [
        row(`keystroke to rows, ${DEVICES.toLocaleString('en-US')} devices`, keys, `p95 < ${TARGET_MS} ms`),
        row('the search query alone (Node, a page of 50)', queries, '(reference)'),
      ];
    } finally {
      services?.closeSnapshot();
      await browser.close();
      await server.close();
    }
  },
};
