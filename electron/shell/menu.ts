import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { RecentSnapshot } from '../contract/api.js';
import type { MenuCommand } from '../contract/events.js';

export interface MenuActions {
  readonly recent: () => RecentSnapshot[];
  readonly openWithDialog: () => void;
  readonly openRecent: (path: string) => void;
  /** Commands the renderer carries out (they need its dialogs and state). */
  readonly sendToRenderer: (command: MenuCommand) => void;
  readonly openLogsFolder: () => void;
  readonly isDevelopment: boolean;
}

/** The native menu. Rebuilt whenever the recent list changes. */
export function installApplicationMenu(actions: MenuActions): void {
  const recentItems: MenuItemConstructorOptions[] = actions.recent().filter((entry) => entry.exists).map((entry) => ({
    label: entry.customer ? `${entry.fileName} — ${entry.customer}` : entry.fileName,
    click: () => actions.openRecent(entry.path),
  }));
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New snapshot…', accelerator: 'CmdOrCtrl+N', click: () => actions.sendToRenderer('newSnapshot') },
        { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.openWithDialog() },
        { label: 'Open Recent', submenu: recentItems.length ? recentItems : [{ label: 'No recent snapshots', enabled: false }] },
        { type: 'separator' },
        { label: 'Import exports…', accelerator: 'CmdOrCtrl+I', click: () => actions.sendToRenderer('importExports') },
        { label: 'Export report…', accelerator: 'CmdOrCtrl+E', click: () => actions.sendToRenderer('exportReport') },
        { label: 'Print report…', accelerator: 'CmdOrCtrl+P', click: () => actions.sendToRenderer('printReport') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&Migration',
      submenu: [
        { label: 'Migration wizard', accelerator: 'CmdOrCtrl+Shift+M', click: () => actions.sendToRenderer('openWizard') },
        { label: 'Waves', click: () => actions.sendToRenderer('openWaves') },
        { label: 'Tenant facts', click: () => actions.sendToRenderer('openTenant') },
      ],
    },
    {
      label: '&View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(actions.isDevelopment ? [{ role: 'toggleDevTools' as const }] : []),
      ],
    },
    {
      label: '&Help',
      submenu: [
        { label: 'Open logs folder', click: () => actions.openLogsFolder() },
        { type: 'separator' },
        { label: 'About MDM Migration Assistant', click: () => actions.sendToRenderer('about') },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
