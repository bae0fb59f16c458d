import { describe, expect, it } from 'vitest';

interface StartStep {
  status: number | null;
  path?: string;
  output?: string;
}
interface StartModule {
  prepareStart(steps: { electron: () => StartStep; sqlite: () => StartStep }): { executable?: string; problem?: string };
}

// A plain .mjs script (npm start runs it before any TypeScript is built), loaded by URL.
const { prepareStart } = (await import(new URL('../../../electron/tooling/start.mjs', import.meta.url).href)) as StartModule;

/** What require('electron') prints where its download cannot reach the network. */
const OFFLINE_DOWNLOAD = [
  'Downloading Electron binary...',
  'TypeError: fetch failed',
  '    at node:internal/deps/undici/undici:14976:13',
  'Error: Electron failed to install correctly. Please delete `node_modules/electron` and run "npx install-electron --no" manually.',
].join('\n');

describe('npm start where Electron cannot be fetched', () => {
  it('says in one line that the binary could not be downloaded and points to the CLI, without a stack trace', () => {
    let sqliteBuilt = false;
    const start = prepareStart({
      electron: () => ({ status: 1, path: '', output: OFFLINE_DOWNLOAD }),
      sqlite: () => ((sqliteBuilt = true), { status: 0 }),
    });
    expect(start.executable).toBeUndefined();
    expect(start.problem).toBe(
      'npm start: Electron\'s binary could not be downloaded (fetch failed), so the app cannot open on this machine; everything it does is available from the command line: ./mdm-migrate --help (README, "The command line").',
    );
    expect(sqliteBuilt).toBe(false);
  });

  it('says so in one line when the SQLite build for Electron fails', () => {
    const start = prepareStart({ electron: () => ({ status: 0, path: '/electron/dist/electron' }), sqlite: () => ({ status: 1 }) });
    expect(start.problem).toMatch(/^npm start: better-sqlite3 could not be built for Electron.*\.\/mdm-migrate --help/);
    expect(start.problem).not.toContain('\n');
  });

  it('hands over the executable when both are there', () => {
    expect(prepareStart({ electron: () => ({ status: 0, path: '/electron/dist/electron' }), sqlite: () => ({ status: 0 }) })).toEqual({ executable: '/electron/dist/electron' });
  });
});
