import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { csvLine } from '../importers/csvCell.js';
import { getRule, iterateFindingItems, type AssessOptions, type FindingItem } from '../rules/index.js';
import type { Snapshot } from '../snapshot/openSnapshot.js';

const HEADER = ['Rule', 'Severity', 'Item type', 'Item key', 'Name', 'User principal name', 'Serial number', 'Intune device ID', 'ConfigMgr ID', 'Detail', 'Decision', 'Decision note', 'Decided by', 'Decided at'];

function cells(rule: string, severity: string, item: FindingItem): (string | number | null)[] {
  const upn = item.type === 'device' || item.type === 'user' ? item.userPrincipalName : null;
  const serial = item.type === 'device' ? item.serialNumber : null;
  const intuneId = item.type === 'device' ? item.intuneDeviceId : null;
  const cmId = item.type === 'device' || item.type === 'user' ? item.cmResourceId : item.type === 'collection' ? item.id : null;
  return [rule, severity, item.type, item.key, item.name, upn, serial, intuneId, cmId, item.detail, item.decision?.decision ?? null, item.decision?.note ?? null, item.decision?.decidedBy ?? null, item.decision?.decidedAt ?? null];
}

/**
 * Writes every item of one finding as a UTF-8 CSV (with a BOM, so Excel reads it as UTF-8),
 * streamed from SQL: a finding can list hundreds of thousands of devices.
 */
export async function writeFindingCsv(snapshot: Snapshot, ruleId: string, outPath: string, options: AssessOptions = {}): Promise<number> {
  const rule = getRule(ruleId);
  const out = createWriteStream(outPath, { encoding: 'utf8' });
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  let rows = 0;
  try {
    await write(`\uFEFF${csvLine(HEADER)}`);
    for (const item of iterateFindingItems(snapshot, ruleId, options)) {
      await write(csvLine(cells(rule.id, rule.severity, item)));
      rows++;
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  return rows;
}
