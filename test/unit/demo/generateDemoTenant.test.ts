import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { USERLESS_ENROLLMENT_TYPES } from '../../../electron/core/deviceEnums.js';
import { generateDemoTenant, type DemoManifest } from '../../../electron/core/demo/generateDemoTenant.js';
import { openSnapshot } from '../../../electron/core/snapshot/openSnapshot.js';
import { useTempDir } from '../../support/tempDir.js';

describe('generateDemoTenant', () => {
  const tempDir = useTempDir();
  function generate(name: string, devices: number, seed: number) {
    const snapshot = openSnapshot(join(tempDir(), name), { create: true });
    const manifest = generateDemoTenant(snapshot, { devices, seed });
    return { snapshot, manifest };
  }
  const count = (snapshot: ReturnType<typeof generate>['snapshot'], sql: string) => (snapshot.db.prepare(sql).get() as { n: number }).n;

  it('is deterministic for a seed and different for another', () => {
    const a = generate('a.mdmsnap', 1500, 42);
    const b = generate('b.mdmsnap', 1500, 42);
    const c = generate('c.mdmsnap', 1500, 43);
    const devices = (s: typeof a.snapshot) => s.db.prepare('SELECT serial_number, name, enrollment_type, primary_user_upn FROM devices ORDER BY id').all();
    expect(devices(a.snapshot)).toEqual(devices(b.snapshot));
    expect(a.manifest).toEqual(b.manifest);
    expect(devices(a.snapshot)).not.toEqual(devices(c.snapshot));
    for (const { snapshot } of [a, b, c]) snapshot.close();
  });

  it('plants what its manifest says, and every situation the brief needs', () => {
    const { snapshot, manifest } = generate('demo.mdmsnap', 4000, 1);
    const m: DemoManifest = manifest;
    expect(count(snapshot, 'SELECT count(*) AS n FROM devices')).toBe(4000);
    expect(count(snapshot, 'SELECT count(*) AS n FROM users')).toBe(m.users);
    // The manifest's device situations count MDM devices; ActiveSync-only records apart.
    const MDM = "management_agent <> 'eas'";
    expect(count(snapshot, `SELECT count(*) AS n FROM devices WHERE primary_user_id IS NULL AND ${MDM}`)).toBe(m.userlessDevices);
    expect(count(snapshot, `SELECT count(*) AS n FROM devices d WHERE NOT EXISTS (SELECT 1 FROM user_device_affinity a WHERE a.device_id = d.id AND a.is_primary = 1) AND ${MDM}`)).toBe(m.userlessDevices);
    expect(count(snapshot, `SELECT count(*) AS n FROM devices WHERE primary_user_id IS NULL AND NOT (${MDM})`)).toBe(m.easOnlyWithoutUser);
    expect(count(snapshot, `SELECT count(*) AS n FROM devices WHERE enrollment_type = 'deviceEnrollmentManager' AND ${MDM}`)).toBe(m.demEnrolledDevices);
    expect(count(snapshot, `SELECT count(*) AS n FROM devices WHERE category IS NOT NULL AND ${MDM}`)).toBe(m.devicesWithCategory);
    expect(count(snapshot, `SELECT count(*) AS n FROM devices WHERE julianday('${m.asOf}') - julianday(last_check_in) > 7 AND ${MDM}`)).toBe(m.staleDevices);
    // A hybrid tenant of mid-2019: enrollments from 2016 on, and no co-managed Windows device.
    expect(m.asOf.slice(0, 7)).toBe('2019-06');
    expect(count(snapshot, "SELECT count(*) AS n FROM devices WHERE enrolled_at < '2016-01-01' OR enrolled_at > '2019-07-01'")).toBe(0);
    expect(count(snapshot, "SELECT count(*) AS n FROM devices WHERE enrolled_at < '2017-01-01'")).toBeGreaterThan(0);
    expect(count(snapshot, "SELECT count(*) AS n FROM devices WHERE management_agent LIKE 'configurationManager%'")).toBe(0);
    expect(m.easOnlyWithoutUser).toBeGreaterThan(0);
    expect(count(snapshot, 'SELECT count(*) AS n FROM users WHERE is_dem = 1')).toBe(m.demAccounts);
    expect(Object.values(m.usersByLicence).reduce((a, b) => a + b, 0)).toBe(m.users);

    // Every userless enrollment type that exists on the demo's platforms, userless and DEM devices, categories.
    const types = new Set((snapshot.db.prepare('SELECT DISTINCT enrollment_type AS t FROM devices').all() as { t: string }[]).map((row) => row.t));
    for (const type of ['appleBulkWithoutUser', 'deviceEnrollmentManager', 'windowsBulkUserless', 'windowsBulkAzureDomainJoin']) {
      expect(USERLESS_ENROLLMENT_TYPES).toContain(type);
      expect(types).toContain(type);
    }
    expect(m.userlessWithUserEnrollmentType).toBeGreaterThan(0);
    expect(m.usersByLicence.unlicensed).toBeGreaterThan(0);
    expect(m.usersByLicence.suiteWithIntuneDisabled).toBeGreaterThan(0);
    expect(count(snapshot, "SELECT count(*) AS n FROM user_service_plans WHERE service_plan_name = 'INTUNE_A' AND capability_status = 'Suspended'")).toBe(m.usersByLicence.intuneSuspended);
    expect(count(snapshot, 'SELECT count(*) AS n FROM user_licence_disabled_plans')).toBe(m.usersByLicence.suiteWithIntuneDisabled);
    expect(m.staleDevices).toBeGreaterThan(m.abandonedDevices);
    expect(m.abandonedDevices).toBeGreaterThan(0);

    // Collections of every rule type, with All Users as the subscription collection.
    const ruleTypes = (snapshot.db.prepare('SELECT DISTINCT rule_type AS t FROM collection_rules ORDER BY t').all() as { t: string }[]).map((row) => row.t);
    expect(ruleTypes).toEqual(['device_category', 'direct', 'exclude', 'include', 'query']);
    expect(snapshot.db.prepare('SELECT subscription_collection_id AS id FROM tenant').get()).toEqual({ id: 'SMS00002' });
    expect(count(snapshot, "SELECT count(*) AS n FROM collection_members WHERE collection_id = 'SMS00002'")).toBe(m.users);

    // An APNs certificate that expires before the planned switch + 30 days.
    const apns = snapshot.db.prepare('SELECT expires_at FROM apns_certificates').get() as { expires_at: string };
    const switchPlus30 = new Date(m.plannedSwitchDate).getTime() + 30 * 86_400_000;
    expect(new Date(apns.expires_at).getTime()).toBeLessThan(switchPlus30);
    expect(JSON.parse((snapshot.db.prepare('SELECT demo_manifest FROM engagement').get() as { demo_manifest: string }).demo_manifest)).toEqual(m);
    snapshot.close();
  });

  it('refuses a snapshot that already holds data, and nonsense sizes', () => {
    const { snapshot } = generate('full.mdmsnap', 20, 1);
    expect(() => generateDemoTenant(snapshot, { devices: 20, seed: 1 })).toThrow(/already holds data/);
    snapshot.close();
    const empty = openSnapshot(join(tempDir(), 'empty.mdmsnap'), { create: true });
    expect(() => generateDemoTenant(empty, { devices: 0, seed: 1 })).toThrow(/--devices/);
    expect(() => generateDemoTenant(empty, { devices: 1.5, seed: 1 })).toThrow(/--devices/);
    empty.close();
  });
});
