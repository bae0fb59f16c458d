import { mkdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFiles, inspectImportFiles } from '../../../electron/core/importers/importService.js';
import { INTUNE_HEADERS, intuneRow, csvText, encode } from '../../support/importFixtures.js';
import { sha256OfFile } from '../../support/fileHash.js';
import { useTempDir } from '../../support/tempDir.js';
import { importHarness } from './importSupport.js';

const dir = useTempDir();
const h = importHarness(dir);

const CM_DEVICES = '#TYPE IResultObject#SMS_CombinedDeviceResources\r\n"ResourceID","Name","SMSID"\r\n"1","PC1","GUID:1"\r\n';

/** Each file the issue lists as "cannot be read at all", with the words its message must carry. */
const BAD_FILES: [string, () => string, RegExp][] = [
  ['an empty file', () => h.file('empty.csv', ''), /empty\.csv is empty/],
  ['binary garbage', () => h.file('garbage.csv', Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256))), /garbage\.csv is not a text export/],
  ['a file truncated inside a quoted field', () => h.file('truncated.csv', csvText([INTUNE_HEADERS, intuneRow(1)]) + '"cut-off-id","DEVICE-9'), /truncated\.csv: line 3: a quoted field is never closed/],
  ['a file missing a required column', () => h.csv('nodeviceid.csv', [INTUNE_HEADERS.filter((x) => x !== 'Device ID'), intuneRow(1).slice(1)]), /nodeviceid\.csv: looks like Intune device export \(CSV\) but has no "Device ID" column/],
  ['JSON that is not JSON', () => h.file('broken.json', '{"value": [ {"id": "1",, } ]}'), /broken\.json is not valid JSON at line 1, column \d+/],
  ['a Graph page whose value is not a list', () => h.json('page.json', { '@odata.context': 'x#deviceManagement/managedDevices', value: { id: '1' } }), /page\.json: the Graph page's "value" is not a list \(found an object\)/],
  ['a header with no data rows', () => h.csv('header-only.csv', [INTUNE_HEADERS]), /header-only\.csv has a header but no data rows \(a filter that matched nothing\?\): nothing was imported/],
  ['a UTF-16 file with an odd byte count', () => h.file('odd.csv', Buffer.concat([encode(CM_DEVICES, 'utf-16le'), Buffer.from([0x31])])), /odd\.csv is truncated: it has an odd number of bytes \(\d+\).*Nothing was imported/],
  ['a UTF-16 file ending inside a character', () => h.file('surrogate.csv', encode(`${CM_DEVICES}2,PC2,G\uD83D`, 'utf-16be')), /surrogate\.csv is truncated: it ends inside a character/],
  ['a zip without a CSV', () => h.file('nocsv.zip', Buffer.from('504b0506000000000000000000000000000000000000', 'hex')), /nocsv\.zip holds no CSV or JSON file/],
  ['a directory given as a file', () => (mkdirSync(`${dir()}/folder.csv`), `${dir()}/folder.csv`), /folder\.csv is a folder, not an export file/],
  ['a path that does not exist', () => `${dir()}/missing.csv`, /missing\.csv: no such file/],
];

