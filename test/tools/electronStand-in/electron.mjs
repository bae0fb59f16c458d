// What main.js touches of Electron before it hands `--cli` to the CLI, and no more: anything a
// window start would need throws, so a `--cli` run that tried to open a window fails loudly.
const windowStart = () => {
  throw new Error('A --cli run started the window instead of the CLI.');
};

export const app = {
  isPackaged: false,
  dock: undefined,
  getAppPath: () => process.cwd(),
  exit: (code) => process.exit(code),
  requestSingleInstanceLock: windowStart,
  whenReady: windowStart,
  on: windowStart,
  quit: windowStart,
};
export const protocol = { registerSchemesAsPrivileged() {}, handle: windowStart };
export const BrowserWindow = windowStart;
export const Menu = { setApplicationMenu: windowStart, buildFromTemplate: windowStart };
export const Notification = windowStart;
export const dialog = { showErrorBox: windowStart };
export const ipcMain = { handle: windowStart };
export const net = { fetch: windowStart };
export const session = {};
export const shell = { openPath: windowStart };
