import type { FindingItem, ItemKindName } from '../rules/index.js';
import type { Snapshot } from '../snapshot/openSnapshot.js';
import { REDACTED_MARK } from './findingsCsv.js';
import { DECISION_LABEL, SEVERITY_LABEL } from './labels.js';
import {
  iterateDevices,
  iterateUsers,
  reportData,
  reportRedactor,
  type DeviceRow,
  type ImportBatchRow,
  type ReportDecision,
  type ReportFinding,
  type ReportModel,
  type ReportWave,
  type UserRow,
} from './reportModel.js';
import { XlsxWriter, type XlsxCell as Cell } from './xlsx/xlsxWriter.js';

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

/**
 * report.xlsx (xlsx/xlsxWriter.ts streams each sheet into the zip as its rows are read, so
 * 250,000 devices never sit in memory). Sheets: Summary, Findings, one per finding with items
 * (named by rule id), Devices, Users, Waves, Decisions, Imports. Header rows are bold and
 * frozen, with an autofilter.
 *
 * The Devices and Users sheets need nothing from the model but the redaction key, so they are
 * written first, while the main thread still builds the model (`model` settles when it is
 * done); a redacted workbook waits for it, for the key.
 */
export async function writeWorkbook(snapshot: Snapshot, model: Promise<ReportModel>, redact: boolean, outPath: string): Promise<void> {
  const xlsx = new XlsxWriter(outPath);
  try {
    const redactor = redact ? reportRedactor(await model) : null;
    await addTable(xlsx, 'Devices', DEVICE_COLUMNS, iterateDevices(snapshot, redactor));
    await addTable(xlsx, 'Users', USER_COLUMNS, iterateUsers(snapshot, redactor));
    const data = reportData(snapshot, await model);
    await xlsx.addSheet('Summary', { widths: [34, 72], rows: summaryRows(data.model) });
    await addTable(xlsx, 'Findings', FINDING_COLUMNS, data.model.readiness.findings);
    for (const list of data.model.lists) await addTable(xlsx, list.sheet, ITEM_COLUMNS[list.itemType], data.items(list.rule));
    await addTable(xlsx, 'Waves', WAVE_COLUMNS, data.model.waves);
    await addTable(xlsx, 'Decisions', DECISION_COLUMNS, data.decisions());
    await addTable(xlsx, 'Imports', IMPORT_COLUMNS, data.model.imports);
    const order = ['Summary', 'Findings', ...data.model.lists.map((list) => list.sheet), 'Devices', 'Users', 'Waves', 'Decisions', 'Imports'];
    await xlsx.close(order, { creator: data.model.meta.generator, created: new Date(data.model.meta.reportDate) });
  } catch (error) {
    await xlsx.abort();
    throw error;
  }
}

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

/** One sheet: a header row (bold, frozen, with an autofilter), then one row per record. */
function addTable<Row>(xlsx: XlsxWriter, name: string, columns: readonly SheetColumn<Row>[], rows: Iterable<Row>): Promise<void> {
  return xlsx.addSheet(name, {
    widths: columns.map((column) => column.width),
    header: columns.map((column) => column.header),
    rows: mapRows(rows, columns),
  });
}

function* mapRows<Row>(rows: Iterable<Row>, columns: readonly SheetColumn<Row>[]): Generator<Cell[]> {
  for (const row of rows) yield columns.map((column) => column.value(row));
}
