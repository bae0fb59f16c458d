import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell, uncsvCell } from '../../../electron/core/csv/csvCell.js';
import { REPORT_FILES, type ReportModel } from '../../../electron/core/reports/index.js';
import { Redactor, redactionKeyOf } from '../../../electron/core/reports/redaction.js';
import { writeReportSet } from '../../../electron/core/reports/writeReportSet.js';
import { assessSnapshot, iterateFindingItems } from '../../../electron/core/rules/index.js';
import type { Snapshot } from '../../../electron/core/snapshot/openSnapshot.js';
import { parseCsv } from '../../support/parseCsv.js';
import { engagedDemo } from './reportFixture.js';

/** The PDF's text in reading order, runs of white space made one space (table cells wrap). */
function pdfText(path: string): string {
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

function pdfPageSize(path: string): string {
  return /Page size:\s+([\d.]+ x [\d.]+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]!;
}

/** Every text a workbook holds, sheet by sheet, read back with exceljs's reader. */
async function workbookTexts(path: string): Promise<{ names: string[]; rows: Map<string, number>; text: string; workbook: ExcelJS.Workbook }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const rows = new Map<string, number>();
  const parts: string[] = [];
  workbook.eachSheet((sheet) => {
    rows.set(sheet.name, sheet.actualRowCount);
    sheet.eachRow((row) => parts.push((row.values as unknown[]).filter((value) => value !== null && value !== undefined).join('\t')));
  });
  return { names: workbook.worksheets.map((sheet) => sheet.name), rows, text: parts.join('\n'), workbook };
}

