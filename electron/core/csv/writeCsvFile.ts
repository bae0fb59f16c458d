import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { chunkedWriter } from '../chunkedWriter.js';
import { csvLine, type CsvValue } from './csvCell.js';

/**
 * Writes a CSV file row by row, in 64 KB chunks that wait for the disk when it falls behind,
 * so lists of hundreds of thousands of rows never sit in memory (one write per row cost more
 * than building the row). UTF-8 with a BOM, so Excel reads accents correctly. Returns the
 * number of data rows written.
 */
export async function writeCsvFile(outPath: string, header: readonly string[], rows: Iterable<readonly CsvValue[]>): Promise<number> {
  const out = createWriteStream(outPath, { encoding: 'utf8' });
  const writer = chunkedWriter(out);
  let count = 0;
  try {
    await writer.push(`\uFEFF${csvLine(header)}`);
    for (const row of rows) {
      await writer.push(csvLine(row));
      count++;
    }
    await writer.flush();
  } finally {
    out.end();
    await once(out, 'close');
  }
  return count;
}
