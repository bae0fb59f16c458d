import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a Playwright-downloaded browser (these machines cannot fetch one).
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
// E2E_PORT lets several checkouts on one machine run the suite at once without sharing a server.
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'test/e2e',
  workers: 2,
  reporter: [['list']],
  timeout: 60_000,
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
  },
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    headless: true,
    viewport: { width: 1360, height: 860 },
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'renderer-chromium', testMatch: /renderer\..*\.spec\.ts/ },
    { name: 'electron', testMatch: /electron\..*\.spec\.ts/ },
  ],
});
