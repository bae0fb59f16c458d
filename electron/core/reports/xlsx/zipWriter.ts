import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { crc32, createDeflateRaw, type DeflateRaw, type ZlibOptions } from 'node:zlib';
import { WRITE_AHEAD } from '../../chunkedWriter.js';

/** Where an entry's bytes go as they are made; `write` waits while the deflater or the disk is behind. */
export interface ByteSink<Closed> {
  write(data: string | Buffer): Promise<void>;
  close(): Promise<Closed>;
}

/** An entry's data as a zip records it: CRC-32 and sizes. */
export interface DeflatedSizes {
  readonly crc: number;
  readonly size: number;
  readonly compressedSize: number;
}

/** An entry's data deflated into a file of its own (deflatedFile), for a ZipWriter to take in whole. */
export interface DeflatedFile extends DeflatedSizes {
  readonly path: string;
}

interface CentralRecord extends DeflatedSizes {
  readonly name: Buffer;
  readonly offset: number;
}

/** Sizes and offsets of the classic zip format; the workbook of a 1,000,000-device tenant stays far below. */
const ZIP32_LIMIT = 0xffff_ffff;
/** General purpose flags: sizes and CRC follow the data (bit 3), names are UTF-8 (bit 11). */
const FLAGS = 0x0808;
const DEFLATE = 8;
const VERSION = 20;
/** 1 January 1980, 00:00, the format's first day, for every entry (MS-DOS date and time fields). */
const DOS_DATE = (1 << 5) | 1;
const DOS_TIME = 0;
/** zlib's deflate level: the sheets are repetitive XML that level 1 already shrinks about fivefold. */
const LEVEL = 1;

/**
 * The fields an entry's local header (at 4) and its central directory record (at 6) share, from
 * "version needed" to the name's length; `sizes` null leaves the CRC and sizes zero.
 */
function entryFields(header: Buffer, at: number, nameLength: number, sizes: DeflatedSizes | null): void {
  header.writeUInt16LE(VERSION, at);
  header.writeUInt16LE(FLAGS, at + 2);
  header.writeUInt16LE(DEFLATE, at + 4);
  header.writeUInt16LE(DOS_TIME, at + 6);
  header.writeUInt16LE(DOS_DATE, at + 8);
  if (sizes) {
    header.writeUInt32LE(sizes.crc, at + 10);
    header.writeUInt32LE(sizes.compressedSize, at + 14);
    header.writeUInt32LE(sizes.size, at + 18);
  }
  header.writeUInt16LE(nameLength, at + 22);
}

/**
 * Bytes deflated into `out` as they are written (zlib works on its own threads, so the caller
 * keeps building the next ones), their CRC-32 taken with zlib's native crc32 on the way.
 */
function deflateInto(out: WriteStream): { deflater: DeflateRaw; sink: ByteSink<DeflatedSizes> } {
  // Output room for a whole written chunk's deflated bytes, so each write is one round on
  // zlib's thread. (zlib streams take the stream options too; its option type leaves them out.)
  const options: ZlibOptions & { highWaterMark: number } = { level: LEVEL, memLevel: 9, chunkSize: 128 * 1024, highWaterMark: WRITE_AHEAD };
  const deflater = createDeflateRaw(options);
  let crc = 0;
  let size = 0;
  let compressedSize = 0;
  deflater.on('data', (chunk: Buffer) => {
    compressedSize += chunk.length;
    if (!out.write(chunk)) {
      deflater.pause();
      out.once('drain', () => deflater.resume());
    }
  });
  const ended = once(deflater, 'end');
  // A deflate error surfaces through `ended`; keep it from being unhandled meanwhile.
  ended.catch(() => undefined);
  return {
    deflater,
    sink: {
      async write(data) {
        const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
        if (bytes.length === 0) return;
        crc = crc32(bytes, crc);
        size += bytes.length;
        if (!deflater.write(bytes)) await once(deflater, 'drain');
      },
      async close() {
        deflater.end();
        await ended;
        return { crc, size, compressedSize };
      },
    },
  };
}

/**
 * An entry's data deflated into a file of its own: another thread makes it, and the thread
 * that writes the zip takes it in with `addDeflated`.
 */
export function deflatedFile(path: string): ByteSink<DeflatedFile> {
  const out = createWriteStream(path, { highWaterMark: WRITE_AHEAD });
  const { deflater, sink } = deflateInto(out);
  out.on('error', (error) => deflater.destroy(error));
  return {
    write: sink.write,
    async close() {
      const sizes = await sink.close();
      out.end();
      await once(out, 'close');
      return { ...sizes, path };
    },
  };
}

