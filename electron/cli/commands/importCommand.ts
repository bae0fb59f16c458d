import { existsSync, rmSync } from 'node:fs';
import { DATE_ORDERS, type DateOrder } from '../../core/importers/kinds/cultureDates.js';
import { importFiles, preflightImportFiles, type ImportedFile, type ImportProgress } from '../../core/importers/importService.js';
import { IMPORT_KINDS } from '../../core/importers/kinds/importKinds.js';
import { describeRemovedRows } from '../../contract/imports.js';
import { exportRejectionsCsv } from '../../core/reports/rejectionsCsv.js';
import { DEFAULT_PLAYBOOK_ID } from '../../core/playbooks/index.js';
import { openSnapshot } from '../../core/snapshot/openSnapshot.js';
import { choosePlaybook } from '../../core/wizard/index.js';
import { UsageError, type CliCommand, type CliIo } from '../cliCommand.js';
import { actorFlag, parseFlags, playbookFlag, requiredFlag } from '../parseFlags.js';

/** A one-line progress bar, redrawn at most ten times a second; only on a terminal. */
function progressBar(io: CliIo): ((progress: ImportProgress) => void) | undefined {
  if (!io.stderr.isTTY) return undefined;
  let last = 0;
  return ({ done, total, label }) => {
    const now = performance.now();
    if (now - last < 100 && done < total) return;
    last = now;
    const share = total > 0 ? done / total : 1;
    const filled = Math.round(share * 30);
    io.stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(30 - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ${label.slice(0, 40).padEnd(40)}`);
  };
}

/** "Imported devices.csv as intune-devices: 40 rows (1 rejected)". */
function importedLine(file: ImportedFile): string {
  const notes = [file.rowsRejected && `${file.rowsRejected} rejected`, file.warnings && `${file.warnings} warnings`].filter(Boolean);
  return `Imported ${file.displayName} as ${file.kind}: ${file.rowsAccepted} rows${notes.length ? ` (${notes.join(', ')})` : ''}\n`;
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import export files (Intune, Graph, ConfigMgr, Entra, templates) into a snapshot',
  usage:
    'mdm-migrate import --db FILE [--as KIND] [--date-order dmy|mdy] [--replace] [--rejections OUT.csv] [--playbook ID] INPUT...\n\n' +
    `  --playbook    the migration a new snapshot is for (default ${DEFAULT_PLAYBOOK_ID}; "mdm-migrate playbooks" lists them)\n` +
    '  --date-order  how to read dates like 6/5/2019 in files whose own dates do not settle it: dmy (day first) or mdy (month first)\n' +
    '  --replace     let the import remove rows an earlier import brought in that the new exports no longer list\n\n' +
    `Kinds: ${IMPORT_KINDS.map((kind) => kind.id).join(', ')}`,
  async run(args, io) {
    const { values, positionals } = parseFlags(
      this,
      args,
      { db: { type: 'string' }, as: { type: 'string' }, rejections: { type: 'string' }, 'date-order': { type: 'string' }, replace: { type: 'boolean' }, playbook: { type: 'string' } },
      true,
    );
    const db = requiredFlag(this, values.db, '--db');
    if (positionals.length === 0) throw new UsageError('give at least one INPUT file', this);
    const dateOrder = values['date-order'];
    if (dateOrder !== undefined && !DATE_ORDERS.includes(dateOrder as DateOrder)) throw new UsageError(`--date-order must be dmy or mdy, got "${dateOrder}"`, this);
    // An unknown kind is a mistake in the command line, not in a file: a usage error like any bad flag.
    if (values.as !== undefined && !IMPORT_KINDS.some((kind) => kind.id === values.as)) {
      throw new UsageError(`--as must be one of ${IMPORT_KINDS.map((kind) => kind.id).join(', ')}; got "${values.as}"`, this);
    }
    const playbookId = playbookFlag(this, values.playbook);
    const options = { as: values.as, dateOrder: dateOrder as DateOrder | undefined, replace: values.replace === true };

    // Every file is checked before the snapshot is opened or created: bad input changes nothing.
    const bad = (await preflightImportFiles(positionals, options)).filter((file) => file.error);
    if (bad.length > 0) {
      for (const file of bad) io.stderr.write(`mdm-migrate: ${file.error!.message}\n`);
      return 1;
    }

    const existed = existsSync(db);
    const snapshot = openSnapshot(db, { create: true, nativeBinding: io.nativeBinding });
    const onProgress = progressBar(io);
    let committed = false;
    try {
      // A new snapshot is a new engagement: it records its migration. An existing one keeps its own (a different --playbook is refused).
      if (!existed || values.playbook !== undefined) choosePlaybook(snapshot, { playbookId, by: actorFlag(undefined) });
      const outcome = await importFiles(snapshot, positionals, { ...options, onProgress });
      if (onProgress) io.stderr.write('\n');
      committed = outcome.committed;
      for (const file of outcome.files) {
        if (file.error) io.stderr.write(`mdm-migrate: ${file.error.message}\n`);
        else if (file.status === 'imported') {
          io.stdout.write(importedLine(file));
          for (const note of file.notes) io.stderr.write(`mdm-migrate: warning: ${file.displayName}: ${note}\n`);
        }
      }
      if (outcome.wouldRemove.length > 0) {
        io.stderr.write(
          `mdm-migrate: this import would remove ${describeRemovedRows(outcome.wouldRemove)} that an earlier import brought in and the new exports no longer list; nothing was imported. Run it again with --replace if the new exports are complete.\n`,
        );
      }
      if (committed && values.rejections) {
        const count = await exportRejectionsCsv(snapshot, values.rejections);
        io.stdout.write(`Wrote ${count} rejected or warned rows to ${values.rejections}\n`);
      }
    } finally {
      snapshot.close();
      // A snapshot this run created for an import that did not happen is not left behind.
      if (!committed && !existed) for (const suffix of ['', '-journal']) rmSync(`${db}${suffix}`, { force: true });
    }
    return committed ? 0 : 1;
  },
};
