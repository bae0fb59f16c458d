import type { ReportModel } from '../reportModel.js';
import { REPORT_FILES } from '../reportFiles.js';
import { checklistDocument } from './checklistPdf.js';
import type { Paper } from './pdfParts.js';
import { renderPdf } from './renderPdf.js';
import { reportDocument } from './reportPdf.js';

/** The report set's two PDFs, by name: what the app previews, prints and saves one at a time. */
export const PDF_DOCUMENTS = {
  report: { file: REPORT_FILES.reportPdf, define: reportDocument },
  checklist: { file: REPORT_FILES.checklistPdf, define: checklistDocument },
} as const;

export type PdfDocumentName = keyof typeof PDF_DOCUMENTS;

/** One PDF of the set, from a finished model: the same bytes `mdm-migrate report` writes for that model. */
export function renderDocumentPdf(model: ReportModel, document: PdfDocumentName, paper: Paper): Promise<Buffer> {
  return renderPdf(PDF_DOCUMENTS[document].define(model, paper));
}
