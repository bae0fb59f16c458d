import { create } from 'zustand';
import type { ReportPreview } from '../../../../electron/contract/reports';
import { callApi, onAppEvent, messageOf } from '../../api/callApi';

export type Paper = 'a4' | 'letter';

interface JobProgress {
  done: number;
  total: number;
  label: string;
}

interface ReportsState {
  preview: ReportPreview | null;
  error: string | null;
  paper: Paper;
  redact: boolean;
  /** The later export being imported: its job (for progress events) and how far it is. */
  laterExportJob: { jobId: string; progress: JobProgress | null } | null;
  load(): Promise<void>;
  setPaper(paper: Paper): void;
  setRedact(redact: boolean): void;
  /** Asks for the files and keeps them as a later export; true when kept (the preview then shows its counts). */
  importLaterExport(label: string, by: string): Promise<boolean>;
  dismissError(): void;
}

/** The Reports page: the report model's preview, the options every document is made with, and reconciliation. */
export const useReportsStore = create<ReportsState>((set, get) => ({
  preview: null,
  error: null,
  paper: 'a4',
  redact: false,
  laterExportJob: null,
  async load() {
    try {
      set({ preview: await callApi('reports.preview', {}), error: null });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },
  setPaper: (paper) => set({ paper }),
  setRedact: (redact) => set({ redact }),
  async importLaterExport(label, by) {
    const jobId = crypto.randomUUID();
    set({ laterExportJob: { jobId, progress: null }, error: null });
    try {
      const batch = await callApi('reports.importLaterExport', { jobId, label, by });
      if (batch === null) return false;
      await get().load();
      return true;
    } catch (error) {
      set({ error: messageOf(error) });
      return false;
    } finally {
      set({ laterExportJob: null });
    }
  },
  dismissError: () => set({ error: null }),
}));

onAppEvent((event) => {
  const job = useReportsStore.getState().laterExportJob;
  if (event.type === 'job.progress' && event.jobId === job?.jobId) {
    useReportsStore.setState({ laterExportJob: { jobId: job.jobId, progress: { done: event.done, total: event.total, label: event.label } } });
  }
  // Another snapshot, or new data in this one: the preview is rebuilt when the page shows it.
  if (event.type === 'snapshot.changed') useReportsStore.setState({ preview: null });
});
