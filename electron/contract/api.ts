import { z } from 'zod';
import { Assessment, ClearDecisionRequest, DecideRequest, DecisionKind, FindingItemsPage, FindingItemsRequest, ItemFinding } from './findings.js';
import { ImportKindInfo, ImportOutcome, ImportPath, ImportRunRequest, InspectedFile, RejectionRow } from './imports.js';
import { ImportLaterExportRequest, LaterExportBatch, ReportPdf, ReportPdfRequest, ReportPreview, SavedReportSet, SaveReportSetRequest } from './reports.js';
import type { ApiMethod } from './methods.js';
import { AddUsersRequest, AnswerRequest, ApnsConfirmRequest, CheckTick, CheckView, CreateWaveRequest, OverrideRecord, RecordedEvent, RecordSwitchRequest, RemoveUsersRequest, SetTenantFactRequest, SetWaveStateRequest, SwitchStatus, TenantFact, TickRequest, UserFilter, Wave, WaveDeviceRow, WaveFilterOptions, WaveTickRequest, WaveUserRow, WizardView, OverrideRequest, SignOff, SignOffRequest } from './wizard.js';

/**
 * The one typed contract between the renderer and the main-side services. Every request is
 * parsed with its schema at the boundary (ipc.ts in Electron, the bridge in tests) before a
 * handler runs; the TypeScript types below are inferred from the same schemas, so the checks
 * and the types cannot disagree. Payloads are plain JSON and lists come in pages.
 */

const NoRequest = z.object({}).strict();

export const MAX_PAGE_SIZE = 500;

const PageRequest = z.object({
  offset: z.number().int().min(0).max(10_000_000),
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE),
  search: z.string().max(200).optional(),
  sortDirection: z.enum(['asc', 'desc']).default('asc'),
});

export const AppInfo = z.object({
  appVersion: z.string(),
  schemaVersion: z.number().int(),
});

export const RecentSnapshot = z.object({
  path: z.string(),
  fileName: z.string(),
  customer: z.string(),
  openedAt: z.string(),
  exists: z.boolean(),
});

export const SnapshotSummary = z.object({
  path: z.string(),
  fileName: z.string(),
  customer: z.string(),
  consultant: z.string(),
  dataAsOf: z.string().nullable(),
  isDemo: z.boolean(),
  schemaVersion: z.number().int(),
});

const CountByKey = z.array(z.object({ key: z.string(), label: z.string(), count: z.number().int() }));

export const SnapshotOverview = z.object({
  summary: SnapshotSummary,
  createdAt: z.string(),
  createdByAppVersion: z.string(),
  lastWrittenAppVersion: z.string(),
  plannedSwitchDate: z.string().nullable(),
  tenant: z.object({
    name: z.string().nullable(),
    mdmAuthority: z.string().nullable(),
    cmSiteCode: z.string().nullable(),
    cmVersion: z.string().nullable(),
    subscriptionCollectionId: z.string().nullable(),
    subscriptionCollectionName: z.string().nullable(),
  }),
  users: z.object({ total: z.number().int(), inEntra: z.number().int(), demAccounts: z.number().int() }),
  devices: z.object({
    total: z.number().int(),
    byPlatform: CountByKey,
    bySource: CountByKey,
    /** MDM devices (ActiveSync-only records and ConfigMgr PC clients left out) with no primary user in any source. */
    withoutPrimaryUser: z.number().int(),
    /** MDM devices with a real category ("Unknown" and "Unassigned" mean none). */
    withCategory: z.number().int(),
    /** ActiveSync-only records and ConfigMgr PC clients: in the snapshot, outside what migrates. */
    outsideMdmScope: z.number().int(),
    /** Devices whose sources name different primary users. */
    ownerConflicts: z.number().int(),
  }),
  collections: z.object({ total: z.number().int(), withRules: z.number().int() }),
  categories: z.number().int(),
  appleTokens: z.object({
    apnsExpiresAt: z.string().nullable(),
    apnsAppleId: z.string().nullable(),
    depTokens: z.number().int(),
    vppTokens: z.number().int(),
  }),
  importBatches: z.number().int(),
});

