import { create } from 'zustand';
import type { DeviceSortColumn, UserSortColumn } from '../../../../electron/contract/api';
import type { SortState } from './VirtualTable';

export type BrowserTab = 'devices' | 'users';

interface DataBrowserState {
  tab: BrowserTab;
  search: string;
  deviceSort: SortState & { column: DeviceSortColumn };
  userSort: SortState & { column: UserSortColumn };
  setTab(tab: BrowserTab): void;
  setSearch(search: string): void;
  sortDevices(column: DeviceSortColumn): void;
  sortUsers(column: UserSortColumn): void;
}

function nextSort<C extends string>(current: SortState & { column: C }, column: C): SortState & { column: C } {
  return { column, direction: current.column === column && current.direction === 'asc' ? 'desc' : 'asc' };
}

export const useDataBrowserStore = create<DataBrowserState>((set) => ({
  tab: 'devices',
  search: '',
  deviceSort: { column: 'name', direction: 'asc' },
  userSort: { column: 'userPrincipalName', direction: 'asc' },
  setTab: (tab) => set({ tab, search: '' }),
  setSearch: (search) => set({ search }),
  sortDevices: (column) => set((state) => ({ deviceSort: nextSort(state.deviceSort, column) })),
  sortUsers: (column) => set((state) => ({ userSort: nextSort(state.userSort, column) })),
}));
