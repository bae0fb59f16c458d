import { UserFacingError } from '../errors.js';
import { DEFAULT_PLAYBOOK_ID, getPlaybook } from '../playbooks/index.js';
import { changesSince } from '../playbooks/changesSince.js';
import type { CheckDefinition, Playbook, PlaybookChange, StepDefinition } from '../playbooks/types.js';
import { assessSnapshot } from '../rules/assess.js';
import type { Assessment, AssessOptions, FindingSummary } from '../rules/types.js';
import type { Snapshot } from '../snapshot/openSnapshot.js';
import { actor, type Actor } from './actor.js';
import { automaticCheck, manualCheck, questionCheck, type CheckTick, type CheckView, type RuleStatus } from './checkState.js';
import { listTenantFacts, setTenantFact } from './tenantFacts.js';

export type StepState = 'not_started' | 'in_progress' | 'done' | 'blocked';

export interface OverrideRecord {
  readonly stepId: string;
  readonly justification: string;
  readonly by: string;
  readonly at: string;
  /** What was open when the override was given. */
  readonly openAtOverride: GateReasons;
}

export interface RecordedEvent {
  readonly eventId: string;
  readonly at: string;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

export interface GateReasons {
  /** Blocker rules with open items, or not evaluated (a blocker nobody has checked is not a pass). */
  readonly blockers: readonly { readonly rule: string; readonly title: string; readonly openCount: number; readonly evaluated: boolean }[];
  /** Required checks of the steps before the gated one (earlier phases and its own pre-flight) that are not done. */
  readonly checks: readonly { readonly checkId: string; readonly stepId: string; readonly label: string }[];
}

export interface GateView {
  readonly stepId: string;
  /** Closed and not overridden. */
  readonly blocked: boolean;
  readonly reasons: GateReasons;
  readonly override: OverrideRecord | null;
}

export interface StepView extends Omit<StepDefinition, 'checks' | 'gated' | 'records'> {
  readonly phaseId: string;
  readonly gated: boolean;
  /** The event this step records, if any. */
  readonly records: string | null;
  readonly state: StepState;
  readonly checks: readonly CheckView[];
  readonly done: number;
  readonly total: number;
  /** The event this step records, once recorded. */
  readonly recorded: RecordedEvent | null;
  readonly gate: GateView | null;
  /** Sign-offs of this step (consultant, customer …), oldest first. */
  readonly signOffs: readonly SignOff[];
}

export interface SignOff {
  readonly stepId: string;
  readonly by: string;
  /** e.g. 'consultant' or 'customer'; free text. */
  readonly role: string | null;
  readonly note: string;
  readonly at: string;
}

export interface PhaseView {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly state: StepState;
  readonly done: number;
  readonly total: number;
  readonly steps: readonly StepView[];
}

export interface WizardView {
  readonly playbook: {
    readonly id: string;
    readonly version: number;
    readonly title: string;
    readonly summary: string;
    /** What "record the switch" records in this playbook (the authority changed, set, coexistence activated), for screens to name it. */
    readonly switchEvent: { readonly id: string; readonly label: string; readonly recordAction: string };
  };
  /** The playbook version the snapshot was started with. */
  readonly startedWithVersion: number;
  /** What the playbook changed since that version (steps added, removed, renamed), oldest first. */
  readonly changes: readonly PlaybookChange[];
  readonly phases: readonly PhaseView[];
  /** Where the consultant left off: the step last worked on or chosen, else the next step. */
  readonly currentStepId: string;
  /** The first step that is not done; null when the playbook is finished. */
  readonly nextStepId: string | null;
  readonly gates: readonly GateView[];
  readonly events: readonly RecordedEvent[];
  readonly progress: { readonly done: number; readonly total: number; readonly requiredOpen: number };
}

export interface WizardOptions {
  readonly now?: Date;
  /** A fresh assessment of the same snapshot, when the caller has one; otherwise one is run. */
  readonly assessment?: Assessment;
}

interface WizardStateRow {
  readonly playbookId: string;
  readonly playbookVersion: number;
  readonly currentStepId: string | null;
}

/**
 * The engagement's playbook and the step the consultant is on. Until a playbook is chosen (a
 * snapshot made without choosing one), the default playbook at its current version; nothing is
 * written by reading, so `wizard --json` and assessments leave the file as is.
 */
export function wizardStateRow(snapshot: Snapshot): WizardStateRow {
  const row = snapshot.db
    .prepare(
      `SELECT e.playbook_id AS playbookId, e.playbook_version AS playbookVersion, s.current_step_id AS currentStepId
       FROM engagement e LEFT JOIN wizard_state s ON s.id = 1 WHERE e.id = 1`,
    )
    .get() as { playbookId: string | null; playbookVersion: number | null; currentStepId: string | null };
  if (row.playbookId !== null && row.playbookVersion !== null) return { playbookId: row.playbookId, playbookVersion: row.playbookVersion, currentStepId: row.currentStepId };
  const playbook = getPlaybook(DEFAULT_PLAYBOOK_ID);
  return { playbookId: playbook.id, playbookVersion: playbook.version, currentStepId: row.currentStepId };
}

/** Writes the state row the first time an action needs it, recording the playbook and its version if none was chosen. */
export function persistWizardState(snapshot: Snapshot): void {
  const state = wizardStateRow(snapshot);
  snapshot.db.prepare('UPDATE engagement SET playbook_id = ?, playbook_version = ? WHERE id = 1 AND playbook_id IS NULL').run(state.playbookId, state.playbookVersion);
  snapshot.db.prepare('INSERT INTO wizard_state (id) VALUES (1) ON CONFLICT (id) DO NOTHING').run();
}

/**
 * Records which migration a new engagement is: the playbook and its current version. An
 * engagement runs one playbook from start to end, so choosing another once one is recorded is
 * refused (choosing the same one again changes nothing).
 */
export function choosePlaybook(snapshot: Snapshot, request: Actor & { playbookId: string }): Playbook {
  const playbook = getPlaybook(request.playbookId);
  const { by } = actor(request);
  snapshot.db.transaction(() => {
    const recorded = snapshot.db.prepare('SELECT playbook_id FROM engagement WHERE id = 1').pluck().get() as string | null;
    if (recorded === playbook.id) return;
    if (recorded !== null) throw new UserFacingError('invalid_input', `This engagement already runs the playbook "${recorded}"; start a new snapshot for another migration.`);
    snapshot.db.prepare('UPDATE engagement SET playbook_id = ?, playbook_version = ? WHERE id = 1').run(playbook.id, playbook.version);
    snapshot.audit(by, 'wizard.playbook', playbook.id, { version: playbook.version });
  })();
  return playbook;
}

export function activePlaybook(snapshot: Snapshot): Playbook {
  return getPlaybook(wizardStateRow(snapshot).playbookId);
}

/** Rule id → the manual check of the playbook that confirms it (for "needs …" texts). */
/** The playbook's recorded event as screens name it. */
function switchEventView(playbook: Playbook): WizardView['playbook']['switchEvent'] {
  const event = playbook.events.find((candidate) => candidate.id === playbook.switchEvent)!;
  return { id: event.id, label: event.label, recordAction: event.recordAction ?? `Record: ${event.label}` };
}

export function confirmingChecks(playbook: Playbook): Map<string, string> {
  const checks = playbook.phases.flatMap((phase) => phase.steps.flatMap((step) => step.checks));
  return new Map(checks.flatMap((check) => (check.kind === 'manual' && check.confirmsRule ? [[check.confirmsRule, check.id] as const] : [])));
}

/** The readiness assessment with the active playbook's confirming checks named in "needs …". */
export function assessForWizard(snapshot: Snapshot, options: Omit<AssessOptions, 'confirmableBy'> = {}): Assessment {
  return assessSnapshot(snapshot, { ...options, confirmableBy: confirmingChecks(activePlaybook(snapshot)) });
}

/** The wizard as it stands: every phase, step and check with its state, the gates and the recorded events. */
export function getWizard(snapshot: Snapshot, options: WizardOptions = {}): WizardView {
  const state = wizardStateRow(snapshot);
  const playbook = getPlaybook(state.playbookId);
  const assessment = options.assessment ?? assessForWizard(snapshot, { now: options.now });
  const findings = new Map(assessment.findings.map((finding) => [finding.rule, finding]));
  const facts = new Map(listTenantFacts(snapshot).map((fact) => [fact.key, fact.value]));
  const ticks = manualTicks(snapshot);
  const events = recordedEvents(snapshot);
  const overrides = new Map(listOverrides(snapshot).map((override) => [override.stepId, override]));
  const signOffs = listSignOffs(snapshot);

  const checkView = (check: CheckDefinition): CheckView => {
    if (check.kind === 'automatic') return automaticCheck(check, check.rules.map((rule) => ruleStatus(findings.get(rule)!)));
    if (check.kind === 'manual') return manualCheck(check, ticks.get(check.id) ?? null);
    return questionCheck(check, facts.get(check.fact) ?? null);
  };

  const phases: PhaseView[] = [];
  const gates: GateView[] = [];
  for (const phase of playbook.phases) {
    const steps: StepView[] = [];
    for (const step of phase.steps) {
      const checks = step.checks.map(checkView);
      const recorded = step.records ? (events.get(step.records) ?? null) : null;
      // Everything before the gated step counts: earlier phases, and its own phase's pre-flight (brief §5.1).
      const earlier = [...phases.flatMap((done) => done.steps), ...steps];
      const gate = step.gated ? gateView(step.id, assessment.findings, earlier, overrides.get(step.id) ?? null) : null;
      if (gate) gates.push(gate);
      const done = checks.filter((check) => check.state === 'done').length;
      const required = checks.filter((check) => check.required);
      // A step with only optional checks is done when all of them are; otherwise its required ones decide.
      const complete = (required.length > 0 ? required : checks).every((check) => check.state === 'done') && (!step.records || recorded !== null);
      const stepState: StepState = gate?.blocked ? 'blocked' : complete ? 'done' : done > 0 || recorded ? 'in_progress' : 'not_started';
      steps.push({
        ...step,
        phaseId: phase.id,
        gated: step.gated === true,
        records: step.records ?? null,
        state: stepState,
        checks,
        done,
        total: checks.length,
        recorded,
        gate,
        signOffs: signOffs.filter((signOff) => signOff.stepId === step.id),
      });
    }
    phases.push({
      id: phase.id,
      title: phase.title,
      summary: phase.summary,
      state: combinedState(steps.map((step) => step.state)),
      done: steps.reduce((sum, step) => sum + step.done, 0),
      total: steps.reduce((sum, step) => sum + step.total, 0),
      steps,
    });
  }

  const allSteps = phases.flatMap((phase) => phase.steps);
  const allChecks = allSteps.flatMap((step) => step.checks);
  const nextStepId = allSteps.find((step) => step.state !== 'done')?.id ?? null;
  const known = state.currentStepId !== null && allSteps.some((step) => step.id === state.currentStepId);
  return {
    playbook: {
      id: playbook.id,
      version: playbook.version,
      title: playbook.title,
      summary: playbook.summary,
      switchEvent: switchEventView(playbook),
    },
    startedWithVersion: state.playbookVersion,
    changes: changesSince(playbook, state.playbookVersion),
    phases,
    currentStepId: known ? state.currentStepId! : (nextStepId ?? allSteps[allSteps.length - 1]!.id),
    nextStepId,
    gates,
    events: [...events.values()],
    progress: {
      done: allChecks.filter((check) => check.state === 'done').length,
      total: allChecks.length,
      requiredOpen: allChecks.filter((check) => check.required && check.state !== 'done').length,
    },
  };
}

export function ruleStatus(finding: FindingSummary): RuleStatus {
  return { rule: finding.rule, title: finding.title, evaluated: finding.evaluated, openCount: finding.openCount, needs: finding.needs };
}

function combinedState(states: readonly StepState[]): StepState {
  if (states.every((state) => state === 'done')) return 'done';
  if (states.includes('blocked')) return 'blocked';
  return states.some((state) => state !== 'not_started') ? 'in_progress' : 'not_started';
}

/**
 * A gated step is closed while a blocker finding is open (or not evaluated) or a required
 * check of a step before it is not done.
 */
function gateView(stepId: string, findings: readonly FindingSummary[], earlierSteps: readonly StepView[], override: OverrideRecord | null): GateView {
  const reasons: GateReasons = {
    blockers: findings
      .filter((finding) => finding.severity === 'blocker' && (!finding.evaluated || finding.openCount > 0))
      .map((finding) => ({ rule: finding.rule, title: finding.title, openCount: finding.openCount, evaluated: finding.evaluated })),
    checks: earlierSteps.flatMap((step) =>
      step.checks.filter((check) => check.required && check.state !== 'done').map((check) => ({ checkId: check.id, stepId: step.id, label: check.label })),
    ),
  };
  const closed = reasons.blockers.length > 0 || reasons.checks.length > 0;
  return { stepId, blocked: closed && override === null, reasons, override };
}

function manualTicks(snapshot: Snapshot): Map<string, CheckTick> {
  const rows = snapshot.db.prepare('SELECT check_id AS id, checked_by AS by, checked_at AS at, note FROM wizard_checks').all() as (CheckTick & { id: string })[];
  return new Map(rows.map(({ id, ...tick }) => [id, tick]));
}

function recordedEvents(snapshot: Snapshot): Map<string, RecordedEvent> {
  const rows = snapshot.db
    .prepare('SELECT event_id AS eventId, at, recorded_by AS recordedBy, recorded_at AS recordedAt FROM wizard_events ORDER BY at')
    .all() as RecordedEvent[];
  return new Map(rows.map((row) => [row.eventId, row]));
}

/** Every override, for the reports: what was overridden, why, by whom, and what was open then. */
export function listOverrides(snapshot: Snapshot): OverrideRecord[] {
  const rows = snapshot.db
    .prepare('SELECT step_id AS stepId, justification, overridden_by AS by, overridden_at AS at, open_at_override AS openAtOverride FROM wizard_overrides ORDER BY overridden_at')
    .all() as (Omit<OverrideRecord, 'openAtOverride'> & { openAtOverride: string })[];
  return rows.map((row) => ({ ...row, openAtOverride: JSON.parse(row.openAtOverride) as GateReasons }));
}

// ---------------------------------------------------------------------------------------------
// Actions. Each one writes its change and its audit entry in one transaction.

function findCheck(playbook: Playbook, checkId: string): { step: StepDefinition; check: CheckDefinition } {
  for (const phase of playbook.phases) {
    for (const step of phase.steps) {
      const check = step.checks.find((candidate) => candidate.id === checkId);
      if (check) return { step, check };
    }
  }
  throw new UserFacingError('invalid_input', `No check "${checkId}" in playbook ${playbook.id}.`);
}

function findStep(playbook: Playbook, stepId: string): StepDefinition {
  const step = playbook.phases.flatMap((phase) => phase.steps).find((candidate) => candidate.id === stepId);
  if (!step) throw new UserFacingError('invalid_input', `No step "${stepId}" in playbook ${playbook.id}.`);
  return step;
}

function setCurrent(snapshot: Snapshot, stepId: string): void {
  persistWizardState(snapshot);
  snapshot.db.prepare('UPDATE wizard_state SET current_step_id = ? WHERE id = 1').run(stepId);
}

/** Moves the wizard to a step (navigation; not audited, as it changes nothing the reports show). */
export function goToStep(snapshot: Snapshot, stepId: string): void {
  findStep(activePlaybook(snapshot), stepId);
  setCurrent(snapshot, stepId);
}

/** Ticks a manual check, with who, when and a note; ticking again replaces the tick. */
export function tickCheck(snapshot: Snapshot, request: Actor & { checkId: string; note?: string }): CheckTick {
  const { step, check } = findCheck(activePlaybook(snapshot), request.checkId);
  if (check.kind !== 'manual') throw new UserFacingError('invalid_input', `${check.id} is ${check.kind === 'question' ? 'a question: answer it' : 'automatic: it follows the findings'}, not ticked.`);
  const { by, at } = actor(request);
  const note = request.note?.trim() ?? '';
  snapshot.db.transaction(() => {
    snapshot.db
      .prepare(
        `INSERT INTO wizard_checks (check_id, step_id, rule_id, checked_by, checked_at, note) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (check_id) DO UPDATE SET checked_by = excluded.checked_by, checked_at = excluded.checked_at, note = excluded.note`,
      )
      .run(check.id, step.id, check.confirmsRule ?? null, by, at, note);
    setCurrent(snapshot, step.id);
    snapshot.audit(by, 'wizard.check', check.id, { step: step.id, note, confirmsRule: check.confirmsRule ?? null });
  })();
  return { by, at, note };
}

/** Unticks a manual check. Returns false when it was not ticked. */
export function untickCheck(snapshot: Snapshot, request: Actor & { checkId: string; note?: string }): boolean {
  const { step, check } = findCheck(activePlaybook(snapshot), request.checkId);
  const { by } = actor(request);
  return snapshot.db.transaction(() => {
    const previous = snapshot.db.prepare('SELECT checked_by AS by, checked_at AS at, note FROM wizard_checks WHERE check_id = ?').get(check.id);
    if (!previous) return false;
    snapshot.db.prepare('DELETE FROM wizard_checks WHERE check_id = ?').run(check.id);
    setCurrent(snapshot, step.id);
    snapshot.audit(by, 'wizard.uncheck', check.id, { step: step.id, note: request.note?.trim() ?? '', previous });
    return true;
  })();
}

/** Answers a question: records its tenant fact (typed by whom and when) and audits the answer. */
export function answerQuestion(snapshot: Snapshot, request: Actor & { questionId: string; value: string }): void {
  const { step, check } = findCheck(activePlaybook(snapshot), request.questionId);
  if (check.kind !== 'question') throw new UserFacingError('invalid_input', `${check.id} is not a question.`);
  snapshot.db.transaction(() => {
    setTenantFact(snapshot, { key: check.fact, value: request.value, by: request.by, questionId: check.id, now: request.now });
    setCurrent(snapshot, step.id);
  })();
}

/**
 * Opens a gated step despite what blocks it. Needs a written justification; the override, with
 * what was open at the time, is kept for the reports and audited.
 */
export function overrideGate(snapshot: Snapshot, request: Actor & { justification: string; stepId?: string; assessment?: Assessment }): OverrideRecord {
  const justification = request.justification.trim();
  if (justification.length < 10) throw new UserFacingError('invalid_input', 'An override needs a written justification (at least 10 characters) saying why the switch may go ahead.');
  const { by, at } = actor(request);
  const wizard = getWizard(snapshot, { now: request.now, assessment: request.assessment });
  const gate = request.stepId ? wizard.gates.find((candidate) => candidate.stepId === request.stepId) : wizard.gates[0];
  if (!gate) throw new UserFacingError('invalid_input', request.stepId ? `Step "${request.stepId}" is not gated.` : 'This playbook has no gated step.');
  if (gate.reasons.blockers.length === 0 && gate.reasons.checks.length === 0) throw new UserFacingError('invalid_input', `Nothing blocks step "${gate.stepId}"; there is nothing to override.`);
  const record: OverrideRecord = { stepId: gate.stepId, justification, by, at, openAtOverride: gate.reasons };
  snapshot.db.transaction(() => {
    snapshot.db
      .prepare(
        `INSERT INTO wizard_overrides (step_id, justification, overridden_by, overridden_at, open_at_override) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (step_id) DO UPDATE SET justification = excluded.justification, overridden_by = excluded.overridden_by,
           overridden_at = excluded.overridden_at, open_at_override = excluded.open_at_override`,
      )
      .run(gate.stepId, justification, by, at, JSON.stringify(gate.reasons));
    setCurrent(snapshot, gate.stepId);
    snapshot.audit(by, 'wizard.override', gate.stepId, { justification, open: gate.reasons });
  })();
  return record;
}

/**
 * Records the playbook's switch event (the tenant MDM authority changed) at `at`, now by
 * default; recording it again corrects the time. Refused while the recording step is blocked.
 */
export function recordSwitch(snapshot: Snapshot, request: Actor & { at?: Date; assessment?: Assessment }): RecordedEvent {
  const playbook = activePlaybook(snapshot);
  const { by, at: recordedAt } = actor(request);
  const at = (request.at ?? request.now ?? new Date()).toISOString();
  const step = playbook.phases.flatMap((phase) => phase.steps).find((candidate) => candidate.records === playbook.switchEvent)!;
  const gate = getWizard(snapshot, { now: request.now, assessment: request.assessment }).gates.find((candidate) => candidate.stepId === step.id);
  if (gate?.blocked) {
    const { blockers, checks } = gate.reasons;
    const first = [...blockers.map((blocker) => blocker.rule), ...checks.map((check) => check.checkId)].slice(0, 5);
    throw new UserFacingError(
      'invalid_input',
      `"${step.title}" is blocked by ${blockers.length} blocker finding(s) and ${checks.length} open required check(s) (${first.join(', ')}, …); resolve them or override with a justification.`,
    );
  }
  snapshot.db.transaction(() => {
    const previous = snapshot.db.prepare('SELECT at FROM wizard_events WHERE event_id = ?').get(playbook.switchEvent) ?? null;
    snapshot.db
      .prepare(
        `INSERT INTO wizard_events (event_id, at, recorded_by, recorded_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (event_id) DO UPDATE SET at = excluded.at, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at`,
      )
      .run(playbook.switchEvent, at, by, recordedAt);
    setCurrent(snapshot, step.id);
    snapshot.audit(by, 'wizard.switch', playbook.switchEvent, { at, previous });
  })();
  return { eventId: playbook.switchEvent, at, recordedBy: by, recordedAt };
}

/** Every sign-off, or one step's, oldest first (the printable checklist shows them). */
export function listSignOffs(snapshot: Snapshot, stepId?: string): SignOff[] {
  return snapshot.db
    .prepare(
      `SELECT step_id AS stepId, signed_by AS by, role, coalesce(note, '') AS note, signed_at AS at FROM sign_offs
       WHERE (:step IS NULL OR step_id = :step) ORDER BY signed_at, id`,
    )
    .all({ step: stepId ?? null }) as SignOff[];
}

/** Signs a step off (e.g. the consultant, then the customer); audited. */
export function signOffStep(snapshot: Snapshot, request: Actor & { stepId: string; role?: string; note?: string }): SignOff {
  const step = findStep(activePlaybook(snapshot), request.stepId);
  const { by, at } = actor(request);
  const signOff: SignOff = { stepId: step.id, by, role: request.role?.trim() || null, note: request.note?.trim() ?? '', at };
  snapshot.db.transaction(() => {
    snapshot.db.prepare('INSERT INTO sign_offs (step_id, signed_by, role, note, signed_at) VALUES (?, ?, ?, ?, ?)').run(step.id, by, signOff.role, signOff.note, at);
    snapshot.audit(by, 'wizard.signOff', step.id, { role: signOff.role, note: signOff.note });
  })();
  return signOff;
}

/** The recorded switch, or null before it. */
export function recordedSwitch(snapshot: Snapshot): RecordedEvent | null {
  return recordedEvents(snapshot).get(activePlaybook(snapshot).switchEvent) ?? null;
}
