import { TEMPLATES, writeBlankTemplate } from '../../core/importers/kinds/templates.js';
import type { CliCommand } from '../cliCommand.js';
import { parseFlags, requiredFlag } from '../parseFlags.js';

export const templateCommand: CliCommand = {
  name: 'template',
  summary: 'Write a blank import template (collection rules, Apple tokens)',
  usage: `mdm-migrate template --kind ${Object.keys(TEMPLATES).join('|')} --out FILE`,
  async run(args, io) {
    const { values } = parseFlags(this, args, { kind: { type: 'string' }, out: { type: 'string' } });
    const out = requiredFlag(this, values.out, '--out');
    writeBlankTemplate(requiredFlag(this, values.kind, '--kind'), out);
    io.stdout.write(`Wrote ${out}: fill in one row per fact, then run mdm-migrate import.\n`);
    return 0;
  },
};
