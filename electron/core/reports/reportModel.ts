import { APP_VERSION } from '../appVersion.js';
import { reconcileSnapshot, type BatchReconciliation } from '../reconciliation/index.js';
import { explainFinding, iterateFindingItems, type Assessment, type FindingItem, type FindingSummary, type ItemKindName, type Severity } from '../rules/index.js';
import { SEVERITIES } from '../rules/types.js';
import type { Snapshot } from '../snapshot/openSnapshot.js';
import {
  activePlaybook,
  assessForWizard,
  getWizard,
  listOverrides,
  listTenantFacts,
  listWaves,
  pageWaveDevices,
  snapshotApnsReminder,
  snapshotCalendar,
  snapshotTimeline,
  type OverrideRecord,
  type PhaseView,
  type SignOff,
  type StepView,
  type WaveState,
} from '../wizard/index.js';
import { Redactor, redactionKeyOf } from './redaction.js';
import { PRIORITY_LISTS, REPORT_FILES } from './reportFiles.js';
import { iterateDecisions, redactFindingItem, type ListOptions, type ReportDecision } from './reportRows.js';
import { snapshotContentHash } from './snapshotHash.js';

/** Version of the report model and of report.json's `report` object; raised when a field changes meaning. */
export const REPORT_FORMAT = 1;

export interface ReportOptions {
  /** Pseudonymise UPNs, names, device names, serials, IMEIs and Apple IDs (redaction.ts). */
  readonly redact?: boolean;
  /** Rows of each list the PDF holds; the workbook and the CSVs hold them all. Default 15. */
  readonly previewRows?: number;
  /** DEV_OFFLINE_STALE threshold, as `assess --stale-days`. */
  readonly staleDays?: number;
}

/** A finding as `assess` summarises it; `why` is the one paragraph `assess --json` gives (explainFinding). */
export type ReportFinding = Omit<FindingSummary, 'family' | 'conflict'>;

/** A finding with items, and the workbook sheet and the CSV file that hold every one. */
export interface ListPlace {
  readonly rule: string;
  readonly itemType: ItemKindName;
  readonly sheet: string;
  readonly csv: string;
}

/** One finding's items as the PDF shows them: the first rows, and where the rest are. */
export interface FlaggedList extends ListPlace, Pick<ReportFinding, 'severity' | 'title' | 'count' | 'openCount' | 'remediation'> {
  readonly rows: readonly FindingItem[];
  /** Items not in `rows`. */
  readonly more: number;
}

export interface ReportCheck {
  readonly id: string;
  readonly label: string;
  readonly kind: 'automatic' | 'manual' | 'question';
  readonly required: boolean;
  readonly state: 'done' | 'open' | 'unknown';
  readonly detail: string;
  /** Manual checks: who ticked it, when, and the note. */
  readonly by: string | null;
  readonly at: string | null;
  readonly note: string | null;
}

export interface ReportStep extends Pick<StepView, 'id' | 'title' | 'state' | 'done' | 'total'> {
  readonly checks: readonly ReportCheck[];
  /** The event this step records (the switch), once recorded. */
  readonly recorded: { readonly at: string; readonly by: string } | null;
  /** Gated steps: closed, and why. */
  readonly blocked: boolean;
  /** Who signed the step off (consultant, customer …), oldest first. */
  readonly signOffs: readonly Omit<SignOff, 'stepId'>[];
}

export interface ReportPhase extends Omit<PhaseView, 'steps'> {
  readonly steps: readonly ReportStep[];
}

export interface ReportOverride extends Pick<OverrideRecord, 'stepId' | 'justification' | 'by' | 'at'> {
  readonly stepTitle: string;
  /** Blocker rules and required checks that were open when the gate was overridden. */
  readonly openBlockers: readonly string[];
  readonly openChecks: readonly string[];
}

export interface ReportWave {
  readonly id: number;
  readonly name: string;
  readonly pilot: boolean;
  readonly state: WaveState;
  readonly movedAt: string | null;
  readonly verifiedAt: string | null;
  readonly users: number;
  readonly movingDevices: number;
  /** Devices of its users that do not move with them (userless, DEM-enrolled …). */
  readonly nonMovingDevices: number;
}

