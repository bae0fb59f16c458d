import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../support/tempDir.js';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): Record<string, unknown> };
interface BuilderConfig {
  npmRebuild: boolean;
  extraResources: unknown[];
  files: string[];
  electronFuses: Record<string, boolean>;
  win: { target: { target: string }[] };
  mac: { target: { target: string }[] };
  linux: { target: string[] };
  fileAssociations: { ext: string }[];
}
const config = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as unknown as BuilderConfig;

describe('electron-builder.yml', () => {
  const tempDir = useTempDir();

  it('never rebuilds native modules in place and ships the Electron-ABI addon as an extra resource', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.extraResources).toContainEqual({ from: 'native/electron-abi150', to: 'native', filter: ['*.node'] });
    expect(config.files).toContain('!node_modules/better-sqlite3/{src,deps,build,docs}/**');
  });

  it('hardens the Electron fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('targets Windows NSIS and portable, macOS dmg, Linux AppImage and deb, and owns .mdmsnap', () => {
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis', 'portable']);
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.fileAssociations[0]!.ext).toBe('mdmsnap');
  });

  it('has no postinstall step that rebuilds native modules', () => {
    const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
    expect(scripts.postinstall ?? '').not.toMatch(/rebuild|install-app-deps/);
  });

  it('the offline validator accepts this file and rejects a typo', () => {
    expect(execFileSync('node', ['test/tools/validateBuilderConfig.cjs', 'electron-builder.yml'], { encoding: 'utf8' })).toContain('OK');
    const typo = join(tempDir(), 'typo.yml');
    writeFileSync(typo, readFileSync('electron-builder.yml', 'utf8').replace('npmRebuild:', 'npmRebiuld:'));
    expect(() => execFileSync('node', ['test/tools/validateBuilderConfig.cjs', typo], { stdio: 'pipe' })).toThrow(/npmRebiuld/);
  });
});
