import { basename } from 'node:path';
import { devicePage, userPage } from '../core/queries/browsePages.js';
import { writeDeviceViewCsv, writeUserViewCsv } from '../core/reports/browseViewCsv.js';
import type { Snapshot } from '../core/snapshot/openSnapshot.js';
import type { ApiHandlers } from './apiHandlers.js';
import type { FileDialogs } from './ports.js';

type BrowseMethod = Extract<keyof ApiHandlers, `devices.${string}` | `users.${string}`>;

/** The data browser: pages of devices and users, and a whole view written to CSV. */
export function browseHandlers(requireSnapshot: () => Snapshot, dialogs: FileDialogs): Pick<ApiHandlers, BrowseMethod> {
  const suggestedName = (snapshot: Snapshot, view: string) => `${basename(snapshot.path, '.mdmsnap')}-${view}.csv`;
  return {
    'devices.page': (request) => devicePage(requireSnapshot(), request),
    'users.page': (request) => userPage(requireSnapshot(), request),
    'devices.exportCsv': async (view) => {
      const snapshot = requireSnapshot();
      const path = await dialogs.chooseCsvExportPath(suggestedName(snapshot, 'devices'));
      return path === null ? null : { path, rows: await writeDeviceViewCsv(snapshot, view, path) };
    },
    'users.exportCsv': async (view) => {
      const snapshot = requireSnapshot();
      const path = await dialogs.chooseCsvExportPath(suggestedName(snapshot, 'users'));
      return path === null ? null : { path, rows: await writeUserViewCsv(snapshot, view, path) };
    },
  };
}
