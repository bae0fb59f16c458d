import { basename } from 'node:path';
import { writeFindingCsv } from '../core/reports/findingsCsv.js';
import {
  clearDecision,
  findingsForDevice,
  findingsForUser,
  pageFindingItems,
  recordDecision,
  type AssessOptions,
} from '../core/rules/index.js';
import type { Snapshot } from '../core/snapshot/openSnapshot.js';
import { assessForWizard } from '../core/wizard/index.js';
import type { ApiHandlers } from './apiHandlers.js';
import type { FileDialogs } from './ports.js';

type FindingsMethod = Extract<keyof ApiHandlers, `findings.${string}`>;

/**
 * The readiness findings behind `window.api`. The stale-device threshold chosen at the last
 * assessment applies to the item lists that follow, so counts and lists always agree.
 */
export function findingsHandlers(requireSnapshot: () => Snapshot, dialogs: FileDialogs): Pick<ApiHandlers, FindingsMethod> {
  let options: AssessOptions = {};
  return {
    'findings.assess': (request) => {
      options = request.staleDays ? { staleDays: request.staleDays } : {};
      // A rule the data cannot evaluate names the wizard check that confirms it.
      const assessment = assessForWizard(requireSnapshot(), options);
      return { ...assessment, findings: assessment.findings.map((finding) => ({ ...finding, remediation: [...finding.remediation], sources: [...finding.sources] })) };
    },
    'findings.items': (request) => {
      const page = pageFindingItems(requireSnapshot(), request, options);
      return { ...page, rows: [...page.rows] };
    },
    'findings.decide': (request) => recordDecision(requireSnapshot(), request),
    'findings.clearDecision': (request) => clearDecision(requireSnapshot(), request),
    'findings.forDevice': (request) => findingsForDevice(requireSnapshot(), request.deviceId, options),
    'findings.forUser': (request) => findingsForUser(requireSnapshot(), request.userId, options),
    'findings.exportCsv': async (request) => {
      const snapshot = requireSnapshot();
      const path = await dialogs.chooseCsvExportPath(`${basename(snapshot.path, '.mdmsnap')}-${request.rule}.csv`);
      if (path === null) return null;
      return { path, rows: await writeFindingCsv(snapshot, request.rule, path, options) };
    },
  };
}
