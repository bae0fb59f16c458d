import { DATE_ORDERS, type DateOrder } from '../../core/importers/kinds/cultureDates.js';
import { importLaterExport, reconcileSnapshot, type BatchReconciliation, type ReconciliationCounts } from '../../core/reconciliation/index.js';
import { openSnapshot } from '../../core/snapshot/openSnapshot.js';
import { UsageError, type CliCommand } from '../cliCommand.js';
import { formatCount } from '../formatCount.js';
import { actorFlag, parseFlags, requiredFlag } from '../parseFlags.js';

function countsLine(counts: ReconciliationCounts): string {
  const n = formatCount;
  return `${n(counts.checked_in)} checked in, ${n(counts.stale)} stale, ${n(counts.not_found)} not found, ${n(counts.userless_pending_support)} userless (support case) of ${n(counts.total)}`;
}

function batchText(batch: BatchReconciliation): string {
  return [
    `${batch.label} (${batch.files.join(', ')}; ${formatCount(batch.devicesInExport)} devices in the export, imported ${batch.importedAt.slice(0, 16).replace('T', ' ')} UTC)`,
    `  All MDM devices   ${countsLine(batch.overall)}`,
    ...batch.byWave.map((wave) => `  ${wave.wave.padEnd(17)} ${countsLine(wave.counts)}`),
  ].join('\n');
}

export const reconcileCommand: CliCommand = {
  name: 'reconcile',
  summary: 'Keep a later Intune export beside the baseline and show what became of each device, per wave',
  usage: [
    'mdm-migrate reconcile --db FILE [--label TEXT] [--by NAME] [--as KIND] [--date-order dmy|mdy] [EXPORT...] [--json]',
    '',
    'With EXPORT files (an Intune admin centre device export or Graph managedDevices), they are kept as a new',
    'batch; the baseline is never replaced. Then every batch is shown: each baseline MDM device checked in',
    'since its wave moved (or since the switch), stale, not found, or userless and waiting for a support case.',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseFlags(
      this,
      args,
      { db: { type: 'string' }, label: { type: 'string' }, by: { type: 'string' }, as: { type: 'string' }, 'date-order': { type: 'string' }, json: { type: 'boolean', default: false } },
      true,
    );
    const file = requiredFlag(this, values.db, '--db');
    const dateOrder = values['date-order'];
    if (dateOrder !== undefined && !DATE_ORDERS.includes(dateOrder as DateOrder)) throw new UsageError(`--date-order must be dmy or mdy, got "${dateOrder}"`, this);
    if (positionals.length === 0 && values.label !== undefined) throw new UsageError('--label names a later export: give its files too', this);
    const snapshot = openSnapshot(file, { mustExist: true, nativeBinding: io.nativeBinding });
    try {
      if (positionals.length > 0) {
        const batch = await importLaterExport(snapshot, positionals, {
          label: values.label ?? `Later export ${new Date().toISOString().slice(0, 10)}`,
          by: actorFlag(values.by),
          as: values.as,
          dateOrder: dateOrder as DateOrder | undefined,
          nativeBinding: io.nativeBinding,
        });
        if (!values.json) io.stdout.write(`Kept ${batch.files.join(', ')} as "${batch.label}": ${formatCount(batch.devices)} devices.\n`);
      }
      const batches = reconcileSnapshot(snapshot);
      if (values.json) io.stdout.write(`${JSON.stringify({ batches }, null, 2)}\n`);
      else if (batches.length === 0) io.stdout.write('No later export yet: give one to compare with the baseline.\n');
      else io.stdout.write(`${batches.map(batchText).join('\n\n')}\n`);
      return 0;
    } finally {
      snapshot.close();
    }
  },
};
