import { create } from 'zustand';
import type { SnapshotOverview } from '../../../../electron/contract/api';
import { callApi, messageOf, onAppEvent } from '../../api/callApi';

interface OverviewState {
  overview: SnapshotOverview | null;
  error: string | null;
  load(): Promise<void>;
}

export const useOverviewStore = create<OverviewState>((set) => ({
  overview: null,
  error: null,
  async load() {
    try {
      set({ overview: await callApi('snapshot.overview', {}), error: null });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },
}));

// An import or a reopened snapshot changes what the overview shows.
onAppEvent((event) => {
  if (event.type === 'snapshot.changed' && useOverviewStore.getState().overview) void useOverviewStore.getState().load();
});
