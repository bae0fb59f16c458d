import { dialog, type BrowserWindow } from 'electron';
import type { FileDialogs } from '../services/ports.js';

const SNAPSHOT_FILTER = { name: 'MDM Migration snapshot', extensions: ['mdmsnap'] };

/** Native open/save dialogs: the only source of file paths the services accept from a person. */
export function electronDialogs(window: () => BrowserWindow | undefined): FileDialogs {
  return {
    async chooseSnapshotToOpen() {
      const parent = window();
      const options = { title: 'Open snapshot', filters: [SNAPSHOT_FILTER], properties: ['openFile' as const] };
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseNewSnapshotPath(suggestedName) {
      const parent = window();
      const options = { title: 'New snapshot', defaultPath: suggestedName, filters: [SNAPSHOT_FILTER] };
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseImportFiles() {
      const parent = window();
      const options = {
        title: 'Import exports',
        filters: [
          { name: 'Exports (CSV, JSON, ZIP)', extensions: ['csv', 'json', 'zip', 'txt'] },
          { name: 'All files', extensions: ['*'] },
        ],
        properties: ['openFile' as const, 'multiSelections' as const],
      };
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    async chooseCsvExportPath(suggestedName) {
      const parent = window();
      const options = { title: 'Export to CSV', defaultPath: suggestedName, filters: [{ name: 'CSV (comma separated)', extensions: ['csv'] }] };
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async choosePdfExportPath(suggestedName) {
      const parent = window();
      const options = { title: 'Save as PDF', defaultPath: suggestedName, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseReportFolder() {
      const parent = window();
      const options = { title: 'Save report set in folder', buttonLabel: 'Save here', properties: ['openDirectory' as const, 'createDirectory' as const] };
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseCalendarExportPath(suggestedName) {
      const parent = window();
      const options = { title: 'Add to calendar', defaultPath: suggestedName, filters: [{ name: 'iCalendar', extensions: ['ics'] }] };
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