export const DeviceRow = z.object({
  id: z.number().int(),
  name: z.string().nullable(),
  platform: z.string(),
  osVersion: z.string().nullable(),
  serialNumber: z.string().nullable(),
  primaryUserUpn: z.string().nullable(),
  enrollmentType: z.string().nullable(),
  ownership: z.string().nullable(),
  managementAgent: z.string().nullable(),
  category: z.string().nullable(),
  lastCheckIn: z.string().nullable(),
  compliance: z.string().nullable(),
  sources: z.array(z.string()),
  /** Who each source names as the primary user, e.g. "Intune: ada@contoso.com; ConfigMgr affinity: CONTOSO\\ada". */
  primaryUserSources: z.string().nullable(),
  /** The sources name different primary users. */
  ownerConflict: z.boolean(),
  /** An MDM device, the channel that migrates (not an ActiveSync-only record or a ConfigMgr PC client). */
  inMdmScope: z.boolean(),
});

export const DEVICE_SORT_COLUMNS = ['name', 'platform', 'serialNumber', 'primaryUserUpn', 'enrollmentType', 'category', 'lastCheckIn', 'compliance'] as const;

export const DevicePageRequest = PageRequest.extend({
  sortBy: z.enum(DEVICE_SORT_COLUMNS).default('name'),
  platform: z.string().max(40).optional(),
});

export const UserRow = z.object({
  id: z.number().int(),
  userPrincipalName: z.string().nullable(),
  displayName: z.string().nullable(),
  onPremisesAccount: z.string().nullable(),
  accountEnabled: z.boolean().nullable(),
  inEntra: z.boolean(),
  isDem: z.boolean(),
  devices: z.number().int(),
  licences: z.array(z.string()),
});

export const USER_SORT_COLUMNS = ['userPrincipalName', 'displayName', 'devices'] as const;

export const UserPageRequest = PageRequest.extend({
  sortBy: z.enum(USER_SORT_COLUMNS).default('userPrincipalName'),
});

function pageOf<T extends z.ZodType>(row: T) {
  return z.object({ total: z.number().int(), offset: z.number().int(), rows: z.array(row) });
}

/** A page as the wizard core returns it: readonly rows. */
function readonlyPageOf<T extends z.ZodType>(row: T) {
  return z.object({ total: z.number().int(), offset: z.number().int(), rows: z.array(row).readonly() });
}

/** A file the app wrote where the person chose, and how many data rows it holds. */
const WrittenFile = z.object({ path: z.string(), rows: z.number().int() });

/** A playbook id: lowercase words joined by hyphens. Whether it names a known playbook is the core's check. */
const PlaybookId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(60);

export const CreateSnapshotRequest = z.object({
  customer: z.string().trim().min(1, 'Customer name is required').max(200),
  consultant: z.string().trim().max(200).default(''),
  /** The migration this engagement is for; the default playbook when absent. */
  playbookId: PlaybookId.optional(),
});

/** A migration the wizard can guide, as the "New snapshot" dialog offers it. */
export const PlaybookSummary = z.object({ id: PlaybookId, title: z.string(), summary: z.string(), version: z.number().int(), phases: z.number().int() });

