/**
 * The migration wizard's domain core (issue #16). Pure TypeScript over an open Snapshot; no
 * Electron, no UI. Every action takes `by` (a name) and an optional `now`, writes its change and
 * an audit_log entry in one transaction, and throws UserFacingError for bad input.
 *
 * Playbook (data, core/playbooks): phases > steps > checks; `activePlaybook(snapshot)`. A new
 * engagement records its playbook and version with `choosePlaybook({ playbookId, by })`; one
 * that chose none runs the default, recorded by the first action (reading writes nothing).
 * `playbookChanges(snapshot)`: what changed since the version the snapshot started with, and
 * the ticks kept against steps removed since.
 * `assessForWizard(snapshot, options)` is assessSnapshot with each not-evaluated rule's "needs …"
 * naming the manual check that can confirm it (use it wherever findings are shown).
 *
 * Wizard state
 * - `getWizard(snapshot, { now?, assessment? })` → WizardView: phases with state and progress
 *   counts, steps (actions, prerequisites, risks, sources, checks as CheckView), `gates`
 *   (blocked, reasons: open blockers and open required checks of the steps before it, override),
 *   `currentStepId` (where the consultant left off), `nextStepId`, recorded `events`, `progress`.
 *   Runs an assessment unless given one (about 0.5 s at 250,000 devices).
 * - `goToStep(snapshot, stepId)`; `tickCheck` / `untickCheck({ checkId, by, note? })` for manual
 *   checks (a check with `confirmsRule` makes that rule's finding read "confirmed by …");
 *   `answerQuestion({ questionId, value, by })` records the question's tenant fact.
 * - `overrideGate({ justification, by, stepId? })`: needs ≥ 10 characters; kept in
 *   `listOverrides(snapshot)` with what was open. `recordSwitch({ by, at? })`: refused while the
 *   gated step is blocked; again to correct the time. `recordedSwitch(snapshot)`.
 * - `signOffStep({ stepId, by, role?, note? })`, `listSignOffs(snapshot, stepId?)`; each step
 *   view carries its `signOffs`.
 *
 * Tenant facts: `listTenantFacts(snapshot)` → TenantFact[] (value, source typed/import/demo,
 * setBy, setAt, meaning, choices); `setTenantFact({ key, value, by })`; `TENANT_FACTS` for help.
 *
 * Waves (paged; no user list is loaded whole): `createWave({ name, pilot?, by })`, `listWaves`,
 * `getWave`, `deleteWave`; `pageUsers(snapshot, { collectionId?, platform?, licence?, rule?,
 * search?, wave?, offset?, limit? })`; `addUsersToWave({ waveId, userIds? | filter?, by })`,
 * `removeUsersFromWave`; `pageWaveDevices({ waveId, moving, offset?, limit? })` (non-moving rows
 * carry `reason` = rule id, the page carries `remediations`); `waveChecklist(snapshot, waveId)`,
 * `tickWaveCheck` / `untickWaveCheck`; `setWaveState({ waveId, state, at?, by })`
 * (planned → moved → verified, or back to planned). `DEVICE_OWNER` is the device-owner SQL.
 *
 * Switch timeline and APNs (pure functions of `now`, plus snapshot readers):
 * `buildTimeline(playbook, eventTimes, now)` / `snapshotTimeline(snapshot, now)` → TimelineEntry[]
 * with `at`, `remainingMs`, `status`, `countdown`; `apnsReminder(input)` /
 * `snapshotApnsReminder(snapshot, today)` → the banner; `confirmApnsRenewed({ by, note? })`;
 * `notificationSchedule` / `snapshotNotificationSchedule` and `deliverDue(notifier, schedule,
 * since, now)` through the `Notifier` port; `deadlinesCalendar` / `snapshotCalendar(snapshot,
 * now)` → the `.ics` text.
 */
export type { Actor } from './actor.js';
export * from './apnsReminder.js';
export * from './calendar.js';
export * from './checkState.js';
export * from './playbookChanges.js';
export * from './switchTimeline.js';
export * from './tenantFactDefinitions.js';
export * from './tenantFacts.js';
export * from './timeline.js';
export * from './waves.js';
export * from './wizard.js';
