import { PLAYBOOKS } from '../../core/playbooks/index.js';
import type { CliCommand } from '../cliCommand.js';
import { parseFlags } from '../parseFlags.js';

export const playbooksCommand: CliCommand = {
  name: 'playbooks',
  summary: 'List the migrations the wizard can guide (the ids --playbook takes)',
  usage: 'mdm-migrate playbooks [--json]',
  async run(args, io) {
    const { values } = parseFlags(this, args, { json: { type: 'boolean', default: false } });
    const rows = PLAYBOOKS.map((playbook) => ({ id: playbook.id, title: playbook.title, version: playbook.version, phases: playbook.phases.length }));
    if (values.json) io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    else for (const row of rows) io.stdout.write(`${row.id.padEnd(24)} v${row.version}  ${String(row.phases).padStart(2)} phases  ${row.title}\n`);
    return 0;
  },
};