export const apiContract = {
  'app.info': { request: NoRequest, response: AppInfo },
  'snapshot.recent': { request: NoRequest, response: z.array(RecentSnapshot) },
  'snapshot.current': { request: NoRequest, response: SnapshotSummary.nullable() },
  'snapshot.openDemo': { request: NoRequest, response: SnapshotSummary },
  /** null when the person cancels the dialog. */
  'snapshot.openWithDialog': { request: NoRequest, response: SnapshotSummary.nullable() },
  'snapshot.createWithDialog': { request: CreateSnapshotRequest, response: SnapshotSummary.nullable() },
  /** The migrations a new snapshot can be for; the first is the default. */
  'playbooks.list': { request: NoRequest, response: z.array(PlaybookSummary) },
  /** Only paths already in the recent list are accepted: the renderer never invents paths. */
  'snapshot.openRecent': { request: z.object({ path: z.string().min(1).max(4096) }), response: SnapshotSummary },
  'snapshot.close': { request: NoRequest, response: z.null() },
  'snapshot.overview': { request: NoRequest, response: SnapshotOverview },
  'devices.page': { request: DevicePageRequest, response: pageOf(DeviceRow) },
  'users.page': { request: UserPageRequest, response: pageOf(UserRow) },
  /** Writes every row of a data-browser view (its search and sort, no paging) to a CSV file the person picks; null if they cancel. */
  'devices.exportCsv': { request: DevicePageRequest.omit({ offset: true, limit: true }), response: WrittenFile.nullable() },
  'users.exportCsv': { request: UserPageRequest.omit({ offset: true, limit: true }), response: WrittenFile.nullable() },
  /** Runs every readiness rule; the stale-device threshold applies to later item calls too. */
  'findings.assess': { request: z.object({ staleDays: z.number().int().min(1).max(365).optional() }), response: Assessment },
  'findings.items': { request: FindingItemsRequest, response: FindingItemsPage },
  'findings.decide': {
    request: DecideRequest,
    response: z.object({ rule: z.string(), itemKey: z.string(), decision: DecisionKind, note: z.string(), decidedBy: z.string(), decidedAt: z.string() }),
  },
  'findings.clearDecision': { request: ClearDecisionRequest, response: z.boolean() },
  'findings.forDevice': { request: z.object({ deviceId: z.number().int().min(1) }), response: z.array(ItemFinding) },
  'findings.forUser': { request: z.object({ userId: z.number().int().min(1) }), response: z.array(ItemFinding) },
  /** Writes every item of one finding to a CSV file the person picks; null if they cancel. */
  'findings.exportCsv': { request: z.object({ rule: FindingItemsRequest.shape.rule }), response: WrittenFile.nullable() },
  /** The report model's headline figures for the Reports page (hashes and assesses the snapshot). */
  'reports.preview': { request: NoRequest, response: ReportPreview },
  /** Writes the report set into a folder the person picks; null if they cancel. */
  'reports.saveSet': { request: SaveReportSetRequest, response: SavedReportSet.nullable() },
  /** One PDF of the report set, rendered for the page's preview and print. */
  'reports.pdf': { request: ReportPdfRequest, response: ReportPdf },
  /** Writes one PDF where the person picks (the bytes `mdm-migrate report` writes); null if they cancel. */
  'reports.savePdf': { request: ReportPdfRequest, response: z.object({ path: z.string() }).nullable() },
  /** Asks for a later Intune export and keeps it beside the baseline as a new batch (`job.progress` events); null if cancelled. */
  'reports.importLaterExport': { request: ImportLaterExportRequest, response: LaterExportBatch.nullable() },
  /** Writes each baseline device's state in one later export to a CSV file the person picks; null if they cancel. */
  'reports.exportReconciliation': { request: z.object({ batchId: z.number().int().min(1) }), response: WrittenFile.nullable() },
  'import.kinds': { request: NoRequest, response: z.array(ImportKindInfo) },
  /** Opens the file dialog and inspects what was picked; null if cancelled. */
  'import.chooseFiles': { request: NoRequest, response: z.array(InspectedFile).nullable() },
  /** Inspects dropped files: detected kind and row count, nothing written. */
  'import.inspect': { request: z.object({ paths: z.array(ImportPath).min(1).max(200) }), response: z.array(InspectedFile) },
  /** Imports in one transaction; `job.progress` events report bytes read. */
  'import.run': { request: ImportRunRequest, response: ImportOutcome },
  'import.cancel': { request: ImportRunRequest.pick({ jobId: true }), response: z.boolean() },
  'import.rejections': {
    request: z.object({ batchId: z.number().int().min(1), offset: z.number().int().min(0), limit: z.number().int().min(1).max(MAX_PAGE_SIZE) }),
    response: pageOf(RejectionRow),
  },
  'import.exportRejections': { request: z.object({ batchId: z.number().int().min(1).optional() }), response: WrittenFile.nullable() },
  'import.saveTemplate': { request: z.object({ name: z.string().regex(/^[a-z0-9-]{2,60}$/) }), response: WrittenFile.nullable() },
  /** Runs an assessment (about 0.5 s at 250,000 devices) and renders the playbook with every check's state. */
  'wizard.get': { request: NoRequest, response: WizardView },
  /** Remembers where the consultant is, so reopening the snapshot lands there. */
  'wizard.goToStep': { request: z.object({ stepId: z.string().min(1).max(120) }), response: z.null() },
  'wizard.tick': { request: TickRequest, response: CheckTick },
  /** false when the check was not ticked. */
  'wizard.untick': { request: TickRequest, response: z.boolean() },
  /** Records the question's tenant fact, typed by `by` now; '' clears it. */
  'wizard.answer': { request: AnswerRequest, response: TenantFact },
  'wizard.override': { request: OverrideRequest, response: OverrideRecord },
  /** A sign-off of a step (the consultant, then the customer …); several are kept. */
  'wizard.signOff': { request: SignOffRequest, response: SignOff },
  /** Refused while the gated step is blocked; again to correct the time. */
  'wizard.recordSwitch': { request: RecordSwitchRequest, response: RecordedEvent },
  'wizard.switchStatus': { request: NoRequest, response: SwitchStatus },
  'wizard.confirmApns': { request: ApnsConfirmRequest, response: z.object({ by: z.string(), at: z.string(), note: z.string() }) },
  /** Writes the deadlines as an .ics file the person picks; null if they cancel. */
  'wizard.saveCalendar': { request: NoRequest, response: z.object({ path: z.string(), events: z.number().int() }).nullable() },
  'tenant.facts': { request: NoRequest, response: z.array(TenantFact).readonly() },
  'tenant.set': { request: SetTenantFactRequest, response: TenantFact },
  'waves.list': { request: NoRequest, response: z.array(Wave).readonly() },
  'waves.create': { request: CreateWaveRequest, response: Wave },
  'waves.delete': { request: z.object({ waveId: z.number().int().min(1), by: z.string().trim().min(1).max(200) }), response: z.null() },
  /** What the user filters can choose from: user collections, platforms, user and device rules. */
  'waves.filterOptions': { request: NoRequest, response: WaveFilterOptions },
  'waves.users': {
    request: UserFilter.extend({ offset: z.number().int().min(0).max(10_000_000), limit: z.number().int().min(1).max(MAX_PAGE_SIZE) }),
    response: readonlyPageOf(WaveUserRow),
  },
  'waves.addUsers': { request: AddUsersRequest, response: z.object({ added: z.number().int(), skipped: z.number().int() }) },
  'waves.removeUsers': { request: RemoveUsersRequest, response: z.number().int() },
  /** Devices that move with the wave's users, or (moving: false) those that will not, with the rule that keeps each. */
  'waves.devices': {
    request: z.object({ waveId: z.number().int().min(1), moving: z.boolean(), offset: z.number().int().min(0).max(10_000_000), limit: z.number().int().min(1).max(MAX_PAGE_SIZE) }),
    response: readonlyPageOf(WaveDeviceRow).extend({ remediations: z.record(z.string(), z.object({ title: z.string(), remediation: z.array(z.string()).readonly() })) }),
  },
  'waves.checklist': { request: z.object({ waveId: z.number().int().min(1) }), response: z.array(CheckView).readonly() },
  'waves.tick': { request: WaveTickRequest, response: CheckTick },
  'waves.untick': { request: WaveTickRequest, response: z.boolean() },
  /** planned → moved (at a time, now by default) → verified, or back to planned. */
  'waves.setState': { request: SetWaveStateRequest, response: Wave },
} as const satisfies Record<ApiMethod, { request: z.ZodType; response: z.ZodType }>;

export type ApiContract = typeof apiContract;
export type ApiRequest<M extends ApiMethod> = z.input<ApiContract[M]['request']>;
export type ParsedRequest<M extends ApiMethod> = z.output<ApiContract[M]['request']>;
export type ApiResponse<M extends ApiMethod> = z.output<ApiContract[M]['response']>;

export type AppInfo = z.output<typeof AppInfo>;
export type RecentSnapshot = z.output<typeof RecentSnapshot>;
export type SnapshotSummary = z.output<typeof SnapshotSummary>;
export type PlaybookSummary = z.output<typeof PlaybookSummary>;
export type SnapshotOverview = z.output<typeof SnapshotOverview>;
export type DeviceRow = z.output<typeof DeviceRow>;
export type UserRow = z.output<typeof UserRow>;
export type DeviceSortColumn = (typeof DEVICE_SORT_COLUMNS)[number];
export type UserSortColumn = (typeof USER_SORT_COLUMNS)[number];
