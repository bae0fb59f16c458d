import { create } from 'zustand';
import type { DateOrder, ImportOutcome, InspectedFile, RemovedRows } from '../../../../electron/contract/imports';
import { callApi, messageOf, onAppEvent } from '../../api/callApi';

export type ImportPhase = 'closed' | 'inspecting' | 'review' | 'running' | 'done';

interface ImportState {
  phase: ImportPhase;
  files: InspectedFile[];
  jobId: string | null;
  progress: { done: number; total: number; label: string } | null;
  outcome: ImportOutcome | null;
  error: string | null;
  /** The person's answers for files whose dates read either day first or month first. */
  dateOrders: Record<string, DateOrder>;
  /** Rows of earlier imports the last attempt would have removed: shown for confirmation. */
  pendingRemoval: RemovedRows[] | null;
  setDateOrder(path: string, order: DateOrder): void;
  choose(): Promise<void>;
  inspectDropped(paths: string[]): Promise<void>;
  remove(path: string): void;
  /** Imports the files; `replace` confirms that rows of earlier imports may be removed. */
  start(replace?: boolean): Promise<void>;
  cancel(): Promise<void>;
  close(): void;
}

/** The import flow: review what each file is, import with progress, then show what was rejected. */
export const useImportStore = create<ImportState>((set, get) => {
  const mergeInspected = (inspected: InspectedFile[]) => {
    const known = new Set(get().files.map((file) => file.path));
    // Other files make another import: a removal counted for the previous set no longer holds.
    set({ files: [...get().files, ...inspected.filter((file) => !known.has(file.path))], phase: 'review', pendingRemoval: null });
  };
  return {
    phase: 'closed',
    files: [],
    jobId: null,
    progress: null,
    outcome: null,
    error: null,
    dateOrders: {},
    pendingRemoval: null,
    setDateOrder: (path, order) => set({ dateOrders: { ...get().dateOrders, [path]: order } }),
    async choose() {
      set({ error: null });
      try {
        const inspected = await callApi('import.chooseFiles', {});
        if (inspected) mergeInspected(inspected);
      } catch (error) {
        set({ error: messageOf(error), phase: get().files.length ? 'review' : 'closed' });
      }
    },
    async inspectDropped(paths) {
      if (get().phase === 'running') return;
      if (get().phase === 'done') set({ files: [], outcome: null });
      set({ phase: 'inspecting', error: null });
      try {
        mergeInspected(await callApi('import.inspect', { paths }));
      } catch (error) {
        set({ error: messageOf(error), phase: 'review' });
      }
    },
    remove: (path) => set({ files: get().files.filter((file) => file.path !== path), pendingRemoval: null }),
    async start(replace = false) {
      const jobId = crypto.randomUUID();
      const paths = get().files.filter((file) => !file.error).map((file) => file.path);
      const dateOrders = Object.fromEntries(Object.entries(get().dateOrders).filter(([path]) => paths.includes(path)));
      set({ phase: 'running', jobId, progress: null, error: null, pendingRemoval: null });
      try {
        const outcome = await callApi('import.run', { jobId, paths, dateOrders, replace });
        // Refused because it would remove earlier rows: back to the review, which asks.
        if (outcome.wouldRemove.length > 0) set({ pendingRemoval: outcome.wouldRemove, phase: 'review' });
        else set({ outcome, phase: 'done' });
      } catch (error) {
        set({ error: messageOf(error), phase: 'review' });
      } finally {
        set({ jobId: null });
      }
    },
    async cancel() {
      const jobId = get().jobId;
      if (jobId) await callApi('import.cancel', { jobId });
    },
    close: () => set({ phase: 'closed', files: [], outcome: null, progress: null, error: null, dateOrders: {}, pendingRemoval: null }),
  };
});

onAppEvent((event) => {
  if (event.type === 'job.progress' && event.jobId === useImportStore.getState().jobId) {
    useImportStore.setState({ progress: { done: event.done, total: event.total, label: event.label } });
  }
  if (event.type === 'menu.command' && event.command === 'importExports') void useImportStore.getState().choose();
});
