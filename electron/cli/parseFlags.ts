import { userInfo } from 'node:os';
import { DEFAULT_PLAYBOOK_ID, PLAYBOOKS } from '../core/playbooks/index.js';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError, type CliCommand } from './cliCommand.js';

/** node:util parseArgs, with its errors turned into usage errors for the given command. */
export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(
  command: CliCommand,
  args: string[],
  options: T,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message, command);
  }
}

export function requiredFlag(command: CliCommand, value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`${flag} is required`, command);
  return value;
}

/** A whole-number flag; out of `range` it is a usage error like any malformed flag (exit 2). */
export function wholeNumberFlag(
  command: CliCommand,
  value: string | undefined,
  flag: string,
  fallback: number,
  range: { min: number; max: number } = { min: 0, max: Number.MAX_SAFE_INTEGER },
): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} must be a whole number, got "${value}"`, command);
  const number = Number(value);
  if (number < range.min || number > range.max) {
    throw new UsageError(`${flag} must be from ${range.min.toLocaleString('en-US')} to ${range.max.toLocaleString('en-US')}, got ${value}`, command);
  }
  return number;
}

/** Who does what the command records (the audit log's actor): --by, else the signed-in OS user. */
export function actorFlag(value: string | undefined): string {
  if (value?.trim()) return value.trim();
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** KEY=VALUE (the value may contain '=' and be empty). */
export function keyValueFlag(command: CliCommand, value: string, flag: string): { key: string; value: string } {
  const at = value.indexOf('=');
  if (at <= 0) throw new UsageError(`${flag} takes KEY=VALUE, got "${value}"`, command);
  return { key: value.slice(0, at).trim(), value: value.slice(at + 1) };
}

/** An ISO 8601 date-time such as 2027-01-15T18:00:00Z (a time, not only a day), or undefined when absent. */
export function isoTimeFlag(command: CliCommand, value: string | undefined, flag: string): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(date.getTime())) throw new UsageError(`${flag} must be an ISO time such as 2027-01-15T18:00:00Z, got "${value}"`, command);
  return date;
}

/** `--playbook ID`: a known playbook's id, the default one when absent; an unknown id is a usage error (exit 2). */
export function playbookFlag(command: CliCommand, value: string | undefined): string {
  if (value === undefined) return DEFAULT_PLAYBOOK_ID;
  if (!PLAYBOOKS.some((playbook) => playbook.id === value)) throw new UsageError(`--playbook must be one of ${PLAYBOOKS.map((playbook) => playbook.id).join(', ')}; got "${value}"`, command);
  return value;
}
