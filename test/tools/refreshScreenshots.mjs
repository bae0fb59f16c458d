#!/usr/bin/env node
// `npm run screenshots`: runs the renderer specs with SCREENSHOT_DIR pointing at
// docs/screenshots/, so they refresh the README's pictures (`npm test` writes its copies to
// test-results/). Set here rather than in package.json so the script also runs on Windows.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const playwright = require.resolve('@playwright/test/cli');
const { status } = spawnSync(process.execPath, [playwright, 'test', ...process.argv.slice(2), '--project', 'renderer-chromium'], {
  stdio: 'inherit',
  env: { ...process.env, SCREENSHOT_DIR: 'docs/screenshots' },
});
process.exit(status ?? 1);
