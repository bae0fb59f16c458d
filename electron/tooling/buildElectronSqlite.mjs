#!/usr/bin/env node
// Produces native/electron-abi150/better_sqlite3.node: better-sqlite3 built for Electron's
// ABI, which main.ts passes to better-sqlite3 through its nativeBinding option. It builds in
// a copy of the package so node_modules keeps the Node-ABI build the tests use, and it
// unsets npm_config_nodedir, which would otherwise make node-gyp build against Node's
// headers while labelling the result as Electron's (toolchain.md, pitfall 4).
// Needs the network (Electron headers or a prebuilt binary); runs before `npm start` and
// on the packaging machine. Does nothing when the file for this Electron version exists.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
const sqliteVersion = require('better-sqlite3/package.json').version;
const outDir = join('native', 'electron-abi150');
const outFile = join(outDir, 'better_sqlite3.node');
const stamp = join(outDir, 'built-for.txt');
const wanted = `better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} ${process.platform}-${process.arch}`;

if (existsSync(outFile) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === wanted) process.exit(0);

const workDir = join('.cache', 'electron-sqlite', 'better-sqlite3');
rmSync(workDir, { recursive: true, force: true });
mkdirSync(dirname(workDir), { recursive: true });
cpSync(sqliteDir, workDir, { recursive: true, filter: (path) => !path.includes(`${join('build', 'Release', 'obj')}`) });
rmSync(join(workDir, 'build'), { recursive: true, force: true });

const env = { ...process.env };
for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_nodedir') delete env[key];
const run = (command, args) => execFileSync(command, args, { cwd: workDir, env, stdio: 'inherit' });

console.log(`Building ${wanted}…`);
try {
  run(process.execPath, [require.resolve('prebuild-install/bin.js', { paths: [sqliteDir] }), '--runtime', 'electron', '--target', electronVersion, '--arch', process.arch]);
} catch {
  console.log('No prebuilt binary; compiling against the Electron headers.');
  const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js', { paths: [dirname(process.execPath), join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm')] });
  run(process.execPath, [nodeGyp, 'rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers']);
}
mkdirSync(outDir, { recursive: true });
copyFileSync(join(workDir, 'build', 'Release', 'better_sqlite3.node'), outFile);
writeFileSync(stamp, `${wanted}\n`);
console.log(`Wrote ${outFile}`);
