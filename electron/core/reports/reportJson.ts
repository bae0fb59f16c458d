import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { chunkedWriter, WRITE_AHEAD } from '../chunkedWriter.js';
import { findingsArrayWriter, type FindingsArrayWriter } from './findingsJson.js';
import type { ReportModel } from './reportModel.js';
import type { ReportDecision } from './reportRows.js';

/** report.json's `findings` array being written into a file of its own: each finding and its items, in order, then `close`. */
export interface FindingsPartWriter extends Pick<FindingsArrayWriter, 'finding' | 'item'> {
  close(): Promise<void>;
}

/**
 * report.json's `findings` array (the `assess --json` one), written by the pass over the items
 * (reportLists.ts) before the rest of the model exists; writeReportJson then puts it after the
 * model's facts.
 */
export function openFindingsPart(path: string): FindingsPartWriter {
  const out = createWriteStream(path, { highWaterMark: WRITE_AHEAD });
  const writer = chunkedWriter(out);
  const array = findingsArrayWriter(writer);
  return {
    finding: array.finding,
    item: array.item,
    async close() {
      try {
        await array.end();
        await writer.flush();
      } finally {
        out.end();
        await once(out, 'close');
      }
    },
  };
}

/**
 * report.json (docs/report-json.md): the report model's facts, every decision, then the
 * `findings` array from `findingsPath` (openFindingsPart). Everything but the model is streamed;
 * the key order is fixed and no clock is read, so the same snapshot gives the same bytes.
 */
export async function writeReportJson(model: ReportModel, decisions: Iterable<ReportDecision>, findingsPath: string, outPath: string): Promise<void> {
  const out = createWriteStream(outPath, { highWaterMark: WRITE_AHEAD });
  const writer = chunkedWriter(out);
  try {
    const { lists, decisions: counts, ...facts } = model;
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
    await writer.push(`${head.slice(0, -1)},\n"decisions":{"total":${counts.total},"acceptedRisk":${counts.acceptedRisk},"resolvedOutside":${counts.resolvedOutside},"rows":[`);
    let first = true;
    for (const decision of decisions) {
      await writer.push(`${first ? '' : ','}\n${JSON.stringify(decision)}`);
      first = false;
    }
    await writer.push('\n]},\n"findings":');
    await writer.flush();
    for await (const chunk of createReadStream(findingsPath, { highWaterMark: 1 << 20 })) {
      if (!out.write(chunk)) await once(out, 'drain');
    }
    await writer.push('}\n');
    await writer.flush();
  } finally {
    out.end();
    await once(out, 'close');
  }
}
