/** What every `mdm-migrate` sub-command provides. */
export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  /** More that `--help` prints after the usage (e.g. the keys a flag accepts). */
  readonly help?: string;
  /** Returns the process exit code. Throws UsageError or UserFacingError for bad input. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** What a command gets from the process that runs it: plain Node, or the installed app with `--cli`. */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /**
   * better-sqlite3's native build for this runtime. Unset under Node, which loads the one in
   * node_modules; the installed app passes its Electron-ABI build, since it ships no other.
   */
  readonly nativeBinding?: string;
}

/** Wrong flags or arguments: the CLI prints the command's usage and exits 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: CliCommand,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
