import { create } from 'zustand';
import type { MenuCommand } from '../../../../electron/contract/events';
import { onAppEvent } from '../../api/callApi';

export type Section = 'overview' | 'wizard' | 'findings' | 'data' | 'reports';

interface NavigationState {
  section: Section;
  /** A menu command waiting for the screen that handles it (e.g. the new-snapshot dialog). */
  pendingCommand: MenuCommand | null;
  go(section: Section): void;
  takeCommand(): MenuCommand | null;
}

export const useNavigationStore = create<NavigationState>((set, get) => ({
  section: 'overview',
  pendingCommand: null,
  go: (section) => set({ section }),
  takeCommand() {
    const command = get().pendingCommand;
    if (command) set({ pendingCommand: null });
    return command;
  },
}));

onAppEvent((event) => {
  if (event.type !== 'menu.command') return;
  if (event.command === 'exportReport') useNavigationStore.setState({ section: 'reports' });
  else useNavigationStore.setState({ pendingCommand: event.command });
});
