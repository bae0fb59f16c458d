import { describe, expect, it } from 'vitest';
import { RULES } from '../../../electron/core/rules/registry.js';
import { buildContext } from '../../../electron/core/rules/context.js';
import { openSnapshot } from '../../../electron/core/snapshot/openSnapshot.js';
import { TENANT_FACTS } from '../../../electron/core/wizard/index.js';
import { useTempDir } from '../../support/tempDir.js';
import { join } from 'node:path';

const text = (id: string) => {
  const rule = RULES.find((candidate) => candidate.id === id)!;
  return [rule.title, rule.why, ...rule.remediation, rule.conflict ?? ''].join('\n');
};

const dir = useTempDir();

/** The rule texts checked against Microsoft's documentation (brief §0.2b) say what the documentation says. */
describe('rule texts follow the documentation review of December 2026', () => {
  it('the Exchange connector: end of support and its replacement', () => {
    expect(text('TEN_EXCHANGE_CONNECTOR')).toMatch(/no new installs from July 2020/);
    expect(text('TEN_EXCHANGE_CONNECTOR')).toMatch(/15 January 2024/);
    expect(text('TEN_EXCHANGE_CONNECTOR')).toMatch(/hybrid modern authentication with (Azure AD )?conditional access/);
  });

  it("the certificate connector's current name, SCEP and PFX apart", () => {
    expect(text('TEN_NDES')).toMatch(/Certificate Connector for Microsoft Intune/);
    expect(text('TEN_NDES')).toMatch(/^SCEP: /m);
    expect(text('TEN_NDES')).toMatch(/^PFX: /m);
  });

  it('coexistence for a tenant leaving hybrid activates Office 365 MDM, and "Add MDM Authority" is named as the other direction', () => {
    expect(text('USR_O365_MDM_ONLY')).toMatch(/activating Office 365 MDM alongside/);
    expect(text('USR_O365_MDM_ONLY')).toMatch(/"Add MDM Authority" is the other direction/);
  });

  it.each(['USR_ADMIN_UNLICENSED', 'TEN_AUTHORITY_CHECK'])('%s gives the console path of each era', (id) => {
    expect(text(id)).toMatch(/in 2019 Azure portal > Intune > Device enrollment/);
    expect(text(id)).toMatch(/today Intune admin centre > Tenant administration/);
  });

  it('the hybrid DEP token renewal in its real order', () => {
    const steps = ['Create DEP Token Request', '.pem', 'download the server token (.p7m)', 'Enable DEP'].map((step) => text('TEN_DEP_TOKEN_EXPIRY').indexOf(step));
    expect(steps.every((index) => index >= 0)).toBe(true);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
  });

  it.each(['TEN_APNS_EXPIRES_SOON', 'DEV_IOS_APNS_DEPENDENT'])('%s: the 30-day grace period, and a new certificate (not the expiry) forces re-enrollment', (id) => {
    expect(text(id)).toMatch(/30-day grace period/);
    expect(text(id)).toMatch(/same certificate with the same Apple ID/);
    expect(text(id)).toMatch(/new certificate.*forces every Apple device to re-enroll/);
  });

  it('categories are picked in the Company Portal app; offline devices move at their next check-in', () => {
    expect(text('DEV_DEVICE_CATEGORY')).toMatch(/Company Portal app \(the Company Portal website only shows a notice\)/);
    expect(text('DEV_OFFLINE_STALE')).toMatch(/moves to the new authority when it next checks in/);
    expect(text('DEV_OFFLINE_STALE')).toMatch(/Seven days is how long/);
  });

  it('S4 is dated May 2019, and the All Users subscription blocks mixed authority only', () => {
    expect(text('DEV_USERLESS')).toMatch(/\[S4\] \(May 2019\)/);
    expect(RULES.map((rule) => rule.conflict ?? '').join('\n')).not.toMatch(/Feb 2019\) says/);
    expect(text('COL_SUBSCRIPTION_IS_ALL_USERS')).toMatch(/blocks mixed authority only: a direct tenant switch/);
  });

  it('a rule that needs a fact says where a person enters it, with a key the tenant command knows; none speaks of schema versions', () => {
    const snapshot = openSnapshot(join(dir(), 'empty.mdmsnap'), { create: true });
    const ctx = buildContext(snapshot);
    const needs = RULES.map((rule) => rule.evaluate(ctx)).flatMap((evaluation) => (evaluation.evaluated ? [] : [evaluation.needs]));
    snapshot.close();
    const keys = needs.flatMap((text) => [...text.matchAll(/--set ([a-z-]+)=VALUE/g)].map((match) => match[1]!));
    expect(keys.length).toBeGreaterThan(8);
    for (const key of keys) expect(TENANT_FACTS.map((fact) => fact.key)).toContain(key);
    for (const text of needs) {
      expect(text).not.toMatch(/schema v\d|recorded on the Tenant page/);
      if (text.includes('--set')) expect(text).toMatch(/enter it on the Tenant page/);
    }
  });
});

