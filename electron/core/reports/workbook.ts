import ExcelJS from 'exceljs';
import type { FindingItem, ItemKindName } from '../rules/index.js';
import { REDACTED_MARK } from './findingsCsv.js';
import { DECISION_LABEL, SEVERITY_LABEL } from './labels.js';
import type { ReportData } from './reportModel.js';

type Cell = string | number | boolean | null;

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

/**
 * report.xlsx, written with exceljs's streaming WorkbookWriter: every row is committed to the
 * zip stream as soon as it is added, so 250,000 devices never sit in memory. Sheets: Summary,
 * Findings, one per finding with items (named by rule id), Devices, Users, Waves, Decisions,
 * Imports. Header rows are frozen, with an autofilter. Shared strings are off (they would keep
 * every distinct text in memory until the end).
 */
export async function writeWorkbook(data: ReportData, outPath: string): Promise<void> {
  const { model } = data;
  const stamp = new Date(model.meta.reportDate);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: outPath,
    // No styles: exceljs resolves a style for every cell it writes, a third of its time here.
    // The header row is told apart by being frozen and carrying the autofilter.
    useStyles: false,
    useSharedStrings: false,
    // Fastest deflate: the sheets are repetitive XML, level 1 still shrinks them about tenfold.
    zip: { zlib: { level: 1 } },
  });
  workbook.creator = model.meta.generator;
  workbook.created = stamp;
  workbook.modified = stamp;

  writeSummary(workbook, data);
  await addTable(
    workbook,
    'Findings',
    [
      { header: 'Severity', width: 10, value: (f) => SEVERITY_LABEL[f.severity] },
      { header: 'Rule', width: 30, value: (f) => f.rule },
      { header: 'Title', width: 70, value: (f) => f.title },
      { header: 'Evaluated', width: 10, value: (f) => (f.evaluated ? 'yes' : 'no') },
      { header: 'Items', width: 9, value: (f) => (f.evaluated ? f.count : null) },
      { header: 'Decided', width: 9, value: (f) => (f.evaluated ? f.decidedCount : null) },
      { header: 'Open', width: 9, value: (f) => (f.evaluated ? f.openCount : null) },
      { header: 'Not evaluated: needs', width: 60, value: (f) => f.needs },
    ],
    model.readiness.findings,
  );
  for (const list of model.lists) await addTable(workbook, list.sheet, ITEM_COLUMNS[list.itemType], data.items(list.rule));
  await addTable(
    workbook,
    'Devices',
    [
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
    ],
    data.devices(),
  );
  await addTable(
    workbook,
    'Users',
    [
      { header: 'User ID', width: 9, value: (u) => u.id },
      { header: 'User principal name', width: 32, value: (u) => u.userPrincipalName },
      { header: 'Display name', width: 26, value: (u) => u.displayName },
      { header: 'On-premises account', width: 24, value: (u) => u.onPremisesAccount },
      { header: 'In Entra', width: 9, value: (u) => (u.inEntra ? 'yes' : 'no') },
      { header: 'INTUNE_A enabled', width: 10, value: (u) => (u.intuneLicensed ? 'yes' : 'no') },
      { header: 'Devices', width: 9, value: (u) => u.devices },
      { header: 'Wave', width: 18, value: (u) => u.wave },
    ],
    data.users(),
  );
  await addTable(
    workbook,
    'Waves',
    [
      { header: 'Wave', width: 24, value: (w) => w.name },
      { header: 'Pilot', width: 7, value: (w) => (w.pilot ? 'yes' : 'no') },
      { header: 'State', width: 10, value: (w) => w.state },
      { header: 'Users', width: 9, value: (w) => w.users },
      { header: 'Devices moving', width: 10, value: (w) => w.movingDevices },
      { header: 'Devices not moving', width: 10, value: (w) => w.nonMovingDevices },
      { header: 'Moved at', width: 22, value: (w) => w.movedAt },
      { header: 'Verified at', width: 22, value: (w) => w.verifiedAt },
    ],
    model.waves,
  );
  await addTable(
    workbook,
    'Decisions',
    [
      { header: 'Rule', width: 30, value: (d) => d.rule },
      { header: 'Item key', width: 16, value: (d) => d.itemKey },
      { header: 'Item', width: 30, value: (d) => d.itemName },
      { header: 'Decision', width: 18, value: (d) => DECISION_LABEL[d.decision] },
      { header: 'Note', width: 60, value: (d) => d.note },
      { header: 'Decided by', width: 22, value: (d) => d.decidedBy },
      { header: 'Decided at', width: 22, value: (d) => d.decidedAt },
    ],
    data.decisions(),
  );
  await addTable(
    workbook,
    'Imports',
    [
      { header: 'Batch', width: 7, value: (b) => b.id },
      { header: 'File', width: 40, value: (b) => b.fileName },
      { header: 'Kind', width: 22, value: (b) => b.kind },
      { header: 'Rows', width: 10, value: (b) => b.rowsAccepted },
      { header: 'Rejected', width: 10, value: (b) => b.rowsRejected },
      { header: 'Imported at', width: 22, value: (b) => b.startedAt },
      { header: 'sha256', width: 66, value: (b) => b.sha256 },
    ],
    model.imports,
  );
  await workbook.commit();
}

function writeSummary(workbook: ExcelJS.stream.xlsx.WorkbookWriter, data: ReportData): void {
  const { model } = data;
  const sheet = workbook.addWorksheet('Summary');
  sheet.columns = [{ width: 34 }, { width: 72 }];
  sheet.addRow([`Migration readiness report: ${model.engagement.customer || 'MDM migration'}${model.meta.redacted ? ` (${REDACTED_MARK})` : ''}`]).commit();
  const rows: [string, Cell][] = [
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
  sheet.addRow([]).commit();
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
}

const YIELD_EVERY = 1000;
/** Bytes of sheet XML allowed to wait for the zip. */
const MAX_BACKLOG = 4 << 20;

/**
 * exceljs 4.4.0 (pinned for this) pipes a sheet's XML into the zip entry without heeding
 * backpressure, and the zip deflates on the event loop: rows committed faster than it reads
 * them pile up, 700 MB for the 250,000-device workbook. Wait, off the event loop's back, until
 * the entry's backlog is small again.
 */
async function zipCaughtUp(sheet: ExcelJS.Worksheet): Promise<void> {
  // The entry is archiver's readable-stream 2 PassThrough, which predates `writableLength`.
  type Pipe = { writableLength?: number; _writableState?: { length: number } };
  const pipes = (sheet as unknown as { stream: { pipes?: readonly Pipe[] } }).stream.pipes ?? [];
  const backlog = (pipe: Pipe) => pipe.writableLength ?? pipe._writableState?.length ?? 0;
  while (pipes.some((pipe) => backlog(pipe) > MAX_BACKLOG)) await new Promise(setImmediate);
}

/** One sheet: a frozen header row with an autofilter, then one committed row per record. */
async function addTable<Row>(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: readonly SheetColumn<Row>[], rows: Iterable<Row>): Promise<void> {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ width: column.width }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  sheet.addRow(columns.map((column) => column.header)).commit();
  let count = 0;
  for (const row of rows) {
    sheet.addRow(columns.map((column) => column.value(row))).commit();
    if (++count % YIELD_EVERY === 0) await zipCaughtUp(sheet);
  }
  sheet.commit();
}
