import type { FindingItem, ItemKindName } from '../rules/index.js';
import type { Snapshot } from '../snapshot/openSnapshot.js';
import { REDACTED_MARK } from './findingsCsv.js';
import { DECISION_LABEL, SEVERITY_LABEL } from './labels.js';
import type { Redactor } from './redaction.js';
import type { ImportBatchRow, ListPlace, ReportFinding, ReportModel, ReportWave } from './reportModel.js';
import { iterateDevices, iterateUsers, type DeviceRow, type ReportDecision, type UserRow } from './reportRows.js';
import type { PreparedSheet, XlsxCell as Cell, XlsxSheet, XlsxWriter } from './xlsx/xlsxWriter.js';

interface SheetColumn<Row> {
  readonly header: string;
  /** Characters; Excel's unit. */
  readonly width: number;
  readonly value: (row: Row) => Cell;
}

/** The decision as one cell: the Decisions sheet holds its parts apart. */
const decisionCell = (item: FindingItem): Cell => (item.decision ? `${DECISION_LABEL[item.decision.decision]}: ${item.decision.note}` : null);

/** Columns of a finding's sheet, per item kind: what a consultant filters and sorts on. */
const ITEM_COLUMNS: Readonly<Record<ItemKindName, readonly SheetColumn<FindingItem>[]>> = {
  device: [
    { header: 'Item key', width: 14, value: (i) => i.key },
    { header: 'Device name', width: 24, value: (i) => i.name },
    { header: 'Serial number', width: 18, value: (i) => (i.type === 'device' ? i.serialNumber : null) },
    { header: 'Platform', width: 10, value: (i) => (i.type === 'device' ? i.platform : null) },
    { header: 'User principal name', width: 30, value: (i) => (i.type === 'device' ? i.userPrincipalName : null) },
    { header: 'Last check-in', width: 22, value: (i) => (i.type === 'device' ? i.lastCheckIn : null) },
    { header: 'ConfigMgr resource ID', width: 12, value: (i) => (i.type === 'device' ? i.cmResourceId : null) },
    { header: 'Detail', width: 48, value: (i) => i.detail },
    { header: 'Decision', width: 40, value: decisionCell },
  ],
  user: [
    { header: 'Item key', width: 12, value: (i) => i.key },
    { header: 'Name', width: 26, value: (i) => i.name },
    { header: 'User principal name', width: 32, value: (i) => (i.type === 'user' ? i.userPrincipalName : null) },
    { header: 'On-premises account', width: 24, value: (i) => (i.type === 'user' ? i.onPremisesAccount : null) },
    { header: 'ConfigMgr resource ID', width: 12, value: (i) => (i.type === 'user' ? i.cmResourceId : null) },
    { header: 'Detail', width: 48, value: (i) => i.detail },
    { header: 'Decision', width: 40, value: decisionCell },
  ],
  collection: [
    { header: 'Collection ID', width: 14, value: (i) => (i.type === 'collection' ? i.id : null) },
    { header: 'Name', width: 36, value: (i) => i.name },
    { header: 'Type', width: 10, value: (i) => (i.type === 'collection' ? i.collectionType : null) },
    { header: 'Members', width: 10, value: (i) => (i.type === 'collection' ? i.memberCount : null) },
    { header: 'Detail', width: 48, value: (i) => i.detail },
    { header: 'Decision', width: 40, value: decisionCell },
  ],
  tenant: [
    { header: 'Tenant', width: 30, value: (i) => i.name },
    { header: 'Detail', width: 70, value: (i) => i.detail },
    { header: 'Decision', width: 40, value: decisionCell },
  ],
  apnsCertificate: appleColumns(),
  depToken: appleColumns(),
  vppToken: appleColumns(),
};

function appleColumns(): SheetColumn<FindingItem>[] {
  const apple = (item: FindingItem) => (item.type === 'apnsCertificate' || item.type === 'depToken' || item.type === 'vppToken' ? item : null);
  return [
    { header: 'Name', width: 36, value: (i) => i.name },
    { header: 'Apple ID', width: 30, value: (i) => apple(i)?.appleId ?? null },
    { header: 'Expires', width: 22, value: (i) => apple(i)?.expiresAt ?? null },
    { header: 'Detail', width: 48, value: (i) => i.detail },
    { header: 'Decision', width: 40, value: decisionCell },
  ];
}

/** report.xlsx's sheets: their columns, and the rows each reads (reportLists.ts writes them). */
const FINDING_COLUMNS: readonly SheetColumn<ReportFinding>[] = [
  { header: 'Severity', width: 10, value: (f) => SEVERITY_LABEL[f.severity] },
  { header: 'Rule', width: 30, value: (f) => f.rule },
  { header: 'Title', width: 70, value: (f) => f.title },
  { header: 'Evaluated', width: 10, value: (f) => (f.evaluated ? 'yes' : 'no') },
  { header: 'Items', width: 9, value: (f) => (f.evaluated ? f.count : null) },
  { header: 'Decided', width: 9, value: (f) => (f.evaluated ? f.decidedCount : null) },
  { header: 'Open', width: 9, value: (f) => (f.evaluated ? f.openCount : null) },
  { header: 'Not evaluated: needs', width: 60, value: (f) => f.needs },
];

