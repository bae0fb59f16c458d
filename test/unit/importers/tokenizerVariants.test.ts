import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, CsvTokenizer } from '../../../electron/core/importers/csv/csvTokenizer.js';
import { RecordBatchBuilder, cellsOf, recordCount, type RecordBatch } from '../../../electron/core/importers/csv/recordBatch.js';
import { TextBatchBuilder } from '../../../electron/core/importers/csv/stringStage.js';
import { StringCsvTokenizer } from '../../../electron/core/importers/csv/stringTokenizer.js';

const PIECES: readonly number[][] = [[0x61], [0x2c], [0x22], [0x0a], [0x0d], [0x0d, 0x0a], [0xc3, 0xa9], [0xf0, 0x9f, 0x98, 0x80], [0xef, 0xbb, 0xbf], [0xff], [0xc3], [0x20]];

function chunked(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    chunks.push(bytes.subarray(from, point));
    from = point;
  }
  return chunks;
}

function outcome(run: () => RecordBatch, lines: () => number) {
  try {
    const batch = run();
    return { records: Array.from({ length: recordCount(batch) }, (_, r) => [batch.recordLines[r], ...cellsOf(batch, r)]), next: lines() };
  } catch (error) {
    return { error: (error as CsvSyntaxError).reason, line: (error as CsvSyntaxError).line };
  }
}

describe('string tokenizer against the byte tokenizer', () => {
  it('reads any bytes alike, wherever the chunks are cut (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 6 }), fc.option(fc.array(fc.nat(4), { maxLength: 3 })), (pieces, cuts, keep) => {
        const bytes = new Uint8Array(pieces.flat());
        const chunks = chunked(bytes, cuts);
        const bytesTokenizer = new CsvTokenizer(',', 1_000_000, 1);
        const stringTokenizer = new StringCsvTokenizer(',', 1_000_000, 1);
        if (keep) {
          bytesTokenizer.keepOnly(keep);
          stringTokenizer.keepOnly(keep);
        }
        const a = outcome(() => {
          const out = new RecordBatchBuilder();
          for (const chunk of chunks) bytesTokenizer.push(chunk, out);
          bytesTokenizer.end(out);
          return out.take();
        }, () => bytesTokenizer.nextLine());
        const b = outcome(() => {
          const out = new TextBatchBuilder();
          for (const chunk of chunks) stringTokenizer.push(chunk, out);
          stringTokenizer.end(out);
          return out.take();
        }, () => stringTokenizer.nextLine());
        expect(b).toEqual(a);
      }),
      { numRuns: 20000 },
    );
  });
});
