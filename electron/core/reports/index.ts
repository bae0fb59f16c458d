/** Reports of a snapshot: one model (reportModel.ts) and its writers (PDF, workbook, CSV, JSON, calendar). */
export { writeFindingCsv, REDACTED_MARK } from './findingsCsv.js';
export { buildReport, PRIORITY_LISTS, REPORT_FILES, REPORT_FORMAT, type ReportData, type ReportModel, type ReportOptions } from './reportModel.js';
export { snapshotContentHash } from './snapshotHash.js';
export { writeReportSet, type ReportSetOptions, type ReportSetResult } from './writeReportSet.js';
export type { Paper } from './pdf/pdfParts.js';
