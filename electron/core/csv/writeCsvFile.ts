import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { chunkedWriter, WRITE_AHEAD } from '../chunkedWriter.js';
import { csvLine, type CsvValue } from './csvCell.js';

/** A CSV file being written row by row; `close` ends it and returns the number of data rows. */
export interface CsvFileWriter {
  push(row: readonly CsvValue[]): Promise<void>;
  close(): Promise<number>;
}

/**
 * Opens a CSV file for writing: UTF-8 with a BOM, so Excel reads accents correctly, then the
 * header. Rows go out in 64 KB chunks that wait for the disk when it falls behind, so lists of
 * hundreds of thousands of rows never sit in memory (one write per row cost more than building
 * the row).
 */
export function openCsvFile(outPath: string, header: readonly string[]): CsvFileWriter {
  const out = createWriteStream(outPath, { highWaterMark: WRITE_AHEAD });
  const writer = chunkedWriter(out);
  let count = 0;
  const started = writer.push(`\uFEFF${csvLine(header)}`);
  return {
    async push(row) {
      await writer.push(csvLine(row));
      count++;
    },
    async close() {
      try {
        await started;
        await writer.flush();
      } finally {
        out.end();
        await once(out, 'close');
      }
      return count;
    },
  };
}

/** Writes a whole CSV file from rows (see openCsvFile). Returns the number of data rows written. */
export async function writeCsvFile(outPath: string, header: readonly string[], rows: Iterable<readonly CsvValue[]>): Promise<number> {
  const file = openCsvFile(outPath, header);
  try {
    for (const row of rows) await file.push(row);
  } catch (error) {
    await file.close();
    throw error;
  }
  return file.close();
}
