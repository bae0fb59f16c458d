import { useEffect } from 'react';
import { useWizardStore } from './wizardStore';

/** Countdowns move with the real clock: the main side recomputes them on each refresh. */
const REFRESH_MS = 30_000;

/** Keeps the switch timeline and the APNs banner fresh while a screen that shows them is mounted. */
export function useSwitchStatus() {
  useEffect(() => {
    const refresh = () => void useWizardStore.getState().refreshSwitchStatus();
    refresh();
    const timer = window.setInterval(refresh, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, []);
  return useWizardStore((state) => state.switchStatus);
}
