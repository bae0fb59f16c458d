import { create } from 'zustand';
import type { TenantFact } from '../../../../electron/contract/wizard';
import { attempt, callApi } from '../../api/callApi';

interface TenantState {
  facts: readonly TenantFact[] | null;
  error: string | null;
  load(): Promise<void>;
  /** Records a typed value; returns false (with the error shown) if refused. */
  set(key: string, value: string, by: string): Promise<boolean>;
  dismissError(): void;
}

export const useTenantStore = create<TenantState>((set, get) => ({
  facts: null,
  error: null,
  load: () => attempt(async () => set({ facts: await callApi('tenant.facts', {}) }), (error) => set({ error })).then(() => undefined),
  set: (key, value, by) =>
    attempt(
      async () => {
        const fact = await callApi('tenant.set', { key, value, by });
        set({ facts: get().facts?.map((candidate) => (candidate.key === key ? fact : candidate)) ?? null });
      },
      (error) => set({ error }),
    ),
  dismissError: () => set({ error: null }),
}));