export interface ReportDeadline {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly kind: 'at' | 'by';
  /** Null while the event it is measured from is not recorded. */
  readonly at: string | null;
  /** Relative to the report date. */
  readonly status: 'waiting' | 'upcoming' | 'passed';
  /** What it waits for, while `at` is null. */
  readonly after: string | null;
  readonly sources: readonly string[];
}

export interface ReportApns {
  readonly appleId: string | null;
  readonly topic: string | null;
  readonly expiresAt: string | null;
  /** Whole days from the report date to expiry; negative once expired. */
  readonly daysLeft: number | null;
  readonly graceEndsAt: string | null;
  readonly renewalRule: string;
  readonly sources: readonly string[];
  readonly confirmation: { readonly by: string; readonly at: string; readonly note: string } | null;
}

export interface ImportBatchRow {
  readonly id: number;
  readonly fileName: string;
  readonly kind: string;
  readonly source: string;
  readonly sha256: string;
  readonly rowsAccepted: number;
  readonly rowsRejected: number;
  readonly startedAt: string;
}

/**
 * Everything a report shows, as plain data (safe for IPC and JSON). Lists stay out of it: they
 * stream from SQL through ReportData's iterators. Built once per report set; every writer
 * renders from it, so the PDF, the workbook, the CSVs and the JSON show the same figures.
 */
export interface ReportModel {
  readonly format: typeof REPORT_FORMAT;
  readonly meta: {
    readonly generator: string;
    readonly appVersion: string;
    readonly schemaVersion: number;
    /** snapshotContentHash: sha256 of the snapshot's content. */
    readonly snapshotHash: string;
    /**
     * The date the report is of: the later of the data date and the snapshot's last recorded
     * change (audit log). Taken from the snapshot, never the clock, so the same snapshot gives
     * the same report; deadlines and the APNs countdown are measured from it.
     */
    readonly reportDate: string;
    readonly redacted: boolean;
    readonly staleDays: number;
  };
  readonly engagement: {
    readonly customer: string;
    readonly consultant: string;
    readonly dataAsOf: string | null;
    readonly plannedSwitchDate: string | null;
    readonly isDemo: boolean;
  };
  readonly tenantFacts: readonly { readonly key: string; readonly label: string; readonly value: string | null; readonly source: string | null }[];
  readonly inventory: {
    readonly devices: number;
    readonly users: number;
    readonly collections: number;
    readonly devicesByPlatform: readonly { readonly platform: string; readonly count: number }[];
  };
  readonly readiness: {
    /** Findings with open items, per severity (as `assess` counts them). */
    readonly findingsBySeverity: Readonly<Record<Severity, number>>;
    /** Open items, per severity. */
    readonly openItemsBySeverity: Readonly<Record<Severity, number>>;
    readonly notEvaluated: number;
    /** Blocker findings with open items or not evaluated: each keeps the switch closed. */
    readonly blocksSwitch: readonly { readonly rule: string; readonly title: string; readonly openCount: number; readonly evaluated: boolean }[];
    /** Every rule, blockers first (assessment order). */
    readonly findings: readonly ReportFinding[];
  };
  /** Findings with items, DEV_USERLESS and DEV_DEVICE_CATEGORY first, then in assessment order. */
  readonly lists: readonly FlaggedList[];
  readonly decisions: {
    readonly total: number;
    readonly acceptedRisk: number;
    readonly resolvedOutside: number;
    /** The newest first; at most `previewRows * 2`. The workbook's Decisions sheet holds every one. */
    readonly rows: readonly ReportDecision[];
  };
  readonly wizard: {
    readonly playbook: { readonly id: string; readonly version: number; readonly title: string };
    readonly progress: { readonly done: number; readonly total: number; readonly requiredOpen: number };
    readonly currentStepId: string;
    readonly phases: readonly ReportPhase[];
    readonly switchRecorded: { readonly at: string; readonly by: string } | null;
  };
  readonly overrides: readonly ReportOverride[];
  readonly waves: readonly ReportWave[];
  /** Each later export kept beside the baseline: what became of the baseline's devices, per wave. */
  readonly reconciliation: readonly BatchReconciliation[];
  readonly timeline: readonly ReportDeadline[];
  readonly apns: ReportApns | null;
  readonly imports: readonly ImportBatchRow[];
}

