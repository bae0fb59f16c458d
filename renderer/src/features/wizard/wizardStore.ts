import { create } from 'zustand';
import type { SwitchStatus, TenantFact, WizardView } from '../../../../electron/contract/wizard';
import { attempt, callApi, messageOf } from '../../api/callApi';

/** The sidebar's extra entry after the phases: the deadlines measured from the switch. */
export const TIMELINE_VIEW = 'timeline';

interface WizardState {
  wizard: WizardView | null;
  /** Question inputs need each fact's type and choices; the Tenant page keeps its own copy. */
  facts: readonly TenantFact[];
  /** The phase shown, or TIMELINE_VIEW; null until the wizard says where the consultant left off. */
  view: string | null;
  /** The name every tick, answer and override is recorded under. */
  actor: string;
  loading: boolean;
  error: string | null;
  switchStatus: SwitchStatus | null;
  load(): Promise<void>;
  show(view: string): void;
  setActor(actor: string): void;
  /** Runs an action, then reloads the wizard; returns false (with the error shown) if refused. */
  act(action: () => Promise<unknown>): Promise<boolean>;
  goToStep(stepId: string): Promise<void>;
  refreshSwitchStatus(): Promise<void>;
  dismissError(): void;
}

/** What a snapshot starts with: no wizard loaded, no phase chosen, nothing refused. */
const FRESH = { wizard: null, facts: [], view: null, error: null, switchStatus: null } as const;

export const useWizardStore = create<WizardState>((set, get) => ({
  ...FRESH,
  actor: '',
  loading: false,
  async load() {
    set({ loading: true });
    try {
      const [wizard, facts] = await Promise.all([callApi('wizard.get', {}), callApi('tenant.facts', {})]);
      // The first load lands on the phase of the step the consultant left off at.
      const view = get().view ?? wizard.phases.find((phase) => phase.steps.some((step) => step.id === wizard.currentStepId))?.id ?? wizard.phases[0]!.id;
      set({ wizard, facts, view });
    } catch (error) {
      set({ error: messageOf(error) });
    } finally {
      set({ loading: false });
    }
  },
  show: (view) => set({ view }),
  setActor: (actor) => set({ actor }),
  act: (action) => attempt(() => action().then(() => Promise.all([get().load(), get().refreshSwitchStatus()])), (error) => set({ error })),
  async goToStep(stepId) {
    try {
      await callApi('wizard.goToStep', { stepId });
      set((state) => (state.wizard ? { wizard: { ...state.wizard, currentStepId: stepId } } : {}));
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },
  async refreshSwitchStatus() {
    try {
      set({ switchStatus: await callApi('wizard.switchStatus', {}) });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },
  dismissError: () => set({ error: null }),
}));

/** A new snapshot starts the wizard afresh: where it left off comes from that snapshot. */
export function resetWizard(actor: string): void {
  useWizardStore.setState({ ...FRESH, actor });
}
