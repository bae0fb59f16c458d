import fc from 'fast-check';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { normalizeHeader } from '../../../electron/core/importers/csv/columns.js';
import { detectDelimiter, openCsv } from '../../../electron/core/importers/csv/csvReader.js';
import { cellsOf, recordCount } from '../../../electron/core/importers/csv/recordBatch.js';
import { utf8Chunks } from '../../../electron/core/importers/input/textDecoding.js';
import { UserFacingError } from '../../../electron/core/errors.js';
import { encode } from '../../support/importFixtures.js';

/** Splits bytes into chunks of the given sizes (cycled), to cut characters, quotes and CRLFs across chunks. */
function chunked(bytes: Buffer, sizes: readonly number[] = [bytes.length]): AsyncIterable<Uint8Array> {
  const chunks: Buffer[] = [];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = Math.max(1, sizes[i % sizes.length]!);
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return Readable.from(chunks);
}

async function readAll(bytes: Buffer, sizes?: readonly number[], keepOnly?: readonly number[], offThread = false) {
  const table = await openCsv(utf8Chunks(chunked(bytes, sizes), 'test.csv'), 'test.csv', { offThread });
  // No kind: only the width check, whose rejections are still in the batch (marked) and read here too.
  table.stageWith({ headers: table.headers, positions: keepOnly ?? table.headers.map((_, at) => at), required: [] }, null);
  const records = [];
  for await (const { records: batch } of table.records) {
    for (let record = 0; record < recordCount(batch); record++) records.push({ line: batch.recordLines[record]!, values: cellsOf(batch, record) });
  }
  return { table, records };
}

