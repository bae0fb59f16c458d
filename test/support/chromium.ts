/**
 * Debian's Chromium, never a Playwright-downloaded browser (these machines cannot fetch one),
 * with the switches that keep it quiet and offline. Used by the e2e suite and the benchmarks.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
