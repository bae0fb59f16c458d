import { once } from 'node:events';

/** Bytes gathered before one write; keeps the number of writes small and memory flat. */
const CHUNK = 64 * 1024;

/**
 * Bytes a file (or zlib) stream may queue before its writer waits for it: several chunks, so the
 * writing thread builds the next ones while the disk or the deflater, on their own threads, take
 * these. At Node's default (16 KB) every chunk would wait for the one before.
 */
export const WRITE_AHEAD = 1 << 20;

/**
 * Text gathered as UTF-8 bytes, for writers that emit many short strings (a row, a cell): each
 * string is encoded into the chunk as it comes, so it dies young. Joined into one long string
 * instead, they would outlive garbage collections until the whole chunk was encoded at once.
 * Chunks end between two strings, never inside a character.
 */
export class Utf8Chunks {
  private chunk: Buffer;
  private used = 0;

  constructor(private readonly size = CHUNK) {
    // Room beyond `size`, so a string that starts before the mark always fits (3 bytes per UTF-16 unit at most).
    this.chunk = Buffer.allocUnsafe(size * 2);
  }

  /** Appends `text`; returns the chunk once it holds `size` bytes or more (a new one begins), else null. */
  add(text: string): Buffer | null {
    if (text.length * 3 > this.chunk.length - this.used && Buffer.byteLength(text) > this.chunk.length - this.used) {
      // Longer than the room left (a long note): the chunk so far and the text go out together.
      const out = Buffer.allocUnsafe(this.used + Buffer.byteLength(text));
      this.chunk.copy(out, 0, 0, this.used);
      out.write(text, this.used);
      this.used = 0;
      return out;
    }
    this.used += this.chunk.write(text, this.used);
    return this.used >= this.size ? this.take() : null;
  }

  /** The bytes gathered so far (null when none); a new chunk begins. */
  take(): Buffer | null {
    if (this.used === 0) return null;
    const out = this.chunk.subarray(0, this.used);
    this.chunk = Buffer.allocUnsafe(this.size * 2);
    this.used = 0;
    return out;
  }
}

/** Text appended to a stream in 64 KB chunks, waiting for 'drain' whenever the stream's buffer is full. */
export interface ChunkedWriter {
  push(text: string): Promise<void>;
  flush(): Promise<void>;
}

export function chunkedWriter(out: NodeJS.WritableStream): ChunkedWriter {
  const chunks = new Utf8Chunks();
  const write = async (bytes: Buffer | null) => {
    if (bytes && !out.write(bytes)) await once(out, 'drain');
  };
  return {
    flush: () => write(chunks.take()),
    push: (text) => write(chunks.add(text)),
  };
}