const DEVICE_COLUMNS: readonly SheetColumn<DeviceRow>[] = [
  { header: 'Device ID', width: 10, value: (d) => d.id },
  { header: 'Device name', width: 24, value: (d) => d.name },
  { header: 'Serial number', width: 18, value: (d) => d.serialNumber },
  { header: 'IMEI', width: 17, value: (d) => d.imei },
  { header: 'Platform', width: 10, value: (d) => d.platform },
  { header: 'OS version', width: 11, value: (d) => d.osVersion },
  { header: 'Ownership', width: 11, value: (d) => d.ownership },
  { header: 'Enrollment type', width: 24, value: (d) => d.enrollmentType },
  { header: 'Category', width: 16, value: (d) => d.category },
  { header: 'Primary user', width: 30, value: (d) => d.userPrincipalName },
  { header: 'Last check-in', width: 22, value: (d) => d.lastCheckIn },
  { header: 'Intune device ID', width: 38, value: (d) => d.intuneDeviceId },
];

const USER_COLUMNS: readonly SheetColumn<UserRow>[] = [
  { header: 'User ID', width: 9, value: (u) => u.id },
  { header: 'User principal name', width: 32, value: (u) => u.userPrincipalName },
  { header: 'Display name', width: 26, value: (u) => u.displayName },
  { header: 'On-premises account', width: 24, value: (u) => u.onPremisesAccount },
  { header: 'In Entra', width: 9, value: (u) => (u.inEntra ? 'yes' : 'no') },
  { header: 'INTUNE_A enabled', width: 10, value: (u) => (u.intuneLicensed ? 'yes' : 'no') },
  { header: 'Devices', width: 9, value: (u) => u.devices },
  { header: 'Wave', width: 18, value: (u) => u.wave },
];

const WAVE_COLUMNS: readonly SheetColumn<ReportWave>[] = [
  { header: 'Wave', width: 24, value: (w) => w.name },
  { header: 'Pilot', width: 7, value: (w) => (w.pilot ? 'yes' : 'no') },
  { header: 'State', width: 10, value: (w) => w.state },
  { header: 'Users', width: 9, value: (w) => w.users },
  { header: 'Devices moving', width: 10, value: (w) => w.movingDevices },
  { header: 'Devices not moving', width: 10, value: (w) => w.nonMovingDevices },
  { header: 'Moved at', width: 22, value: (w) => w.movedAt },
  { header: 'Verified at', width: 22, value: (w) => w.verifiedAt },
];

const DECISION_COLUMNS: readonly SheetColumn<ReportDecision>[] = [
  { header: 'Rule', width: 30, value: (d) => d.rule },
  { header: 'Item key', width: 16, value: (d) => d.itemKey },
  { header: 'Item', width: 30, value: (d) => d.itemName },
  { header: 'Decision', width: 18, value: (d) => DECISION_LABEL[d.decision] },
  { header: 'Note', width: 60, value: (d) => d.note },
  { header: 'Decided by', width: 22, value: (d) => d.decidedBy },
  { header: 'Decided at', width: 22, value: (d) => d.decidedAt },
];

const IMPORT_COLUMNS: readonly SheetColumn<ImportBatchRow>[] = [
  { header: 'Batch', width: 7, value: (b) => b.id },
  { header: 'File', width: 40, value: (b) => b.fileName },
  { header: 'Kind', width: 22, value: (b) => b.kind },
  { header: 'Rows', width: 10, value: (b) => b.rowsAccepted },
  { header: 'Rejected', width: 10, value: (b) => b.rowsRejected },
  { header: 'Imported at', width: 22, value: (b) => b.startedAt },
  { header: 'sha256', width: 66, value: (b) => b.sha256 },
];

/** The Summary sheet: a title, a blank row, then one fact per row. */
function summaryRows(model: ReportModel): Cell[][] {
  const facts: [string, Cell][] = [
    ['Customer', model.engagement.customer],
    ['Data as of', model.engagement.dataAsOf],
    ['Report date', model.meta.reportDate],
    ['Planned switch', model.engagement.plannedSwitchDate],
    ['Snapshot content hash (sha256)', model.meta.snapshotHash],
    ['Generated by', `${model.meta.generator} ${model.meta.appVersion}`],
    ['Devices', model.inventory.devices],
    ['Users', model.inventory.users],
    ['Collections', model.inventory.collections],
    ['Rules not evaluated', model.readiness.notEvaluated],
    ...Object.entries(model.readiness.openItemsBySeverity).map(
      ([severity, open]): [string, Cell] => [`${SEVERITY_LABEL[severity as keyof typeof SEVERITY_LABEL]}: findings / open items`, `${model.readiness.findingsBySeverity[severity as keyof typeof SEVERITY_LABEL]} / ${open}`],
    ),
    ['What blocks the switch', model.readiness.blocksSwitch.map((b) => `${b.rule} (${b.evaluated ? `${b.openCount} open` : 'not evaluated'})`).join(', ') || 'nothing'],
    ['Wizard progress', `${model.wizard.progress.done} of ${model.wizard.progress.total} checks done, ${model.wizard.progress.requiredOpen} required open`],
  ];
  return [[`Migration readiness report: ${model.engagement.customer || 'MDM migration'}${model.meta.redacted ? ` (${REDACTED_MARK})` : ''}`], [], ...facts];
}

