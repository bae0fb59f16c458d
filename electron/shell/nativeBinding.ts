import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the Electron-ABI better-sqlite3 addon lives. node_modules keeps the Node-ABI build
 * that the tests use; the Electron build is made at packaging time on a networked machine
 * (see README, "Packaging") and shipped through extraResources, so nothing is ever rebuilt
 * in place. Returns undefined when no such file exists, and better-sqlite3 then tries its
 * own build (which fails with a clear NODE_MODULE_VERSION error, shown in the error window).
 */
export function electronNativeBinding(options: { isPackaged: boolean; resourcesPath: string; appPath: string }): string | undefined {
  const candidate = options.isPackaged
    ? join(options.resourcesPath, 'native', 'better_sqlite3.node')
    : join(options.appPath, 'native', 'electron-abi150', 'better_sqlite3.node');
  return existsSync(candidate) ? candidate : undefined;
}

/** Turns a native-module load failure into words a consultant can act on. */
export function describeNativeLoadFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/NODE_MODULE_VERSION|was compiled against a different Node\.js version|ERR_DLOPEN_FAILED|invalid ELF header|not a valid Win32/i.test(message)) {
    return 'The SQLite engine in this installation was built for a different runtime (expected Electron 45, ABI 150). Reinstall the app from the official package; developers: build native/electron-abi150/better_sqlite3.node as the README describes.';
  }
  return `The SQLite engine could not be loaded: ${message}`;
}
