import { once } from 'node:events';

/** Characters buffered before one write; keeps the number of writes small and memory flat. */
const CHUNK = 64 * 1024;

/** Text appended to a stream in 64 KB chunks, waiting for 'drain' whenever the stream's buffer is full. */
export interface ChunkedWriter {
  push(text: string): Promise<void>;
  flush(): Promise<void>;
}

export function chunkedWriter(out: NodeJS.WritableStream): ChunkedWriter {
  let buffer = '';
  const flush = async () => {
    if (!buffer) return;
    const full = !out.write(buffer);
    buffer = '';
    if (full) await once(out, 'drain');
  };
  return {
    flush,
    async push(text) {
      buffer += text;
      if (buffer.length >= CHUNK) await flush();
    },
  };
}
