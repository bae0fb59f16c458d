import { useEffect } from 'react';
import { useWizardStore } from './wizardStore';

/** Countdowns move with the real clock: the main side recomputes them on each refresh. */
const REFRESH_MS = 30_000;

/**
 * Keeps the switch timeline and the APNs banner fresh while a snapshot is open. The app-wide
 * banner (mounted once per open snapshot) runs it; the timeline reads the same store entry.
 */
export function useSwitchStatusRefresh(): void {
  useEffect(() => {
    const refresh = () => void useWizardStore.getState().refreshSwitchStatus();
    refresh();
    const timer = window.setInterval(refresh, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, []);
}
