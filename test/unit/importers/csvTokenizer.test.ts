import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, CsvTokenizer } from '../../../electron/core/importers/csv/csvTokenizer.js';
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

/** The records (line first, then the cells) the tokenizer reads from the chunks, and the line after them. */
function read(chunks: Uint8Array[], options: { keepOnly?: number[]; firstLine?: number } = {}) {
  const tokenizer = new CsvTokenizer(',', 1_000_000, options.firstLine);
  if (options.keepOnly) tokenizer.keepOnly(options.keepOnly);
  const out = new RecordBatchBuilder();
  for (const chunk of chunks) tokenizer.push(chunk, out);
  tokenizer.end(out);
  const batch = out.take();
  const records = Array.from({ length: recordCount(batch) }, (_, record) => [batch.recordLines[record]!, ...cellsOf(batch, record)]);
  return { records, nextLine: tokenizer.nextLine() };
}

function tokenize(chunks: Uint8Array[]): string[][] {
  return read(chunks).records.map(([, ...cells]) => cells as string[]);
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** The text's UTF-8 bytes cut at every point in turn (two chunks), and byte by byte. */
function everyCut(text: string): Uint8Array[][] {
  const bytes = utf8(text);
  const cuts = Array.from({ length: bytes.length + 1 }, (_, at) => [bytes.subarray(0, at), bytes.subarray(at)]);
  return [...cuts, Array.from(bytes, (_, at) => bytes.subarray(at, at + 1))];
}

describe('CsvTokenizer', () => {
  it('reads quoted fields with delimiters, line breaks and doubled quotes inside, counting the lines they span', () => {
    const text = 'id,note,name\n1,"a, b","He said ""hi"""\n2,"two\nlines","x""y"\r\n3,"crlf\r\ninside",""\n';
    expect(read([utf8(text)]).records).toEqual([
      [1, 'id', 'note', 'name'],
      [2, '1', 'a, b', 'He said "hi"'],
      [3, '2', 'two\nlines', 'x"y'],
      [5, '3', 'crlf\r\ninside', ''],
    ]);
  });

  it('reads the same records wherever the bytes are cut: inside quotes, between doubled quotes, inside CRLF and inside characters', () => {
    const text = 'Zoë,"Köln, ""Dom""\r\n€ 5",😀\r\n"","a""",\uFEFFb\r\n';
    const expected = [
      [1, 'Zoë', 'Köln, "Dom"\r\n€ 5', '😀'],
      [3, '', 'a"', '\uFEFFb'],
    ];
    for (const chunks of everyCut(text)) expect(read(chunks)).toEqual({ records: expected, nextLine: 4 });
  });

  it('drops the CR of a CRLF line end only, and keeps a lone CR and a stray quote inside an unquoted field', () => {
    expect(tokenize([utf8('a\rb,c"d,e\r\nf\r,,\r\n')])).toEqual([
      ['a\rb', 'c"d', 'e'],
      ['f\r', '', ''],
    ]);
  });

  it('keeps the text after a closing quote up to the delimiter (`"a"b` reads as `ab`), less a CR ending the line', () => {
    expect(tokenize([utf8('"a"b,"c" d\r\n')])).toEqual([['ab', 'c d']]);
  });

  it('skips blank lines but counts them', () => {
    expect(read([utf8('a\n\n\r\nb\n')]).records).toEqual([
      [1, 'a'],
      [4, 'b'],
    ]);
  });

  it('keeps a byte-order mark that starts its bytes or a chunk: they continue a text whose BOM the input layer removed', () => {
    expect(tokenize([utf8('\uFEFFa,b\n'), utf8('\uFEFFc,d\n')])).toEqual([
      ['\uFEFFa', 'b'],
      ['\uFEFFc', 'd'],
    ]);
  });

  it('reads a last line without its line break at the end, and starts counting lines where it is told', () => {
    for (const chunks of everyCut('a,b\r\nc,"d"')) {
      expect(read(chunks, { firstLine: 2 })).toEqual({
        records: [
          [2, 'a', 'b'],
          [3, 'c', 'd'],
        ],
        nextLine: 4,
      });
    }
  });

  it('fails a file cut off inside a quoted field, naming the line the record starts on', () => {
    for (const chunks of everyCut('a,b\nc,"d\ne')) {
      const error = (() => {
        try {
          read(chunks);
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(CsvSyntaxError);
      expect(error).toMatchObject({ reason: 'unclosed_quote', line: 2 });
    }
  });

  it('fails a record that grows past the longest it takes while more bytes come', () => {
    const tokenizer = new CsvTokenizer(',', 10, 1);
    const out = new RecordBatchBuilder();
    tokenizer.push(utf8('a,b\n'), out);
    expect(() => tokenizer.push(utf8('c,"12345678901'), out)).toThrow(expect.objectContaining({ reason: 'record_too_long', line: 2 }));
  });

  it('reads the columns keepOnly leaves out as empty, keeping each record its width', () => {
    expect(read([utf8('a,"b,c",d\n1,2,3\n')], { keepOnly: [0, 2] }).records).toEqual([
      [1, 'a', '', 'd'],
      [2, '1', '', '3'],
    ]);
  });

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