/** A report's model, and its calendar. */
export interface ReportData {
  readonly model: ReportModel;
  /** deadlines.ics, stamped with the report date. */
  calendar(): string;
}

/**
 * What the lists of a report need, known before the rest of the model: the date and threshold
 * the items are selected with, the redaction key, and the findings in report order. buildReport
 * hands it on as soon as it has it (`onOutline`), so the lists can start streaming while the
 * content hash and the wizard view are still being built.
 */
export interface ReportOutline extends ListOptions {  /** Every rule, as the model's `readiness.findings`. */
  readonly findings: readonly ReportFinding[];
  /** The findings with items, in the order of the model's `lists`. */
  readonly lists: readonly ListPlace[];
}

const DEFAULT_PREVIEW_ROWS = 15;
const DAY_MS = 86_400_000;

/** Builds the report model of a snapshot; `onOutline` gets what the lists need as soon as it is known. */
export function buildReport(snapshot: Snapshot, options: ReportOptions = {}, onOutline?: (outline: ReportOutline) => void): ReportData {
  const db = snapshot.db;
  const previewRows = options.previewRows ?? DEFAULT_PREVIEW_ROWS;
  const redactionKey = options.redact ? redactionKeyOf(snapshot) : null;
  const redactor = redactionKey === null ? null : new Redactor(redactionKey);
  const text = (value: string | null) => (redactor ? redactor.text(value) : value);

  const engagementRow = db.prepare('SELECT customer, consultant, data_as_of AS dataAsOf, planned_switch_date AS plannedSwitchDate, is_demo AS isDemo FROM engagement WHERE id = 1').get() as
    | { customer: string; consultant: string; dataAsOf: string | null; plannedSwitchDate: string | null; isDemo: number }
    | undefined;
  const lastChange = (db.prepare('SELECT max(at) AS at FROM audit_log').get() as { at: string | null }).at;
  const reportDate = latest([engagementRow?.dataAsOf ?? null, lastChange]) ?? new Date(0).toISOString();
  const now = new Date(reportDate);
  const assessOptions = { staleDays: options.staleDays, now };
  // The wizard's assessment names the checks that can confirm a rule the data cannot evaluate.
  const assessment = assessForWizard(snapshot, assessOptions);
  const redactItem = (item: FindingItem): FindingItem => (redactor ? redactFindingItem(redactor, item) : item);
  const findings: ReportFinding[] = assessment.findings.map((finding) => ({
    rule: finding.rule,
    severity: finding.severity,
    title: finding.title,
    why: explainFinding(finding),
    remediation: finding.remediation,
    sources: finding.sources,
    evaluated: finding.evaluated,
    needs: finding.needs,
    itemType: finding.itemType,
    count: finding.count,
    decidedCount: finding.decidedCount,
    openCount: finding.openCount,
    confirmation: finding.confirmation ? { ...finding.confirmation, confirmedBy: text(finding.confirmation.confirmedBy) ?? '', note: text(finding.confirmation.note) ?? '' } : null,
  }));
  const listed = listedFindings(assessment);
  onOutline?.({ reportDate, staleDays: assessment.staleDays, redactionKey, findings, lists: listed.map(listPlace) });
  // Computed once the outline has gone out: the lists worker starts on the items meanwhile.
  const snapshotHash = snapshotContentHash(snapshot);

  const lists = flaggedLists(listed, previewRows, (rule) => iterateFindingItems(snapshot, rule, assessOptions), redactItem);
  const wizard = getWizard(snapshot, { assessment, now });
  const steps = new Map(wizard.phases.flatMap((phase) => phase.steps.map((step) => [step.id, step.title] as const)));
  const apns = snapshotApnsReminder(snapshot, now);
  const switchEvent = wizard.events.find((event) => event.eventId === activePlaybook(snapshot).switchEvent);

  const model: ReportModel = {
    format: REPORT_FORMAT,
    meta: {
      generator: 'MDM Migration Assistant',
      appVersion: APP_VERSION,
      schemaVersion: snapshot.schemaVersion,
      snapshotHash,
      reportDate,
      redacted: redactor !== null,
      staleDays: assessment.staleDays,
    },
    engagement: {
      customer: engagementRow?.customer ?? '',
      consultant: engagementRow?.consultant ?? '',
      dataAsOf: engagementRow?.dataAsOf ?? null,
      plannedSwitchDate: engagementRow?.plannedSwitchDate ?? null,
      isDemo: engagementRow?.isDemo === 1,
    },
    tenantFacts: listTenantFacts(snapshot).map((fact) => ({ key: fact.key, label: fact.label, value: text(fact.value), source: fact.source })),
    inventory: inventory(snapshot),
    readiness: {
      findingsBySeverity: assessment.bySeverity,
      openItemsBySeverity: Object.fromEntries(
        SEVERITIES.map((severity) => [severity, assessment.findings.filter((f) => f.evaluated && f.severity === severity).reduce((sum, f) => sum + f.openCount, 0)]),
      ) as Record<Severity, number>,
      notEvaluated: assessment.notEvaluated,
      blocksSwitch: assessment.findings
        .filter((finding) => finding.severity === 'blocker' && (!finding.evaluated || finding.openCount > 0))
        .map((finding) => ({ rule: finding.rule, title: finding.title, openCount: finding.openCount, evaluated: finding.evaluated })),
      findings,
    },
    lists,
    decisions: { ...decisionCounts(snapshot), rows: [...iterateDecisions(snapshot, previewRows * 2, redactor)] },
    wizard: {
      playbook: { id: wizard.playbook.id, version: wizard.playbook.version, title: wizard.playbook.title },
      progress: wizard.progress,
      currentStepId: wizard.currentStepId,
      switchRecorded: switchEvent ? redactEvent(switchEvent, text) : null,
      phases: wizard.phases.map((phase) => ({
        id: phase.id,
        title: phase.title,
        summary: phase.summary,
        state: phase.state,
        done: phase.done,
        total: phase.total,
        steps: phase.steps.map((step) => ({
          id: step.id,
          title: step.title,
          state: step.state,
          done: step.done,
          total: step.total,
          blocked: step.gate?.blocked ?? false,
          recorded: step.recorded ? redactEvent(step.recorded, text) : null,
          signOffs: step.signOffs.map((signOff) => ({ by: text(signOff.by) ?? '', role: signOff.role, at: signOff.at, note: text(signOff.note) ?? '' })),
          checks: step.checks.map((check) => ({
            id: check.id,
            label: check.label,
            kind: check.kind,
            required: check.required,
            state: check.state,
            detail: text(check.detail) ?? '',
            by: text(check.tick?.by ?? null),
            at: check.tick?.at ?? null,
            note: text(check.tick?.note ?? null),
          })),
        })),
      })),
    },
    overrides: listOverrides(snapshot).map((override) => ({
      stepId: override.stepId,
      stepTitle: steps.get(override.stepId) ?? override.stepId,
      justification: text(override.justification) ?? '',
      by: text(override.by) ?? '',
      at: override.at,
      openBlockers: override.openAtOverride.blockers.map((blocker) => blocker.rule),
      openChecks: override.openAtOverride.checks.map((check) => check.label),
    })),
    reconciliation: reconcileSnapshot(snapshot),
    waves: listWaves(snapshot).map((wave) => ({
      id: wave.id,
      name: wave.name,
      pilot: wave.isPilot,
      state: wave.state,
      movedAt: wave.movedAt,
      verifiedAt: wave.verifiedAt,
      users: wave.userCount,
      movingDevices: pageWaveDevices(snapshot, { waveId: wave.id, moving: true, limit: 1 }).total,
      nonMovingDevices: pageWaveDevices(snapshot, { waveId: wave.id, moving: false, limit: 1 }).total,
    })),
    timeline: snapshotTimeline(snapshot, now).map((entry) => ({
      id: entry.id,
      label: entry.label,
      description: entry.description,
      kind: entry.kind,
      at: entry.at,
      status: entry.status,
      after: entry.at === null ? entry.countdown.replace(/^after: /, '') : null,
      sources: entry.sources,
    })),
    apns: apns.expiresAt === null && apns.appleId === null && apns.topic === null
      ? null
      : {
          appleId: redactor ? redactor.value('user', apns.appleId) : apns.appleId,
          topic: apns.topic,
          expiresAt: apns.expiresAt,
          daysLeft: apns.expiresAt === null ? null : Math.floor((Date.parse(apns.expiresAt) - now.getTime()) / DAY_MS),
          graceEndsAt: apns.graceEndsAt,
          renewalRule: apns.renewalRule,
          sources: apns.sources,
          confirmation: apns.confirmation ? { ...apns.confirmation, by: text(apns.confirmation.by) ?? '', note: text(apns.confirmation.note) ?? '' } : null,
        },
    imports: db
      .prepare(
        `SELECT id, file_name AS fileName, kind, source, sha256, rows_accepted AS rowsAccepted, rows_rejected AS rowsRejected, started_at AS startedAt
         FROM import_batches ORDER BY id`,
      )
      .all() as ImportBatchRow[],
  };

  return { model, calendar: () => snapshotCalendar(snapshot, now) };
}

