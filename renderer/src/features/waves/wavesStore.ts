import { create } from 'zustand';
import type { CheckView, UserFilter, Wave, WaveFilterOptions } from '../../../../electron/contract/wizard';
import { attempt, callApi, messageOf } from '../../api/callApi';

export const WAVE_STATE_LABELS = { planned: 'Planned', moved: 'Moved', verified: 'Verified' } as const;

export type WaveTab = 'add' | 'members' | 'moving' | 'notMoving' | 'checklist';

/** The user filters of the "Add users" table; users already in a wave are never offered again. */
export type CandidateFilter = Omit<UserFilter, 'wave'>;

interface WavesState {
  waves: readonly Wave[] | null;
  options: WaveFilterOptions | null;
  selectedId: number | null;
  tab: WaveTab;
  filter: CandidateFilter;
  checklist: readonly CheckView[] | null;
  /** Bumped after every change so the paged tables reload. */
  revision: number;
  error: string | null;
  load(): Promise<void>;
  select(waveId: number): void;
  setTab(tab: WaveTab): void;
  setFilter(filter: CandidateFilter): void;
  /** Runs a change, then reloads the waves and the selected wave's checklist; false if refused. */
  act(action: () => Promise<unknown>): Promise<boolean>;
  /** Creates a wave and selects it. */
  create(name: string, pilot: boolean, by: string): Promise<boolean>;
  dismissError(): void;
}

/** What a snapshot starts with: nothing loaded, the "Add users" tab, no filter. */
const FRESH = { waves: null, options: null, selectedId: null, tab: 'add', filter: {}, checklist: null, error: null } as const;

export const useWavesStore = create<WavesState>((set, get) => {
  async function loadChecklist(waveId: number | null) {
    set({ checklist: waveId === null ? null : await callApi('waves.checklist', { waveId }) });
  }
  return {
    ...FRESH,
    revision: 0,
    async load() {
      try {
        const [waves, options] = await Promise.all([callApi('waves.list', {}), callApi('waves.filterOptions', {})]);
        const kept = waves.some((wave) => wave.id === get().selectedId) ? get().selectedId : (waves[0]?.id ?? null);
        set({ waves, options, selectedId: kept, revision: get().revision + 1 });
        await loadChecklist(kept);
      } catch (error) {
        set({ error: messageOf(error) });
      }
    },
    select(waveId) {
      set({ selectedId: waveId, checklist: null });
      void loadChecklist(waveId).catch((error: unknown) => set({ error: messageOf(error) }));
    },
    setTab: (tab) => set({ tab }),
    setFilter: (filter) => set({ filter }),
    act: (action) => attempt(() => action().then(() => get().load()), (error) => set({ error })),
    create: (name, pilot, by) =>
      get().act(async () => {
        const wave = await callApi('waves.create', { name, pilot, by });
        set({ selectedId: wave.id, tab: 'add' });
      }),
    dismissError: () => set({ error: null }),
  };
});

export function resetWaves(): void {
  useWavesStore.setState(FRESH);
}
