import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { crc32, createDeflateRaw, type DeflateRaw, type ZlibOptions } from 'node:zlib';
import { WRITE_AHEAD } from '../../chunkedWriter.js';

/** One entry of the archive being written; `write` waits while the deflater or the disk is behind. */
export interface ZipEntryWriter {
  write(data: string | Buffer): Promise<void>;
  close(): Promise<void>;
}

interface CentralRecord {
  readonly name: Buffer;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
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

/**
 * A streaming zip writer for report.xlsx: each entry is deflated as it is written (zlib on its
 * own threads, so the caller keeps building the next rows) and its CRC-32 taken with zlib's
 * native crc32, sizes and CRC following the data in a descriptor. Entries are written one at a
 * time, in any order. Every entry carries the same timestamp, so the same content gives the
 * same bytes (the workbook's own properties carry the report date).
 */
export class ZipWriter {
  private readonly out: WriteStream;
  private readonly records: CentralRecord[] = [];
  private offset = 0;
  private open: Promise<void> | null = null;
  private deflater: DeflateRaw | null = null;
  private failure: Error | null = null;

  constructor(
    path: string,
    /** zlib's deflate level: the sheets are repetitive XML that level 1 already shrinks about fivefold. */
    private readonly level = 1,
  ) {
    this.out = createWriteStream(path, { highWaterMark: WRITE_AHEAD });
    // A write error (a full disk) ends the entry being deflated with it, so no one waits for a drain that never comes.
    this.out.on('error', (error) => {
      this.failure ??= error;
      this.deflater?.destroy(error);
    });
  }

  /** Starts an entry; the previous one must be closed. */
  entry(name: string): ZipEntryWriter {
    if (this.open) throw new Error(`zip entry ${name} started before the previous one was closed`);
    if (this.failure) throw this.failure;
    const nameBytes = Buffer.from(name, 'utf8');
    const offset = this.offset;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(DOS_TIME, 10);
    header.writeUInt16LE(DOS_DATE, 12);
    // CRC and sizes (14–25) stay zero: the data descriptor after the data holds them.
    header.writeUInt16LE(nameBytes.length, 26);
    this.raw(header);
    this.raw(nameBytes);

    // Output room for a whole written chunk's deflated bytes, so each write is one round on
    // zlib's thread. (zlib streams take the stream options too; its option type leaves them out.)
    const options: ZlibOptions & { highWaterMark: number } = { level: this.level, memLevel: 9, chunkSize: 128 * 1024, highWaterMark: WRITE_AHEAD };
    const deflater: DeflateRaw = createDeflateRaw(options);
    this.deflater = deflater;
    let crc = 0;
    let size = 0;
    let compressedSize = 0;
    deflater.on('data', (chunk: Buffer) => {
      compressedSize += chunk.length;
      if (!this.raw(chunk)) {
        deflater.pause();
        this.out.once('drain', () => deflater.resume());
      }
    });
    const ended = once(deflater, 'end');
    // A deflate error surfaces through `ended`; keep it from being unhandled meanwhile.
    ended.catch(() => undefined);
    let resolveOpen!: () => void;
    this.open = new Promise((resolve) => (resolveOpen = resolve));

    return {
      write: async (data) => {
        const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
        if (bytes.length === 0) return;
        crc = crc32(bytes, crc);
        size += bytes.length;
        if (!deflater.write(bytes)) await once(deflater, 'drain');
      },
      close: async () => {
        deflater.end();
        await ended;
        if (size > ZIP32_LIMIT || compressedSize > ZIP32_LIMIT || offset > ZIP32_LIMIT) {
          throw new Error(`${name} is larger than a zip without ZIP64 can hold (4 GB).`);
        }
        const descriptor = Buffer.alloc(16);
        descriptor.writeUInt32LE(0x08074b50, 0);
        descriptor.writeUInt32LE(crc, 4);
        descriptor.writeUInt32LE(compressedSize, 8);
        descriptor.writeUInt32LE(size, 12);
        this.raw(descriptor);
        this.records.push({ name: nameBytes, crc, compressedSize, size, offset });
        this.open = null;
        this.deflater = null;
        resolveOpen();
      },
    };
  }

  /** A whole entry from text already in memory (the workbook's small parts). */
  async add(name: string, text: string): Promise<void> {
    const entry = this.entry(name);
    await entry.write(text);
    await entry.close();
  }

  /** Writes the central directory and closes the file. */
  async close(): Promise<void> {
    await this.open;
    if (this.failure) throw this.failure;
    const start = this.offset;
    for (const record of this.records) {
      const header = Buffer.alloc(46);
      header.writeUInt32LE(0x02014b50, 0);
      header.writeUInt16LE(VERSION, 4);
      header.writeUInt16LE(VERSION, 6);
      header.writeUInt16LE(FLAGS, 8);
      header.writeUInt16LE(DEFLATE, 10);
      header.writeUInt16LE(DOS_TIME, 12);
      header.writeUInt16LE(DOS_DATE, 14);
      header.writeUInt32LE(record.crc, 16);
      header.writeUInt32LE(record.compressedSize, 20);
      header.writeUInt32LE(record.size, 24);
      header.writeUInt16LE(record.name.length, 28);
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

  private raw(bytes: Buffer): boolean {
    this.offset += bytes.length;
    return this.out.write(bytes);
  }
}