describe('CSV reader', () => {
  it.each(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'] as const)('reads %s with accents and a BOM-free header', async (encoding) => {
    const { table, records } = await readAll(encode('Name,City\r\nZoë,Zürich\r\nÅsa,Malmö\r\n', encoding), [3]);
    expect(table.headers).toEqual(['Name', 'City']);
    expect(records.map((r) => r.values)).toEqual([
      ['Zoë', 'Zürich'],
      ['Åsa', 'Malmö'],
    ]);
  });

  it('reads Windows-1252 (Excel ANSI) when the bytes are not UTF-8', async () => {
    const { records } = await readAll(Buffer.from('Name;City\nJos\xe9;K\xf6ln\n', 'latin1'));
    expect(records[0]!.values).toEqual(['José', 'Köln']);
  });

  it('detects comma, semicolon and tab, ignoring delimiters inside quotes', () => {
    expect(detectDelimiter('a,b,c')).toBe(',');
    expect(detectDelimiter('"a,x";b;c')).toBe(';');
    expect(detectDelimiter('a\tb\t"c;d;e"')).toBe('\t');
  });

  it('skips the PowerShell #TYPE line and counts lines from the file start, multi-line fields included', async () => {
    const text = '#TYPE IResultObject#SMS_Collection\r\n"Name","Note"\r\n"a","one\r\ntwo"\r\n"b","He said ""hi"", then left"\r\n\r\n"c",""\r\n';
    const { table, records } = await readAll(encode(text, 'utf-16le'), [5, 7]);
    expect(table.headerLine).toBe(2);
    expect(records.map((r) => [r.line, ...r.values])).toEqual([
      [3, 'a', 'one\r\ntwo'],
      [5, 'b', 'He said "hi", then left'],
      [7, 'c', ''],
    ]);
  });

  it('matches headers case- and whitespace-insensitively', () => {
    expect(normalizeHeader(' Serial  Number ')).toBe(normalizeHeader('serialnumber'));
    expect(normalizeHeader('\uFEFFDevice ID')).toBe('deviceid');
  });

  it.each([false, true])('fails a file truncated inside a quoted field, naming the file and line (off thread: %s)', async (offThread) => {
    const error = await readAll(Buffer.from('a,b\n1,"unfinished\nmore'), [3], undefined, offThread).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).message).toMatch(/test\.csv: line 2: a quoted field is never closed/);
  });

  it.each([false, true])('fails a quote left open over a megabyte while later chunks are still being read (off thread: %s)', async (offThread) => {
    const bytes = Buffer.from(`a,b\n1,2\n3,"${'x'.repeat(1_100_000)}\n4,5\n${'6,7\n'.repeat(100_000)}`);
    const error = await readAll(bytes, [65_536], undefined, offThread).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).message).toMatch(/test\.csv: line 3: a quoted field is never closed/);
  });

  it.each([false, true])('keeps a U+FEFF that starts a later record as data (off thread: %s)', async (offThread) => {
    // 4-byte lines in 4-byte chunks: the first chunk the reader gets (the 4,096 bytes sniffed for
    // the encoding) ends with a line, so the text after it starts with the U+FEFF.
    const filler = Array.from({ length: 1023 }, () => ['x', 'y']);
    const text = ['a,b', ...filler.map((row) => row.join(',')), '\uFEFFz,w'].join('\n') + '\n';
    const { table, records } = await readAll(Buffer.from(text, 'utf8'), [4], undefined, offThread);
    expect(table.headers).toEqual(['a', 'b']);
    expect(records.map((r) => r.values)).toEqual([...filler, ['\uFEFFz', 'w']]);
  });

  it('fails an empty file and a file of binary data', async () => {
    await expect(readAll(Buffer.alloc(0))).rejects.toMatchObject({ code: 'empty_file' });
    await expect(readAll(Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10, 0x00, 0x00]))).rejects.toThrow(/test\.csv is not a text export/);
  });

  /**
   * Random tables through any quoting, newline, delimiter, encoding, chunking and column
   * selection. `offThread` runs the tokenizer on its worker thread: fewer runs, as each starts
   * a worker.
   */
  const roundTrips = (offThread: boolean, numRuns: number) => async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Z', 'é', '€', '😀', ' ', ',', ';', '\t', '"', '\n', '\r\n', '#', 'x'), maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }).chain((width) =>
          fc.record({
            header: fc.array(fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,6}$/), { minLength: width, maxLength: width }),
            rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 6 }),
          }),
        ),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n'),
        fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'),
        fc.boolean(),
        fc.array(fc.integer({ min: 1, max: 17 }), { minLength: 1, maxLength: 4 }),
        fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { maxLength: 4 })),
        async ({ header, rows }, delimiter, newline, encoding, quoteAll, sizes, keepOnly) => {
          // A row of one empty cell is an empty line, which the reader skips by design.
          const kept = rows.filter((row) => !(row.length === 1 && row[0] === ''));
          const quote = (value: string) =>
            quoteAll || /[",;\t\r\n]/.test(value) || value.trim() !== value || value === '' ? `"${value.replace(/"/g, '""')}"` : value;
          const text = [header, ...kept].map((row) => row.map(quote).join(delimiter)).join(newline) + newline;
          const { table, records } = await readAll(encode(text, encoding), sizes, keepOnly ?? undefined, offThread);
          if (header.length > 1) expect(table.delimiter).toBe(delimiter);
          expect(table.headers).toEqual(header);
          // A record keeps its width; the columns keepOnly lists read as written.
          const selected = (row: string[]) => (keepOnly ? row.map((cell, at) => (keepOnly.includes(at) ? cell : null)) : row);
          expect(records.map((r) => r.values.length)).toEqual(kept.map((row) => row.length));
          expect(records.map((r) => selected(r.values))).toEqual(kept.map(selected));
          // Each record starts on the line after the previous record's last line.
          let line = 2;
          for (const [i, record] of records.entries()) {
            expect(record.line).toBe(line);
            line += 1 + kept[i]!.join('').split('\n').length - 1;
          }
        },
      ),
      { numRuns },
    );
  };

  it('round-trips random tables (property)', roundTrips(false, 150));
  it('round-trips random tables with the tokenizer on a worker thread (property)', roundTrips(true, 20));
});
