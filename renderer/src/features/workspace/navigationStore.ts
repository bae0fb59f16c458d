import { create } from 'zustand';
import type { MenuCommand } from '../../../../electron/contract/events';
import { onAppEvent } from '../../api/callApi';

export type Section = 'overview' | 'wizard' | 'waves' | 'tenant' | 'findings' | 'data' | 'reports';

/** Menu commands that only change the section shown. */
const SECTION_COMMANDS: Partial<Record<MenuCommand, Section>> = { exportReport: 'reports', openWizard: 'wizard', openWaves: 'waves', openTenant: 'tenant' };

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
  const section = SECTION_COMMANDS[event.command];
  if (section) useNavigationStore.setState({ section });
  else useNavigationStore.setState({ pendingCommand: event.command });
});