function latest(dates: readonly (string | null)[]): string | null {
  const times = dates.filter((date): date is string => date !== null).map((date) => Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date)).filter((time) => !Number.isNaN(time));
  return times.length > 0 ? new Date(Math.max(...times)).toISOString() : null;
}

function redactEvent(event: { at: string; recordedBy: string }, text: (value: string | null) => string | null) {
  return { at: event.at, by: text(event.recordedBy) ?? '' };
}

/** The findings with items, DEV_USERLESS and DEV_DEVICE_CATEGORY first, then in assessment order. */
function listedFindings(assessment: Assessment): Assessment['findings'] {
  const priority = new Map(PRIORITY_LISTS.map((list, index) => [list.rule, index]));
  const withItems = assessment.findings.filter((finding) => finding.evaluated && finding.count > 0 && finding.itemType !== null);
  return [...withItems].sort((a, b) => (priority.get(a.rule) ?? priority.size) - (priority.get(b.rule) ?? priority.size));
}

function listPlace(finding: Assessment['findings'][number]): ListPlace {
  return {
    rule: finding.rule,
    itemType: finding.itemType!,
    sheet: finding.rule,
    csv: PRIORITY_LISTS.find((list) => list.rule === finding.rule)?.csv ?? REPORT_FILES.findingsCsv,
  };
}

