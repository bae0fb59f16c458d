import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Snapshot } from '../snapshot/openSnapshot.js';
import { openReportCsvs } from './findingsCsv.js';
import { openFindingsPart, writeReportJson } from './reportJson.js';
import { REPORT_FILES } from './reportFiles.js';
import type { ReportModel, ReportOutline } from './reportModel.js';
import { redactionKeyOf } from './redaction.js';
import { listRedactor, listSource, type ListSource } from './reportRows.js';
import { finishWorkbook, inventorySheet, openItemSheet, WORKER_SHEET, type MainThreadSheet } from './workbook.js';
import { XlsxWriter } from './xlsx/xlsxWriter.js';

/** What the main thread hands the lists, in this order: the model's outline, the model, the inventory sheets it wrote. */
export interface ReportListsInput {
  readonly outline: Promise<ReportOutline>;
  readonly model: Promise<ReportModel>;
  readonly sheets: Promise<readonly MainThreadSheet[]>;
}

/**
 * The files of a report set that stream lists from SQL: report.xlsx, report.json, findings.csv
 * and the two device lists. They are written on a worker thread with its own connection
 * (reportListsWorker.ts) while the main thread builds the model and writes the PDFs.
 *
 * The worker's inventory sheet (WORKER_SHEET: Devices) comes first, while the main thread is
 * still assessing. Then one pass reads
 * each finding's items once, as soon as the model's outline arrives, and writes each item into
 * the CSVs, the finding's sheet and report.json's findings (kept apart until the model is done:
 * the file opens with the model's facts). The model completes report.json, and with the main
 * thread's sheets, the workbook.
 */
export async function writeReportLists(snapshot: Snapshot, input: ReportListsInput, redact: boolean, dir: string): Promise<void> {
  const xlsx = new XlsxWriter(join(dir, REPORT_FILES.workbook));
  const findingsPart = join(dir, `.${REPORT_FILES.json}.findings.part`);
  try {
    // The pseudonyms' key is the snapshot's own secret: a redacted set need not wait for the model.
    await xlsx.addSheet(WORKER_SHEET, inventorySheet(WORKER_SHEET, snapshot, listRedactor({ redactionKey: redact ? redactionKeyOf(snapshot) : null })));
    const outline = await input.outline;
    const source = listSource(snapshot, outline);
    await writeItems(outline, source, xlsx, dir, findingsPart);
    const model = await input.model;
    await writeReportJson(model, source.decisions(), findingsPart, join(dir, REPORT_FILES.json));
    await finishWorkbook(xlsx, model, source.decisions(), await input.sheets);
  } catch (error) {
    await xlsx.abort();
    throw error;
  } finally {
    await rm(findingsPart, { force: true });
  }
}

/** Every finding's items, in assessment order (blockers first), into report.json's findings, the CSVs and the finding's sheet. */
async function writeItems(outline: ReportOutline, source: ListSource, xlsx: XlsxWriter, dir: string, findingsPart: string): Promise<void> {
  const lists = new Map(outline.lists.map((list) => [list.rule, list]));
  const json = openFindingsPart(findingsPart);
  const csvs = openReportCsvs(outline.redactionKey !== null, dir);
  try {
    for (const finding of outline.findings) {
      await json.finding(finding);
      const list = lists.get(finding.rule);
      const sheet = list ? openItemSheet(xlsx, list) : null;
      for (const item of source.items(finding.rule)) {
        await json.item(item);
        await csvs.onItem(finding, item);
        await sheet?.row(item);
      }
      await sheet?.close();
    }
  } finally {
    await json.close();
    await csvs.close();
  }
}
