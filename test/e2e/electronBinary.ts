import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The Electron executable, or null when it was never downloaded (these build machines
 * cannot). Resolves only electron/package.json: loading the `electron` module itself would
 * start the download and throw.
 */
export function electronBinary(): string | null {
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const marker = join(packageDir, 'path.txt');
  const executableName = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : 'electron';
  const executable = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist'), executableName);
  return existsSync(executable) ? executable : null;
}