function flaggedLists(
  listed: Assessment['findings'],
  previewRows: number,
  items: (rule: string) => Iterable<FindingItem>,
  redact: (item: FindingItem) => FindingItem,
): FlaggedList[] {
  return listed.map((finding) => {
    const rows: FindingItem[] = [];
    // Leaving the loop early closes the SQLite iterator, so only the preview rows are read.
    for (const item of items(finding.rule)) {
      if (rows.length >= previewRows) break;
      rows.push(redact(item));
    }
    return {
      ...listPlace(finding),
      severity: finding.severity,
      title: finding.title,
      count: finding.count,
      openCount: finding.openCount,
      remediation: finding.remediation,
      rows,
      more: finding.count - rows.length,
    };
  });
}

function inventory(snapshot: Snapshot): ReportModel['inventory'] {
  const count = (table: 'devices' | 'users' | 'collections') => (snapshot.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    devices: count('devices'),
    users: count('users'),
    collections: count('collections'),
    devicesByPlatform: snapshot.db.prepare('SELECT platform, count(*) AS count FROM devices GROUP BY platform ORDER BY count DESC, platform').all() as {
      platform: string;
      count: number;
    }[],
  };
}

function decisionCounts(snapshot: Snapshot): { total: number; acceptedRisk: number; resolvedOutside: number } {
  return snapshot.db
    .prepare(
      `SELECT count(*) AS total, count(*) FILTER (WHERE decision = 'accepted_risk') AS acceptedRisk,
              count(*) FILTER (WHERE decision = 'resolved_outside') AS resolvedOutside FROM finding_decisions`,
    )
    .get() as { total: number; acceptedRisk: number; resolvedOutside: number };
}
