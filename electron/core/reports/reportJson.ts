import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { chunkedWriter } from '../chunkedWriter.js';
import { findingsArrayWriter, type FindingsArrayWriter } from './findingsJson.js';
import type { ReportData } from './reportModel.js';

/** report.json being written: each finding and its items, in order, then `close`. */
export interface ReportJsonWriter extends Pick<FindingsArrayWriter, 'finding' | 'item'> {
  close(): Promise<void>;
}

/**
 * report.json (docs/report-json.md): the report model's facts, every decision, then the
 * `findings` array of `assess --json` with every item. Opening it writes the facts and the
 * decisions; the caller then hands it each finding and its items (reportLists.ts, in the pass
 * that also writes the workbook's item sheets and the CSVs). Everything but the model is
 * streamed; the key order is fixed and no clock is read, so the same snapshot gives the same bytes.
 */
export async function openReportJson(data: ReportData, outPath: string): Promise<ReportJsonWriter> {
  const { model } = data;
  const out = createWriteStream(outPath, { encoding: 'utf8' });
  const writer = chunkedWriter(out);
  const closeFile = async () => {
    out.end();
    await once(out, 'close');
  };
  try {
    const { lists, decisions, ...facts } = model;
    const head = JSON.stringify({
      report: { format: facts.format, ...facts.meta },
      engagement: facts.engagement,
      tenantFacts: facts.tenantFacts,
      inventory: facts.inventory,
      readiness: { ...facts.readiness, findings: undefined },
      wizard: facts.wizard,
      overrides: facts.overrides,
      waves: facts.waves,
      reconciliation: facts.reconciliation,
      timeline: facts.timeline,
      apns: facts.apns,
      imports: facts.imports,
      lists: lists.map((list) => ({ rule: list.rule, count: list.count, sheet: list.sheet, csv: list.csv })),
    });
    await writer.push(`${head.slice(0, -1)},\n"decisions":{"total":${decisions.total},"acceptedRisk":${decisions.acceptedRisk},"resolvedOutside":${decisions.resolvedOutside},"rows":[`);
    let first = true;
    for (const decision of data.decisions()) {
      await writer.push(`${first ? '' : ','}\n${JSON.stringify(decision)}`);
      first = false;
    }
    await writer.push('\n]},\n"findings":');
  } catch (error) {
    await closeFile();
    throw error;
  }
  const findings = findingsArrayWriter(writer);
  return {
    finding: findings.finding,
    item: findings.item,
    async close() {
      try {
        await findings.end();
        await writer.push('}\n');
        await writer.flush();
      } finally {
        await closeFile();
      }
    },
  };
}
