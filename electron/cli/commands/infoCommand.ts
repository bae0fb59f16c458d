import { snapshotOverview } from '../../core/queries/snapshotOverview.js';
import { openSnapshot } from '../../core/snapshot/openSnapshot.js';
import type { CliCommand } from '../cliCommand.js';
import { formatCount as n } from '../formatCount.js';
import { parseFlags, requiredFlag } from '../parseFlags.js';

export const infoCommand: CliCommand = {
  name: 'info',
  summary: 'Show what a snapshot holds',
  usage: 'mdm-migrate info --db FILE [--json]',
  async run(args, io) {
    const { values } = parseFlags(this, args, { db: { type: 'string' }, json: { type: 'boolean', default: false } });
    const snapshot = openSnapshot(requiredFlag(this, values.db, '--db'), { mustExist: true, nativeBinding: io.nativeBinding });
    try {
      const overview = snapshotOverview(snapshot);
      if (values.json) {
        io.stdout.write(`${JSON.stringify(overview, null, 2)}\n`);
        return 0;
      }
      const lines = [
        `Snapshot        ${overview.summary.fileName} (schema ${overview.summary.schemaVersion})`,
        `Customer        ${overview.summary.customer || '—'}${overview.summary.isDemo ? ' [demo]' : ''}`,
        `Data as of      ${overview.summary.dataAsOf ?? 'unknown'}`,
        `MDM authority   ${overview.tenant.mdmAuthority ?? 'unknown'}`,
        `Users           ${n(overview.users.total)} (${n(overview.users.inEntra)} in Entra, ${n(overview.users.demAccounts)} DEM accounts)`,
        `Devices         ${n(overview.devices.total)} (${n(overview.devices.withoutPrimaryUser)} without a primary user, ${n(overview.devices.withCategory)} with a category)`,
        `  Outside MDM   ${n(overview.devices.outsideMdmScope)} (ActiveSync-only records and ConfigMgr PC clients; not migrated)`,
        `  Owner conflicts ${n(overview.devices.ownerConflicts)} (sources name different primary users)`,
        ...overview.devices.byPlatform.map((row) => `  ${row.label.padEnd(14)}${n(row.count)}`),
        `Sources`,
        ...overview.devices.bySource.map((row) => `  ${row.label.padEnd(28)}${n(row.count)}`),
        `Collections     ${n(overview.collections.total)} (${n(overview.collections.withRules)} with membership rules)`,
        `Categories      ${n(overview.categories)}`,
        `APNs expires    ${overview.appleTokens.apnsExpiresAt ?? 'unknown'}`,
        `DEP / VPP       ${n(overview.appleTokens.depTokens)} / ${n(overview.appleTokens.vppTokens)} tokens`,
        `Imports         ${n(overview.importBatches)}`,
      ];
      io.stdout.write(`${lines.join('\n')}\n`);
      return 0;
    } finally {
      snapshot.close();
    }
  },
};
