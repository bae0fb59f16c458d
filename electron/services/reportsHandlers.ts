import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ParsedRequest } from '../contract/api.js';
import { UserFacingError } from '../core/errors.js';
import { importLaterExport } from '../core/reconciliation/index.js';
import { buildReport, REPORT_FILES, type ReportModel } from '../core/reports/index.js';
import { writeReconciliationCsv } from '../core/reports/reconciliationCsv.js';
import type { Snapshot } from '../core/snapshot/openSnapshot.js';
import type { ApiHandlers } from './apiHandlers.js';
import { jobProgress } from './jobProgress.js';
import type { EventSink, FileDialogs } from './ports.js';

type ReportsMethod = Extract<keyof ApiHandlers, `reports.${string}`>;

/**
 * The report model of the open snapshot, built again only when its data changed. The page asks
 * for the preview and each PDF in turn, and a model reads every table (seconds at 250,000
 * devices). Every change goes through this one connection, so its count of changed rows
 * (`total_changes()`) tells whether the data is still the same.
 */
function reportModels(requireSnapshot: () => Snapshot): (options: { redact: boolean }) => ReportModel {
  let cached: { snapshot: Snapshot; changes: number; redact: boolean; model: ReportModel } | null = null;
  const changesOf = (snapshot: Snapshot) => snapshot.db.prepare('SELECT total_changes()').pluck().get() as number;
  return ({ redact }) => {
    const snapshot = requireSnapshot();
    if (cached?.snapshot !== snapshot || cached.changes !== changesOf(snapshot) || cached.redact !== redact) {
      const { model } = buildReport(snapshot, { redact });
      cached = { snapshot, changes: changesOf(snapshot), redact, model };
    }
    return cached.model;
  };
}

/** One PDF of the set from a model built with the request's options: what the CLI writes for the same options. */
async function renderOnePdf(model: ReportModel, request: ParsedRequest<'reports.pdf'>): Promise<{ file: string; bytes: Buffer }> {
  // Loaded on first use: pdfmake is large, and the window opens without it.
  const { PDF_DOCUMENTS, renderDocumentPdf } = await import('../core/reports/pdf/documentPdf.js');
  return { file: PDF_DOCUMENTS[request.document].file, bytes: await renderDocumentPdf(model, request.document, request.paper) };
}

/**
 * The Reports page: a preview of the report model, the report set written where the person
 * picks, and reconciliation (later exports kept beside the baseline, each device's state as CSV).
 */
export function reportsHandlers(requireSnapshot: () => Snapshot, dialogs: FileDialogs, emit: EventSink, nativeBinding: string | undefined): Pick<ApiHandlers, ReportsMethod> {
  const modelOf = reportModels(requireSnapshot);
  return {
    'reports.preview': () => {
      const model = modelOf({ redact: false });
      return {
        customer: model.engagement.customer,
        dataAsOf: model.engagement.dataAsOf,
        reportDate: model.meta.reportDate,
        snapshotHash: model.meta.snapshotHash,
        inventory: { devices: model.inventory.devices, users: model.inventory.users, collections: model.inventory.collections },
        openItemsBySeverity: { ...model.readiness.openItemsBySeverity },
        blocksSwitch: model.readiness.blocksSwitch.map((blocker) => ({ ...blocker })),
        lists: model.lists.map((list) => ({ rule: list.rule, severity: list.severity, title: list.title, count: list.count, sheet: list.sheet, csv: list.csv })),
        wizard: { ...model.wizard.progress },
        waves: model.waves.length,
        reconciliation: model.reconciliation.map((batch) => ({
          batchId: batch.batchId,
          label: batch.label,
          importedAt: batch.importedAt,
          files: [...batch.files],
          devicesInExport: batch.devicesInExport,
          byWave: [...batch.byWave, { wave: 'All MDM devices', counts: batch.overall }].map(({ wave, counts }) => ({ wave, counts: { ...counts } })),
        })),
        decisions: model.decisions.total,
        files: Object.values(REPORT_FILES),
      };
    },
    'reports.saveSet': async (request) => {
      const snapshot = requireSnapshot();
      const dir = await dialogs.chooseReportFolder();
      if (dir === null) return null;
      // Loaded on first use: the PDF library is large, and the window opens without it.
      const { writeReportSet } = await import('../core/reports/writeReportSet.js');
      const result = await writeReportSet(snapshot, dir, { redact: request.redact, paper: request.paper, nativeBinding });
      return { dir, files: [...result.files] };
    },
    'reports.pdf': async (request) => {
      const { file, bytes } = await renderOnePdf(modelOf(request), request);
      return { fileName: file, base64: bytes.toString('base64') };
    },
    'reports.savePdf': async (request) => {
      const snapshot = requireSnapshot();
      const { file, bytes } = await renderOnePdf(modelOf(request), request);
      const path = await dialogs.choosePdfExportPath(`${basename(snapshot.path, '.mdmsnap')}-${file}`);
      if (path === null) return null;
      await writeFile(path, bytes);
      return { path };
    },
    'reports.importLaterExport': async (request) => {
      const snapshot = requireSnapshot();
      const paths = await dialogs.chooseImportFiles();
      if (paths.length === 0) return null;
      const batch = await importLaterExport(snapshot, paths, { label: request.label, by: request.by, nativeBinding, onProgress: jobProgress(emit, request.jobId) });
      return { ...batch, files: [...batch.files] };
    },
    'reports.exportReconciliation': async (request) => {
      const snapshot = requireSnapshot();
      const label = snapshot.db.prepare('SELECT label FROM reconciliation_batches WHERE id = ?').pluck().get(request.batchId) as string | undefined;
      if (label === undefined) throw new UserFacingError('invalid_input', 'That later export is no longer in the snapshot.');
      const fileLabel = label.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || `batch-${request.batchId}`;
      const path = await dialogs.chooseCsvExportPath(`${basename(snapshot.path, '.mdmsnap')}-reconciliation-${fileLabel}.csv`);
      return path === null ? null : { path, rows: await writeReconciliationCsv(snapshot, request.batchId, path) };
    },
  };
}
