#!/usr/bin/env node
// `npm start` after the build: fetches Electron's binary and its better-sqlite3 build if
// they are missing, then opens the app. Where either cannot be fetched (offline machines),
// it says so in one line that points to the CLI and exits 1: the downloader's and node-gyp's
// own output would otherwise end in a stack trace that hides both the cause and the way on.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SQLITE_LOG = join('.cache', 'electron-sqlite.log');

/** The one line `npm start` prints when the app cannot open here. */
export function cannotStart(why) {
  return `npm start: ${why}, so the app cannot open on this machine; everything it does is available from the command line: ./mdm-migrate --help (README, "The command line").`;
}

/** The first error message in a child's output ("fetch failed"), for the one line. */
function firstError(output, status) {
  const line = output.split(/\r?\n/).find((text) => /^\s*(\w*Error|gyp ERR!)\b/.test(text));
  return line ? line.replace(/^\s*(\w*Error:?|gyp ERR!)\s*/, '').trim() : `exit code ${status}`;
}

/** Asks the electron package for its binary, which downloads it on first use; output captured. */
function resolveElectron() {
  const { status, stdout, stderr } = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { cwd: ROOT, encoding: 'utf8' });
  return { status, path: stdout.split(/\r?\n/).pop() ?? '', output: `${stdout}\n${stderr}` };
}

/** Runs buildElectronSqlite.mjs (nothing to do when its build is current), its output to a log file. */
function buildSqlite() {
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  const log = openSync(join(ROOT, SQLITE_LOG), 'w');
  try {
    const { status } = spawnSync(process.execPath, [join(ROOT, 'electron', 'tooling', 'buildElectronSqlite.mjs')], { cwd: ROOT, stdio: ['ignore', log, log] });
    return { status };
  } finally {
    closeSync(log);
  }
}

/** The Electron executable to run, or the line that says why there is none. */
export function prepareStart({ electron = resolveElectron, sqlite = buildSqlite } = {}) {
  const binary = electron();
  if (binary.status !== 0) return { problem: cannotStart(`Electron's binary could not be downloaded (${firstError(binary.output, binary.status)})`) };
  const built = sqlite();
  if (built.status !== 0) return { problem: cannotStart(`better-sqlite3 could not be built for Electron, which needs Electron's headers from the network (details in ${SQLITE_LOG})`) };
  return { executable: binary.path };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!existsSync(join(ROOT, 'native', 'electron-abi150', 'better_sqlite3.node'))) {
    console.log('First start: fetching Electron and building better-sqlite3 for it (this can take a few minutes)…');
  }
  const start = prepareStart();
  if (start.problem) {
    console.error(start.problem);
    process.exit(1);
  }
  const { status } = spawnSync(start.executable, [ROOT, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(status ?? 1);
}
