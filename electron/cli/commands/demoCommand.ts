import { existsSync, rmSync } from 'node:fs';
import { generateDemoTenant, MAX_DEMO_DEVICES } from '../../core/demo/generateDemoTenant.js';
import { UserFacingError } from '../../core/errors.js';
import { DEFAULT_PLAYBOOK_ID } from '../../core/playbooks/index.js';
import { openSnapshot } from '../../core/snapshot/openSnapshot.js';
import { choosePlaybook } from '../../core/wizard/index.js';
import type { CliCommand } from '../cliCommand.js';
import { formatCount } from '../formatCount.js';
import { actorFlag, parseFlags, playbookFlag, requiredFlag, wholeNumberFlag } from '../parseFlags.js';

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'Write the demo tenant into a new snapshot',
  usage: 'mdm-migrate demo --out FILE [--devices N] [--seed N] [--playbook ID] [--json]',
  help: `--playbook names the migration the demo engagement is for (default ${DEFAULT_PLAYBOOK_ID}; "mdm-migrate playbooks" lists them).`,
  async run(args, io) {
    const { values } = parseFlags(this, args, {
      out: { type: 'string' },
      devices: { type: 'string' },
      seed: { type: 'string' },
      playbook: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    const out = requiredFlag(this, values.out, '--out');
    const devices = wholeNumberFlag(this, values.devices, '--devices', 2_000, { min: 1, max: MAX_DEMO_DEVICES });
    const seed = wholeNumberFlag(this, values.seed, '--seed', 1);
    const playbookId = playbookFlag(this, values.playbook);
    if (existsSync(out)) throw new UserFacingError('file_exists', `${out} already exists; the demo tenant goes into a new file.`);

    const started = performance.now();
    const snapshot = openSnapshot(out, { create: true, nativeBinding: io.nativeBinding });
    try {
      const manifest = generateDemoTenant(snapshot, { devices, seed });
      choosePlaybook(snapshot, { playbookId, by: actorFlag(undefined) });
      snapshot.close();
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      if (values.json) io.stdout.write(`${JSON.stringify({ file: out, seconds: Number(seconds), manifest }, null, 2)}\n`);
      else io.stdout.write(`Wrote ${out}: ${formatCount(manifest.devices)} devices, ${formatCount(manifest.users)} users (seed ${seed}) in ${seconds} s\n`);
      return 0;
    } catch (error) {
      // A demo that failed half-way is useless; leave no file behind.
      snapshot.close();
      rmSync(out, { force: true });
      throw error;
    }
  },
};
