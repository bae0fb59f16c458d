/**
 * Reports of a snapshot: one model (reportModel.ts) and its writers (PDF, workbook, CSV, JSON,
 * calendar). The set's writer, writeReportSet.ts, is imported on its own and late: it brings the
 * PDF library and the lists worker, which nothing else needs at start-up.
 */
export { writeFindingCsv, REDACTED_MARK } from './findingsCsv.js';
export { PRIORITY_LISTS, REPORT_FILES } from './reportFiles.js';
export { buildReport, REPORT_FORMAT, type ReportData, type ReportModel, type ReportOptions } from './reportModel.js';
export { snapshotContentHash } from './snapshotHash.js';
export type { Paper } from './pdf/pdfParts.js';
