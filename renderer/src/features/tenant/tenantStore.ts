import { create } from 'zustand';
import type { TenantFact } from '../../../../electron/contract/wizard';
import { callApi, messageOf } from '../../api/callApi';

interface TenantState {
  facts: readonly TenantFact[] | null;
  error: string | null;
  load(): Promise<void>;
  /** Records a typed value; returns false (with the error shown) if refused. */
  set(key: string, value: string, by: string): Promise<boolean>;
}

export const useTenantStore = create<TenantState>((set, get) => ({
  facts: null,
  error: null,
  async load() {
    try {
      set({ facts: await callApi('tenant.facts', {}), error: null });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },
  async set(key, value, by) {
    try {
      const fact = await callApi('tenant.set', { key, value, by });
      set({ facts: get().facts?.map((candidate) => (candidate.key === key ? fact : candidate)) ?? null, error: null });
      return true;
    } catch (error) {
      set({ error: messageOf(error) });
      return false;
    }
  },
}));
