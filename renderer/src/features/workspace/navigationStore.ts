import { create } from 'zustand';
import type { MenuCommand } from '../../../../electron/contract/events';
import { onAppEvent } from '../../api/callApi';

export type Section = 'overview' | 'wizard' | 'waves' | 'tenant' | 'findings' | 'data' | 'reports';

/** Menu commands that change the section shown (printReport is then also carried out there). */
const SECTION_COMMANDS: Partial<Record<MenuCommand, Section>> = { exportReport: 'reports', printReport: 'reports', openWizard: 'wizard', openWaves: 'waves', openTenant: 'tenant' };

/** Commands a screen carries out (a dialog of the app, or printing once the Reports page shows); others have their own listener. */
const SCREEN_COMMANDS: readonly MenuCommand[] = ['newSnapshot', 'about', 'printReport'];

interface NavigationState {
  section: Section;
  /** A menu command waiting for the screen that handles it (e.g. the new-snapshot dialog). */
  pendingCommand: MenuCommand | null;
  go(section: Section): void;
  /** The pending command if it is one of `commands` (each screen takes only its own). */
  takeCommand(...commands: MenuCommand[]): MenuCommand | null;
}

export const useNavigationStore = create<NavigationState>((set, get) => ({
  section: 'overview',
  pendingCommand: null,
  go: (section) => set({ section }),
  takeCommand(...commands) {
    const command = get().pendingCommand;
    if (command === null || !commands.includes(command)) return null;
    set({ pendingCommand: null });
    return command;
  },
}));

onAppEvent((event) => {
  if (event.type !== 'menu.command') return;
  const section = SECTION_COMMANDS[event.command];
  if (section) useNavigationStore.setState({ section });
  if (SCREEN_COMMANDS.includes(event.command)) useNavigationStore.setState({ pendingCommand: event.command });
});