/**
 * A streaming zip writer for report.xlsx: each entry is deflated as it is written, sizes and CRC
 * following the data in a descriptor. Entries are written one at a time, in any order. Every
 * entry carries the same timestamp, so the same content gives the same bytes (the workbook's own
 * properties carry the report date).
 */
export class ZipWriter {
  private readonly out: WriteStream;
  private readonly records: CentralRecord[] = [];
  private offset = 0;
  private entryOpen = false;
  private deflater: DeflateRaw | null = null;
  private failure: Error | null = null;

  constructor(path: string) {
    this.out = createWriteStream(path, { highWaterMark: WRITE_AHEAD });
    // A write error (a full disk) ends the entry being deflated with it, so no one waits for a drain that never comes.
    this.out.on('error', (error) => {
      this.failure ??= error;
      this.deflater?.destroy(error);
    });
  }

  /** Starts an entry; the previous one must be closed. */
  entry(name: string): ByteSink<void> {
    const start = this.begin(name);
    const { deflater, sink } = deflateInto(this.out);
    this.deflater = deflater;
    return {
      write: sink.write,
      close: async () => this.end(start, await sink.close()),
    };
  }

  /** An entry whose data another thread deflated into a file (deflatedFile), copied in whole. */
  async addDeflated(name: string, file: DeflatedFile): Promise<void> {
    const start = this.begin(name);
    for await (const chunk of createReadStream(file.path, { highWaterMark: WRITE_AHEAD })) {
      if (!this.out.write(chunk)) await once(this.out, 'drain');
    }
    this.end(start, file);
  }

  /** A whole entry from text already in memory (the workbook's small parts). */
  async add(name: string, text: string): Promise<void> {
    const entry = this.entry(name);
    await entry.write(text);
    await entry.close();
  }

  /** Writes the central directory and closes the file. */
  async close(): Promise<void> {
    if (this.entryOpen) throw new Error('zip closed before its last entry was');
    if (this.failure) throw this.failure;
    const start = this.offset;
    for (const record of this.records) {
      const header = Buffer.alloc(46);
      header.writeUInt32LE(0x02014b50, 0);
      header.writeUInt16LE(VERSION, 4);
      entryFields(header, 6, record.name.length, record);
      // Extra field, comment, disk number and attributes (30–41) stay zero.
      header.writeUInt32LE(record.offset, 42);
      this.raw(header);
      this.raw(record.name);
    }
    const size = this.offset - start;
    if (this.records.length > 0xffff || start > ZIP32_LIMIT) throw new Error('The archive is larger than a zip without ZIP64 can hold (4 GB, 65,535 entries).');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.records.length, 8);
    end.writeUInt16LE(this.records.length, 10);
    end.writeUInt32LE(size, 12);
    end.writeUInt32LE(start, 16);
    this.raw(end);
    this.out.end();
    await once(this.out, 'close');
  }

  /** Ends the file without a directory (after a failure); what was written is not a valid zip. */
  async abort(): Promise<void> {
    if (this.out.closed) return;
    const closed = new Promise<void>((resolve) => this.out.once('close', () => resolve()));
    this.out.destroy();
    await closed;
  }

  /** Writes an entry's local header; its data follows. */
  private begin(name: string): { name: Buffer; offset: number } {
    if (this.entryOpen) throw new Error(`zip entry ${name} started before the previous one was closed`);
    if (this.failure) throw this.failure;
    const nameBytes = Buffer.from(name, 'utf8');
    const offset = this.offset;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    // CRC and sizes stay zero: the data descriptor after the data holds them.
    entryFields(header, 4, nameBytes.length, null);
    this.raw(header);
    this.raw(nameBytes);
    this.entryOpen = true;
    return { name: nameBytes, offset };
  }

  /** Writes an entry's data descriptor, after its `sizes.compressedSize` bytes of data. */
  private end(start: { name: Buffer; offset: number }, sizes: DeflatedSizes): void {
    this.offset += sizes.compressedSize;
    if (sizes.size > ZIP32_LIMIT || sizes.compressedSize > ZIP32_LIMIT || start.offset > ZIP32_LIMIT) {
      throw new Error(`${start.name.toString()} is larger than a zip without ZIP64 can hold (4 GB).`);
    }
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(sizes.crc, 4);
    descriptor.writeUInt32LE(sizes.compressedSize, 8);
    descriptor.writeUInt32LE(sizes.size, 12);
    this.raw(descriptor);
    this.records.push({ name: start.name, offset: start.offset, crc: sizes.crc, size: sizes.size, compressedSize: sizes.compressedSize });
    this.entryOpen = false;
    this.deflater = null;
  }

  private raw(bytes: Buffer): boolean {
    this.offset += bytes.length;
    return this.out.write(bytes);
  }
}