/** The sheets of every device and every user: they need nothing from the model but the redaction key. */
export type InventorySheet = 'Devices' | 'Users';

/** The sheets the main thread prepares: its inventory sheet, and Reconciliation when the snapshot has a later export. */
export type PreparedSheetName = InventorySheet | 'Reconciliation';

export function inventorySheet(name: InventorySheet, snapshot: Snapshot, redactor: Redactor | null): XlsxSheet {
  return name === 'Devices' ? tableSheet(DEVICE_COLUMNS, iterateDevices(snapshot, redactor)) : tableSheet(USER_COLUMNS, iterateUsers(snapshot, redactor));
}

/**
 * Who writes which inventory sheet, so each thread has about half of the work: the main thread
 * Users, once its PDFs are done (writeReportSet.ts); the lists worker Devices, first thing,
 * while the main thread still assesses (reportLists.ts).
 */
export const MAIN_THREAD_SHEET: InventorySheet = 'Users';
export const WORKER_SHEET: InventorySheet = 'Devices';

/** An inventory sheet the main thread wrote into a file of its own. */
export interface MainThreadSheet {
  readonly name: PreparedSheetName;
  readonly sheet: PreparedSheet;
}

/** A finding's sheet (named by its rule id), fed one item at a time by the pass over the items. */
export function openItemSheet(xlsx: XlsxWriter, list: ListPlace): { row(item: FindingItem): Promise<void>; close(): Promise<void> } {
  const columns = ITEM_COLUMNS[list.itemType];
  const sheet = xlsx.openSheet(list.sheet, table(columns));
  return {
    row: (item) => sheet.row(columns.map((column) => column.value(item))),
    close: () => sheet.close(),
  };
}

/**
 * The workbook's other sheets (those the main thread wrote, then Summary, Findings, Waves,
 * Decisions, Imports), then its parts, listing the sheets in reading order: Summary, Findings,
 * one per finding (userless and category-bound devices first), Devices, Users, Waves,
 * Decisions, Imports.
 */
export async function finishWorkbook(xlsx: XlsxWriter, model: ReportModel, decisions: Iterable<ReportDecision>, prepared: readonly MainThreadSheet[]): Promise<void> {
  for (const { name, sheet } of prepared) await xlsx.addPreparedSheet(name, sheet);
  await xlsx.addSheet('Summary', { widths: [34, 72], rows: summaryRows(model) });
  await addTable(xlsx, 'Findings', FINDING_COLUMNS, model.readiness.findings);
  await addTable(xlsx, 'Waves', WAVE_COLUMNS, model.waves);
  await addTable(xlsx, 'Decisions', DECISION_COLUMNS, decisions);
  await addTable(xlsx, 'Imports', IMPORT_COLUMNS, model.imports);
  const reconciliation = prepared.some((sheet) => sheet.name === 'Reconciliation') ? ['Reconciliation'] : [];
  const order = ['Summary', 'Findings', ...model.lists.map((list) => list.sheet), 'Devices', 'Users', 'Waves', ...reconciliation, 'Decisions', 'Imports'];
  await xlsx.close(order, { creator: model.meta.generator, created: new Date(model.meta.reportDate) });
}

/** A header row (bold, frozen, with an autofilter) and the column widths. */
function table<Row>(columns: readonly SheetColumn<Row>[]): { widths: number[]; header: string[] } {
  return { widths: columns.map((column) => column.width), header: columns.map((column) => column.header) };
}

/** A table: its header, then one row per record. */
function tableSheet<Row>(columns: readonly SheetColumn<Row>[], rows: Iterable<Row>): XlsxSheet {
  return { ...table(columns), rows: mapRows(rows, columns) };
}

function addTable<Row>(xlsx: XlsxWriter, name: string, columns: readonly SheetColumn<Row>[], rows: Iterable<Row>): Promise<void> {
  return xlsx.addSheet(name, tableSheet(columns, rows));
}

function* mapRows<Row>(rows: Iterable<Row>, columns: readonly SheetColumn<Row>[]): Generator<Cell[]> {
  for (const row of rows) yield columns.map((column) => column.value(row));
}
