import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_FILES } from '../../../electron/core/reports/index.js';
import { BAD_SNAPSHOT_CASES } from '../../support/badSnapshotFiles.js';
import { useTempDir } from '../../support/tempDir.js';
import { runCli } from '../cli/cliHarness.js';

describe('mdm-migrate report', () => {
  const tempDir = useTempDir();

  it('writes the eight files of the report set into a new folder, with no progress when stderr is not a terminal', async () => {
    const db = join(tempDir(), 'demo.mdmsnap');
    expect((await runCli(['demo', '--out', db, '--devices', '200'])).code).toBe(0);
    const out = join(tempDir(), 'reports', 'contoso');
    const result = await runCli(['report', '--db', db, '--out', out, '--paper', 'letter', '--redact']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('(redacted)');
    expect(readdirSync(out).sort()).toEqual(Object.values(REPORT_FILES).sort());
  }, 60_000);

  it('lists the files it writes in its help', async () => {
    const help = await runCli(['report', '--help']);
    expect(help.code).toBe(0);
    for (const file of Object.values(REPORT_FILES)) expect(help.stdout).toContain(file);
  });

  it('exits 2 with usage for missing or bad flags', async () => {
    for (const args of [['report'], ['report', '--db', 'x'], ['report', '--out', 'x'], ['report', '--db', 'x', '--out', 'y', '--paper', 'a3'], ['report', '--db', 'x', '--out', 'y', '--bogus']]) {
      const result = await runCli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('Usage: mdm-migrate report');
    }
  });

  it('exits 1 with one line for a missing or foreign snapshot, or an output path that is a file', async () => {
    const dir = tempDir();
    const missing = await runCli(['report', '--db', join(dir, 'none.mdmsnap'), '--out', join(dir, 'out')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const foreign = await runCli(['report', '--db', BAD_SNAPSHOT_CASES[0]!.make(dir), '--out', join(dir, 'out')]);
    expect(foreign.code).toBe(1);
    const db = join(dir, 'demo.mdmsnap');
    await runCli(['demo', '--out', db, '--devices', '100']);
    const file = join(dir, 'taken');
    writeFileSync(file, 'x');
    const taken = await runCli(['report', '--db', db, '--out', file]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('taken');
  }, 60_000);
});
