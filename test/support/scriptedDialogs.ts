import type { FileDialogs } from '../../electron/services/ports.js';

/** Answers the services' file dialogs the way a person would: queued answers, null = cancel. */
export class ScriptedDialogs implements FileDialogs {
  openAnswers: (string | null)[] = [];
  saveAnswers: (string | null)[] = [];
  csvAnswers: (string | null)[] = [];
  importAnswers: string[][] = [];
  folderAnswers: (string | null)[] = [];
  pdfAnswers: (string | null)[] = [];
  calendarAnswers: (string | null)[] = [];
  async chooseSnapshotToOpen() {
    return this.openAnswers.shift() ?? null;
  }
  async chooseNewSnapshotPath() {
    return this.saveAnswers.shift() ?? null;
  }
  async chooseImportFiles() {
    return this.importAnswers.shift() ?? [];
  }
  async chooseCsvExportPath() {
    return this.csvAnswers.shift() ?? null;
  }
  async choosePdfExportPath() {
    return this.pdfAnswers.shift() ?? null;
  }
  async chooseReportFolder() {
    return this.folderAnswers.shift() ?? null;
  }
  async chooseCalendarExportPath() {
    return this.calendarAnswers.shift() ?? null;
  }
}
