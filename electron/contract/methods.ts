/**
 * The names of every call the renderer can make. Kept apart from the zod schemas so the
 * sandboxed preload can build `window.api` from this list without bundling a validator it
 * never runs. `api.ts` is checked against this list at compile time and by a unit test.
 */
export const API_METHODS = [
  'app.info',
  'snapshot.recent',
  'snapshot.current',
  'snapshot.openDemo',
  'snapshot.openWithDialog',
  'snapshot.createWithDialog',
  'playbooks.list',
  'snapshot.openRecent',
  'snapshot.close',
  'snapshot.overview',
  'devices.page',
  'users.page',
  'devices.exportCsv',
  'users.exportCsv',
  'findings.assess',
  'findings.items',
  'findings.decide',
  'findings.clearDecision',
  'findings.forDevice',
  'findings.forUser',
  'findings.exportCsv',
  'reports.preview',
  'reports.saveSet',
  'reports.pdf',
  'reports.savePdf',
  'reports.importLaterExport',
  'reports.exportReconciliation',
  'import.kinds',
  'import.chooseFiles',
  'import.inspect',
  'import.run',
  'import.cancel',
  'import.rejections',
  'import.exportRejections',
  'import.saveTemplate',
  'wizard.get',
  'wizard.goToStep',
  'wizard.tick',
  'wizard.untick',
  'wizard.answer',
  'wizard.override',
  'wizard.signOff',
  'wizard.recordSwitch',
  'wizard.switchStatus',
  'wizard.confirmApns',
  'wizard.saveCalendar',
  'tenant.facts',
  'tenant.set',
  'waves.list',
  'waves.create',
  'waves.delete',
  'waves.filterOptions',
  'waves.users',
  'waves.addUsers',
  'waves.removeUsers',
  'waves.devices',
  'waves.checklist',
  'waves.tick',
  'waves.untick',
  'waves.setState',
] as const;

export type ApiMethod = (typeof API_METHODS)[number];

/** IPC channel names are the method names under one prefix the main process checks. */
export const CHANNEL_PREFIX = 'app:';
export const EVENT_CHANNEL = 'app:event';

export function channelFor(method: ApiMethod): string {
  return `${CHANNEL_PREFIX}${method}`;
}
