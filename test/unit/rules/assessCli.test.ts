import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/mdm-migrate.js';
import { generateDemoTenant } from '../../../electron/core/demo/generateDemoTenant.js';
import { openSnapshot } from '../../../electron/core/snapshot/openSnapshot.js';

/** A stdout/stderr pair that keeps what was written; a small highWaterMark exercises the drain path. */
function capture() {
  const chunks = { stdout: [] as string[], stderr: [] as string[] };
  const sink = (into: string[]) =>
    new Writable({
      highWaterMark: 1024,
      write(chunk, _encoding, done) {
        into.push(String(chunk));
        setImmediate(done);
      },
    });
  return { io: { stdout: sink(chunks.stdout), stderr: sink(chunks.stderr) }, out: () => chunks.stdout.join(''), err: () => chunks.stderr.join('') };
}

describe('mdm-migrate assess', () => {
  let dir: string;
  let demo: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mdm-assess-cli-'));
    demo = join(dir, 'demo.mdmsnap');
    const snapshot = openSnapshot(demo, { create: true });
    generateDemoTenant(snapshot, { devices: 400, seed: 3 });
    snapshot.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints a table and exits 0 although there are blockers', async () => {
    const { io, out } = capture();
    expect(await main(['assess', '--db', demo], io)).toBe(0);
    expect(out()).toMatch(/^BLOCKER\s+DEV_USERLESS\s+\d+/m);
    expect(out()).toMatch(/not evaluated: needs/);
  });

  it('--json prints exactly the documented shape with every item', async () => {
    const { io, out } = capture();
    expect(await main(['assess', '--db', demo, '--json'], io)).toBe(0);
    const parsed = JSON.parse(out()) as { findings: Record<string, unknown>[] };
    expect(Object.keys(parsed)).toEqual(['findings']);
    for (const finding of parsed.findings) {
      expect(Object.keys(finding)).toEqual(['rule', 'severity', 'title', 'why', 'remediation', 'evaluated', 'count', 'confirmation', 'items']);
      expect((finding.items as unknown[]).length).toBe(finding.count);
      if (!finding.evaluated) expect(finding.why).toMatch(/^Not evaluated: needs /);
    }
    const userless = parsed.findings.find((f) => f.rule === 'DEV_USERLESS')!;
    const device = (userless.items as Record<string, unknown>[])[0]!;
    expect(device).toMatchObject({ type: 'device' });
    for (const key of ['id', 'name', 'serialNumber', 'intuneDeviceId', 'cmResourceId']) expect(device).toHaveProperty(key);
    const user = (parsed.findings.find((f) => f.rule === 'USR_NO_INTUNE_LICENSE')!.items as Record<string, unknown>[])[0]!;
    expect(user).toMatchObject({ type: 'user' });
    for (const key of ['id', 'name', 'userPrincipalName']) expect(user).toHaveProperty(key);
  });

  it('--stale-days changes the stale-device threshold', async () => {
    const counts: number[] = [];
    for (const days of ['7', '60']) {
      const { io, out } = capture();
      expect(await main(['assess', '--db', demo, '--json', '--stale-days', days], io)).toBe(0);
      counts.push((JSON.parse(out()).findings as { rule: string; count: number }[]).find((f) => f.rule === 'DEV_OFFLINE_STALE')!.count);
    }
    expect(counts[0]).toBeGreaterThan(counts[1]!);
  });

  it('exits 1 with one clear line for a missing or foreign file', async () => {
    for (const file of [join(dir, 'missing.mdmsnap'), (writeFileSync(join(dir, 'notes.txt'), 'hello, not a database\n'), join(dir, 'notes.txt'))]) {
      const { io, out, err } = capture();
      expect(await main(['assess', '--db', file], io)).toBe(1);
      expect(out()).toBe('');
      expect(err().trim().split('\n')).toHaveLength(1);
      expect(err()).toMatch(/^mdm-migrate: /);
    }
  });

  it('exits 2 for usage errors', async () => {
    for (const args of [['assess'], ['assess', '--db', demo, '--stale-days', '0'], ['assess', '--db', demo, '--stale-days', 'ten'], ['assess', '--db', demo, '--bogus']]) {
      const { io, err } = capture();
      expect(await main(args, io)).toBe(2);
      expect(err()).toMatch(/Usage: mdm-migrate assess --db FILE/);
    }
  });
});