describe('files that cannot be read at all', () => {
  it.each(BAD_FILES)('rejects %s whole, naming it, and leaves the snapshot byte-identical', async (_case, make, message) => {
    const snapshot = h.open();
    await h.importInto(snapshot, [h.csv('good.csv', [INTUNE_HEADERS, intuneRow(1), intuneRow(2)])]);
    snapshot.close();
    const before = sha256OfFile(snapshot.path);

    const bad = make();
    const reopened = h.open();
    const outcome = await importFiles(reopened, [h.csv('also-good.csv', [INTUNE_HEADERS, intuneRow(3)]), bad]);
    reopened.close();

    expect(outcome.committed).toBe(false);
    expect(outcome.files[0]).toMatchObject({ status: 'not_imported', error: null });
    expect(outcome.files[1]!.status).toBe('failed');
    expect(outcome.files[1]!.error!.message).toMatch(message);
    expect(sha256OfFile(snapshot.path)).toBe(before);

    const [inspected] = await inspectImportFiles([bad]);
    expect(inspected!.error!.message).toMatch(message);
  });

  it('cancelling rolls the whole import back', async () => {
    const snapshot = h.open();
    snapshot.close();
    const before = sha256OfFile(snapshot.path);
    const big = h.file('big.csv', csvText([INTUNE_HEADERS, ...Array.from({ length: 30_000 }, (_, i) => intuneRow(i + 1))]));
    const controller = new AbortController();
    const seen: number[] = [];
    const reopened = h.open();
    const outcome = await importFiles(reopened, [big], {
      signal: controller.signal,
      onProgress: ({ done, total }) => {
        seen.push(done / total);
        if (done > total / 2) controller.abort();
      },
    });
    expect(outcome).toMatchObject({ committed: false, cancelled: true });
    expect(reopened.db.prepare('SELECT count(*) AS n FROM devices').get()).toEqual({ n: 0 });
    reopened.close();
    expect(sha256OfFile(snapshot.path)).toBe(before);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('reports rows it cannot take with line, column and reason, and keeps the rest', async () => {
    const snapshot = h.open();
    const file = h.file('rows.csv', 'ResourceID,Name,SMSID\r\n1,PC1,G1\r\nabc,PC2,G2\r\n3,PC3\r\n4,,G4\r\n');
    // The review counts every data row and announces the two it already knows are malformed
    // (the bad ResourceID is found only while importing).
    expect(await inspectImportFiles([file])).toMatchObject([{ kind: 'cm-devices', rows: 4, malformedRows: 2 }]);
    const outcome = await h.importInto(snapshot, [file]);
    expect(outcome.files[0]).toMatchObject({ kind: 'cm-devices', rowsAccepted: 1, rowsRejected: 3 });
    expect(snapshot.db.prepare('SELECT line, column_name, reason FROM import_rejections ORDER BY line').all()).toEqual([
      { line: 3, column_name: 'ResourceID', reason: 'ResourceID "abc" is not a number' },
      { line: 4, column_name: null, reason: 'the row has 2 fields but the header has 3' },
      { line: 5, column_name: 'Name', reason: 'Name is empty' },
    ]);
    snapshot.close();
  });

  it('reports what the worker found while mapping a big export, once and on its line', async () => {
    // 25,000 rows, about 9 MB: past the size from which records are tokenized and mapped on the worker.
    const rows = Array.from({ length: 25_000 }, (_, i) => intuneRow(i + 1));
    const ownership = INTUNE_HEADERS.indexOf('Ownership');
    rows[9_999]![ownership] = 'Eigentum';
    rows[20_000]![ownership] = 'Eigentum';
    rows[15_000]![INTUNE_HEADERS.indexOf('Device ID')] = '';
    rows[22_000] = rows[22_000]!.slice(0, 10);
    const file = h.csv('big.csv', [INTUNE_HEADERS, ...rows]);
    expect(statSync(file).size).toBeGreaterThan(8 * 1024 * 1024);

    const snapshot = h.open();
    const outcome = await h.importInto(snapshot, [file]);
    expect(outcome.files[0]).toMatchObject({ rowsAccepted: 24_998, rowsRejected: 2, warnings: 1 });
    expect(snapshot.db.prepare('SELECT line, column_name, reason, severity FROM import_rejections ORDER BY line').all()).toEqual([
      { line: 10_001, column_name: 'Ownership', reason: 'Ownership "Eigentum" is not a known label; kept as written (first seen on this line)', severity: 'warning' },
      { line: 15_002, column_name: 'Device ID', reason: 'Device ID is empty', severity: 'error' },
      { line: 22_002, column_name: null, reason: `the row has 10 fields but the header has ${INTUNE_HEADERS.length}`, severity: 'error' },
    ]);
    expect(snapshot.db.prepare(`SELECT ownership, ownership_raw, last_check_in FROM devices WHERE name = 'DEVICE-20001'`).get()).toEqual({
      ownership: null,
      ownership_raw: 'Eigentum',
      last_check_in: '2026-11-01T10:22:33.000Z',
    });
    snapshot.close();
  });

  it('refuses --as for the wrong format and an unknown kind', async () => {
    const snapshot = h.open();
    const json = h.json('x.json', [{ id: '1' }]);
    const outcome = await importFiles(snapshot, [json], { as: 'intune-devices' });
    expect(outcome.files[0]!.error!.message).toBe('x.json is JSON, but --as intune-devices reads CSV files.');
    await expect(importFiles(snapshot, [json], { as: 'nope' })).rejects.toThrow(/"nope" is not an import kind/);
    snapshot.close();
  });
});
