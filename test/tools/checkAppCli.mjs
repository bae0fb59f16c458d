// The installed app's command line (`"MDM Migration Assistant" --cli …`, issue #17): runs the
// bundled main process (dist-electron/main.js, after `npm run build`) under plain Node with
// stand-ins for Electron (electronStand-in/), and checks that `--cli` reaches the CLI, that its
// exit codes and output come through, and that no window is started. What it cannot show:
// Electron itself, and the packaged app's Electron-ABI SQLite build.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../../dist-electron/main.js', import.meta.url));
const register = fileURLToPath(new URL('./electronStand-in/register.mjs', import.meta.url));
if (!existsSync(main)) {
  console.error(`${main} is missing: run npm run build first.`);
  process.exit(1);
}

const app = (...args) => spawnSync(process.execPath, ['--import', register, main, ...args], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'mdm-app-cli-'));
try {
  const version = app('--cli', '--version');
  assert.equal(version.status, 0, version.stderr);
  assert.match(version.stdout, /^mdm-migrate \d+\.\d+\.\d+/);

  const db = join(dir, 'demo.mdmsnap');
  const demo = app('--cli', 'demo', '--out', db, '--devices', '200');
  assert.equal(demo.status, 0, demo.stderr);
  const assess = app('--cli', 'assess', '--db', db, '--json');
  assert.equal(assess.status, 0, assess.stderr);
  assert.ok(JSON.parse(assess.stdout).findings.some((finding) => finding.rule === 'DEV_USERLESS'));

  const usage = app('--cli', 'assess');
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /--db/);
  console.log('dist-electron/main.js --cli runs the CLI (Electron stood in for under plain Node).');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
