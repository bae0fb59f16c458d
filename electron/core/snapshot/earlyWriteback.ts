import { closeSync, fdatasync, openSync } from 'node:fs';

/**
 * Starts writing a file's dirty pages to disk on a libuv thread while the caller goes on, so
 * that the commit's own fsync finds most of a bulk load on disk already: the disk works while
 * the CPU rebuilds the indexes, instead of after. It only flushes early: the commit's fsync is still what makes the
 * transaction durable, so a failure here is ignored.
 *
 * The returned function closes the descriptor once the flush is done. Call it only after the
 * transaction has ended: closing any descriptor of a file drops every POSIX lock the process
 * holds on it, SQLite's included, and another process could then write into the transaction.
 */
export function startWriteback(path: string): () => Promise<void> {
  let fd: number;
  try {
    // Opened for writing though nothing is written through it: Windows flushes (FlushFileBuffers)
    // only through a handle that may write.
    fd = openSync(path, 'r+');
  } catch {
    return async () => {};
  }
  const flushed = new Promise<void>((resolve) => fdatasync(fd, () => resolve()));
  return async () => {
    await flushed;
    closeSync(fd);
  };
}
