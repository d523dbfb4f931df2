import type { StateCreator } from 'zustand';
import { request } from '../../lib/messaging/client';
import type { OpportunityContext } from '../../lib/model/opportunity-context';
import type { PanelState } from './store';
import type { PanelDeps } from './store-deps';

export interface ContextSlice {
  /** What Salesforce knows of the current opportunity; null until the background answered. */
  context: OpportunityContext | null;
  /** Asks for the local copy at once, then again once the background refreshed it from Salesforce. */
  loadContext(): Promise<void>;
  /** A plan is the signed-in user's to edit (a manager reads a rep's plan and coaches). */
  isReadOnly(planKey: string): boolean;
  /** New plans are for the opportunity's owner; a manager on a rep's deal coaches instead. */
  canPlan(): boolean;
  saveCoachNote(planKey: string, coachNote: string): Promise<void>;
}

export const createContextSlice =
  (deps: PanelDeps): StateCreator<PanelState, [], [], ContextSlice> =>
  (set, get) => ({
    context: null,
    async loadContext() {
      const opportunityId = get().opportunityId;
      const ask = (refresh: boolean) =>
        request(deps.send, 'opportunity:context', { origin: deps.origin, opportunityId, refresh });
      try {
        const local = await ask(false);
        if (get().opportunityId === opportunityId) set({ context: local });
        const refreshed = await ask(true);
        if (get().opportunityId !== opportunityId) return;
        set({ context: refreshed });
        // The pull may have brought plans written elsewhere (another browser, a manager's note).
        if (refreshed.fetchedAt !== local.fetchedAt) await get().loadPlans({ quiet: true });
      } catch (error) {
        // The header is a help, not a need: plans still work without it.
        console.warn('Precall: no opportunity context', error);
      }
    },
    isReadOnly(planKey) {
      const session = get().session;
      const plan = get().plans.find((p) => p.planKey === planKey);
      return session.kind === 'signed-in' && plan !== undefined && plan.ownerId !== session.session.userId;
    },
    canPlan() {
      const session = get().session;
      const owner = get().context?.opportunity?.ownerId;
      return !(session.kind === 'signed-in' && owner && owner !== session.session.userId);
    },
    async saveCoachNote(planKey, coachNote) {
      const saved = await request(deps.send, 'plan:coach-note', { origin: deps.origin, planKey, coachNote });
      get().acceptSavedPlan(saved);
    },
  });
