import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTUNE_HEADERS, intuneRow, writeIntuneCsv } from '../../support/importFixtures.js';
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

  it('honours --as, and exits 2 for usage errors', async () => {
    const db = join(dir(), 'as.mdmsnap');
    // A header no detector knows, read as the collection-rules template because the user says so.
    const rules = h.csv('rules.csv', [['CollectionID', 'RuleType', 'Comment'], ['JAX00001', 'query', 'x']]);
    expect((await runCli(['import', '--db', db, '--as', 'template-collection-rules', rules])).code).toBe(0);
    expect((await runCli(['import', '--db', db])).code).toBe(2);
    const unknown = await runCli(['import', '--db', db, '--as', 'bogus', rules]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('"bogus" is not an import kind');
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
