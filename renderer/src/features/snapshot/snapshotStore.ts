import { create } from 'zustand';
import type { RecentSnapshot, SnapshotSummary } from '../../../../electron/contract/api';
import { callApi, messageOf, onAppEvent } from '../../api/callApi';

type BusyAction = 'demo' | 'open' | 'create' | 'recent' | null;

interface SnapshotState {
  current: SnapshotSummary | null;
  recent: RecentSnapshot[];
  appVersion: string;
  busy: BusyAction;
  error: string | null;
  loaded: boolean;
  load(): Promise<void>;
  openDemo(): Promise<void>;
  openWithDialog(): Promise<void>;
  openRecent(path: string): Promise<void>;
  create(customer: string, consultant: string, playbookId: string): Promise<boolean>;
  close(): Promise<void>;
  dismissError(): void;
  showError(message: string): void;
}

/** The open snapshot and the recent list: the one piece of state every screen depends on. */
export const useSnapshotStore = create<SnapshotState>((set, get) => {
  /** Runs an action that may open a snapshot, keeping "busy" and the error message honest. */
  async function run(busy: BusyAction, action: () => Promise<unknown>): Promise<boolean> {
    set({ busy, error: null });
    try {
      await action();
      await get().load();
      return true;
    } catch (error) {
      set({ error: messageOf(error) });
      return false;
    } finally {
      set({ busy: null });
    }
  }

  return {
    current: null,
    recent: [],
    appVersion: '',
    busy: null,
    error: null,
    loaded: false,
    async load() {
      const [current, recent, info] = await Promise.all([
        callApi('snapshot.current', {}),
        callApi('snapshot.recent', {}),
        callApi('app.info', {}),
      ]);
      set({ current, recent, appVersion: info.appVersion, loaded: true });
    },
    openDemo: () => run('demo', () => callApi('snapshot.openDemo', {})).then(() => undefined),
    openWithDialog: () => run('open', () => callApi('snapshot.openWithDialog', {})).then(() => undefined),
    openRecent: (path) => run('recent', () => callApi('snapshot.openRecent', { path })).then(() => undefined),
    create: (customer, consultant, playbookId) => run('create', () => callApi('snapshot.createWithDialog', { customer, consultant, playbookId })),
    close: () => run(null, () => callApi('snapshot.close', {})).then(() => undefined),
    dismissError: () => set({ error: null }),
    showError: (message) => set({ error: message }),
  };
});

// Menu actions (File > Open…, Open Recent) change the snapshot from the main side.
onAppEvent((event) => {
  if (event.type === 'snapshot.changed') void useSnapshotStore.getState().load();
});
