import { BrowserWindow, session, type WebContents } from 'electron';
import { APP_ENTRY_URL, isAppUrl } from './appOrigin.js';

/** Applies the navigation, window-open, webview and permission lock-down to a web contents. */
function lockDown(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Every permission request (camera, notifications, geolocation, …) is refused: the app needs none. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'MDM Migration Assistant',
    backgroundColor: '#f5f5f5',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
    },
  });
  lockDown(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

/** Shown instead of a white window when the app cannot start (e.g. the SQLite engine won't load). */
export function showStartupErrorWindow(message: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 640,
    height: 360,
    title: 'MDM Migration Assistant cannot start',
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  });
  lockDown(window.webContents);
  const escaped = message.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  const html = `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>MDM Migration Assistant cannot start</title>
<style>body{font:14px "Segoe UI",system-ui,sans-serif;margin:32px;color:#242424}h1{font-size:20px;color:#b10e1c}p{line-height:1.5}</style>
</head><body><h1>MDM Migration Assistant cannot start</h1><p>${escaped}</p>
<p>The log file (Help &gt; Open logs folder) has the technical details.</p></body></html>`;
  void window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
  return window;
}
