import { buildReport, REPORT_FILES } from '../core/reports/index.js';
import type { Snapshot } from '../core/snapshot/openSnapshot.js';
import type { ApiHandlers } from './apiHandlers.js';
import type { FileDialogs } from './ports.js';

type ReportsMethod = Extract<keyof ApiHandlers, `reports.${string}`>;

/** The Reports page: a preview of the report model, and the report set written where the person picks. */
export function reportsHandlers(requireSnapshot: () => Snapshot, dialogs: FileDialogs, nativeBinding: string | undefined): Pick<ApiHandlers, ReportsMethod> {
  return {
    'reports.preview': () => {
      const { model } = buildReport(requireSnapshot());
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
          label: batch.label,
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
  };
}
