/**
 * Numbered schema migrations for the `.mdmsnap` snapshot, one file per version.
 *
 * The SQL lives in TypeScript (not in .sql files read at runtime) so that it is bundled
 * into the Electron main build and never has to be read out of the asar. Each entry runs
 * inside one transaction; `PRAGMA user_version` records the last applied number. A file
 * whose user_version is higher than the last entry here was written by a newer app and is
 * refused untouched (see openSnapshot.ts). A released migration never changes: a new
 * version gets a new file. One that copies devices names its columns rather than
 * `SELECT *`, whose order only the table's history fixes (see deviceColumns.ts).
 */
import type { Migration } from './migration.js';
import { v001Schema } from './v001Schema.js';
import { v002RejectionSeverity } from './v002RejectionSeverity.js';
import { v003DerivedFacts } from './v003DerivedFacts.js';
import { v004DeviceBrowseIndexes } from './v004DeviceBrowseIndexes.js';
import { v005LeanerDeviceIndexes } from './v005LeanerDeviceIndexes.js';
import { v006DeferrableIntuneIdIndex } from './v006DeferrableIntuneIdIndex.js';
import { v007DerivedFactHolderIndexes } from './v007DerivedFactHolderIndexes.js';
import { v008DeviceOwner } from './v008DeviceOwner.js';
import { v009Wizard } from './v009Wizard.js';
import { v010ImportDateOrder } from './v010ImportDateOrder.js';
import { v011Playbook } from './v011Playbook.js';
import { v012Reconciliation } from './v012Reconciliation.js';
import { v013RedactionSecret } from './v013RedactionSecret.js';

export type { Migration } from './migration.js';

export const MIGRATIONS: readonly Migration[] = [
  v001Schema,
  v002RejectionSeverity,
  v003DerivedFacts,
  v004DeviceBrowseIndexes,
  v005LeanerDeviceIndexes,
  v006DeferrableIntuneIdIndex,
  v007DerivedFactHolderIndexes,
  v008DeviceOwner,
  v009Wizard,
  v010ImportDateOrder,
  v011Playbook,
  v012Reconciliation,
  v013RedactionSecret,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
