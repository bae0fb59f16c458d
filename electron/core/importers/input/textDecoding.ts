import { UserFacingError } from '../../errors.js';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * Picks the encoding from the first bytes. Exports come as UTF-8 (with or without BOM,
 * Intune and Entra), UTF-16LE with BOM (PowerShell 5.1 `Export-Csv -Encoding Unicode`),
 * rarely UTF-16BE with BOM, and from Excel "CSV" in the ANSI code page: a sample that is not
 * valid UTF-8 is read as Windows-1252 rather than filled with replacement characters.
 */
export function sniffEncoding(sample: Uint8Array): TextEncodingName {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  try {
    // stream: true tolerates a multi-byte character cut at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/**
 * Text that is not an export at all: NUL characters never occur in a CSV or JSON export
 * (UTF-16 without a BOM shows up as every other byte NUL), and more than a few percent of
 * other control characters means a binary file.
 */
export function looksBinary(text: string): boolean {
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return true;
    if (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) control++;
    if (code === 0xfffd) control++;
  }
  return control > Math.max(2, text.length * 0.02);
}

/** Bytes needed before the encoding and the binary check can be decided. */
const SNIFF_BYTES = 4096;

/**
 * Turns an export's bytes into UTF-8 chunk by chunk, never holding the whole file. UTF-8 input
 * passes through untouched (minus its BOM), to be checked where it is parsed (a big CSV's
 * records on the tokenizer's worker thread, which reads an invalid byte as U+FFFD). UTF-16
 * and Windows-1252 go through a streaming TextDecoder, which carries a character split across
 * chunks over to the next one.
 */
export async function* utf8Chunks(bytes: AsyncIterable<Uint8Array>, fileName: string): AsyncGenerator<Buffer> {
  let convert: ((chunk: Buffer) => Buffer) | undefined;
  let finish: (() => Buffer) | undefined;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let totalBytes = 0;
  let encoding: TextEncodingName = 'utf-8';

  const start = (sample: Buffer): Buffer => {
    encoding = sniffEncoding(sample);
    const decoder = new TextDecoder(encoding);
    const probe = new TextDecoder(encoding).decode(sample.subarray(0, SNIFF_BYTES), { stream: true });
    if (looksBinary(probe)) {
      throw new UserFacingError(
        'invalid_input',
        `${fileName} is not a text export (it contains binary data). If it is UTF-16 without a byte-order mark, save it again as UTF-8.`,
      );
    }
    if (encoding === 'utf-8') {
      convert = (chunk) => chunk;
      finish = () => Buffer.alloc(0);
      return sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf ? sample.subarray(3) : sample;
    }
    convert = (chunk) => Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8');
    finish = () => Buffer.from(decoder.decode(), 'utf8');
    return convert(sample);
  };

  for await (const chunk of bytes) {
    if (chunk.length === 0) continue;
    const buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    totalBytes += buffer.length;
    if (convert) {
      const out = convert(buffer);
      if (out.length) yield out;
      continue;
    }
    pending.push(buffer);
    pendingBytes += buffer.length;
    if (pendingBytes >= SNIFF_BYTES) {
      const out = start(Buffer.concat(pending));
      pending = [];
      if (out.length) yield out;
    }
  }
  if (!convert) {
    if (pendingBytes === 0) throw new UserFacingError('empty_file', `${fileName} is empty.`);
    const out = start(Buffer.concat(pending));
    if (out.length) yield out;
  }
  const rest = finish!();
  refuseCutOffUtf16(encoding, totalBytes, rest, fileName);
  if (rest.length) yield rest;
}

/**
 * A UTF-16 export that a copy or a full disk cut off ends half-way through a character: an
 * odd byte count, or a high surrogate with no low one after it. The decoder would turn that
 * tail into U+FFFD and the file would look complete, its last record silently short.
 */
function refuseCutOffUtf16(encoding: TextEncodingName, totalBytes: number, tail: Buffer, fileName: string): void {
  if (encoding !== 'utf-16le' && encoding !== 'utf-16be') return;
  const cutOff =
    totalBytes % 2 === 1
      ? `it has an odd number of bytes (${totalBytes}), and UTF-16 text has two per character`
      : tail.includes('\uFFFD')
        ? 'it ends inside a character (half of a surrogate pair)'
        : null;
  if (cutOff) throw new UserFacingError('invalid_input', `${fileName} is truncated: ${cutOff}. Nothing was imported; copy or export the file again.`);
}
