#!/usr/bin/env node
// Runs the bundled CLI (dist-electron/cli.js, made by `npm run build`) in plain Node: loading
// one bundle instead of compiling TypeScript on the fly is what keeps `--help` instant. A
// checkout that was never built builds the bundle first; its output goes to stderr, so it
// never mixes with what a command prints (e.g. `assess --json`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../../../dist-electron/cli.js', import.meta.url);
if (!existsSync(bundle)) {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  process.stderr.write('mdm-migrate: the CLI is not built yet; running "npm run build:electron" once…\n');
  const build = spawnSync('npm', ['run', 'build:electron'], { cwd: root, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' });
  if (build.status !== 0 || !existsSync(bundle)) {
    process.stderr.write('mdm-migrate: the build failed; run "npm ci && npm run build" in the repository, then try again.\n');
    process.exit(1);
  }
}
const { main } = await import(bundle.href);
process.exitCode = await main(process.argv.slice(2));
