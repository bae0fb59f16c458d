import { create } from 'zustand';

export type ThemeChoice = 'light' | 'dark';
const STORAGE_KEY = 'mdm-migration-assistant.theme';

function initialTheme(): ThemeChoice {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  if (stored === 'light' || stored === 'dark') return stored;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

interface ThemeState {
  theme: ThemeChoice;
  toggle(): void;
}

export const useThemeStore = create<ThemeState>((set, get) => ({
  theme: initialTheme(),
  toggle() {
    const theme = get().theme === 'light' ? 'dark' : 'light';
    window.localStorage.setItem(STORAGE_KEY, theme);
    set({ theme });
  },
}));
