/**
 * The logging port every service receives. The core never picks a log backend: the
 * Electron main process passes electron-log, the CLI a stderr logger, tests a memory logger.
 * Messages must not carry customer data (UPNs, serials, device names).
 */
export interface Logger {
  debug(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};