describe('report set', () => {
  let root: string;
  let snapshot: Snapshot;
  let model: ReportModel;
  const dirs = { a4: '', again: '', letter: '', redacted: '' };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'mdm-report-'));
    snapshot = engagedDemo(root);
    for (const name of Object.keys(dirs) as (keyof typeof dirs)[]) {
      dirs[name] = join(root, name);
      mkdirSync(dirs[name]);
    }
    model = (await writeReportSet(snapshot, dirs.a4)).model;
    await writeReportSet(snapshot, dirs.again);
    await writeReportSet(snapshot, dirs.letter, { paper: 'letter' });
    await writeReportSet(snapshot, dirs.redacted, { redact: true });
  }, 120_000);

  afterAll(() => {
    snapshot?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('report.pdf holds every section, the blockers, the APNs rule and the counts of the assessment', () => {
    const assessment = assessSnapshot(snapshot, { now: new Date(model.meta.reportDate) });
    const userless = assessment.findings.find((finding) => finding.rule === 'DEV_USERLESS')!;
    const category = assessment.findings.find((finding) => finding.rule === 'DEV_DEVICE_CATEGORY')!;
    const text = pdfText(join(dirs.a4, REPORT_FILES.reportPdf));
    for (const section of ['Migration readiness report', 'Summary', 'What blocks the switch', 'All findings', 'Flagged lists', 'Waves', 'Switch timeline', 'Overrides and decisions', 'Playbook progress', 'Appendix A: tenant facts', 'Appendix B: import batches']) {
      expect(text, section).toContain(section);
    }
    expect(text).toContain(`${userless.count} items, ${userless.openCount} open`);
    expect(text).toContain(`${category.count} items, ${category.openCount} open`);
    expect(text).toContain(`All ${userless.count} are in report.xlsx (sheet DEV_USERLESS) and devices-userless.csv`);
    // Userless first, then category-bound, then the rest.
    const lists = text.slice(text.search(/Flagged lists/));
    const at = (pattern: RegExp) => lists.search(pattern);
    expect(at(/DEV_USERLESS\s+Devices without a user/)).toBeGreaterThan(0);
    expect(at(/DEV_USERLESS\s+Devices without a user/)).toBeLessThan(at(/DEV_DEVICE_CATEGORY\s+Devices with a device category/));
    expect(at(/DEV_DEVICE_CATEGORY\s+Devices with a device category/)).toBeLessThan(at(/USR_NO_INTUNE_LICENSE\s+Users without/));
    expect(text).toContain('Renew the same certificate with the same Apple ID.');
    expect(text).toContain(model.apns!.appleId!);
    expect(text).toContain('Pilot (pilot)');
    expect(text).toContain('Customer accepts the open blockers for this pilot tenant');
    expect(text).toContain('Kiosk at reception');
    expect(text).toMatch(/Page 1 of \d+/);
    expect(text).toContain(model.meta.snapshotHash);
    expect(text).toContain(`Data as of ${model.engagement.dataAsOf!.slice(0, 10)}`);
    expect(text).not.toContain('REDACTED');
    for (const blocker of model.readiness.blocksSwitch) expect(text).toContain(blocker.rule);
  });

  it('checklist.pdf lists every phase and step with its state, who ticked it, and sign-off lines', () => {
    const text = pdfText(join(dirs.a4, REPORT_FILES.checklistPdf));
    expect(text).toContain('Migration checklist');
    for (const phase of model.wizard.phases) {
      expect(text).toContain(`Phase ${phase.id}: ${phase.title}`);
      for (const step of phase.steps) expect(text, step.id).toContain(step.id);
    }
    expect(text).toContain('Ann Consultant');
    expect(text).toContain('All four exports of 14 June');
    expect(text).toContain('Signed off Carl Customer (customer)');
    expect(text).toContain('Signed off for the consultant');
    expect(text).toContain('Signed off for the customer');
    expect(text).toContain(model.engagement.customer);
    expect(text).toContain(model.meta.snapshotHash);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dirs.a4, REPORT_FILES.checklistPdf)], { encoding: 'utf8' }))![1]);
    expect(text).toContain(`Page ${pages} of ${pages}`);
  });

  it('writes A4 by default and Letter on request', () => {
    expect(pdfPageSize(join(dirs.a4, REPORT_FILES.reportPdf))).toBe('595.28 x 841.89');
    expect(pdfPageSize(join(dirs.letter, REPORT_FILES.checklistPdf))).toBe('612 x 792');
  });

  it('writes CSVs with a BOM that read back to the finding items, cell for cell', () => {
    const raw = readFileSync(join(dirs.a4, REPORT_FILES.userlessCsv), 'utf8');
    expect(raw.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = parseCsv(raw);
    expect(header![0]).toBe('Rule');
    const items = [...iterateFindingItems(snapshot, 'DEV_USERLESS')];
    expect(rows).toHaveLength(items.length);
    rows.forEach((row, index) => {
      const item = items[index]!;
      if (item.type !== 'device') throw new Error('device expected');
      expect(row.map(uncsvCell).slice(3, 7)).toEqual([item.key, item.name ?? '', item.userPrincipalName ?? '', item.serialNumber ?? '']);
      expect(uncsvCell(row[9]!)).toBe(item.detail ?? '');
    });
    const findings = parseCsv(readFileSync(join(dirs.a4, REPORT_FILES.findingsCsv), 'utf8')).slice(1);
    const evaluated = model.readiness.findings.filter((finding) => finding.evaluated);
    expect(findings).toHaveLength(evaluated.reduce((sum, finding) => sum + finding.count, 0));
    const category = parseCsv(readFileSync(join(dirs.a4, REPORT_FILES.categoryCsv), 'utf8')).slice(1);
    expect(category).toHaveLength(model.lists.find((list) => list.rule === 'DEV_DEVICE_CATEGORY')!.count);
    const decided = category.find((row) => row[10] === 'resolved_outside')!;
    expect(decided[11]).toBe('Category group rebuilt in Intune');
  });

  it('neutralises formula cells and reads them back unchanged', () => {
    const hostile = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tTab', '\rCR', "'quoted", 'plain', 'a,b "c"\r\nd'];
    for (const value of hostile) {
      const cell = csvCell(value);
      if (/^[=+\-@\t\r']/.test(value)) expect(cell.replace(/^"/, '')).toMatch(/^'/);
      expect(parseCsv(`${cell}\r\n`)[0]!.map(uncsvCell)).toEqual([value]);
    }
    expect(csvCell(-5)).toBe('-5');
  });

  it('neutralises a hostile device name in the report CSV and keeps it readable back', async () => {
    const item = [...iterateFindingItems(snapshot, 'DEV_USERLESS')][1]!;
    const original = snapshot.db.prepare('SELECT name FROM devices WHERE id = ?').get(item.id) as { name: string };
    const hostile = '=cmd|\' /C calc\'!A0';
    snapshot.db.prepare('UPDATE devices SET name = ? WHERE id = ?').run(hostile, item.id);
    try {
      const dir = join(root, 'hostile');
      mkdirSync(dir);
      await writeReportSet(snapshot, dir);
      const raw = readFileSync(join(dir, REPORT_FILES.userlessCsv), 'utf8');
      expect(raw).toContain(`'${hostile}`);
      const row = parseCsv(raw).find((cells) => cells[3] === item.key)!;
      expect(row[4]).toBe(`'${hostile}`);
      expect(uncsvCell(row[4]!)).toBe(hostile);
    } finally {
      snapshot.db.prepare('UPDATE devices SET name = ? WHERE id = ?').run(original.name, item.id);
    }
  }, 60_000);

  it('report.xlsx reads back with a sheet per finding, devices, users, waves and decisions, and their counts', async () => {
    const { names, rows, workbook } = await workbookTexts(join(dirs.a4, REPORT_FILES.workbook));
    expect(names.slice(0, 2)).toEqual(['Summary', 'Findings']);
    expect(names).toEqual(expect.arrayContaining(['Devices', 'Users', 'Waves', 'Decisions', 'Imports', ...model.lists.map((list) => list.sheet)]));
    for (const list of model.lists) expect(rows.get(list.sheet), list.rule).toBe(list.count + 1);
    expect(rows.get('Devices')).toBe(model.inventory.devices + 1);
    expect(rows.get('Users')).toBe(model.inventory.users + 1);
    expect(rows.get('Waves')).toBe(model.waves.length + 1);
    expect(rows.get('Decisions')).toBe(model.decisions.total + 1);
    expect(rows.get('Findings')).toBe(model.readiness.findings.length + 1);
    const devices = workbook.getWorksheet('Devices')!;
    expect(devices.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(devices.autoFilter).toBeTruthy();
    expect(devices.getRow(1).getCell(1).text).toBe('Device ID');
    expect(workbook.getWorksheet('Summary')!.getCell('A1').text).toContain(model.engagement.customer);
  });

  it('report.json is the assess --json findings plus tenant facts, wizard, waves and decisions', () => {
    const json = JSON.parse(readFileSync(join(dirs.a4, REPORT_FILES.json), 'utf8'));
    expect(json.report.snapshotHash).toBe(model.meta.snapshotHash);
    expect(json.tenantFacts.length).toBeGreaterThan(5);
    expect(json.wizard.phases).toHaveLength(model.wizard.phases.length);
    expect(json.waves.map((wave: { name: string }) => wave.name)).toEqual(['Pilot', 'Wave 1 Android']);
    expect(json.decisions.rows).toHaveLength(2);
    const userless = json.findings.find((finding: { rule: string }) => finding.rule === 'DEV_USERLESS');
    expect(Object.keys(userless)).toEqual(['rule', 'severity', 'title', 'why', 'remediation', 'evaluated', 'count', 'confirmation', 'items']);
    expect(userless.items).toHaveLength(userless.count);
  });

  it('the same snapshot and options give byte-identical CSV, JSON, calendar and workbook, and PDFs with identical text', () => {
    for (const file of [REPORT_FILES.findingsCsv, REPORT_FILES.userlessCsv, REPORT_FILES.categoryCsv, REPORT_FILES.json, REPORT_FILES.calendar, REPORT_FILES.workbook]) {
      expect(readFileSync(join(dirs.again, file)).equals(readFileSync(join(dirs.a4, file))), file).toBe(true);
    }
    for (const file of [REPORT_FILES.reportPdf, REPORT_FILES.checklistPdf]) {
      expect(pdfText(join(dirs.again, file)), file).toBe(pdfText(join(dirs.a4, file)));
    }
  });

  it('redacted outputs hold no UPN, display name, device name, serial, IMEI or Apple ID, and say they are redacted', async () => {
    const db = snapshot.db;
    const column = (sql: string) => (db.prepare(sql).pluck().all() as (string | null)[]).filter((value): value is string => value !== null && value.length >= 4);
    const originals = new Set([
      ...column('SELECT upn FROM users'),
      ...column('SELECT display_name FROM users'),
      ...column('SELECT name FROM devices'),
      ...column('SELECT serial_number FROM devices'),
      ...column('SELECT imei FROM devices'),
      ...column('SELECT apple_id FROM apns_certificates UNION SELECT apple_id FROM dep_tokens UNION SELECT apple_id FROM vpp_tokens'),
    ]);
    expect(originals.size).toBeGreaterThan(1000);
    const texts: Record<string, string> = {
      'report.pdf': pdfText(join(dirs.redacted, REPORT_FILES.reportPdf)),
      'checklist.pdf': pdfText(join(dirs.redacted, REPORT_FILES.checklistPdf)),
      'report.xlsx': (await workbookTexts(join(dirs.redacted, REPORT_FILES.workbook))).text,
      'report.json': readFileSync(join(dirs.redacted, REPORT_FILES.json), 'utf8'),
    };
    for (const file of [REPORT_FILES.findingsCsv, REPORT_FILES.userlessCsv, REPORT_FILES.categoryCsv]) texts[file] = readFileSync(join(dirs.redacted, file), 'utf8');
    for (const [file, text] of Object.entries(texts)) {
      const leaked = [...originals].filter((value) => text.includes(value));
      expect(leaked, file).toEqual([]);
    }
    expect(texts['report.pdf']).toContain('REDACTED');
    expect(texts['checklist.pdf']).toContain('REDACTED');
    expect(texts['report.xlsx']!.split('\n')[0]).toContain('REDACTED');
    expect(texts[REPORT_FILES.findingsCsv]!.split('\r\n')[0]).toContain('REDACTED');
    expect(JSON.parse(texts['report.json']!).report.redacted).toBe(true);
    // The same value has the same pseudonym in every file: the first userless device's serial.
    const json = JSON.parse(texts['report.json']!);
    const serial = json.findings.find((finding: { rule: string }) => finding.rule === 'DEV_USERLESS').items[0].serialNumber as string;
    expect(serial).toMatch(/^serial-[0-9a-f]{10}$/);
    for (const file of ['report.pdf', 'report.xlsx', REPORT_FILES.userlessCsv]) expect(texts[file], file).toContain(serial);

    // What the report prints cannot key its pseudonyms: a reader holding it cannot test a guessed
    // serial. The snapshot's own secret, which no file holds, does.
    const printedHash = json.report.snapshotHash as string;
    expect(texts['report.pdf']).toContain(printedHash.slice(0, 16));
    const serials = column('SELECT serial_number FROM devices');
    const keyedBySecret = new Redactor(redactionKeyOf(snapshot));
    const keyedByPrintedHash = new Redactor(printedHash);
    expect(serials.some((value) => keyedBySecret.pseudonym('serial', value) === serial)).toBe(true);
    expect(serials.some((value) => keyedByPrintedHash.pseudonym('serial', value) === serial)).toBe(false);
    for (const [file, text] of Object.entries(texts)) expect(text.toLowerCase(), file).not.toContain(redactionKeyOf(snapshot).toLowerCase());
  });
});
