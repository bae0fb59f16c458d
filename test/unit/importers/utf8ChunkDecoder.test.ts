import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf8ChunkDecoder } from '../../../electron/core/importers/textDecoding.js';

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

function decodeInChunks(chunks: Uint8Array[]): string {
  const decoder = new Utf8ChunkDecoder();
  return chunks.map((chunk) => decoder.decode(chunk)).join('') + decoder.end();
}

function streamingTextDecoder(chunks: Uint8Array[]): string {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  return chunks.map((chunk) => decoder.decode(chunk, { stream: true })).join('') + decoder.decode();
}

describe('Utf8ChunkDecoder', () => {
  it('decodes text cut anywhere, even inside a character, as the text', () => {
    // Characters of one to four UTF-8 bytes, and a byte-order mark, which is kept.
    const character = fc.constantFrom('a', ',', '\n', 'é', 'ß', '€', '東', '\uFEFF', '😀', '𝄞');
    fc.assert(
      fc.property(fc.array(character, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 8 }), (characters, cuts) => {
        const text = characters.join('');
        expect(decodeInChunks(chunked(new TextEncoder().encode(text), cuts))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('reads invalid bytes as TextDecoder streaming does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.array(fc.nat(), { maxLength: 6 }), (bytes, cuts) => {
        const chunks = chunked(bytes, cuts);
        expect(decodeInChunks(chunks)).toBe(streamingTextDecoder(chunks));
      }),
      { numRuns: 2000 },
    );
  });

  it('turns a character the text never finishes into U+FFFD at the end', () => {
    const decoder = new Utf8ChunkDecoder();
    expect(decoder.decode(new Uint8Array([0x61, 0xe2, 0x82]))).toBe('a');
    expect(decoder.end()).toBe('\uFFFD');
  });
});
