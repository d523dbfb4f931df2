import type { StateCreator } from 'zustand';
import { request } from '../../lib/messaging/client';
import type { CallPlan } from '../../lib/model/call-plan';
import { errorMessageOf } from './session-slice';
import type { PanelState } from './store';
import type { PanelDeps } from './store-deps';

export type PlansState = { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string };

export interface PlansSlice {
  opportunityId: string;
  /** The saved plans of the current opportunity, as the background last returned them. */
  plans: CallPlan[];
  plansState: PlansState;
  loadPlans(): Promise<void>;
  /** The content script moved to another opportunity without reloading the frame. */
  switchOpportunity(opportunityId: string): void;
  /** Puts the background's copy of a saved plan into the list. */
  acceptSavedPlan(plan: CallPlan): void;
}

export const createPlansSlice =
  (deps: PanelDeps, opportunityId: string): StateCreator<PanelState, [], [], PlansSlice> =>
  (set, get) => ({
    opportunityId,
    plans: [],
    plansState: { kind: 'loading' },
    async loadPlans() {
      const forOpportunity = get().opportunityId;
      set({ plansState: { kind: 'loading' } });
      try {
        const plans = await request(deps.send, 'plans:list', { origin: deps.origin, opportunityId: forOpportunity });
        // An answer for an opportunity the rep already left must not replace the current list.
        if (get().opportunityId === forOpportunity) set({ plans, plansState: { kind: 'ready' } });
      } catch (error) {
        if (get().opportunityId === forOpportunity) {
          set({ plansState: { kind: 'error', message: errorMessageOf(error) } });
        }
      }
    },
    switchOpportunity(next) {
      if (next === get().opportunityId) return;
      get().leaveDraft();
      set({ opportunityId: next, plans: [], editingKey: null });
      if (get().session.kind === 'signed-in') void get().loadPlans();
    },
    acceptSavedPlan(plan) {
      if (plan.opportunityId !== get().opportunityId) return;
      const plans = get().plans;
      const known = plans.some((p) => p.planKey === plan.planKey);
      set({ plans: known ? plans.map((p) => (p.planKey === plan.planKey ? plan : p)) : [...plans, plan] });
    },
  });
