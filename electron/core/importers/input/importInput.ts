import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { UserFacingError } from '../../errors.js';
import { statExistingFile } from '../../existingFile.js';

export type InputFormat = 'csv' | 'json';

/** One file given to an import, checked to exist and be readable, not yet parsed. */
export interface ImportInput {
  readonly path: string;
  /** What messages call the input: the file name, or `export.zip › devices.csv`. */
  readonly displayName: string;
  readonly format: InputFormat;
  readonly bytes: number;
  /** The content is the file itself, not an entry of a zip: its bytes are the ones the file's sha256 is of (see openContent). */
  readonly contentIsFile: boolean;
  /** Opens the (decompressed) content as a fresh byte stream; each call starts from the beginning. */
  open(): Promise<Readable>;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** A zip with nothing in it is only an end-of-central-directory record. */
const EMPTY_ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

function firstBytes(path: string, count: number): Buffer {
  const buffer = Buffer.alloc(count);
  const fd = openSync(path, 'r');
  try {
    return buffer.subarray(0, readSync(fd, buffer, 0, count, 0));
  } finally {
    closeSync(fd);
  }
}

/** JSON starts with `{` or `[` after an optional BOM and whitespace, in UTF-8 or UTF-16. */
function looksLikeJson(head: Buffer): boolean {
  const text = head.toString('latin1').replace(/[\u0000\uFEFF\u00EF\u00BB\u00BF\u00FF\u00FE\s]/g, '');
  return text.startsWith('{') || text.startsWith('[');
}

/**
 * Checks a path before anything is parsed: it exists, is a file, is not empty, and is a CSV,
 * a JSON document or the zip the Intune admin centre downloads (whose first CSV is used).
 */
export async function resolveImportInput(path: string): Promise<ImportInput> {
  const name = basename(path);
  const stats = statExistingFile(path);
  if (stats.isDirectory()) throw new UserFacingError('not_a_file', `${path} is a folder, not an export file.`);
  if (!stats.isFile()) throw new UserFacingError('not_a_file', `${path} is not a regular file.`);
  if (stats.size === 0) throw new UserFacingError('empty_file', `${name} is empty.`);

  const head = firstBytes(path, 64);
  if (head.subarray(0, 4).equals(ZIP_MAGIC) || head.subarray(0, 4).equals(EMPTY_ZIP_MAGIC)) return zipInput(path, name);
  return {
    path,
    displayName: name,
    format: looksLikeJson(head) ? 'json' : 'csv',
    bytes: stats.size,
    contentIsFile: true,
    // 256 KB reads: with 1 MB ones, each chunk's few thousand parsed records outlived a young
    // generation collection and were promoted, and a 250,000-row import peaked 130 MB higher.
    open: async () => createReadStream(path, { highWaterMark: 1 << 18 }),
  };
}

async function zipInput(path: string, name: string): Promise<ImportInput> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
  } catch (error) {
    throw new UserFacingError('invalid_input', `${name} is not a readable zip file (${(error as Error).message}).`);
  }
  let entry: yauzl.Entry | undefined;
  try {
    entry = await findEntry(zip, (entryName) => /\.(csv|json)$/i.test(entryName));
  } finally {
    zip.close();
  }
  if (!entry) throw new UserFacingError('invalid_input', `${name} holds no CSV or JSON file: download the device export again.`);
  const entryName = entry.fileName;
  return {
    path,
    displayName: `${name} › ${basename(entryName)}`,
    format: /\.json$/i.test(entryName) ? 'json' : 'csv',
    bytes: entry.uncompressedSize,
    contentIsFile: false,
    async open() {
      // yauzl streams and inflates the entry; the archive is never loaded whole.
      const archive = await yauzl.openPromise(path, { lazyEntries: true, autoClose: true });
      const found = await findEntry(archive, (candidate) => candidate === entryName);
      if (!found) throw new UserFacingError('invalid_input', `${name} changed while it was being imported.`);
      return archive.openReadStreamPromise(found);
    },
  };
}

function findEntry(zip: yauzl.ZipFile, wanted: (entryName: string) => boolean): Promise<yauzl.Entry | undefined> {
  return new Promise((resolve, reject) => {
    const onEntry = (entry: yauzl.Entry) => {
      if (!entry.fileName.endsWith('/') && wanted(entry.fileName)) {
        zip.off('end', onEnd);
        zip.off('entry', onEntry);
        resolve(entry);
      } else zip.readEntry();
    };
    const onEnd = () => resolve(undefined);
    zip.on('entry', onEntry).once('end', onEnd).once('error', reject);
    zip.readEntry();
  });
}

/** An input's content, opened, with the sha256 recorded in import_batches. */
export interface OpenedContent {
  readonly bytes: AsyncIterable<Uint8Array>;
  /** Stops reading. */
  destroy(): void;
  /** The file's sha256, as given (the zip's, for a zip); call it once `bytes` have been read to their end. */
  sha256(): Promise<string>;
}

/**
 * Opens the content. A plain file's bytes are hashed as they are read, so the file is not read
 * a second time for its hash; a zip entry's are not the zip's, which is read on its own.
 */
export async function openContent(input: ImportInput): Promise<OpenedContent> {
  const stream = await input.open();
  const destroy = () => stream.destroy();
  if (!input.contentIsFile) return { bytes: stream, destroy, sha256: () => sha256File(input.path) };
  const digest = createHash('sha256');
  async function* hashed(): AsyncGenerator<Uint8Array> {
    for await (const chunk of stream) {
      digest.update(chunk as Buffer);
      yield chunk as Buffer;
    }
  }
  return { bytes: hashed(), destroy, sha256: async () => digest.digest('hex') };
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
