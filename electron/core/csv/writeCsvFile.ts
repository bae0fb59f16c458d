import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { csvLine, type CsvValue } from './csvCell.js';

/**
 * Writes a CSV file row by row, waiting for the disk when it falls behind, so lists of
 * hundreds of thousands of rows never sit in memory. UTF-8 with a BOM, so Excel reads
 * accents correctly. Returns the number of data rows written.
 */
export async function writeCsvFile(outPath: string, header: readonly string[], rows: Iterable<readonly CsvValue[]>): Promise<number> {
  const out = createWriteStream(outPath, { encoding: 'utf8' });
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  let count = 0;
  try {
    await write(`\uFEFF${csvLine(header)}`);
    for (const row of rows) {
      await write(csvLine(row));
      count++;
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  return count;
}
