import { APP_VERSION } from '../appVersion.js';
import { closeSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { UserFacingError } from '../errors.js';
import { statExistingFile } from '../existingFile.js';
import { LATEST_SCHEMA_VERSION } from './migrations/index.js';

/** PRAGMA application_id of every snapshot: "MDMS" in ASCII. Marks the file as ours. */
export const SNAPSHOT_APPLICATION_ID = 0x4d444d53;

const SQLITE_MAGIC = 'SQLite format 3\u0000';
const HEADER_BYTES = 100;

export interface SnapshotHeader {
  readonly schemaVersion: number;
  readonly pageSize: number;
  readonly fileBytes: number;
}

/**
 * Reads the 100-byte SQLite header of an existing file and refuses anything that is not a
 * snapshot this build can open, before SQLite itself touches the file. Reading the header
 * with plain fs calls guarantees the refused file stays byte-identical.
 */
export function inspectSnapshotFile(path: string): SnapshotHeader {
  const name = basename(path);
  const stats = statExistingFile(path);
  if (!stats.isFile()) throw new UserFacingError('not_a_file', `${path} is a folder, not a snapshot file.`);
  if (stats.size === 0) throw new UserFacingError('empty_file', `${name} is empty: it is not a snapshot.`);

  const header = Buffer.alloc(HEADER_BYTES);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, HEADER_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  if (read < SQLITE_MAGIC.length || header.toString('latin1', 0, SQLITE_MAGIC.length) !== SQLITE_MAGIC) {
    throw new UserFacingError(
      'not_sqlite',
      `${name} is not an MDM Migration Assistant snapshot: it is not a SQLite database.`,
    );
  }
  if (read < HEADER_BYTES) {
    throw new UserFacingError('truncated', `${name} is truncated (${stats.size} bytes): restore it from a copy.`);
  }

  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const changeCounter = header.readUInt32BE(24);
  const pagesInHeader = header.readUInt32BE(28);
  const versionValidFor = header.readUInt32BE(92);
  // The in-header page count is only trustworthy when it was written by the same change as
  // the change counter (SQLite file format, section 1.3.7).
  const expectedBytes = changeCounter === versionValidFor ? pagesInHeader * pageSize : 0;
  if (stats.size % pageSize !== 0 || stats.size < expectedBytes) {
    throw new UserFacingError(
      'truncated',
      `${name} is truncated: it has ${stats.size} bytes but its header describes ${expectedBytes}. Restore it from a copy.`,
    );
  }

  const applicationId = header.readUInt32BE(68);
  if (applicationId !== SNAPSHOT_APPLICATION_ID) {
    throw new UserFacingError(
      'not_a_snapshot',
      `${name} is a SQLite database but not an MDM Migration Assistant snapshot.`,
    );
  }
  const schemaVersion = header.readUInt32BE(60);
  assertSchemaVersionSupported(name, schemaVersion);
  return { schemaVersion, pageSize, fileBytes: stats.size };
}

export function assertSchemaVersionSupported(name: string, schemaVersion: number): void {
  if (schemaVersion > LATEST_SCHEMA_VERSION) {
    throw new UserFacingError(
      'newer_schema',
      `${name} was written by a newer version of MDM Migration Assistant (${APP_VERSION} is installed here), which saves engagements in a form this version cannot read. Open it with that newer version; the file was not changed.`,
    );
  }
}
