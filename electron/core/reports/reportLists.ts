import { join } from 'node:path';
import type { Snapshot } from '../snapshot/openSnapshot.js';
import { openReportCsvs } from './findingsCsv.js';
import { openReportJson } from './reportJson.js';
import { REPORT_FILES, reportData, reportRedactor, type ReportData, type ReportModel } from './reportModel.js';
import { finishWorkbook, openItemSheet, writeInventorySheets } from './workbook.js';
import { XlsxWriter } from './xlsx/xlsxWriter.js';

/**
 * The files of a report set that stream lists from SQL: report.xlsx, report.json, findings.csv
 * and the two device lists. They are written on a worker thread with its own connection
 * (reportListsWorker.ts) while the main thread builds the model and writes the PDFs.
 *
 * The Devices and Users sheets need nothing from the model but the redaction key, so they come
 * first, while the main thread still builds the model (`model` settles when it arrives); a
 * redacted set waits for it, for the key. Then one pass reads each finding's items once and
 * writes each item into report.json, the CSVs and the finding's sheet.
 */
export async function writeReportLists(snapshot: Snapshot, model: Promise<ReportModel>, redact: boolean, dir: string): Promise<void> {
  const xlsx = new XlsxWriter(join(dir, REPORT_FILES.workbook));
  try {
    await writeInventorySheets(xlsx, snapshot, redact ? reportRedactor(await model) : null);
    const data = reportData(snapshot, await model);
    await writeItems(data, xlsx, dir);
    await finishWorkbook(xlsx, data);
  } catch (error) {
    await xlsx.abort();
    throw error;
  }
}

/** Every finding's items, in assessment order (blockers first), into report.json, the CSVs and the finding's sheet. */
async function writeItems(data: ReportData, xlsx: XlsxWriter, dir: string): Promise<void> {
  const lists = new Map(data.model.lists.map((list) => [list.rule, list]));
  const json = await openReportJson(data, join(dir, REPORT_FILES.json));
  const csvs = openReportCsvs(data, dir);
  try {
    for (const finding of data.model.readiness.findings) {
      await json.finding(finding);
      const list = lists.get(finding.rule);
      const sheet = list ? openItemSheet(xlsx, list) : null;
      for (const item of data.items(finding.rule)) {
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
