import type { StateCreator } from 'zustand';
import { request } from '../../lib/messaging/client';
import type { PlanRecord } from '../../lib/model/call-plan';
import { restoredDraftOf } from './draft';
import { errorMessageOf } from './session-slice';
import { createShownPlans, type ShownPlans } from './shown-plans';
import type { PanelState } from './store';
import type { PanelDeps } from './store-deps';

export type PlansState = { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string };

export interface PlansSlice {
  opportunityId: string;
  /** The saved plans of the current opportunity, as the background last returned them. */
  plans: PlanRecord[];
  plansState: PlansState;
  /** Plans and the drafts kept from earlier visits; `quiet` keeps the list on screen meanwhile. */
  loadPlans(options?: { quiet?: boolean }): Promise<void>;
  /** The page moved to another opportunity without reloading the panel. */
  switchOpportunity(opportunityId: string): void;
  /** Puts the background's copy of a saved plan into the list. */
  acceptSavedPlan(plan: PlanRecord): void;
}

export const createPlansSlice =
  (
    deps: PanelDeps,
    opportunityId: string,
    shown: ShownPlans = createShownPlans(),
  ): StateCreator<PanelState, [], [], PlansSlice> =>
  (set, get) => ({
    opportunityId,
    plans: [],
    plansState: { kind: 'loading' },
    async loadPlans({ quiet = false } = {}) {
      const forOpportunity = get().opportunityId;
      if (!quiet) set({ plansState: { kind: 'loading' } });
      try {
        const [plans, kept] = await Promise.all([
          request(deps.send, 'plans:list', { origin: deps.origin, opportunityId: forOpportunity }),
          request(deps.send, 'drafts:list', { origin: deps.origin, opportunityId: forOpportunity }),
        ]);
        // An answer for an opportunity the rep already left must not replace the current list.
        if (get().opportunityId !== forOpportunity) return;
        const drafts = { ...get().drafts };
        // A copy in memory is newer than the one the background kept.
        const restored = kept.filter((draft) => !drafts[draft.planKey]);
        for (const draft of restored) drafts[draft.planKey] = restoredDraftOf(draft.plan, draft.isNew, draft.savedAt);
        const latest = restored[0];
        set({
          plans,
          drafts,
          plansState: { kind: 'ready' },
          // Bring back what the rep was typing, so nothing waits unseen.
          editingKey: get().editingKey ?? latest?.planKey ?? null,
        });
      } catch (error) {
        if (get().opportunityId === forOpportunity && !quiet) {
          set({ plansState: { kind: 'error', message: errorMessageOf(error) } });
        }
      }
    },
    switchOpportunity(next) {
      if (next === get().opportunityId) return;
      get().leaveDraft();
      // Plans shown before come back at once; the background's answer then brings any change.
      const recalled = shown.recall(next);
      set({
        opportunityId: next,
        plans: recalled ?? [],
        plansState: recalled ? { kind: 'ready' } : { kind: 'loading' },
        editingKey: null,
        context: null,
      });
      if (get().session.kind === 'signed-in') {
        void get().loadPlans({ quiet: recalled !== undefined });
        void get().loadContext();
      }
    },
    acceptSavedPlan(plan) {
      if (plan.opportunityId !== get().opportunityId) return;
      const plans = get().plans;
      const known = plans.some((p) => p.planKey === plan.planKey);
      set({ plans: known ? plans.map((p) => (p.planKey === plan.planKey ? plan : p)) : [...plans, plan] });
    },
  });
