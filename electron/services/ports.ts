import type { AppEvent } from '../contract/events.js';
export type { Notifier, WizardNotification } from '../core/wizard/index.js';

/**
 * What the services need from their host. Electron implements these with native dialogs
 * and IPC; the Playwright bridge and unit tests implement them with scripted answers.
 */
export interface FileDialogs {
  /** Absolute path of an existing snapshot the person picked, or null if they cancelled. */
  chooseSnapshotToOpen(): Promise<string | null>;
  /** Absolute path for a new snapshot, or null if they cancelled. */
  chooseNewSnapshotPath(suggestedName: string): Promise<string | null>;
  /** Export files to import; an empty list if they cancelled. */
  chooseImportFiles(): Promise<string[]>;
  /** Absolute path for an exported CSV file, or null if they cancelled. */
  chooseCsvExportPath(suggestedName: string): Promise<string | null>;
  /** Absolute path for a saved PDF, or null if they cancelled. */
  choosePdfExportPath(suggestedName: string): Promise<string | null>;
  /** A folder for a report set (created if the person types a new one), or null if they cancelled. */
  chooseReportFolder(): Promise<string | null>;
  /** Absolute path for an exported iCalendar (.ics) file, or null if they cancelled. */
  chooseCalendarExportPath(suggestedName: string): Promise<string | null>;
}

export type EventSink = (event: AppEvent) => void;
