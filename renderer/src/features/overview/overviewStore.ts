import { create } from 'zustand';
import type { SnapshotOverview } from '../../../../electron/contract/api';
import { callApi, messageOf } from '../../api/callApi';

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
