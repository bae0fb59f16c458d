import { isUtf8 } from 'node:buffer';

/** The text of `bytes[start, end)`, UTF-8. */
export function utf8Text(bytes: Buffer, start: number, end: number): string {
  return bytes.toString('utf8', start, end);
}

/**
 * Writes `value` as UTF-8 into `bytes` at `at`, which must have room for three bytes a UTF-16
 * code unit; returns where it ended. ASCII is copied in a loop, which for the short values of
 * an export beats a call into the encoder.
 */
export function writeUtf8(value: string, bytes: Buffer, at: number): number {
  let end = at;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code > 0x7f) return at + bytes.write(value, at);
    bytes[end++] = code;
  }
  return end;
}

/**
 * The bytes as they are when they are well-formed UTF-8; otherwise the text a TextDecoder reads
 * from them (each invalid sequence a U+FFFD) encoded again. Give it whole characters only, e.g.
 * bytes that end at a line feed, which is never part of a longer character.
 */
export function wellFormedUtf8(bytes: Buffer): Buffer {
  if (isUtf8(bytes)) return bytes;
  return Buffer.from(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), 'utf8');
}
