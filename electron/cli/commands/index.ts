import type { CliCommand } from '../cliCommand.js';
import { assessCommand } from './assessCommand.js';
import { calendarCommand } from './calendarCommand.js';
import { demoCommand } from './demoCommand.js';
import { importCommand } from './importCommand.js';
import { infoCommand } from './infoCommand.js';
import { playbooksCommand } from './playbooksCommand.js';
import { reconcileCommand } from './reconcileCommand.js';
import { reportCommand } from './reportCommand.js';
import { templateCommand } from './templateCommand.js';
import { tenantCommand } from './tenantCommand.js';
import { wavesCommand } from './wavesCommand.js';
import { wizardCommand } from './wizardCommand.js';

/** Every sub-command, in the order `mdm-migrate --help` lists them. */
export const COMMANDS: readonly CliCommand[] = [demoCommand, infoCommand, importCommand, templateCommand, assessCommand, playbooksCommand, tenantCommand, wizardCommand, wavesCommand, calendarCommand, reportCommand, reconcileCommand];
