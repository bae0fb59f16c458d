import { basename } from 'node:path';
import { writeFileSync } from 'node:fs';
import { waveFilterOptions } from '../core/queries/waveFilterOptions.js';
import type { Snapshot } from '../core/snapshot/openSnapshot.js';
import { addUsersToWave, answerQuestion, confirmApnsRenewed, createWave, deleteWave, deliverDue, getTenantFact, activePlaybook, getWizard, goToStep, listTenantFacts, listWaves, overrideGate, pageUsers, pageWaveDevices, recordSwitch, recordedSwitch, removeUsersFromWave, setTenantFact, setWaveState, signOffStep, snapshotApnsReminder, snapshotCalendar, snapshotNotificationSchedule, snapshotTimeline, tickCheck, tickWaveCheck, untickCheck, untickWaveCheck, waveChecklist, type Notifier } from '../core/wizard/index.js';
import type { ApiHandlers } from './apiHandlers.js';
import type { FileDialogs } from './ports.js';

type WizardMethod = Extract<keyof ApiHandlers, `wizard.${string}` | `tenant.${string}` | `waves.${string}`>;

export interface WizardServices {
  readonly handlers: Pick<ApiHandlers, WizardMethod>;
  /**
   * Sends the desktop notifications that fell due since the last call (deadline thresholds);
   * the host calls it on a timer with the real clock.
   */
  deliverDueNotifications(now: Date): void;
}

/**
 * The migration wizard, the Tenant page and the waves behind `window.api`. Every action is
 * the core's (audited there); this layer adds the clock, the save dialog and the notifier.
 */
export function wizardServices(
  current: () => Snapshot | null,
  requireSnapshot: () => Snapshot,
  dialogs: FileDialogs,
  notifier: Notifier,
): WizardServices {
  // Notifications count from when the app started watching: reopening a snapshot does not
  // replay thresholds that passed while it was closed.
  let notifiedUpTo = new Date();

  const handlers: Pick<ApiHandlers, WizardMethod> = {
    'wizard.get': () => getWizard(requireSnapshot()),
    'wizard.goToStep': (request) => {
      goToStep(requireSnapshot(), request.stepId);
      return null;
    },
    'wizard.tick': (request) => tickCheck(requireSnapshot(), request),
    'wizard.untick': (request) => untickCheck(requireSnapshot(), request),
    'wizard.answer': (request) => {
      const snapshot = requireSnapshot();
      answerQuestion(snapshot, request);
      return getTenantFact(snapshot, questionFact(snapshot, request.questionId));
    },
    'wizard.override': (request) => overrideGate(requireSnapshot(), request),
    'wizard.signOff': (request) => signOffStep(requireSnapshot(), request),
    'wizard.recordSwitch': (request) => {
      const snapshot = requireSnapshot();
      const recorded = recordSwitch(snapshot, { by: request.by, at: request.at ? new Date(request.at) : undefined });
      const atSwitch = snapshotNotificationSchedule(snapshot, new Date()).find((notification) => notification.id === 'switch');
      if (atSwitch) notifier.notify(atSwitch);
      return recorded;
    },
    'wizard.switchStatus': () => {
      const snapshot = requireSnapshot();
      const now = new Date();
      return {
        now: now.toISOString(),
        switchedAt: recordedSwitch(snapshot)?.at ?? null,
        timeline: snapshotTimeline(snapshot, now),
        apns: snapshotApnsReminder(snapshot, now),
      };
    },
    'wizard.confirmApns': (request) => confirmApnsRenewed(requireSnapshot(), request),
    'wizard.saveCalendar': async () => {
      const snapshot = requireSnapshot();
      const path = await dialogs.chooseCalendarExportPath(`${basename(snapshot.path, '.mdmsnap')}-deadlines.ics`);
      if (path === null) return null;
      const calendar = snapshotCalendar(snapshot, new Date());
      writeFileSync(path, calendar, 'utf8');
      return { path, events: calendar.match(/^BEGIN:VEVENT/gm)?.length ?? 0 };
    },
    'tenant.facts': () => listTenantFacts(requireSnapshot()),
    'tenant.set': (request) => setTenantFact(requireSnapshot(), request),
    'waves.list': () => listWaves(requireSnapshot()),
    'waves.create': (request) => createWave(requireSnapshot(), request),
    'waves.delete': (request) => {
      deleteWave(requireSnapshot(), request);
      return null;
    },
    'waves.filterOptions': () => waveFilterOptions(requireSnapshot()),
    'waves.users': (request) => pageUsers(requireSnapshot(), request),
    'waves.addUsers': (request) => addUsersToWave(requireSnapshot(), request),
    'waves.removeUsers': (request) => removeUsersFromWave(requireSnapshot(), request),
    'waves.devices': (request) => pageWaveDevices(requireSnapshot(), request),
    'waves.checklist': (request) => waveChecklist(requireSnapshot(), request.waveId),
    'waves.tick': (request) => tickWaveCheck(requireSnapshot(), request),
    'waves.untick': (request) => untickWaveCheck(requireSnapshot(), request),
    'waves.setState': (request) => setWaveState(requireSnapshot(), { ...request, at: request.at ? new Date(request.at) : undefined }),
  };

  return {
    handlers,
    deliverDueNotifications(now) {
      const snapshot = current();
      if (snapshot) deliverDue(notifier, snapshotNotificationSchedule(snapshot, now), notifiedUpTo, now);
      notifiedUpTo = now;
    },
  };
}

/** The tenant fact a playbook question records. */
function questionFact(snapshot: Snapshot, questionId: string): string {
  for (const check of activePlaybook(snapshot).phases.flatMap((phase) => phase.steps.flatMap((step) => step.checks))) {
    if (check.id === questionId && check.kind === 'question') return check.fact;
  }
  throw new Error(`${questionId} answered but is not a question`);
}
