import type { CliCommand } from '../cliCommand.js';
import { demoCommand } from './demoCommand.js';
import { infoCommand } from './infoCommand.js';

/** Every sub-command, in the order `mdm-migrate --help` lists them. */
export const COMMANDS: readonly CliCommand[] = [demoCommand, infoCommand];
