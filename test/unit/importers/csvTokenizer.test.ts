import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer } from '../../../electron/core/importers/csv/csvTokenizer.js';
import { RecordBatchBuilder, cellsOf, recordCount } from '../../../electron/core/importers/csv/recordBatch.js';

/** Byte sequences a cell is made of: ASCII, CSV syntax, one- to four-byte characters, a BOM, and invalid UTF-8. */
const PIECES: readonly number[][] = [
  [0x61],
  [0x2c], // ,
  [0x22], // "
  [0x0a], // LF
  [0x0d, 0x0a], // CRLF
  [0xc3, 0xa9], // é
  [0xe2, 0x82, 0xac], // €
  [0xf0, 0x9f, 0x98, 0x80], // 😀
  [0xef, 0xbb, 0xbf], // a byte-order mark inside the data
  [0xff], // never valid
  [0x80], // a continuation byte with no lead
  [0xc3], // a two-byte character cut short
  [0xe2, 0x82], // a three-byte character cut short
  [0xf0, 0x9f, 0x98], // a four-byte character cut short
  [0xed, 0xa0, 0x80], // an encoded surrogate
];

/** The bytes cut into chunks at the given points (some chunks may be empty). */
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

function tokenize(chunks: Uint8Array[]): string[][] {
  const tokenizer = new CsvTokenizer(',', 1_000_000);
  const out = new RecordBatchBuilder();
  for (const chunk of chunks) tokenizer.push(chunk, out);
  tokenizer.end(out);
  const batch = out.take();
  return Array.from({ length: recordCount(batch) }, (_, record) => cellsOf(batch, record));
}

describe('CsvTokenizer over UTF-8 bytes', () => {
  it('reads each cell as a TextDecoder reads its bytes, invalid ones as U+FFFD, wherever the chunks are cut (property)', () => {
    const cell = fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((pieces) => pieces.flat());
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 3 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (records, cuts) => {
          // Every cell quoted, its quotes doubled: the CSV syntax is then exact whatever the bytes.
          const quoted = (bytes: number[]) => [0x22, ...bytes.flatMap((byte) => (byte === 0x22 ? [0x22, 0x22] : [byte])), 0x22];
          const file = records.flatMap((record) => [...record.flatMap((bytes, at) => [...(at > 0 ? [0x2c] : []), ...quoted(bytes)]), 0x0a]);
          const decode = (bytes: number[]) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array(bytes));
          expect(tokenize(chunked(new Uint8Array(file), cuts))).toEqual(records.map((record) => record.map(decode)));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('reads a character the file never finishes as U+FFFD', () => {
    expect(tokenize([new Uint8Array([0x61, 0x2c, 0x62, 0xe2, 0x82])])).toEqual([['a', 'b\uFFFD']]);
  });
});
