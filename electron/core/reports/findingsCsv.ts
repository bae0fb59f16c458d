import type { CsvValue } from '../csv/csvCell.js';
import { writeCsvFile } from '../csv/writeCsvFile.js';
import { getRule, iterateFindingItems, type AssessOptions, type FindingItem } from '../rules/index.js';
import type { Snapshot } from '../snapshot/openSnapshot.js';

const HEADER = ['Rule', 'Severity', 'Item type', 'Item key', 'Name', 'User principal name', 'Serial number', 'Intune device ID', 'ConfigMgr ID', 'Detail', 'Decision', 'Decision note', 'Decided by', 'Decided at'];

function cells(rule: string, severity: string, item: FindingItem): CsvValue[] {
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
  return writeCsvFile(
    outPath,
    HEADER,
    (function* () {
      for (const item of iterateFindingItems(snapshot, ruleId, options)) yield cells(rule.id, rule.severity, item);
    })(),
  );
}
