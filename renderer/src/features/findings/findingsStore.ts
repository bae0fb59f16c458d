import { create } from 'zustand';
import type { Assessment, FindingSummary } from '../../../../electron/contract/findings';
import { callApi, messageOf } from '../../api/callApi';

export type DecisionFilter = 'all' | 'open' | 'decided';

interface FindingsState {
  assessment: Assessment | null;
  staleDays: number;
  selectedRule: string | null;
  search: string;
  decisionFilter: DecisionFilter;
  /** Bumped after a decision so item lists and counts reload. */
  revision: number;
  busy: boolean;
  error: string | null;
  assess(): Promise<void>;
  setStaleDays(days: number): void;
  select(rule: string): void;
  setSearch(search: string): void;
  setDecisionFilter(filter: DecisionFilter): void;
  afterDecision(): Promise<void>;
}

export const useFindingsStore = create<FindingsState>((set, get) => ({
  assessment: null,
  staleDays: 7,
  selectedRule: null,
  search: '',
  decisionFilter: 'all',
  revision: 0,
  busy: false,
  error: null,
  async assess() {
    set({ busy: true, error: null });
    try {
      const assessment = await callApi('findings.assess', { staleDays: get().staleDays });
      const selected = get().selectedRule;
      const keep = selected && assessment.findings.some((finding) => finding.rule === selected);
      set({ assessment, selectedRule: keep ? selected : (assessment.findings[0]?.rule ?? null), revision: get().revision + 1 });
    } catch (error) {
      set({ error: messageOf(error) });
    } finally {
      set({ busy: false });
    }
  },
  setStaleDays: (staleDays) => set({ staleDays }),
  select: (selectedRule) => set({ selectedRule, search: '', decisionFilter: 'all' }),
  setSearch: (search) => set({ search }),
  setDecisionFilter: (decisionFilter) => set({ decisionFilter }),
  afterDecision: () => get().assess(),
}));

export function selectedFinding(state: Pick<FindingsState, 'assessment' | 'selectedRule'>): FindingSummary | null {
  return state.assessment?.findings.find((finding) => finding.rule === state.selectedRule) ?? null;
}
