import { once } from 'node:events';
import { openSnapshot, type Snapshot } from '../../core/snapshot/openSnapshot.js';
import {
  addUsersToWave,
  createWave,
  getWave,
  listWaves,
  pageWaveDevices,
  setWaveState,
  tickWaveCheck,
  untickWaveCheck,
  waveChecklist,
  type UserFilter,
  type WaveDeviceRow,
  type WaveState,
} from '../../core/wizard/index.js';
import { UsageError, type CliCommand } from '../cliCommand.js';
import { actorFlag, isoTimeFlag, parseFlags, requiredFlag, wholeNumberFlag } from '../parseFlags.js';

const STATES: readonly WaveState[] = ['planned', 'moved', 'verified'];

export const wavesCommand: CliCommand = {
  name: 'waves',
  summary: 'Plan the user waves: create, add users by filter, list the devices that move or stay, tick the checklist, record moved and verified',
  usage: [
    'mdm-migrate waves --db FILE [--json]',
    '       mdm-migrate waves --db FILE --create NAME [--pilot] [--by NAME]',
    '       mdm-migrate waves --db FILE --wave ID [--json]',
    '       mdm-migrate waves --db FILE --wave ID --add [--collection ID] [--platform P] [--licence licensed|unlicensed] [--finding RULE] [--search TEXT] [--by NAME]',
    '       mdm-migrate waves --db FILE --wave ID --devices moving|staying [--json]',
    '       mdm-migrate waves --db FILE --wave ID --check CHECK_ID [--note TEXT] | --uncheck CHECK_ID [--by NAME]',
    '       mdm-migrate waves --db FILE --wave ID --state planned|moved|verified [--at ISO_TIME] [--by NAME]',
  ].join('\n'),
  async run(args, io) {
    const { values } = parseFlags(this, args, {
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
      create: { type: 'string' },
      pilot: { type: 'boolean', default: false },
      wave: { type: 'string' },
      add: { type: 'boolean', default: false },
      collection: { type: 'string' },
      platform: { type: 'string' },
      licence: { type: 'string' },
      finding: { type: 'string' },
      search: { type: 'string' },
      devices: { type: 'string' },
      check: { type: 'string' },
      uncheck: { type: 'string' },
      note: { type: 'string' },
      state: { type: 'string' },
      at: { type: 'string' },
      by: { type: 'string' },
    });
    const file = requiredFlag(this, values.db, '--db');
    const actions = [values.create !== undefined, values.add, values.devices !== undefined, values.check !== undefined, values.uncheck !== undefined, values.state !== undefined];
    if (actions.filter(Boolean).length > 1) throw new UsageError('give one of --create, --add, --devices, --check, --uncheck, --state', this);
    const waveId = values.wave === undefined ? null : wholeNumberFlag(this, values.wave, '--wave', 0);
    if (waveId === null && actions.slice(1).some(Boolean)) throw new UsageError('--wave ID is required for this', this);
    if (values.licence !== undefined && values.licence !== 'licensed' && values.licence !== 'unlicensed') throw new UsageError('--licence is licensed or unlicensed', this);
    if (values.devices !== undefined && values.devices !== 'moving' && values.devices !== 'staying') throw new UsageError('--devices is moving or staying', this);
    if (values.state !== undefined && !STATES.includes(values.state as WaveState)) throw new UsageError(`--state is one of ${STATES.join(', ')}`, this);
    const at = isoTimeFlag(this, values.at, '--at');
    const filter: UserFilter = {
      collectionId: values.collection,
      platform: values.platform,
      licence: values.licence as UserFilter['licence'],
      rule: values.finding,
      search: values.search,
    };

    const snapshot = openSnapshot(file, { mustExist: true, nativeBinding: io.nativeBinding });
    try {
      const by = actorFlag(values.by);
      if (values.create !== undefined) {
        const wave = createWave(snapshot, { name: values.create, pilot: values.pilot, by });
        io.stdout.write(`Created wave ${wave.id} "${wave.name}"${wave.isPilot ? ' (pilot)' : ''}.\n`);
        return 0;
      }
      if (waveId === null) {
        const waves = listWaves(snapshot);
        if (values.json) io.stdout.write(`${JSON.stringify({ waves }, null, 2)}\n`);
        else io.stdout.write(waves.length === 0 ? 'No waves yet: mdm-migrate waves --db FILE --create NAME [--pilot]\n' : `${waves.map((wave) => `${wave.id}  ${wave.name}${wave.isPilot ? ' (pilot)' : ''}  ${wave.userCount} users  ${wave.state}${wave.movedAt ? ` ${wave.movedAt}` : ''}`).join('\n')}\n`);
        return 0;
      }
      if (values.add) {
        const { added, skipped } = addUsersToWave(snapshot, { waveId, filter, by });
        io.stdout.write(`Added ${added} users to wave ${waveId}${skipped > 0 ? `; ${skipped} matching users are in another wave already` : ''}.\n`);
        return 0;
      }
      if (values.devices !== undefined) {
        await writeDevices(snapshot, waveId, values.devices === 'moving', values.json, io.stdout);
        return 0;
      }
      if (values.check !== undefined) tickWaveCheck(snapshot, { waveId, checkId: values.check, note: values.note, by });
      if (values.uncheck !== undefined) untickWaveCheck(snapshot, { waveId, checkId: values.uncheck, by });
      if (values.state !== undefined) setWaveState(snapshot, { waveId, state: values.state as WaveState, at, by });
      const wave = getWave(snapshot, waveId);
      const checklist = waveChecklist(snapshot, waveId);
      const moving = pageWaveDevices(snapshot, { waveId, moving: true, limit: 1 }).total;
      const staying = pageWaveDevices(snapshot, { waveId, moving: false, limit: 1 }).total;
      if (values.json) io.stdout.write(`${JSON.stringify({ wave, devices: { moving, staying }, checklist }, null, 2)}\n`);
      else {
        io.stdout.write(
          [
            `Wave ${wave.id} "${wave.name}"${wave.isPilot ? ' (pilot)' : ''}: ${wave.userCount} users, ${wave.state}${wave.movedAt ? ` (moved ${wave.movedAt})` : ''}${wave.verifiedAt ? ` (verified ${wave.verifiedAt})` : ''}`,
            `Devices that move with its users: ${moving}; that will not: ${staying} (--devices moving|staying lists them)`,
            ...checklist.map((check) => `  [${check.state === 'done' ? 'x' : check.state === 'open' ? ' ' : '?'}] ${check.id}  ${check.label}: ${check.detail}`),
            '',
          ].join('\n'),
        );
      }
      return 0;
    } finally {
      snapshot.close();
    }
  },
};

