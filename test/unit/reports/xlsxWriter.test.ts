import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareSheet, XlsxWriter, type XlsxCell } from '../../../electron/core/reports/xlsx/xlsxWriter.js';
import { ZipWriter } from '../../../electron/core/reports/xlsx/zipWriter.js';

/** Every entry of a zip with its bytes, read by yauzl (which checks sizes and the directory). */
async function unzip(path: string): Promise<Map<string, { data: Buffer; crc: number }>> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true });
  const entries = new Map<string, { data: Buffer; crc: number }>();
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('error', reject);
        stream.on('end', () => {
          entries.set(entry.fileName, { data: Buffer.concat(chunks), crc: entry.crc32 });
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  zip.close();
  return entries;
}

const CREATED = { creator: 'MDM Migration Assistant', created: new Date('2019-06-14T09:00:00.000Z') };

describe('xlsx writer', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'mdm-xlsx-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes a zip that yauzl reads back, entry for entry, with matching CRCs', async () => {
    const path = join(root, 'plain.zip');
    const zip = new ZipWriter(path);
    const big = 'row,'.repeat(300_000);
    const entry = zip.entry('big.txt');
    await entry.write(big.slice(0, 500_000));
    await entry.write(Buffer.from(big.slice(500_000)));
    await entry.close();
    await zip.add('dir/ünïcode.txt', 'small');
    await zip.add('empty.txt', '');
    await zip.close();
    const entries = await unzip(path);
    expect([...entries.keys()]).toEqual(['big.txt', 'dir/ünïcode.txt', 'empty.txt']);
    expect(entries.get('big.txt')!.data.toString()).toBe(big);
    expect(entries.get('dir/ünïcode.txt')!.data.toString()).toBe('small');
    for (const { data, crc } of entries.values()) expect(crc32(data)).toBe(crc);
  });

  it('refuses a second entry while one is open', () => {
    const zip = new ZipWriter(join(root, 'refused.zip'));
    zip.entry('a.txt');
    expect(() => zip.entry('b.txt')).toThrow(/before the previous one was closed/);
    return zip.abort();
  });

  it('writes sheets in any order, lists them in the given order, and exceljs reads back values, header, widths and filter', async () => {
    const path = join(root, 'book.xlsx');
    const xlsx = new XlsxWriter(path);
    const hostile = ['<b>&"quoted"</b>', '=HYPERLINK("http://x","y")', 'tab\tand\nnew line', 'bell\u0007gone', "it's", 'Zoë ✓ 𝄞'];
    const rows: XlsxCell[][] = hostile.map((text, index) => [index + 1, text, index % 2 === 0 ? null : -1.5]);
    await xlsx.addSheet('Later', { widths: [10, 40, 12], header: ['ID', 'Text', 'Number'], rows });
    await xlsx.addSheet('First', { widths: [30, 60], rows: [['Title'], [], ['Label', 42]] });
    await xlsx.close(['First', 'Later'], CREATED);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['First', 'Later']);
    expect(workbook.creator).toBe(CREATED.creator);
    expect(workbook.created.toISOString()).toBe(CREATED.created.toISOString());
    const first = workbook.getWorksheet('First')!;
    expect(first.getCell('A1').value).toBe('Title');
    expect(first.getCell('B3').value).toBe(42);
    expect(first.actualRowCount).toBe(2);
    const later = workbook.getWorksheet('Later')!;
    expect(later.actualRowCount).toBe(hostile.length + 1);
    expect(later.getRow(1).values).toEqual([undefined, 'ID', 'Text', 'Number']);
    expect(later.getCell('A1').font?.bold).toBe(true);
    expect(later.getCell('A2').font?.bold).toBeFalsy();
    hostile.forEach((text, index) => {
      const row = later.getRow(index + 2);
      expect(row.getCell(1).value).toBe(index + 1);
      // XML 1.0 cannot carry C0 controls other than tab and line feeds; they are dropped.
      expect(row.getCell(2).value).toBe(text.replace('\u0007', ''));
      expect(row.getCell(3).value).toBe(index % 2 === 0 ? null : -1.5);
    });
    expect(later.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(later.autoFilter).toBe('A1:C7');
    expect(later.getColumn(2).width).toBe(40);
    expect(first.views[0]?.state ?? 'normal').toBe('normal');
  });

  it('takes in a sheet prepared apart (as the main thread writes the Users sheet) as if it had written it', async () => {
    const rows: XlsxCell[][] = Array.from({ length: 5000 }, (_, index) => [index, `user-${index}@contoso.com`, index % 3 === 0 ? null : 'yes']);
    const prepared = await prepareSheet(join(root, 'users.part'), { widths: [9, 32, 9], header: ['User ID', 'User principal name', 'In Entra'], rows });
    expect(prepared.filter).toBe('$A$1:$C$5001');
    const path = join(root, 'prepared.xlsx');
    const xlsx = new XlsxWriter(path);
    await xlsx.addSheet('Devices', { widths: [10], header: ['Device ID'], rows: [[1], [2]] });
    await xlsx.addPreparedSheet('Users', prepared);
    await xlsx.close(['Users', 'Devices'], CREATED);
    const entries = await unzip(path);
    for (const { data, crc } of entries.values()) expect(crc32(data)).toBe(crc);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Users', 'Devices']);
    const users = workbook.getWorksheet('Users')!;
    expect(users.actualRowCount).toBe(5001);
    expect(users.getRow(5001).values).toEqual([undefined, 4999, 'user-4999@contoso.com', 'yes']);
    expect(users.getCell('C2').value).toBe(null);
    expect(users.autoFilter).toBe('A1:C5001');
    expect(workbook.getWorksheet('Devices')!.getCell('A3').value).toBe(2);
  });

  it('gives the same bytes for the same content', async () => {
    const write = async (path: string) => {
      const xlsx = new XlsxWriter(path);
      await xlsx.addSheet('Sheet', { widths: [10], header: ['A'], rows: [[1], ['two']] });
      await xlsx.close(['Sheet'], CREATED);
      return readFileSync(path);
    };
    expect((await write(join(root, 'one.xlsx'))).equals(await write(join(root, 'two.xlsx')))).toBe(true);
  });

  it('refuses names Excel refuses, a name used twice, and a workbook order that leaves a sheet out', async () => {
    const xlsx = new XlsxWriter(join(root, 'names.xlsx'));
    const sheet = { widths: [10], rows: [] };
    await expect(xlsx.addSheet('x'.repeat(32), sheet)).rejects.toThrow(/cannot name a worksheet/);
    await expect(xlsx.addSheet('a/b', sheet)).rejects.toThrow(/cannot name a worksheet/);
    await xlsx.addSheet('Devices', sheet);
    await expect(xlsx.addSheet('devices', sheet)).rejects.toThrow(/Two worksheets/);
    await xlsx.addSheet('Users', sheet);
    await expect(xlsx.close(['Devices'], CREATED)).rejects.toThrow(/Every worksheet/);
    await expect(xlsx.close(['Devices', 'Waves'], CREATED)).rejects.toThrow(/No worksheet "Waves"/);
    await xlsx.abort();
  });
});
