import Database from 'better-sqlite3';
import { BrowserWindow, app, dialog, net, protocol, shell } from 'electron';
import log from 'electron-log/main';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { MenuCommand } from '../contract/events.js';
import { isUserFacingError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { AppServices } from '../services/appServices.js';
import { createDispatch } from '../services/dispatch.js';
import { APP_SCHEME } from './appOrigin.js';
import { cliArguments } from './cliHandOff.js';
import { CONTENT_SECURITY_POLICY, resolveAppAsset } from './appProtocol.js';
import { electronDialogs } from './electronDialogs.js';
import { electronNotifier } from './electronNotifier.js';
import { registerApiHandlers, sendAppEvent } from './ipc.js';
import { installApplicationMenu } from './menu.js';
import { describeNativeLoadFailure, electronNativeBinding } from './nativeBinding.js';
import { createMainWindow, denyAllPermissions, showStartupErrorWindow } from './windows.js';

const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = join(here, '..', 'dist');

log.initialize();
log.transports.file.level = 'info';
log.errorHandler.startCatching({ showDialog: false });
const logger: Logger = log.scope('main');

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let mainWindow: BrowserWindow | undefined;
const NOTIFICATION_CHECK_MS = 60_000;

function serveAppProtocol(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const asset = resolveAppAsset(rendererDir, request.url, request.method);
    if (asset.kind === 'refused') return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(asset.path).toString());
    return new Response(response.body, {
      status: 200,
      headers: { 'Content-Type': asset.mimeType, 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' },
    });
  });
}

/** Loads better-sqlite3 once before any window exists, so a wrong-ABI build shows a readable error. */
function checkSqliteEngine(nativeBinding: string | undefined): string | null {
  try {
    new Database(':memory:', { nativeBinding }).close();
    return null;
  } catch (error) {
    logger.error('better-sqlite3 failed to load', error);
    return describeNativeLoadFailure(error);
  }
}

async function start(): Promise<void> {
  await app.whenReady();
  const nativeBinding = electronNativeBinding({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() });
  const engineProblem = checkSqliteEngine(nativeBinding);
  if (engineProblem) {
    showStartupErrorWindow(engineProblem);
    return;
  }

  denyAllPermissions();
  serveAppProtocol();

  const services = new AppServices({
    dataDir: app.getPath('userData'),
    dialogs: electronDialogs(() => mainWindow),
    emit: (event) => {
      sendAppEvent(mainWindow?.webContents, event);
      if (event.type === 'snapshot.changed') rebuildMenu();
    },
    logger,
    notifier: electronNotifier(),
    nativeBinding,
  });
  // Deadline thresholds (the switch timeline) become desktop notifications as the real clock crosses them.
  setInterval(() => services.deliverDueNotifications(new Date()), NOTIFICATION_CHECK_MS);
  registerApiHandlers(createDispatch(services.handlers, logger, { checkResponses: !app.isPackaged }));

  const reportFailure = (error: unknown) => {
    if (isUserFacingError(error)) dialog.showErrorBox('MDM Migration Assistant', error.message);
    else {
      logger.error('menu action failed', error);
      dialog.showErrorBox('MDM Migration Assistant', 'Something went wrong. The details are in the log (Help > Open logs folder).');
    }
  };
  const rebuildMenu = () =>
    installApplicationMenu({
      recent: () => services.recentSnapshots(),
      openWithDialog: () => void Promise.resolve(services.handlers['snapshot.openWithDialog']({})).catch(reportFailure),
      openRecent: (path) => {
        try {
          services.open(path, { mustExist: true });
        } catch (error) {
          reportFailure(error);
        }
      },
      sendToRenderer: (command: MenuCommand) => sendAppEvent(mainWindow?.webContents, { type: 'menu.command', command }),
      openLogsFolder: () => void shell.openPath(dirname(log.transports.file.getFile().path)),
      isDevelopment: !app.isPackaged,
    });
  rebuildMenu();

  mainWindow = createMainWindow(join(here, 'preload.cjs'));
  mainWindow.on('closed', () => (mainWindow = undefined));
  app.on('before-quit', () => services.closeSnapshot());
}

/**
 * `--cli`: the installed app runs the same CLI as `mdm-migrate`, with no window, so a machine
 * with only the app installed has the CLI too. It cannot run as plain Node instead: the
 * runAsNode fuse is off (electron-builder.yml).
 */
async function runCli(args: string[]): Promise<void> {
  app.dock?.hide();
  const { main: cli } = await import('../cli/mdm-migrate.js');
  const nativeBinding = electronNativeBinding({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() });
  const code = await cli(args, { stdout: process.stdout, stderr: process.stderr, nativeBinding });
  // app.exit ends the process at once: let piped output drain first.
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((done) => stream.write('', done))));
  app.exit(code);
}

const cliArgs = cliArguments(process.argv);
if (cliArgs) {
  runCli(cliArgs).catch((error) => {
    process.stderr.write(`mdm-migrate: unexpected error: ${String((error as Error)?.message ?? error)}\n`);
    app.exit(1);
  });
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  start().catch((error) => {
    logger.error('start-up failed', error);
    dialog.showErrorBox('MDM Migration Assistant cannot start', String((error as Error)?.message ?? error));
    app.exit(1);
  });
}
