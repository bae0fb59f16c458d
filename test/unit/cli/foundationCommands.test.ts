import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BAD_SNAPSHOT_CASES } from '../../support/badSnapshotFiles.js';
import { sha256OfFile } from '../../support/fileHash.js';
import { useTempDir } from '../../support/tempDir.js';
import { runCli } from './cliHarness.js';

describe('mdm-migrate demo and info', () => {
  const tempDir = useTempDir();

  it('prints help and exits 2 without a command; exits 2 for an unknown one', async () => {
    const bare = await runCli([]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('Usage: mdm-migrate <command>');
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
  });

  it('prints its version with --version', async () => {
    const result = await runCli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^mdm-migrate \d+\.\d+\.\d+\n$/);
  });

  it('exits 2 with usage for missing, malformed or out-of-range flags', async () => {
    for (const args of [['demo'], ['demo', '--out', 'x', '--devices', 'many'], ['demo', '--out', 'x', '--devices', '0'], ['demo', '--out', 'x', '--devices', '1000001'], ['info'], ['info', '--db', 'x', '--bogus']]) {
      const result = await runCli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('Usage: mdm-migrate');
    }
  });

  it('writes a demo tenant and reports its counts as JSON', async () => {
    const out = join(tempDir(), 'demo.mdmsnap');
    const demo = await runCli(['demo', '--out', out, '--devices', '1250', '--seed', '3', '--json']);
    expect(demo.code).toBe(0);
    const manifest = JSON.parse(demo.stdout).manifest;
    const info = await runCli(['info', '--db', out, '--json']);
    expect(info.code).toBe(0);
    const overview = JSON.parse(info.stdout);
    expect(overview.devices.total).toBe(1250);
    expect(overview.users.total).toBe(manifest.users);
    expect(overview.devices.withoutPrimaryUser).toBe(manifest.userlessDevices);
    expect(overview.devices.withCategory).toBe(manifest.devicesWithCategory);
    expect(Object.fromEntries(overview.devices.byPlatform.map((row: { key: string; count: number }) => [row.key, row.count]))).toEqual(manifest.devicesByPlatform);
    const table = await runCli(['info', '--db', out]);
    // Counts read as in the app, with thousands separators.
    expect(table.stdout).toContain('Devices         1,250 (');
    expect(table.stdout).toContain(`Users           ${manifest.users.toLocaleString('en-US')} (`);
  });

  it('refuses to overwrite an existing file with the demo', async () => {
    const out = join(tempDir(), 'demo.mdmsnap');
    await runCli(['demo', '--out', out, '--devices', '50']);
    const before = sha256OfFile(out);
    const again = await runCli(['demo', '--out', out, '--devices', '50']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    expect(sha256OfFile(out)).toBe(before);
  });

  it('gives one clear line for a missing file and a folder', async () => {
    const missing = await runCli(['info', '--db', join(tempDir(), 'nope.mdmsnap')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('no such file');
    expect(existsSync(join(tempDir(), 'nope.mdmsnap'))).toBe(false);
    const folder = await runCli(['info', '--db', tempDir()]);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toContain('is a folder');
  });

  for (const badCase of BAD_SNAPSHOT_CASES) {
    it(`info refuses ${badCase.name} in one line, no stack trace, file unchanged`, async () => {
      const path = badCase.make(tempDir());
      const before = sha256OfFile(path);
      const result = await runCli(['info', '--db', path]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(badCase.messagePart);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(sha256OfFile(path)).toBe(before);
    });
  }
});
