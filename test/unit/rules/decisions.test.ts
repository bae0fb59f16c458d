import { afterEach, describe, expect, it } from 'vitest';
import { UserFacingError } from '../../../electron/core/errors.js';
import { assessSnapshot, clearDecision, listDecisions, pageFindingItems, recordDecision } from '../../../electron/core/rules/index.js';
import { refreshDerivedFacts } from '../../../electron/core/snapshot/derivedFacts.js';
import { openSnapshot } from '../../../electron/core/snapshot/openSnapshot.js';
import { Fixture } from './fixtureBuilder.js';

let fixture: Fixture | undefined;
afterEach(() => {
  fixture?.close();
  fixture = undefined;
});

function userlessFixture() {
  const f = (fixture = Fixture.baseline());
  const kiosk = f.device({ name: 'KIOSK-1', platform: 'windows', enrollmentType: 'windowsBulkUserless' });
  const other = f.device({ name: 'KIOSK-2', platform: 'windows', enrollmentType: 'windowsBulkUserless' });
  return { f, kiosk, other };
}

const audit = (f: Fixture) =>
  f.db.prepare(`SELECT actor, action, subject, detail FROM audit_log WHERE action LIKE 'finding.%' ORDER BY id`).all() as {
    actor: string;
    action: string;
    subject: string;
    detail: string;
  }[];

describe('decisions on finding items', () => {
  it('records a decision, audits it, counts it and shows it with the item', () => {
    const { f, kiosk } = userlessFixture();
    const recorded = recordDecision(f.snapshot, {
      rule: 'DEV_USERLESS',
      itemKey: `device:${kiosk}`,
      decision: 'accepted_risk',
      note: 'Kiosk is replaced before the switch',
      decidedBy: 'Jane Consultant',
      now: new Date('2026-11-20T10:00:00Z'),
    });
    expect(recorded.decidedAt).toBe('2026-11-20T10:00:00.000Z');

    const finding = assessSnapshot(f.snapshot).findings.find((x) => x.rule === 'DEV_USERLESS')!;
    expect([finding.count, finding.decidedCount, finding.openCount]).toEqual([2, 1, 1]);

    const page = pageFindingItems(f.snapshot, { rule: 'DEV_USERLESS' });
    const decided = page.rows.find((row) => row.key === `device:${kiosk}`)!;
    expect(decided.decision).toEqual({ decision: 'accepted_risk', note: 'Kiosk is replaced before the switch', decidedBy: 'Jane Consultant', decidedAt: '2026-11-20T10:00:00.000Z' });
    expect(pageFindingItems(f.snapshot, { rule: 'DEV_USERLESS', decision: 'open' }).rows.map((row) => row.name)).toEqual(['KIOSK-2']);
    expect(pageFindingItems(f.snapshot, { rule: 'DEV_USERLESS', decision: 'decided' }).total).toBe(1);

    const entries = audit(f);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: 'Jane Consultant', action: 'finding.decide', subject: `DEV_USERLESS device:${kiosk}` });
    expect(JSON.parse(entries[0]!.detail)).toMatchObject({ decision: 'accepted_risk', note: 'Kiosk is replaced before the switch', previous: null });
  });

  it('survives re-assessment and re-opening the snapshot file', () => {
    const { f, kiosk } = userlessFixture();
    recordDecision(f.snapshot, { rule: 'DEV_USERLESS', itemKey: `device:${kiosk}`, decision: 'resolved_outside', note: 'Moved by Support, case 1234', decidedBy: 'Jane' });
    assessSnapshot(f.snapshot);
    assessSnapshot(f.snapshot, { staleDays: 30 });
    f.snapshot.close();

    const reopened = openSnapshot(f.path, { mustExist: true });
    try {
      const finding = assessSnapshot(reopened).findings.find((x) => x.rule === 'DEV_USERLESS')!;
      expect(finding.decidedCount).toBe(1);
      expect(listDecisions(reopened, 'DEV_USERLESS')).toMatchObject([{ itemKey: `device:${kiosk}`, decision: 'resolved_outside' }]);
    } finally {
      reopened.close();
    }
    fixture = undefined; // closed above; the temp dir is left to the OS
  });

  it('a decision stops counting when its item leaves the finding, and counts again when it returns', () => {
    const { f, kiosk } = userlessFixture();
    recordDecision(f.snapshot, { rule: 'DEV_USERLESS', itemKey: `device:${kiosk}`, decision: 'accepted_risk', note: 'n', decidedBy: 'J' });
    f.db.prepare(`UPDATE devices SET enrollment_type = 'windowsAzureADJoin', primary_user_id = 1 WHERE id = ?`).run(kiosk);
    refreshDerivedFacts(f.db);
    expect(assessSnapshot(f.snapshot).findings.find((x) => x.rule === 'DEV_USERLESS')!.decidedCount).toBe(0);
    f.db.prepare(`UPDATE devices SET enrollment_type = 'windowsBulkUserless', primary_user_id = NULL WHERE id = ?`).run(kiosk);
    refreshDerivedFacts(f.db);
    expect(assessSnapshot(f.snapshot).findings.find((x) => x.rule === 'DEV_USERLESS')!.decidedCount).toBe(1);
  });

  it('replacing and clearing a decision are audited too', () => {
    const { f, kiosk } = userlessFixture();
    const key = `device:${kiosk}`;
    recordDecision(f.snapshot, { rule: 'DEV_USERLESS', itemKey: key, decision: 'accepted_risk', note: 'first', decidedBy: 'J' });
    recordDecision(f.snapshot, { rule: 'DEV_USERLESS', itemKey: key, decision: 'resolved_outside', note: 'second', decidedBy: 'K' });
    expect(clearDecision(f.snapshot, { rule: 'DEV_USERLESS', itemKey: key, decidedBy: 'K', note: 'mistake' })).toBe(true);
    expect(clearDecision(f.snapshot, { rule: 'DEV_USERLESS', itemKey: key, decidedBy: 'K' })).toBe(false);
    expect(audit(f).map((entry) => entry.action)).toEqual(['finding.decide', 'finding.decide', 'finding.undecide']);
    expect(JSON.parse(audit(f)[1]!.detail).previous).toEqual({ decision: 'accepted_risk', note: 'first' });
    expect(assessSnapshot(f.snapshot).findings.find((x) => x.rule === 'DEV_USERLESS')!.decidedCount).toBe(0);
  });

  it('refuses bad decisions with a user-facing message', () => {
    const { f, kiosk } = userlessFixture();
    const base = { rule: 'DEV_USERLESS', itemKey: `device:${kiosk}`, decision: 'accepted_risk' as const, note: 'ok', decidedBy: 'J' };
    const refused = (change: Partial<Record<keyof typeof base, string>>) => {
      expect(() => recordDecision(f.snapshot, { ...base, ...change } as typeof base)).toThrow(UserFacingError);
    };
    refused({ rule: 'NO_SUCH_RULE' });
    refused({ decision: 'ignored' });
    refused({ note: '   ' });
    refused({ decidedBy: '' });
    refused({ itemKey: 'device:abc' });
    refused({ itemKey: 'user:1' }); // DEV_USERLESS lists devices
    refused({ itemKey: 'device:999999' });
    refused({ rule: 'OBJ_SCEP_URL' }); // not evaluated on this snapshot
    expect(audit(f)).toHaveLength(0);
  });
});
