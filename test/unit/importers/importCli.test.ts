import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encode, INTUNE_HEADERS, intuneRow, writeIntuneCsv } from '../../support/importFixtures.js';
import { sha256OfFile } from '../../support/fileHash.js';
import { useTempDir } from '../../support/tempDir.js';
import { runCli } from '../cli/cliHarness.js';
import { importHarness } from './importSupport.js';

const dir = useTempDir();
const h = importHarness(dir);

const CLI = join(import.meta.dirname, '../../support/cliFromSources.ts');

describe('mdm-migrate import and template', () => {
  it('tokenizes a big export on a worker thread and exits when done', async () => {
    const big = join(dir(), 'big.csv');
    await writeIntuneCsv(big, 25_000);
    expect(statSync(big).size).toBeGreaterThan(8 * 1024 * 1024);
    const db = join(dir(), 'big.mdmsnap');
    // The real command in its own process: a worker left running would keep it alive until the timeout.
    const run = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'import', '--db', db, big], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Imported big.csv as intune-devices: 25000 rows');
  });

  it('creates the snapshot, imports, exits 0 and writes rejections; quiet without a terminal', async () => {
    const db = join(dir(), 'new.mdmsnap');
    const devices = h.csv('devices.csv', [INTUNE_HEADERS, intuneRow(1), intuneRow(2), intuneRow(2)]);
    const rejections = join(dir(), 'rejected.csv');
    const result = await runCli(['import', '--db', db, '--rejections', rejections, devices]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Imported devices.csv as intune-devices: 2 rows (1 rejected)');
    expect(result.stderr).toBe('');
    expect(readFileSync(rejections, 'utf8')).toContain('devices.csv,intune-devices,4,,error,the same device appears twice');
    const info = await runCli(['info', '--db', db, '--json']);
    expect(JSON.parse(info.stdout).devices.total).toBe(2);
  });

  it('exits 1 with one line per bad file, creating nothing and changing nothing', async () => {
    const good = h.csv('good.csv', [INTUNE_HEADERS, intuneRow(1)]);
    const db = join(dir(), 'none.mdmsnap');
    const missing = await runCli(['import', '--db', db, good, join(dir(), 'nope.csv'), h.file('empty.json', '')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toEqual([`mdm-migrate: ${join(dir(), 'nope.csv')}: no such file.`, 'mdm-migrate: empty.json is empty.']);
    expect(existsSync(db)).toBe(false);

    const existing = join(dir(), 'existing.mdmsnap');
    expect((await runCli(['import', '--db', existing, good])).code).toBe(0);
    const before = sha256OfFile(existing);
    const truncated = h.file('cut.csv', `${INTUNE_HEADERS.join(',')}\r\n"x","unclosed`);
    const bad = await runCli(['import', '--db', existing, truncated]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('mdm-migrate: cut.csv: line 2: a quoted field is never closed; the file is truncated or not a CSV export.\n');
    expect(sha256OfFile(existing)).toBe(before);
  });

  describe('refuses what would lose data silently, exits 1 and leaves the snapshot byte-identical', () => {
    async function existingSnapshot() {
      const db = join(dir(), 'kept.mdmsnap');
      expect((await runCli(['import', '--db', db, h.csv('first.csv', [INTUNE_HEADERS, intuneRow(1), intuneRow(2), intuneRow(3)])])).code).toBe(0);
      return { db, before: sha256OfFile(db) };
    }

    it('a header with no data rows', async () => {
      const { db, before } = await existingSnapshot();
      const run = await runCli(['import', '--db', db, h.csv('filtered.csv', [INTUNE_HEADERS])]);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        'mdm-migrate: filtered.csv has a header but no data rows (a filter that matched nothing?): nothing was imported. Export it again with the rows. ' +
          '(read as Intune device export (CSV), recognised by Device ID, Device name, Serial number, Managed by.)\n',
      );
      expect(sha256OfFile(db)).toBe(before);
    });

    it('a UTF-16 file with an odd number of bytes', async () => {
      const { db, before } = await existingSnapshot();
      const text = encode('"ResourceID","Name","SMSID"\r\n"1","PC1","GUID:1"\r\n', 'utf-16le');
      const run = await runCli(['import', '--db', db, h.file('cut16.csv', text.subarray(0, text.length - 1))]);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`mdm-migrate: cut16.csv is truncated: it has an odd number of bytes (${text.length - 1}), and UTF-16 text has two per character. Nothing was imported; copy or export the file again.\n`);
      expect(sha256OfFile(db)).toBe(before);
    });

    it('a re-import that no longer lists devices the previous export had, until --replace', async () => {
      const { db, before } = await existingSnapshot();
      const shrunk = h.csv('second.csv', [INTUNE_HEADERS, intuneRow(3), intuneRow(4)]);
      const run = await runCli(['import', '--db', db, shrunk]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        'mdm-migrate: this import would remove 2 devices (intune) that an earlier import brought in and the new exports no longer list; nothing was imported. Run it again with --replace if the new exports are complete.\n',
      );
      expect(sha256OfFile(db)).toBe(before);

      const replaced = await runCli(['import', '--db', db, '--replace', shrunk]);
      expect(replaced.code).toBe(0);
      expect(replaced.stdout).toBe('Imported second.csv as intune-devices: 2 rows\n');
      const info = await runCli(['info', '--db', db, '--json']);
      expect(JSON.parse(info.stdout).devices.total).toBe(2);
    });
  });

  it('honours --as, and exits 2 for usage errors', async () => {
    const db = join(dir(), 'as.mdmsnap');
    // A header no detector knows, read as the collection-rules template because the user says so.
    const rules = h.csv('rules.csv', [['CollectionID', 'RuleType', 'Comment'], ['JAX00001', 'query', 'x']]);
    expect((await runCli(['import', '--db', db, '--as', 'template-collection-rules', rules])).code).toBe(0);
    expect((await runCli(['import', '--db', db])).code).toBe(2);
    // An unknown kind is a usage error (exit 2, with the usage), like any malformed flag.
    const unknown = await runCli(['import', '--db', db, '--as', 'bogus', rules]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--as must be one of intune-devices');
    expect(unknown.stderr).toContain('got "bogus"');
    expect(unknown.stderr).toContain('Usage: mdm-migrate import');
  });

  it('writes blank templates and refuses to overwrite', async () => {
    const out = join(dir(), 'tokens.csv');
    expect((await runCli(['template', '--kind', 'apple-tokens', '--out', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('\uFEFFTokenKind,ID,Name,AppleID,ExpiresAt,LastSyncAt,Topic,TokenType,AccountType,State,SyncedDeviceCount\r\n');
    expect((await runCli(['template', '--kind', 'apple-tokens', '--out', out])).code).toBe(1);
    expect((await runCli(['template', '--kind', 'nope', '--out', join(dir(), 'x.csv')])).code).toBe(1);
    expect((await runCli(['template', '--out', join(dir(), 'x.csv')])).code).toBe(2);
  });
});
