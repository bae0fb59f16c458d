import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoTenant, type DemoManifest } from '../../../electron/core/demo/generateDemoTenant.js';
import { assessSnapshot, iterateFindingItems, pageFindingItems, type Assessment } from '../../../electron/core/rules/index.js';
import { openSnapshot, type Snapshot } from '../../../electron/core/snapshot/openSnapshot.js';

/**
 * The engine's counts on the demo tenant must equal what the generator planted. Where a
 * manifest figure counts something else than the rule (rules vs collections, query rules split
 * three ways), the test derives the rule's figure from the manifest and says how.
 */
for (const seed of [1, 7]) {
  describe(`demo tenant, 3,000 devices, seed ${seed}`, () => {
    let dir: string;
    let snapshot: Snapshot;
    let manifest: DemoManifest;
    let assessment: Assessment;
    const count = (rule: string) => {
      const finding = assessment.findings.find((f) => f.rule === rule)!;
      expect(finding.evaluated, `${rule}: ${finding.needs}`).toBe(true);
      return finding.count;
    };

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'mdm-demo-rules-'));
      snapshot = openSnapshot(join(dir, 'demo.mdmsnap'), { create: true });
      manifest = generateDemoTenant(snapshot, { devices: 3_000, seed });
      assessment = assessSnapshot(snapshot);
    });
    afterAll(() => {
      snapshot.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('the stored manifest is the returned one', () => {
      const stored = snapshot.db.prepare('SELECT demo_manifest AS m FROM engagement').get() as { m: string };
      expect(JSON.parse(stored.m)).toEqual(manifest);
    });

    it('device findings equal the planted device counts', () => {
      expect(count('DEV_USERLESS')).toBe(manifest.userlessDevices);
      expect(count('DEV_DEM_ENROLLED')).toBe(manifest.demEnrolledDevices);
      expect(count('DEV_DEVICE_CATEGORY')).toBe(manifest.devicesWithCategory);
      expect(count('DEV_OFFLINE_STALE')).toBe(manifest.staleDevices);
      expect(count('DEV_ABANDONED')).toBe(manifest.abandonedDevices);
      expect(count('DEV_EAS_ONLY')).toBe(manifest.easOnlyDevices);
      expect(count('DEV_IOS_APNS_DEPENDENT')).toBe(manifest.appleDevices);
    });

    it('user findings equal the planted licence situations', () => {
      const licence = manifest.usersByLicence;
      expect(count('USR_DEM_ACCOUNT')).toBe(manifest.demAccounts);
      expect(count('USR_INTUNE_PLAN_DISABLED')).toBe(licence.suiteWithIntuneDisabled);
      expect(count('USR_NOT_IN_AAD')).toBe(licence.notInEntra);
      expect(count('USR_O365_MDM_ONLY')).toBe(licence.o365MdmOnly);
      // Everyone without an enabled INTUNE_A plan (the demo subscription is All Users, so all are in scope).
      expect(count('USR_NO_INTUNE_LICENSE')).toBe(
        licence.suiteWithIntuneDisabled + licence.intuneSuspended + licence.o365MdmOnly + licence.unlicensed + licence.notInEntra,
      );
      // Definitions differ here: the manifest counts every device a user owns, the rule only MDM
      // devices (ActiveSync-only records are not enrollments). Equal unless EAS records tip a user over.
      const overLimit = (mdmOnly: boolean) =>
        (snapshot.db
          .prepare(`SELECT count(*) AS n FROM (SELECT owner_user_id FROM devices WHERE owner_user_id IS NOT NULL
                    ${mdmOnly ? "AND management_agent <> 'eas'" : ''} GROUP BY owner_user_id HAVING count(*) > 5)`)
          .get() as { n: number }).n;
      expect(overLimit(false)).toBe(manifest.usersOverDeviceLimit);
      expect(count('USR_DEVICE_LIMIT')).toBe(overLimit(true));
      expect(count('USR_DEVICE_LIMIT')).toBeLessThanOrEqual(manifest.usersOverDeviceLimit);
    });

    it('collection findings equal the planted collections', () => {
      const byType = manifest.collectionsByRuleType;
      expect(count('COL_DIRECT_MEMBERSHIP')).toBe(byType.direct);
      expect(count('COL_DEVICE_CATEGORY_RULE')).toBe(byType.device_category);
      // The manifest counts query collections; the rules split them into auto-mapped, group missing, and complex.
      expect(count('COL_SINGLE_AD_GROUP_OK') + count('COL_AD_GROUP_NOT_IN_AAD') + count('COL_QUERY_RULE')).toBe(byType.query);
      // The manifest counts include and exclude rules; the finding lists collections, each detail naming its rules.
      const rules = [...iterateFindingItems(snapshot, 'COL_INCLUDE_EXCLUDE')].flatMap((item) => item.detail!.split('; '));
      expect(rules).toHaveLength(byType.include! + byType.exclude!);
      expect(count('COL_SUBSCRIPTION_IS_ALL_USERS')).toBe(manifest.subscriptionCollectionId === 'SMS00002' ? 1 : 0);
    });

    it('tenant findings equal the planted tokens', () => {
      expect(count('TEN_DEP_TOKEN_EXPIRY')).toBe(manifest.depTokensExpiringBeforeSwitchPlus60Days);
      expect(count('TEN_VPP_TOKEN')).toBe(manifest.vppTokens);
      // APNs expires 52 days after the data date, the switch is planned at +45: before switch + 30 days.
      const apns = assessment.findings.find((f) => f.rule === 'TEN_APNS_EXPIRES_SOON')!;
      expect(apns.count).toBe(1);
      expect(apns.severity).toBe('blocker');
    });

    it('the paged lists the app shows have the same totals', () => {
      for (const rule of ['DEV_USERLESS', 'DEV_DEVICE_CATEGORY', 'USR_NO_INTUNE_LICENSE', 'DEV_OFFLINE_STALE']) {
        const page = pageFindingItems(snapshot, { rule, limit: 50 });
        expect(page.total, rule).toBe(count(rule));
        expect(page.rows.length, rule).toBe(Math.min(50, count(rule)));
      }
    });
  });
}