/** Every device of the list, page by page, so a large wave never sits in memory. */
async function writeDevices(snapshot: Snapshot, waveId: number, moving: boolean, json: boolean, out: NodeJS.WritableStream): Promise<void> {
  const line = (row: WaveDeviceRow) => `${row.id}\t${row.name ?? ''}\t${row.serialNumber ?? ''}\t${row.platform}\t${row.userPrincipalName ?? ''}\t${row.reason ?? ''}`;
  const remediations: Record<string, { title: string; remediation: readonly string[] }> = {};
  // Waits for a slow reader (a pipe into another tool) instead of buffering the whole list.
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(json ? '{"devices":[' : 'ID\tNAME\tSERIAL\tPLATFORM\tPRIMARY USER\tWILL NOT MOVE BECAUSE\n');
  for (let offset = 0, first = true; ; ) {
    const page = pageWaveDevices(snapshot, { waveId, moving, offset, limit: 1000 });
    Object.assign(remediations, page.remediations);
    for (const row of page.rows) {
      await write(json ? `${first ? '' : ','}\n${JSON.stringify(row)}` : `${line(row)}\n`);
      first = false;
    }
    offset += page.rows.length;
    if (page.rows.length === 0 || offset >= page.total) break;
  }
  if (json) await write(`\n],"remediations":${JSON.stringify(remediations)}}\n`);
  else for (const [rule, { title, remediation }] of Object.entries(remediations)) await write(`\n${rule}: ${title}\n${remediation.map((step) => `  - ${step}`).join('\n')}\n`);
}
