import { join } from 'node:path';
import type { CsvValue } from '../csv/csvCell.js';
import { openCsvFile, writeCsvFile, type CsvFileWriter } from '../csv/writeCsvFile.js';
import { getRule, iterateFindingItems, type AssessOptions, type FindingItem } from '../rules/index.js';
import type { Snapshot } from '../snapshot/openSnapshot.js';
import { PRIORITY_LISTS, REPORT_FILES } from './reportFiles.js';

const HEADER = ['Rule', 'Severity', 'Item type', 'Item key', 'Name', 'User principal name', 'Serial number', 'Intune device ID', 'ConfigMgr ID', 'Detail', 'Decision', 'Decision note', 'Decided by', 'Decided at'];

/**
 * A redacted file says so in its first header cell, where Excel and every CSV reader still
 * find a plain header row (a comment line above it would become a data row).
 */
export const REDACTED_MARK = 'REDACTED: names, UPNs, serials, IMEIs and Apple IDs are pseudonyms';

function header(redacted: boolean): string[] {
  return redacted ? [`${HEADER[0]} (${REDACTED_MARK})`, ...HEADER.slice(1)] : HEADER;
}

function cells(rule: string, severity: string, item: FindingItem): CsvValue[] {
  const upn = item.type === 'device' || item.type === 'user' ? item.userPrincipalName : null;
  const serial = item.type === 'device' ? item.serialNumber : null;
  const intuneId = item.type === 'device' ? item.intuneDeviceId : null;
  const cmId = item.type === 'device' || item.type === 'user' ? item.cmResourceId : item.type === 'collection' ? item.id : null;
  return [rule, severity, item.type, item.key, item.name, upn, serial, intuneId, cmId, item.detail, item.decision?.decision ?? null, item.decision?.note ?? null, item.decision?.decidedBy ?? null, item.decision?.decidedAt ?? null];
}

function* rows(findings: Iterable<{ rule: string; severity: string; items: Iterable<FindingItem> }>): Generator<CsvValue[]> {
  for (const finding of findings) for (const item of finding.items) yield cells(finding.rule, finding.severity, item);
}

/**
 * Writes every item of one finding as a UTF-8 CSV (with a BOM, so Excel reads it as UTF-8),
 * streamed from SQL: a finding can list hundreds of thousands of devices.
 */
export async function writeFindingCsv(snapshot: Snapshot, ruleId: string, outPath: string, options: AssessOptions = {}): Promise<number> {
  const rule = getRule(ruleId);
  return writeCsvFile(outPath, HEADER, rows([{ rule: rule.id, severity: rule.severity, items: iterateFindingItems(snapshot, ruleId, options) }]));
}

/**
 * The report set's CSVs: `findings.csv` with every item of every finding (blockers first, as
 * the report orders them), and the userless and category-bound device lists on their own.
 * They take their rows from the pass that writes report.json (`onItem`), so the items are read
 * from SQLite once for the four files. `close` returns the data rows written per file.
 */
export function openReportCsvs(redacted: boolean, dir: string): {
  onItem(finding: { rule: string; severity: string }, item: FindingItem): Promise<void>;
  close(): Promise<Record<string, number>>;
} {
  const head = header(redacted);
  const all = openCsvFile(join(dir, REPORT_FILES.findingsCsv), head);
  const own = new Map<string, CsvFileWriter>(PRIORITY_LISTS.map((list) => [list.rule, openCsvFile(join(dir, list.csv), head)]));
  return {
    async onItem(finding, item) {
      const row = cells(finding.rule, finding.severity, item);
      await all.push(row);
      await own.get(finding.rule)?.push(row);
    },
    async close() {
      const written: Record<string, number> = { [REPORT_FILES.findingsCsv]: await all.close() };
      for (const list of PRIORITY_LISTS) written[list.csv] = await own.get(list.rule)!.close();
      return written;
    },
  };
}
