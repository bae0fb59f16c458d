import { openSnapshot } from '../../core/snapshot/openSnapshot.js';
import { listTenantFacts, setTenantFact, tenantFactDefinition, TENANT_FACTS, type TenantFact } from '../../core/wizard/index.js';
import type { CliCommand } from '../cliCommand.js';
import { actorFlag, keyValueFlag, parseFlags, requiredFlag } from '../parseFlags.js';

const KEY_WIDTH = Math.max(...TENANT_FACTS.map((fact) => fact.key.length)) + 2;

function keyHelp(): string {
  const valueHint = (fact: (typeof TENANT_FACTS)[number]) =>
    fact.type === 'yesno' ? 'yes|no' : fact.type === 'date' ? 'YYYY-MM-DD' : fact.type === 'choice' ? fact.choices!.map((choice) => choice.value).join('|') : 'text';
  return [
    'Keys (an empty VALUE clears a fact):',
    ...TENANT_FACTS.flatMap((fact) => [
      `  ${fact.key.padEnd(KEY_WIDTH)}${valueHint(fact)}: ${fact.label}`,
      `  ${''.padEnd(KEY_WIDTH)}${fact.meaning}${fact.rules.length > 0 ? ` Feeds ${fact.rules.join(', ')}.` : ''}`,
    ]),
  ].join('\n');
}

function provenance(fact: TenantFact): string {
  if (fact.source === 'typed') return `typed by ${fact.setBy} on ${fact.setAt?.slice(0, 10)}`;
  return fact.source ?? '';
}

export const tenantCommand: CliCommand = {
  name: 'tenant',
  summary: 'Show or set the tenant facts the rules and the wizard need, with where each came from',
  usage: 'mdm-migrate tenant --db FILE [--set KEY=VALUE]… [--by NAME] [--json]',
  help: keyHelp(),
  async run(args, io) {
    const { values } = parseFlags(this, args, {
      db: { type: 'string' },
      set: { type: 'string', multiple: true },
      by: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    const file = requiredFlag(this, values.db, '--db');
    // Every --set is checked before the file is touched: a typo in one key changes nothing.
    const updates = (values.set ?? []).map((raw) => keyValueFlag(this, raw, '--set'));
    const snapshot = openSnapshot(file, { mustExist: true, nativeBinding: io.nativeBinding });
    try {
      for (const update of updates) tenantFactDefinition(update.key);
      const by = actorFlag(values.by);
      snapshot.db.transaction(() => {
        for (const update of updates) setTenantFact(snapshot, { key: update.key, value: update.value, by });
      })();
      const facts = listTenantFacts(snapshot);
      if (values.json) {
        io.stdout.write(`${JSON.stringify({ facts }, null, 2)}\n`);
        return 0;
      }
      const width = Math.max(...facts.map((fact) => fact.label.length)) + 2;
      io.stdout.write(
        `${facts.map((fact) => `${fact.key.padEnd(KEY_WIDTH)}${fact.label.padEnd(width)}${(fact.value ?? '—').padEnd(24)}${provenance(fact)}`).join('\n')}\n`,
      );
      return 0;
    } finally {
      snapshot.close();
    }
  },
};
