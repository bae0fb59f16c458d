import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { chunkedWriter } from '../chunkedWriter.js';
import { writeFindingsArray } from './findingsJson.js';
import type { ReportData } from './reportModel.js';

/**
 * report.json (docs/report-json.md): the report model's facts, every decision, then the
 * `findings` array of `assess --json` with every item. Everything but the model is streamed;
 * the key order is fixed and no clock is read, so the same snapshot gives the same bytes.
 * `onItem` sees each item as it goes by (the CSVs are written in the same pass).
 */
export async function writeReportJson(data: ReportData, outPath: string, onItem?: Parameters<typeof writeFindingsArray>[3]): Promise<void> {
  const { model } = data;
  const out = createWriteStream(outPath, { encoding: 'utf8' });
  const writer = chunkedWriter(out);
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
    await writeFindingsArray(writer, model.readiness.findings, data.items, onItem);
    await writer.push('}\n');
    await writer.flush();
  } finally {
    out.end();
    await once(out, 'close');
  }
}
