import { APP_VERSION } from '../core/appVersion.js';
import { isUserFacingError } from '../core/errors.js';
import { UsageError, type CliCommand, type CliIo } from './cliCommand.js';
import { COMMANDS } from './commands/index.js';

function helpText(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length)) + 2;
  return [
    'mdm-migrate: hybrid MDM to Intune standalone migration, without a window',
    '',
    'Usage: mdm-migrate <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}${command.summary}`),
    '',
    'Run "mdm-migrate <command> --help" for a command\'s options, "mdm-migrate --version" for the version.',
  ].join('\n');
}

/**
 * Exit codes: 0 success; 1 a user error (a missing or bad file), printed as one line;
 * 2 a usage error, printed with the help text. Never a stack trace.
 */
export async function main(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V' || name === 'version') {
    io.stdout.write(`mdm-migrate ${APP_VERSION}\n`);
    return 0;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout).write(`${helpText()}\n`);
    return name === undefined ? 2 : 0;
  }
  const command: CliCommand | undefined = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr.write(`mdm-migrate: unknown command "${name}"\n\n${helpText()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.summary}\n\nUsage: ${command.usage}\n${command.help ? `\n${command.help}\n` : ''}`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`mdm-migrate ${command.name}: ${error.message}\n\nUsage: ${command.usage}\n`);
      return 2;
    }
    if (isUserFacingError(error)) {
      io.stderr.write(`mdm-migrate: ${error.message}\n`);
      return 1;
    }
    io.stderr.write(`mdm-migrate: unexpected error: ${(error as Error)?.message ?? String(error)}\n`);
    return 1;
  }
}
